// What a document is and what became of it, from its own text: a motie or an amendement whose
// portal label, title or file name do not say so ("document 12345.pdf") is known by its opening —
// a block that starts "De raad … in vergadering bijeen" and, after it, a block that starts with
// the dictum ("Verzoekt het college", "Roept het college op"; an amendement: "besluit … te
// wijzigen") — and what the raad did with it by a short block of its own ("Aangenomen", "De motie
// is verworpen", "Uitslag stemming: Aangenomen met 23 stemmen voor"). A raadsvoorstel that
// quotes a motie ("naar aanleiding van de motie …, waarin de raad in vergadering bijeen …") starts
// no block so. Words from rules/document-kind.json, found as plain text (no RegExp from rule
// text); the opening is bounded (the rules' window), the decision looks at short blocks only, so
// both are linear in the text. Pure.
import type { DocumentKindRules, ProposalDecision, ProposalKind } from '../rules/document-kind';

export interface DocumentOpening {
  kind?: ProposalKind;
  decision?: ProposalDecision;
}

/** A block as the rules' words are written: lower case, white space one space, a list mark and outer punctuation off. */
function fold(block: string): string {
  let s = block.toLowerCase().replace(/\s+/g, ' ').trim();
  // "● Verzoekt het college", "- Aangenomen": a list mark is no word of the block.
  s = s.replace(/^[-–•●▪*·]+\s*/, '');
  return s.replace(/[.!;]+$/, '').trim();
}

const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);

/** Where `words` stand in `text` as whole words from `from` on, or -1. */
function findWords(text: string, words: string, from = 0): number {
  for (let at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
    const before = text[at - 1];
    const after = text[at + words.length];
    const edgeBefore = !isWordChar(words[0]) || !isWordChar(before);
    const edgeAfter = !isWordChar(words[words.length - 1]) || !isWordChar(after);
    if (edgeBefore && edgeAfter) return at;
  }
  return -1;
}

/** The pieces in order at the block's start, each at most `gap` characters after the one before. */
function startsWithSequence(block: string, pieces: readonly string[], gap: number): boolean {
  if (!block.startsWith(pieces[0]!) || isWordChar(block[pieces[0]!.length])) return false;
  let end = pieces[0]!.length;
  for (const p of pieces.slice(1)) {
    const at = findWords(block, p, end);
    if (at < 0 || at - end > gap) return false;
    end = at + p.length;
  }
  return true;
}

function startsWithAny(block: string, words: readonly string[]): boolean {
  return words.some((w) => block.startsWith(w) && !isWordChar(block[w.length]));
}

/**
 * Where a clause starts in a block: its start, and after ". ", "; ", ": " or ", " — a PDF joins a
 * motie's lines into one block where the layout shows no edge ("…, in vergadering bijeen op 8 mei,
 * Constaterende dat:", "… opsporen; Verzoekt het college:"), and a sentence that quotes a motie
 * ("waarin de raad in vergadering bijeen …") has no clause start before its words.
 */
function clauseStarts(block: string): number[] {
  const out = [0];
  for (let i = 2; i < block.length; i++) if (block[i - 1] === ' ' && '.;:,'.includes(block[i - 2]!)) out.push(i);
  return out;
}

/** The document's opening, clause by clause, within the rules' window. */
function openingKind(text: string, rules: DocumentKindRules): ProposalKind | undefined {
  const clauses = text
    .slice(0, rules.window)
    .split('\n')
    .map(fold)
    .filter(Boolean)
    .flatMap((b) => clauseStarts(b).map((at) => b.slice(at)));
  for (const k of rules.kinds) if (clauses.some((c) => k.alone.some((seq) => startsWithSequence(c, seq, rules.gap)))) return k.kind;
  const { assembly } = rules;
  const opened = clauses.findIndex((c) => {
    if (!startsWithAny(c, assembly.start)) return false;
    return assembly.phrase.some((p) => {
      const at = findWords(c, p);
      return at >= 0 && at <= assembly.within;
    });
  });
  if (opened < 0) return undefined;
  // The dictum comes after the opening, or in its own clause ("De raad …, in vergadering bijeen …, verzoekt het college …").
  const rest = clauses.slice(opened);
  for (const k of rules.kinds) {
    for (const [i, c] of rest.entries()) {
      for (const seq of k.dictum) {
        if (startsWithSequence(c, seq, rules.gap)) return k.kind;
        const inside = i === 0 ? findWords(c, seq[0]!) : -1;
        if (inside > 0 && startsWithSequence(c.slice(inside), seq, rules.gap)) return k.kind;
      }
    }
  }
  return undefined;
}

/** The next field of a form on the same line ("Aangenomen Onderwerp: …", "Verworpen Datum: 12 mei"): one or two words and a colon. */
const NEXT_FIELD = /^\p{L}+(?: \p{L}+)?:/u;

/**
 * "aangenomen met 23 stemmen voor": an outcome word, alone or followed by one of the rules'
 * `after` words; a field's value (`field`) also when the form's next field follows it.
 */
function outcomeAt(s: string, rules: DocumentKindRules['decision'], field = false): ProposalDecision | undefined {
  for (const o of rules.outcomes) {
    for (const w of o.words) {
      if (!s.startsWith(w)) continue;
      const rest = s.slice(w.length).trim();
      if (rest === '' || rules.after.some((a) => rest.startsWith(a) && (!isWordChar(a[a.length - 1]) || !isWordChar(rest[a.length])))) return o.decision;
      if (field && s[w.length] === ' ' && NEXT_FIELD.test(rest)) return o.decision;
    }
  }
  return undefined;
}

/** What the raad did with it, as a short block of the document says; undefined when none says, or two say differently. */
function decisionOf(text: string, rules: DocumentKindRules['decision']): ProposalDecision | undefined {
  const found = new Set<ProposalDecision>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start <= rules.maxBlock * 2) {
      const b = fold(text.slice(start, end));
      if (b.length <= rules.maxBlock) {
        let d = outcomeAt(b, rules);
        for (const lead of rules.leads) if (!d && startsWithAny(b, [lead])) d = outcomeAt(b.slice(lead.length).trim(), rules);
        for (const label of rules.labels) {
          if (d) break;
          const at = findWords(b, label);
          if (at >= 0) d = outcomeAt(b.slice(at + label.length).trim(), rules, true);
        }
        if (d) found.add(d);
      }
    }
    start = end + 1;
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The kind the text's opening shows (motie, amendement) and, for one, what the raad did with it. */
export function documentOpening(text: string, rules: DocumentKindRules): DocumentOpening {
  const kind = openingKind(text, rules);
  const decision = decisionOf(text, rules.decision);
  return { ...(kind ? { kind } : {}), ...(decision ? { decision } : {}) };
}
