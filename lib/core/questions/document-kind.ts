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
import type { Addressee, DocumentKindRules, ProposalDecision, ProposalKind } from '../rules/document-kind';
import { openingBlocks } from './page-window';
import { outcomeOf, type DocumentOutcome } from './outcome';

export interface DocumentOpening {
  kind?: ProposalKind;
  decision?: ProposalDecision;
  /** Set when the questions go to the burgemeester, not the college (a motie's dictum, "artikel 151c"). */
  addressee?: Extract<Addressee, 'burgemeester'>;
  /** The meeting's date as the opening writes it ("12 juni 2025": "in vergadering bijeen op 12 juni 2025"). */
  date?: string;
  /** Set when a motie's or amendement's dictum asks for a study of the technology, not for its deployment. */
  asks?: 'study';
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
export function findWords(text: string, words: string, from = 0): number {
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

/** The clauses of the document's opening (the rules' window), folded. */
function openingClauses(text: string, rules: DocumentKindRules): string[] {
  return text
    .slice(0, rules.window)
    .split('\n')
    .map(fold)
    .filter(Boolean)
    .flatMap((b) => clauseStarts(b).map((at) => b.slice(at)));
}

/** The index of the clause that opens a motie or amendement ("De raad …, in vergadering bijeen"), or -1. */
function assemblyAt(clauses: readonly string[], rules: DocumentKindRules): number {
  const { assembly } = rules;
  return clauses.findIndex((c) => {
    if (!startsWithAny(c, assembly.start)) return false;
    return assembly.phrase.some((p) => {
      const at = findWords(c, p);
      return at >= 0 && at <= assembly.within;
    });
  });
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "12 juni 2025" at the start of `s` (a day, a Dutch month, a year), or undefined. */
function writtenDate(s: string): string | undefined {
  const [day, month, year] = s.split(' ', 3);
  if (!day || !month || !year) return undefined;
  const y = year.replace(/[,.;:)]+$/, '');
  if (!/^\d{1,2}$/.test(day) || !MONTHS.includes(month) || !/^\d{4}$/.test(y) || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${Number(day)} ${month} ${y}`;
}

/** The meeting's date in the opening's clause: after "in vergadering bijeen", one of the rules' leads, then a written date. */
function assemblyDate(clauses: readonly string[], rules: DocumentKindRules): string | undefined {
  const c = clauses[assemblyAt(clauses, rules)];
  if (!c) return undefined;
  for (const p of rules.assembly.phrase) {
    const at = findWords(c, p);
    if (at < 0) continue;
    const rest = c.slice(at + p.length).trimStart();
    for (const lead of rules.assembly.dateLeads) if (startsWithAny(rest, [lead])) return writtenDate(rest.slice(lead.length).trimStart());
  }
  return undefined;
}

/** Whether a clause after the opening (or the opening's own, `first`) starts with one of the sequences. */
function dictumIn(c: string, first: boolean, sequences: readonly (readonly string[])[], gap: number): boolean {
  for (const seq of sequences) {
    if (startsWithSequence(c, seq, gap)) return true;
    const inside = first ? findWords(c, seq[0]!) : -1;
    if (inside > 0 && startsWithSequence(c.slice(inside), seq, gap)) return true;
  }
  return false;
}

/** The document's opening, clause by clause, within the rules' window. */
function openingKind(clauses: readonly string[], rules: DocumentKindRules): ProposalKind | undefined {
  for (const k of rules.kinds) if (clauses.some((c) => k.alone.some((seq) => startsWithSequence(c, seq, rules.gap)))) return k.kind;
  const opened = assemblyAt(clauses, rules);
  if (opened < 0) return undefined;
  // The dictum comes after the opening, or in its own clause ("De raad …, in vergadering bijeen …, verzoekt het college …").
  const rest = clauses.slice(opened);
  for (const k of rules.kinds) if (rest.some((c, i) => dictumIn(c, i === 0, k.dictum, rules.gap))) return k.kind;
  return undefined;
}

/**
 * Whom the questions go to. A motie's dictum decides where it names anyone: the burgemeester when
 * every dictum that names someone names the burgemeester alone ("Verzoekt de burgemeester:"; the
 * college's sequences are tried first, so "verzoekt de burgemeester en wethouders" is the college).
 * Otherwise the burgemeester's own competence said in the text's first part ("artikel 151c",
 * "de burgemeester is bevoegd"), else the college (undefined).
 */
function addresseeOf(text: string, clauses: readonly string[], rules: DocumentKindRules): DocumentOpening['addressee'] {
  const { addressee } = rules;
  const opened = assemblyAt(clauses, rules);
  if (opened >= 0) {
    let college = false;
    let burgemeester = false;
    for (const [i, c] of clauses.slice(opened).entries()) {
      if (dictumIn(c, i === 0, addressee.college, rules.gap)) college = true;
      else if (dictumIn(c, i === 0, addressee.burgemeester, rules.gap)) burgemeester = true;
    }
    if (college || burgemeester) return burgemeester && !college ? 'burgemeester' : undefined;
  }
  const head = fold(text.slice(0, addressee.window));
  return addressee.competence.some((seq) => sequenceIn(head, seq, rules.gap)) ? 'burgemeester' : undefined;
}

/**
 * Whether the dictum asks for a study ("verzoekt het college onderzoek te doen naar …"), not for
 * the deployment: read in parts (a line cut at its clause starts, not overlapping) from the first
 * that starts a dictum to one that starts with an end word; its first request (the first part
 * with a request word) names a study word, and no part without one names a deploy word ("… te
 * onderzoeken, en de camera's daarna in te zetten" asks both).
 */
function studyOf(text: string, rules: DocumentKindRules): DocumentOpening['asks'] {
  const { study } = rules;
  const parts = text
    .slice(0, rules.window)
    .split('\n')
    .map(fold)
    .filter(Boolean)
    .flatMap((b) => {
      const starts = clauseStarts(b);
      return starts.map((at, i) => b.slice(at, starts[i + 1]));
    });
  const from = parts.findIndex((c) => rules.kinds.some((k) => dictumIn(c, false, k.dictum, rules.gap)));
  if (from < 0) return undefined;
  const names = (part: string, words: readonly string[]) => words.some((w) => findWords(part, w) >= 0);
  let first: boolean | undefined;
  for (const part of parts.slice(from)) {
    if (startsWithAny(part, study.end)) break;
    const studies = names(part, study.words);
    // Its first request decides what it is about: a study ("onderzoek te doen naar …"), not one
    // item among others ("het gebruik op te schorten …; te onderzoeken of … volstaat").
    if (first === undefined && names(part, study.request)) first = studies;
    if (!studies && names(part, study.deploy)) return undefined;
  }
  return first ? 'study' : undefined;
}

/** The pieces in order anywhere in `text` as whole words, each at most `gap` characters after the one before. */
function sequenceIn(text: string, pieces: readonly string[], gap: number): boolean {
  for (let at = findWords(text, pieces[0]!); at >= 0; at = findWords(text, pieces[0]!, at + 1)) {
    if (startsWithSequence(text.slice(at, at + pieces.join(' ').length + gap * pieces.length), pieces, gap)) return true;
  }
  return false;
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

/** A short block's outcome: a stamp ("Aangenomen"), a lead and the outcome ("De motie is verworpen"), or a field ("Uitslag stemming: Aangenomen"). */
function blockDecision(b: string, rules: DocumentKindRules['decision']): ProposalDecision | undefined {
  let d = outcomeAt(b, rules);
  for (const lead of rules.leads) if (!d && startsWithAny(b, [lead])) d = outcomeAt(b.slice(lead.length).trim(), rules);
  for (const label of rules.labels) {
    if (d) break;
    const at = findWords(b, label);
    if (at >= 0) d = outcomeAt(b.slice(at + label.length).trim(), rules, true);
  }
  return d;
}

/** The outcome word `s` ends with, the longest where two end it ("niet aangenomen", not "aangenomen"). */
function endingOutcome(s: string, rules: DocumentKindRules['decision']): ProposalDecision | undefined {
  let best: { decision: ProposalDecision; length: number } | undefined;
  for (const o of rules.outcomes) {
    for (const w of o.words) {
      if (s.endsWith(w) && !isWordChar(s[s.length - w.length - 1]) && (!best || w.length > best.length)) best = { decision: o.decision, length: w.length };
    }
  }
  return best?.decision;
}

/**
 * The outcome a sentence about the document itself says: "de motie wordt verworpen met 12 stemmen
 * voor …" (the outcome first), "de motie wordt met 12 stemmen voor en 17 stemmen tegen verworpen"
 * (after the votes, as its last word). Only with one of the rules' sentence leads: "het
 * raadsvoorstel is daarna aangenomen" is no outcome of the motie.
 */
function sentenceDecision(s: string, rules: DocumentKindRules['decision']): ProposalDecision | undefined {
  for (const lead of rules.sentence.leads) {
    if (!startsWithAny(s, [lead])) continue;
    const rest = s.slice(lead.length).trim();
    return outcomeAt(rest, rules) ?? (startsWithAny(rest, rules.sentence.votes) ? endingOutcome(rest, rules) : undefined);
  }
  return undefined;
}

/** What fold() takes off a line's start: white space and a list mark. */
const LIST_MARK_OR_SPACE = ' \t\r\f\v\u00a0-–•●▪*·';

/** The first letters of the rules' sentence leads ("d", "h") and their longest length, per rules object. */
const leadStarts = new WeakMap<DocumentKindRules['decision'], { letters: ReadonlySet<string>; length: number }>();

function leadStartsOf(rules: DocumentKindRules['decision']): { letters: ReadonlySet<string>; length: number } {
  let starts = leadStarts.get(rules);
  if (!starts) leadStarts.set(rules, (starts = { letters: new Set(rules.sentence.leads.map((l) => l[0]!)), length: Math.max(...rules.sentence.leads.map((l) => l.length)) }));
  return starts;
}

/**
 * A line's first sentence, folded, when it is at most the rules' sentence.maxLength long (only
 * that many characters of the line are read, twice over for white space: linear in the text);
 * '' at once when the line's first word starts no lead (most lines: the fold is the cost).
 */
function firstSentence(text: string, start: number, end: number, rules: DocumentKindRules['decision']): string {
  const starts = leadStartsOf(rules);
  // The line's first letter past white space and a list mark, before any fold; then its first
  // words, folded, against the leads (a Dutch line often starts with "de" or "het").
  let at = start;
  while (at < end && at < start + 16 && LIST_MARK_OR_SPACE.includes(text[at]!)) at++;
  if (at >= end || !starts.letters.has(text[at]!.toLowerCase())) return '';
  const head = fold(text.slice(at, Math.min(end, at + starts.length * 2)));
  if (!rules.sentence.leads.some((l) => head.startsWith(l))) return '';
  const max = rules.sentence.maxLength;
  const cut = Math.min(end, start + max * 2);
  const b = fold(text.slice(start, cut));
  const stop = b.indexOf('. ');
  const s = stop >= 0 ? b.slice(0, stop) : cut < end ? '' : b;
  return s.length <= max ? s : '';
}

/**
 * What the raad did with it, as the lines of `text` say, added to `found`: a short block (a stamp,
 * a field, "De motie is aangenomen"), or a line whose first sentence says it of the document
 * itself ("De motie is verworpen met 12 stemmen voor en 15 stemmen tegen. Voor: …").
 */
function decisionsIn(text: string, rules: DocumentKindRules['decision'], found: Set<ProposalDecision>): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let d: ProposalDecision | undefined;
    if (end - start <= rules.maxBlock * 2) {
      const b = fold(text.slice(start, end));
      if (b.length <= rules.maxBlock) d = blockDecision(b, rules);
    }
    d ??= sentenceDecision(firstSentence(text, start, end, rules), rules);
    if (d) found.add(d);
    start = end + 1;
  }
}

/**
 * What a list's row says the raad did with the document it links (iBabs, NotuBiz lists of moties
 * with a status column): `cells`, the row's other cells one per line, read as a motie's short
 * blocks are ("Aangenomen", "Status: verworpen"); undefined when none says, or two say differently.
 */
export function listedDecision(cells: string, rules: DocumentKindRules): ProposalDecision | undefined {
  const found = new Set<ProposalDecision>();
  decisionsIn(cells, rules.decision, found);
  return found.size === 1 ? [...found][0] : undefined;
}

/** The kind the text's opening shows (motie, amendement), for one what the raad did with it, and whom the questions go to. */
export function documentOpening(text: string, rules: DocumentKindRules): DocumentOpening {
  return blocksOpening([text], rules);
}

/** What became of the document a whole text is, as its reading takes it (./outcome.ts): the CLI's, the PDF's, the eval's. */
export function textOutcome(text: string, rules: DocumentKindRules): DocumentOutcome {
  const { kind, decision } = documentOpening(text, rules);
  return outcomeOf(kind, decision);
}

/** documentOpening of a web page's blocks, read as far as the rules' pageWindow. */
export function pageOpening(blocks: Iterable<string>, rules: DocumentKindRules): DocumentOpening {
  return blocksOpening(blocks, rules, rules.pageWindow);
}

/**
 * documentOpening over a text given as blocks (a page's: each block one or more lines, joined by a
 * line break as the page's report joins them), read up to `limit` characters (a page: the rules'
 * pageWindow): the opening from the blocks that make the rules' windows, the decision from every
 * block's short lines; undefined when none says, or two say differently (a list of moties with
 * their outcomes is no one motie's).
 */
function blocksOpening(blocks: Iterable<string>, rules: DocumentKindRules, limit = Infinity): DocumentOpening {
  const size = Math.max(rules.window, rules.addressee.window);
  let head = '';
  const found = new Set<ProposalDecision>();
  for (const part of openingBlocks(blocks, limit)) {
    if (head.length < size) head += head ? `\n${part.slice(0, size - head.length)}` : part.slice(0, size);
    decisionsIn(part, rules.decision, found);
  }
  const clauses = openingClauses(head, rules);
  const kind = openingKind(clauses, rules);
  const decision = found.size === 1 ? [...found][0] : undefined;
  const addressee = addresseeOf(head, clauses, rules);
  const date = kind ? assemblyDate(clauses, rules) : undefined;
  const asks = kind ? studyOf(head, rules) : undefined;
  return { ...(kind ? { kind } : {}), ...(decision ? { decision } : {}), ...(addressee ? { addressee } : {}), ...(date ? { date } : {}), ...(asks ? { asks } : {}) };
}
