// The cues of the rule engine as features of one mention, for the learned status model
// (model.ts). General cues only: which trigger families stand where around the term and how far,
// the shape of the sentence, what the rule engine itself decided — never a word of one document.
// What is read: the mention's own sentence (at most WINDOW characters either side of the term),
// the sentence before and the one after (at most NEIGHBOUR characters each, nearest the term),
// and a list item's lead-in (its last NEIGHBOUR characters). Each segment is tokenized once.
// The words read are rules/status.json's `features` lists; a feature's name is fixed here.
import { drain, type Steps } from '../../steps';
import { findPhrases, type CompiledStatusRules, type TriggerDef } from './compile';
import { anyTechIn, type MentionStatus, type Span, type StatusMentionInput } from './classify';
import { segmentAt, type Segment } from './segment';
import { asciiWord, containsWord, startsWith } from './spelled';
import { DocumentTokens, tokenize, type Token } from './tokens';

const WINDOW = 400;
const NEIGHBOUR = 300;
/** Words either side of the term read as themselves (of four letters or more: the short ones have their own features). */
const WORDS = 3;

/** Words between trigger and term, bucketed: near, mid, far. */
function bucket(words: number): string {
  return words <= 2 ? 'near' : words <= 6 ? 'mid' : 'far';
}

/** Only a line this short is read as a table row. */
const ROW_MAX = 200;
/** Cells are separated by a tab, a bar or a wide gap. */
const CELL_GAP = /\t| {3,}|\|/;
/** A letter that would go on a word of a lower-cased cell ("neem" is not "nee"). */
const cellLetter = (c: number): boolean => c >= 97 && c <= 122;

interface Read {
  tokens: Token[];
  triggers: Array<{ start: number; end: number; def: TriggerDef; family: string; effect: string }>;
  /** A recurring word ("jaarlijks", "elke"): a present act that is a standing arrangement. */
  recurring: boolean;
}

function readPiece(tokens: Token[], rules: CompiledStatusRules, doc?: DocumentTokens): Read {
  const triggers: Read['triggers'] = [];
  const found = doc ? doc.memo(tokens, rules.triggers, () => findPhrases(tokens, rules.triggers)) : findPhrases(tokens, rules.triggers);
  for (const m of found) for (const d of m.defs) triggers.push({ start: m.start, end: m.end, def: d, family: d.family, effect: d.effect });
  return { tokens, triggers, recurring: findPhrases(tokens, rules.progressive.recurring).length > 0 };
}

function anyIn(tokens: readonly Token[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(tokens[k]!.text)) return true;
  return false;
}

/** A participle-like verb form ("uitgevoerd", "geïnformeerd", "opgesteld"). */
function participle(w: string): boolean {
  return w.length > 5 && w.includes('ge') && (w.endsWith('d') || w.endsWith('t'));
}

/**
 * A table row around [start, end): the line, if it is short and has cells (wide gaps, a tab or a
 * bar) or an answer of its own ("IAMA uitgevoerd nee"). Features: the row itself, the term in the
 * first cell, the answers and the rules' triggers in the row outside the term.
 */
function rowFeatures(text: string, start: number, end: number, rules: CompiledStatusRules, f: Set<string>): void {
  // The line, looked for no further than ROW_MAX: a text without line breaks is not read again per mention.
  let a = start;
  while (a > 0 && text.charCodeAt(a - 1) !== 10) if (start - --a > ROW_MAX) return;
  let b = end;
  while (b < text.length && text.charCodeAt(b) !== 10) if (++b - a > ROW_MAX) return;
  const line = text.slice(a, b);
  const cells = CELL_GAP.test(line);
  const fw = rules.features;
  // Most short lines are prose: tokenized only when they have cells or could hold an answer (a word or a sign).
  if (!cells && !containsWord(fw.answersSpelled, line, asciiWord) && ![...fw.signs.keys()].some((sign) => line.includes(sign))) return;
  const tokens = tokenize(text, a, b);
  let answer = false;
  for (const t of tokens) if (fw.answers.has(t.text) && (t.start >= end || t.end <= start)) answer = true;
  for (const ch of line) if (fw.signs.has(ch)) answer = true;
  if (!cells && !(answer && tokens.length <= 12)) return;
  f.add('row');
  if (cells && !CELL_GAP.test(text.slice(a, start))) f.add('row:first-cell');
  for (const t of tokens) if (fw.answers.has(t.text) && (t.start >= end || t.end <= start)) f.add(`row:ans:${t.text}`);
  for (const ch of line) if (fw.signs.has(ch)) f.add(`row:ans:${fw.signs.get(ch)!}`);
  for (const m of findPhrases(tokens, rules.triggers)) {
    if (m.start < end && m.end > start) continue;
    for (const d of m.defs) if (d.effect !== 'pseudo') f.add(`row:t:${d.family}`);
  }
  for (const t of tokens) if ((t.start >= end || t.end <= start) && fw.negations.has(t.text)) f.add('row:neg');
  if (!cells) return;
  // The cell after the term's own cell answers for it: "DPIA uitgevoerd      nee      …" reads "nee",
  // "DPIA pinbetalingsdata      deels, alleen aggregatie" reads "deels".
  const rest = text.slice(end, b);
  const gap = CELL_GAP.exec(rest);
  if (!gap) return;
  const next = rest.slice(gap.index).replace(/^[\s|]+/, '');
  if (!next) return;
  const folded = next.slice(0, 40).toLowerCase();
  const cls = fw.cells.find((c) => startsWith(c.phrases, folded, 0, (e) => c.prefix || e >= folded.length || !cellLetter(folded.charCodeAt(e))));
  f.add(`row:cell:${cls ? cls.cls : 'other'}`);
  if (containsWord(fw.cellNegations, folded, cellLetter)) f.add('row:cell-neg');
}

/**
 * After the term in its sentence: a contrast followed by a negation or a qualification ("…, maar die
 * gaat over de app en niet over het model", "…; nu is daarvoor geen termijn", "…, wat geen termijn
 * is"), and whether the contrast points back at the term's thing ("maar die", "; deze").
 */
function contrastFeatures(tokens: readonly Token[], me: number, fw: CompiledStatusRules['features'], f: Set<string>): void {
  let k = me;
  while (k < tokens.length && !(fw.contrast.has(tokens[k]!.text) || tokens[k]!.text === ';')) k++;
  if (k >= tokens.length) return;
  const back = fw.anaphors.has(tokens[k + 1]?.text ?? '') || (tokens[k + 1]?.punct === true && fw.anaphors.has(tokens[k + 2]?.text ?? ''));
  for (let j = k + 1; j < Math.min(tokens.length, k + 16); j++) {
    const w = tokens[j]!.text;
    if (fw.negations.has(w)) {
      f.add('but-neg:a');
      if (back) f.add('but-back-neg:a');
      return;
    }
    if (fw.qualify.has(w)) {
      f.add('but-qual:a');
      return;
    }
  }
}

/**
 * The features of each mention, given what the rule engine said of it (`ruleStatus`, same order).
 * Linear in the text plus a bounded amount per mention.
 */
export function mentionFeatures(...args: Parameters<typeof featureSteps>): string[][] {
  return drain(featureSteps(...args));
}

/** mentionFeatures in steps (lib/core/steps.ts): a pause may fall between mentions. */
export function* featureSteps(
  text: string,
  mentions: readonly StatusMentionInput[],
  ruleStatus: readonly MentionStatus[],
  rules: CompiledStatusRules,
  /** segmentText of `text`, by the layout of its surface. */
  segments: readonly Segment[],
  doc: DocumentTokens = new DocumentTokens(text),
  /** The technology terms of the text, sorted by start: whether the claim's clause is about the technology. */
  techSpans: readonly Span[] = [],
): Steps<string[][]> {
  // A stretch is read once, whichever way it is read again: a sentence is one mention's own and
  // the next mention's sentence before (the reading depends on the stretch alone).
  const cache = new Map<number, Read>();
  const stride = text.length + 1;
  const piece = (from: number, to: number): Read => {
    const k = from * stride + to;
    let r = cache.get(k);
    if (!r) cache.set(k, (r = readPiece(doc.of(from, to), rules, doc)));
    return r;
  };
  // Which safeguards each sentence names: a negation in the next sentence that has a safeguard of
  // its own ("De FG is niet geraadpleegd.") is about that one, not about this mention.
  const named = new Map<number, Set<string>>();
  for (const m of mentions) {
    const si = segmentAt(segments, m.start);
    let set = named.get(si);
    if (!set) named.set(si, (set = new Set()));
    set.add(m.safeguard);
  }
  const otherNamed = (si: number, safeguard: string): boolean => {
    const set = named.get(si);
    return !!set && (set.size > 1 || !set.has(safeguard));
  };
  const fw = rules.features;
  const readOne = (m: StatusMentionInput, i: number): string[] => {
    const f = new Set<string>();
    const r = ruleStatus[i]!;
    f.add(`rule:${r.status}`);
    f.add(`reason:${r.reason}`);
    f.add(`sg:${m.safeguard}`);
    if (r.scope) f.add('scope');
    const si = segmentAt(segments, m.start);
    const seg: Segment = segments[si] ?? { start: 0, end: text.length, heading: false, item: false, lead: -1, question: false };
    if (seg.question) f.add('question');
    if (seg.heading) f.add('heading');
    if (seg.item) f.add('item');

    // The own sentence, as a window around the term.
    const from = Math.max(seg.start, m.start - WINDOW);
    const to = Math.min(Math.max(seg.end, m.end), m.end + WINDOW);
    const own = from === seg.start && to === Math.max(seg.end, m.end) ? piece(from, to) : readPiece(tokenize(text, from, to, doc.words), rules);
    const tokens = own.tokens;
    let ms = 0;
    while (ms < tokens.length && tokens[ms]!.end <= m.start) ms++;
    let me = ms;
    while (me < tokens.length && tokens[me]!.start < m.end) me++;
    let words = 0;
    for (const t of tokens) if (!t.punct) words++;
    f.add(`len:${words <= 4 ? 'tiny' : words <= 10 ? 'short' : words <= 30 ? 'mid' : 'long'}`);
    if (ms === 0 || (ms === 1 && !tokens[0]!.punct && fw.articles.has(tokens[0]!.text))) f.add('term-first');
    // Clause around the term: up to the terminators and clause openers the rules know.
    let ca = ms;
    while (ca > 0 && !(rules.terminators.has(tokens[ca - 1]!.text) || tokens[ca - 1]!.text === ';' || tokens[ca - 1]!.text === ':')) ca--;
    let cb = me;
    // Forward, a subordinate clause ("…, omdat andere middelen niet hebben gewerkt") is a clause of its own.
    while (cb < tokens.length && !(rules.terminators.has(tokens[cb]!.text) || rules.subordinators.has(tokens[cb]!.text) || tokens[cb]!.text === ';' || tokens[cb]!.text === ':')) cb++;
    if (own.recurring) f.add('recurring');
    // The technology named in the term's own clause ("Het algoritme is noodzakelijk voor het doel",
    // "De camerabeelden worden 28 dagen bewaard"): the claim is about it, not about something else.
    if (techSpans.length) {
      const at = (k: number, edge: 'start' | 'end') => tokens[Math.min(Math.max(k, 0), tokens.length - 1)]![edge];
      // Per safeguard too: a technology that "is noodzakelijk" claims necessity; one that "wordt geëvalueerd" is no different from any subject.
      if (ca < ms && anyTechIn(techSpans, at(ca, 'start'), at(ms - 1, 'end'))) f.add('tech:c:b').add(`tech:c:b:${m.safeguard}`);
      if (cb > me && anyTechIn(techSpans, at(me, 'start'), at(cb - 1, 'end'))) f.add('tech:c:a');
    }
    for (const t of own.triggers) {
      if (t.start < me && t.end > ms) {
        f.add(`in:${t.family}`);
        continue;
      }
      const before = t.end <= ms;
      const side = before ? 'b' : 'a';
      let gap = 0;
      const [x, y] = before ? [t.end, ms] : [me, t.start];
      for (let k = x; k < y; k++) if (!tokens[k]!.punct) gap++;
      const clause = before ? t.start >= ca : t.end <= cb;
      // A trigger the clause rules out ("wordt … geëvalueerd" beside "jaarlijks") is a cue of its own.
      const { blockedBy, requires } = t.def;
      if ((blockedBy && anyIn(tokens, ca, cb, blockedBy)) || (requires && !anyIn(tokens, ca, cb, requires))) {
        f.add(`blocked:${t.family}`);
        continue;
      }
      f.add(`s:${t.family}:${side}`);
      f.add(`s:${t.family}:${side}:${bucket(gap)}`);
      f.add(`e:${t.effect}:${side}:${bucket(gap)}`);
      if (clause) f.add(`c:${t.family}:${side}`);
    }
    const first = tokens.find((t) => !t.punct);
    if (first && rules.auxiliaries.has(first.text)) f.add('verb-first');
    if (first && !seg.heading && !seg.item && first === tokens[0] && participle(tokens[tokens.length - 1]?.text ?? '')) f.add('ends-participle');
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!.text;
      const side = k < ms ? 'b' : k >= me ? 'a' : '';
      if (!side) continue;
      const inClause = k >= ca && k < cb;
      if (fw.modals.has(w)) f.add(`modal:${side}${inClause ? ':c' : ''}`);
      if (fw.subjects.has(w) && k < ms) f.add('subject-college');
      if (fw.negations.has(w)) f.add(`neg:${w}:${side}${inClause ? ':c' : ''}`);
      if (fw.questionWords.has(w)) f.add(`wh:${side}`);
      if (fw.answers.has(w)) f.add(`answer:${w}`);
      if (fw.perfect.has(w) && inClause) f.add(`perfect:${side}`);
      if (fw.timeAdverbs.has(w) && inClause) f.add(`time:${w}:${side}`);
      if (fw.subjects.has(w) && k >= me && inClause) f.add('subject-college:a');
      if (fw.other.has(w) && inClause) f.add(`other:${side}`);
      if (fw.trial.has(w) && inClause) f.add(`trial:${side}`);
      if (fw.council.has(w) && inClause) f.add('council:c');
      if (fw.recommend.has(w)) f.add('recommend');
      if (fw.qualify.has(w)) f.add(`qual:${side}${inClause ? ':c' : ''}`);
      if (fw.conditions.has(w)) f.add(`condword:${side}`);
      if (w === 'zonder' && tokens[k + 1]?.text === 'dat') f.add(`zonder-dat:${side}`);
      if (w === 'te' && side === 'a' && inClause && tokens[k + 1] && !tokens[k + 1]!.punct) f.add('te-inf:a');
      if (inClause && /^(19|20)\d\d$/.test(w)) f.add(`year:${side}`);
      if (w === ':') f.add(`colon:${side}`);
      if (participle(w) && inClause && side === 'a') f.add('participle:a');
      if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) f.add('digits');
    }
    // The words right around the term (the model keeps only those that held up in cross-validation).
    for (let k = Math.max(0, ms - WORDS); k < Math.min(tokens.length, me + WORDS); k++) {
      if ((k >= ms && k < me) || tokens[k]!.text.length < 4) continue;
      f.add(`w:${k < ms ? 'b' : 'a'}:${tokens[k]!.text}`);
    }
    // The words right beside the term, short ones too: "informeren naar", "noodzakelijk voor", "zonder dat".
    const pv = tokens[ms - 1];
    const nx = tokens[me];
    if (pv && !pv.punct && pv.text.length < 4) f.add(`pv:${pv.text}`);
    if (nx && (nx.punct || nx.text.length < 4 || rules.prepositions.has(nx.text))) f.add(`nx:${nx.text}`);
    // An imperative: a verb first (after a list number) and then an object or particle: "Voer een
    // DPIA uit", "3. Leg vast waarom …", "Betrek daarbij de FG".
    let v = 0;
    while (v < tokens.length && (tokens[v]!.punct || /^\d+$/.test(tokens[v]!.text) || (v === 0 && tokens[v]!.text.length === 1))) v++;
    const verb = tokens[v];
    const after = tokens[v + 1];
    if (
      verb && after && v < ms && !verb.punct &&
      !rules.segment.functionWords.has(verb.text) && !rules.prepositions.has(verb.text) && !rules.auxiliaries.has(verb.text) &&
      !fw.notImperative.has(verb.text) && !fw.subjects.has(verb.text) && !participle(verb.text) && !verb.text.endsWith('en') &&
      fw.imperativeNext.has(after.text)
    ) f.add('imperative');
    // The tense of the term's clause: perfect ("is … gestuurd"), present passive ("wordt … opgesteld"), modal.
    let aux = '';
    for (let k = ca; k < cb; k++) {
      const w = tokens[k]!.text;
      if (!aux && (fw.perfect.has(w) || rules.progressive.auxiliaries.has(w) || fw.modals.has(w))) aux = fw.modals.has(w) ? 'modal' : fw.perfect.has(w) ? 'perfect' : 'passive';
      else if (aux && (k < ms || k >= me) && participle(w)) {
        f.add(`tense:${aux}`);
        break;
      }
    }
    if (tokens[ms] && tokens[ms]!.start < m.start && text.slice(tokens[ms]!.start, m.start).toLowerCase().startsWith('concept')) f.add('concept-compound');
    if (text.slice(Math.max(0, m.start - 8), m.start).toLowerCase().endsWith('concept-')) f.add('concept-compound');
    // Table-row shape: a short line with an answer cell or several wide gaps.
    // Only a short line is read again: a long "sentence" full of mentions would be read once per mention.
    if (words <= 10 && (/\t| {3,}|\|/.test(text.slice(seg.start, Math.max(seg.end, m.end))) || tokens.some((t) => fw.answers.has(t.text)))) f.add('table-row');
    rowFeatures(text, m.start, m.end, rules, f);
    contrastFeatures(tokens, me, fw, f);

    // The sentences before and after, nearest the term.
    const prev = si > 0 ? segments[si - 1] : undefined;
    if (prev && prev.end <= seg.start) {
      const p = piece(Math.max(prev.start, prev.end - NEIGHBOUR), prev.end);
      for (const t of p.triggers) if (t.effect !== 'pseudo') f.add(`p:${t.family}`);
      if (p.triggers.some((t) => t.effect === 'negated') && !otherNamed(si - 1, m.safeguard)) f.add('p:neg-free');
      if (p.tokens.some((t) => fw.recommend.has(t.text))) f.add('p:recommend');
      if (p.tokens.some((t) => fw.conditions.has(t.text))) f.add('p:condword');
      if (prev.heading) f.add('p:heading');
      if (prev.question) f.add('p:question');
    }
    const next = segments[si + 1];
    if (next && next.start >= seg.end) {
      const n = piece(next.start, Math.min(next.end, next.start + NEIGHBOUR));
      for (const t of n.triggers) if (t.effect !== 'pseudo') f.add(`n:${t.family}`);
      if (n.triggers.some((t) => t.effect === 'negated') && !otherNamed(si + 1, m.safeguard)) f.add('n:neg-free');
      const w0 = n.tokens[0]?.text;
      if (w0 !== undefined && rules.links.judgingOpeners.has(w0)) {
        f.add('n:judging-opener');
        if (n.tokens.some((t) => fw.negations.has(t.text))) f.add('n:judging-neg');
        // The first words of the clause judge what came before: "Dat klopt niet (meer zodra …)", "Dat is geen termijn", "Dit is in strijd met …".
        let c = 0;
        while (c < n.tokens.length && c < 5 && !n.tokens[c]!.punct && !rules.terminators.has(n.tokens[c]!.text)) c++;
        if (anyIn(n.tokens, 0, c, fw.negations)) f.add('n:verdict-neg');
        if (anyIn(n.tokens, 0, c, fw.qualify)) f.add('n:verdict-qual');
      }
      if (n.tokens.some((t) => fw.qualify.has(t.text)) && !otherNamed(si + 1, m.safeguard)) f.add('n:qual-free');
    }
    if (seg.item && seg.lead >= 0) {
      const l = segments[seg.lead]!;
      const lead = piece(Math.max(l.start, l.end - NEIGHBOUR), l.end);
      f.add('lead');
      if (text[l.end - 1] === ':') f.add('lead:colon');
      for (const t of lead.triggers) if (t.effect !== 'pseudo') f.add(`l:${t.family}`);
      if (lead.tokens.some((t) => fw.recommend.has(t.text))) f.add('l:recommend');
      if (lead.tokens.some((t) => fw.conditions.has(t.text))) f.add('l:condword');
    }
    return [...f];
  };
  const out: string[][] = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    if ((i & 7) === 7) yield;
    out[i] = readOne(mentions[i]!, i);
  }
  return out;
}
