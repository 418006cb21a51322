// What one sentence says about one safeguard mention: stated, negated, planned or absent. After
// NegEx/ConText: triggers before the term reach forward, triggers after it reach back, within a
// window of words and never past a word that closes the clause ("maar", ";"). On top of that:
// questions and general rules state nothing; a request or a condition makes it planned even under a
// negation ("geen vergunning zonder DPIA"); a list item also hears its lead-in; a heading states nothing.
import type { SafeguardStatus } from '../../rules/status';
import { drain, type Steps } from '../../steps';
import { findPhrases, type CompiledStatusRules, type PhraseMatch, type SafeguardRules, type TriggerDef } from './compile';
import { lastMark, segmentAt, type Segment } from './segment';
import { DocumentTokens, tokenize, type Token } from './tokens';

export interface StatusMentionInput {
  start: number;
  end: number;
  /** The safeguard id (rules/safeguards.json). */
  safeguard: string;
  termId: string;
}

export interface Span {
  start: number;
  end: number;
}

/** The index of the first of `sorted` (by start) that starts at or after `at`; its length when none does. Binary search. */
export function firstStartingFrom(sorted: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type StatusReason =
  | 'sense'
  | 'question'
  | 'generic'
  | 'request'
  | 'negation'
  | 'reversal'
  | 'negation-inverted'
  | 'planned'
  | 'progressive'
  | 'list'
  | 'heading'
  | 'coordination'
  | 'anaphora'
  | 'run-in'
  | 'judgement'
  | 'default'
  /** The layout or the sentence's time decided (structure.ts): a table row's answer, a planning item, a present act with a time ahead. */
  | 'row'
  | 'planning'
  | 'future-time'
  /** The next sentence denies the claim ("Dat bleek niet zo te zijn"). */
  | 'denied'
  /** The safeguard's document covers something else: "Die gaat over de hosting, niet over de camerabeelden" (structure.ts). */
  | 'coverage'
  /** It stands in an advice or request to do it: "haar advies om vooraf een DPIA uit te voeren" (structure.ts). */
  | 'advice'
  /** Keeping, and after it "geen termijn" / "een termijn is nergens vastgesteld" (structure.ts). */
  | 'no-term'
  /** Someone else's claim the document says nobody checked (structure.ts). */
  | 'unchecked'
  /** A one-off act per future case: "gebeurt per geval", "voor elke inzet" (structure.ts). */
  | 'per-case'
  /** A DPIA still to come named as the place of the work: "dat beoordelen wij in de DPIA" (structure.ts). */
  | 'in-document'
  /** The necessity test applied to data that is not processed: "Het is niet noodzakelijk het adres te kennen" (structure.ts). */
  | 'data-test'
  /** The technology named as the subject of the term's clause: "Het algoritme is noodzakelijk voor het doel". */
  | 'subject'
  /** The document's own title names it as the document: "Samenvatting DPIA …" (the document is the DPIA). */
  | 'own-title'
  /** What a toezegging promises to send exists already: "de DPIA, die al is afgerond" (structure.ts). */
  | 'already'
  /** What a toezegging is about: "De toezegging over de DPIA is voor ons voldoende" (structure.ts). */
  | 'promised'
  /** What a rejected motie or amendement asks: nobody carries it out (structure.ts, rejected.ts). */
  | 'rejected'
  /** A voted motie's or amendement's title: the proposal's fate (structure.ts, rejected.ts). */
  | 'title'
  /** The learned model decided otherwise than the rules (index.ts). */
  | 'model';

export interface MentionStatus {
  status: SafeguardStatus;
  /** The sentence (or heading, or list item) that decides it: original offsets. */
  sentence: Span;
  /** What the safeguard is said to cover ("de pilot"), when the sentence narrows it. */
  scope?: Span & { text: string };
  /** The words that decided it ("nog niet", "verzoekt"). */
  cue?: Span;
  reason: StatusReason;
}

/** At most this many characters either side of a mention are read: a "sentence" of a table or a PDF without full stops can be long. */
const WINDOW = 400;
/** How many sentences before a mention may name the technology it is about. */
const SENSE_BEFORE = 10;
/** A lead-in that ends like this, also inside quotes ("… geen keus.”"), is a sentence of its own, not the opening of its list. */
const CLOSED_LEAD = new Set(['.', ';', ',', '!']);
/** Tokens after which a clause opens. */
const CLAUSE_OPENERS = new Set([',', ':', ';', '(']);

interface Analysed {
  tokens: Token[];
  triggers: Array<PhraseMatch & { def: TriggerDef }>;
  hasAux: boolean;
}

/** `mentions` sorted by start; only those inside [from, to) matter. */
function analyse(doc: DocumentTokens, from: number, to: number, rules: CompiledStatusRules, mentions: readonly Span[]): Analysed {
  const tokens = doc.of(from, to);
  // The words of a safeguard term are never a trigger: "geen persoonsgegevens" is a term. Tokens
  // and mentions are both in text order: one sweep.
  const blocked = new Uint8Array(tokens.length);
  let j = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    while (j < mentions.length && mentions[j]!.end <= t.start) j++;
    for (let i = j; i < mentions.length && mentions[i]!.start < t.end; i++) {
      if (mentions[i]!.end > t.start) {
        blocked[k] = 1;
        break;
      }
    }
  }
  // Pseudo-triggers may hold a term ("als alternatief"); real triggers may not, except as the
  // first part of its compound ("Concept-verwerkersovereenkomst").
  const triggers: Analysed['triggers'] = [];
  for (const m of doc.memo(tokens, rules.triggers, () => findPhrases(tokens, rules.triggers))) {
    let overlaps = false;
    for (let k = m.start; k < m.end; k++) if (blocked[k]) overlaps = true;
    for (const def of m.defs) if (!overlaps || def.effect === 'pseudo' || def.inTerm) triggers.push({ ...m, def });
  }
  let hasAux = false;
  for (const t of tokens) if (rules.auxiliaries.has(t.text)) hasAux = true;
  return { tokens, triggers, hasAux };
}

/** The first index in `list` whose `key` is at least `at` (list sorted by key). */
function firstAtLeast<T>(list: readonly T[], at: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The part of an analysed sentence between two offsets, indices counted from its first token. */
function windowOf(whole: Analysed, from: number, to: number): Analysed {
  const ta = firstAtLeast(whole.tokens, from, (t) => t.start);
  const tb = firstAtLeast(whole.tokens, to, (t) => t.start);
  const tokens = whole.tokens.slice(ta, tb);
  const triggers: Analysed['triggers'] = [];
  for (let k = firstAtLeast(whole.triggers, ta, (t) => t.start); k < whole.triggers.length; k++) {
    const t = whole.triggers[k]!;
    if (t.start >= tb) break;
    if (t.end <= tb) triggers.push({ ...t, start: t.start - ta, end: t.end - ta });
  }
  return { tokens, triggers, hasAux: whole.hasAux };
}

/** Token range [first, last+1) of the mention, or null when the window cut it off. */
function mentionRange(tokens: readonly Token[], m: Span): [number, number] | null {
  // The first token that ends after the mention's start (tokens are in text order).
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= m.start) lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < tokens.length && tokens[b]!.start < m.end) b++;
  return b > lo ? [lo, b] : null;
}

function wordsBetween(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (!tokens[k]!.punct) n++;
  return n;
}

function hasAny(tokens: readonly Token[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(tokens[k]!.text)) return true;
  return false;
}

/**
 * "de kosten van de DPIA", "het budget voor de IAMA", and the second of a pair ("de kosten van de
 * DPIA en de IAMA"): the term right after a noun of rules.attributeOf, its link and a determiner.
 * The pair's first member is one word. Reads at most seven tokens back.
 */
function attributeOf(tokens: readonly Token[], ms: number, rules: CompiledStatusRules): boolean {
  const at = rules.attributeOf;
  const ownerAt = (k: number): boolean => {
    if (k >= 0 && at.determiners.has(tokens[k]!.text)) k--;
    return k >= 1 && at.links.has(tokens[k]!.text) && at.nouns.has(tokens[k - 1]!.text);
  };
  let k = ms - 1;
  if (ownerAt(k)) return true;
  // The second of a pair: "… van de DPIA en de IAMA".
  if (k >= 0 && at.determiners.has(tokens[k]!.text)) k--;
  if (k < 1 || !at.coordinators.has(tokens[k]!.text) || tokens[k - 1]!.punct) return false;
  return ownerAt(k - 2);
}

/**
 * A word in [from, to) that ends a trigger's scope: a terminator, except one that can be an adverb
 * ("echter") standing inside its clause, right after a word ("De DPIA gaat echter niet over …").
 */
function hasTerminator(tokens: readonly Token[], from: number, to: number, rules: CompiledStatusRules): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.text;
    if (!rules.terminators.has(w)) continue;
    if (rules.adverbTerminators.has(w) && k > 0 && !tokens[k - 1]!.punct) continue;
    return true;
  }
  return false;
}

/** A sense word in [from, to): the word itself, or a compound ending in it where the rules ask for that. */
function hasSenseWord(tokens: readonly Token[], from: number, to: number, sense: NonNullable<SafeguardRules['sense']>): boolean {
  if (hasAny(tokens, from, to, sense.words)) return true;
  const ends = sense.compoundEnds;
  if (!ends.length) return false;
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.text;
    for (const e of ends) if (w.length > e.length + 2 && w.endsWith(e)) return true;
  }
  return false;
}

function reaches(tr: PhraseMatch & { def: TriggerDef }, range: [number, number], tokens: readonly Token[], rules: CompiledStatusRules): boolean {
  const { def } = tr;
  const [ms, me] = range;
  if (def.inTerm && tr.start === ms && tr.end < me) return true;
  if (def.atStart) return tr.start === 0 && tr.end <= ms;
  if (def.clauseInitial && tr.start > 0 && !CLAUSE_OPENERS.has(tokens[tr.start - 1]!.text)) return false;
  if (def.blockedBy || def.requires) {
    const [a, b] = clauseOf(tokens, range, rules);
    if (def.blockedBy && hasAny(tokens, a, b, def.blockedBy)) return false;
    if (def.requires && !hasAny(tokens, a, b, def.requires)) return false;
  }
  if (tr.end <= ms && def.direction !== 'backward') {
    const gap = wordsBetween(tokens, tr.end, ms);
    if (gap > def.window || gap < def.minGap || hasTerminator(tokens, tr.end, ms, rules)) return false;
    if (def.phraseOnly && hasAny(tokens, tr.end, ms, rules.auxiliaries)) return false;
    if (inClosedRelative(tokens, tr, ms, rules)) return false;
    // "Omdat het om aantallen gaat, is een langere bewaartermijn …": the opening clause ends at its comma.
    const first = tokens.find((t) => !t.punct);
    if (first && rules.subordinators.has(first.text)) {
      const comma = tokens.findIndex((t) => t.text === ',');
      if (comma >= tr.end && comma < ms) return false;
    }
    return true;
  }
  if (tr.start >= me && def.direction !== 'forward') {
    // An insertion between commas ("Een alternatief zonder camera, zoals de milieupas die elders
    // werkt, wordt niet besproken") is neither distance nor a clause of the main sentence.
    const [ia, ib] = insertion(tokens, me, tr.start, rules);
    const gap = wordsBetween(tokens, me, tr.start) - wordsBetween(tokens, ia, ib);
    if (gap > def.window || gap < def.minGap) return false;
    // A clause that starts right after the term is about the term ("de DPIA, die nog niet af is").
    let from = me;
    while (from < tr.start && tokens[from]!.punct) from++;
    if (from < tr.start && (rules.relativeStarts.has(tokens[from]!.text) || (from === me && rules.comparisons.has(tokens[from]!.text)))) from++;
    if (hasTerminator(tokens, me, tr.start, rules)) return false;
    for (let k = from; k < tr.start; k++) {
      if (k >= ia && k < ib) continue;
      // "over die uitbreiding": after a preposition "die" is a determiner.
      if (rules.clauseStarts.has(tokens[k]!.text) && !(k > 0 && rules.prepositions.has(tokens[k - 1]!.text))) return false;
    }
    // Nor past a colon after a clause: what follows explains, a clause of its own ("de FG is niet
    // negatief: zij kan instemmen als …"). Right after the term it is a label and its value ("FG: nog niet gevraagd").
    for (let k = me; k < tr.start; k++) if (tokens[k]!.text === ':' && wordsBetween(tokens, me, k) > 0) return false;
    return true;
  }
  return false;
}

/**
 * The tokens from the first comma to the last in [from, to), when there are two and the main
 * clause resumes after the last: an insertion. [0, 0) if none.
 */
function insertion(tokens: readonly Token[], from: number, to: number, rules: CompiledStatusRules): [number, number] {
  let first = -1;
  let last = -1;
  for (let k = from; k < to; k++) {
    if (tokens[k]!.text !== ',') continue;
    if (first < 0) first = k;
    last = k;
  }
  if (first < 0 || last === first) return [0, 0];
  const after = tokens[last + 1];
  // The main clause resumes after it: an auxiliary ("…, wordt niet besproken") or a word that opens no clause ("…, nog geen besluit").
  const resumes = after && (rules.auxiliaries.has(after.text) || !(rules.clauseStarts.has(after.text) || rules.terminators.has(after.text) || rules.subordinators.has(after.text) || after.punct));
  return resumes && after.start < tokens[to]!.start ? [first, last + 1] : [0, 0];
}

/**
 * A trigger inside a relative clause that a comma closes before the term does not reach it:
 * "Gegevens van adressen die niet op de lijst komen, worden … verwijderd".
 */
function inClosedRelative(tokens: readonly Token[], tr: PhraseMatch, ms: number, rules: CompiledStatusRules): boolean {
  let comma = -1;
  for (let k = tr.end; k < ms; k++) if (tokens[k]!.text === ',') comma = k;
  if (comma < 0) return false;
  for (let k = tr.start - 1; k >= 0 && tr.start - k <= 8; k--) {
    const w = tokens[k]!.text;
    if (tokens[k]!.punct || rules.terminators.has(w)) return false;
    if (rules.relativePronouns.has(w) && !(k > 0 && rules.prepositions.has(tokens[k - 1]!.text))) return true;
  }
  return false;
}

/** How many words may stand before the term in its clause for it to be the clause's subject ("De FG", "Een DPIA"). */
const SUBJECT_WORDS = 2;

/**
 * A plain negation later in the clause whose subject the term is, with only a coordinated verb
 * phrase between ("… en heeft nog geen advies gegeven"), not a new clause ("… en er is geen DPIA").
 */
function subjectDenied(tokens: readonly Token[], clause: [number, number], range: [number, number], triggers: Analysed['triggers'], rules: CompiledStatusRules): (PhraseMatch & { def: TriggerDef }) | undefined {
  if (wordsBetween(tokens, clause[0], range[0]) > SUBJECT_WORDS) return undefined;
  // Triggers are in text order: start at the first after the term, stop at the clause's end.
  for (let i = firstAtLeast(triggers, range[1], (x) => x.start); i < triggers.length; i++) {
    const t = triggers[i]!;
    if (t.start >= clause[1]) break;
    if (t.end > clause[1] || t.def.effect !== 'negated' || t.def.requires || t.def.blockedBy || t.def.direction === 'forward') continue;
    let joined = true;
    for (let k = range[1]; k < t.start && joined; k++) {
      const w = tokens[k]!.text;
      // "en" before an auxiliary, or before a preposition that coordinates two phrases of the same
      // predicate ("is bij de aanschaf en bij het aanzetten niet betrokken"), opens no new clause.
      const after = tokens[k + 1]?.text ?? '';
      if ((w === 'en' || w === ',') && !rules.auxiliaries.has(after) && !(w === 'en' && rules.prepositions.has(after))) joined = false;
    }
    if (joined) return t;
  }
  return undefined;
}

/** Where a clause ends for its tense and scope: a terminator, or a colon ("Dat wordt hersteld: de FG krijgt …"). */
const endsClause = (t: Token, rules: CompiledStatusRules): boolean => t.text === ':' || rules.terminators.has(t.text);

/** The clause around the mention: from the last terminator before it to the first clause break after it. */
function clauseOf(tokens: readonly Token[], range: [number, number], rules: CompiledStatusRules): [number, number] {
  let a = range[0];
  while (a > 0 && !endsClause(tokens[a - 1]!, rules)) a--;
  let b = range[1];
  let k = b;
  while (k < tokens.length && tokens[k]!.punct && !endsClause(tokens[k]!, rules)) k++;
  if (k < tokens.length && rules.relativeStarts.has(tokens[k]!.text)) b = k + 1;
  // Right after the term "als" compares ("een alternatief als anoniem solliciteren is … bekeken"): the predicate goes on.
  else if (b < tokens.length && rules.comparisons.has(tokens[b]!.text)) b++;
  while (b < tokens.length && !endsClause(tokens[b]!, rules) && !rules.clauseStarts.has(tokens[b]!.text)) b++;
  return [a, b];
}

function findScope(text: string, tokens: readonly Token[], clause: [number, number], range: [number, number], rules: CompiledStatusRules, techSpans: readonly Span[]): (Span & { text: string }) | undefined {
  const { scope } = rules;
  let best: (Span & { text: string; distance: number }) | undefined;
  for (const m of findPhrases(tokens, scope.triggers, clause[0], clause[1])) {
    if (m.start < range[1] && m.end > range[0]) continue;
    let end = m.end;
    while (end < clause[1] && end - m.end < scope.maxWords && !scope.stops.has(tokens[end]!.text) && !(end >= range[0] && end < range[1])) end++;
    if (end === m.end) continue;
    const start = tokens[m.end]!.start;
    const stop = tokens[end - 1]!.end;
    let named = hasAny(tokens, m.end, end, scope.heads);
    if (!named) for (const s of techSpans) if (s.start < stop && s.end > start) named = true;
    if (!named) continue;
    const distance = m.end <= range[0] ? range[0] - end : m.start - range[1];
    if (!best || distance < best.distance) best = { start, end: stop, text: text.slice(start, stop), distance };
  }
  if (!best) return undefined;
  return { start: best.start, end: best.end, text: best.text.replace(/\s+/g, ' ') };
}

/** The words after "van": up to a clause break, at most six. */
function complementOf(tokens: readonly Token[], from: number, rules: CompiledStatusRules): [number, number] | null {
  let to = from;
  while (to < tokens.length && to - from < 6 && !tokens[to]!.punct && !rules.clauseStarts.has(tokens[to]!.text) && !rules.terminators.has(tokens[to]!.text)) to++;
  return to > from ? [from, to] : null;
}

/** "Ouders zijn pas geïnformeerd toen de camera al hing": told only after the fact (rules late). */
function toldLate(tokens: readonly Token[], range: [number, number], safeguard: string, rules: CompiledStatusRules): boolean {
  const l = rules.late;
  if (!l.safeguards.has(safeguard)) return false;
  const [ca, cb] = clauseOf(tokens, range, rules);
  let pas = -1;
  for (let k = ca; k < cb && pas < 0; k++) if (l.before.has(tokens[k]!.text)) pas = k;
  if (pas < 0) return false;
  for (let k = Math.max(range[1], pas + 1); k < tokens.length; k++) {
    const w = tokens[k]!.text;
    if (l.after.has(w)) return true;
    if (l.afterWithPast.has(w) && (hasAny(tokens, ca, cb, rules.structure.doneWords) || hasAny(tokens, ca, cb, rules.structure.pastWords))) return true;
  }
  return false;
}

/**
 * "De werkwijze wordt na een jaar geëvalueerd: hoe vaak wordt de app gebruikt?": the question after the
 * colon is what the statement before it will answer (rules colonQuestions), so the mention before the
 * colon is no question.
 */
function statementBeforeColon(tokens: readonly Token[], range: [number, number], rules: CompiledStatusRules): boolean {
  const c = rules.colonQuestions;
  let colon = -1;
  for (let k = range[1]; k < tokens.length && colon < 0; k++) if (tokens[k]!.text === ':') colon = k;
  if (colon < 0 || tokens.length === 0) return false;
  const first = tokens[0]!.text;
  if (rules.auxiliaries.has(first) || c.questionWords.has(first)) return false;
  let statement = false;
  for (let k = 0; k < colon; k++) {
    const w = tokens[k]!.text;
    if (c.questionWords.has(w) || w === '?') return false;
    if (c.statement.has(w)) statement = true;
  }
  return statement;
}

/**
 * "Een IAMA wordt niet noodzakelijk geacht", "Opschorten vindt zij niet noodzakelijk": the necessity of
 * a safeguard or a step, not of the processing (rules otherNecessity).
 */
function otherNecessity(tokens: readonly Token[], range: [number, number], safeguard: string, sense: SafeguardRules['sense'] | undefined, techSpans: readonly Span[], rules: CompiledStatusRules): boolean {
  const o = rules.otherNecessity;
  if (!o.safeguards.has(safeguard)) return false;
  const [ca, cb] = clauseOf(tokens, range, rules);
  // Money is never the processing, whatever it pays for ("Het krediet … is noodzakelijk voor de camera's").
  const onTopic = anyTechIn(techSpans, tokens[ca]!.start, tokens[cb - 1]!.end) || (!!sense && hasSenseWord(tokens, ca, cb, sense));
  // Back to the nearest clause start: "De DPIA concludeert dat het beeld … niet noodzakelijk is" judges the beeld.
  for (let k = range[0] - 1; k >= ca && !rules.clauseStarts.has(tokens[k]!.text); k--) {
    const w = tokens[k]!.text;
    const money = o.money.has(w);
    if (!money && (onTopic || !o.nouns.has(w))) continue;
    const before = k > ca && (rules.prepositions.has(tokens[k - 1]!.text) || (k - 1 > ca && rules.prepositions.has(tokens[k - 2]!.text)));
    if (!before) return true;
  }
  return false;
}

/**
 * "Dat alternatief vergelijken wij in de evaluatie": the object first and the verb's subject after it,
 * a present act of ours like "Wij vergelijken dat alternatief" (rules frontedObject).
 */
function frontedObject(tokens: readonly Token[], range: [number, number], safeguard: string, rules: CompiledStatusRules): boolean {
  const f = rules.frontedObject;
  if (!f.safeguards.has(safeguard)) return false;
  const [ca, cb] = clauseOf(tokens, range, rules);
  if (range[0] - ca > f.reach || hasAny(tokens, ca, cb, f.blockedBy)) return false;
  for (let k = range[1]; k < Math.min(cb, range[1] + f.reach + 1) && !tokens[k]!.punct; k++) {
    if (!f.verbs.has(tokens[k]!.text)) continue;
    const one = tokens[k + 1]?.text ?? '';
    return f.subjects.has(one) || f.subjects.has(`${one} ${tokens[k + 2]?.text ?? ''}`);
  }
  return false;
}

/**
 * "Zij adviseert: • de gesprekken niet langer dan dertig dagen te bewaren": an item in a te-infinitive
 * under a lead-in that asks or advises is what is asked (rules askingLeads), not a claim of the item's own.
 */
function askedInList(tokens: readonly Token[], lead: Analysed | undefined, rules: CompiledStatusRules): boolean {
  const q = rules.askingLeads;
  if (!lead || !lead.tokens.some((t) => q.verbs.has(t.text))) return false;
  let te = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (q.carriedOut.has(t.text)) return false;
    if (t.text === q.infinitive && k + 1 < tokens.length && !tokens[k + 1]!.punct) te = true;
  }
  return te;
}

/** A word of the shape of a group of people ("afhalers", "woningzoekenden"), not a listed non-person nor part of a technology term. */
function hasPeopleShape(tokens: readonly Token[], t: { suffixes: readonly string[]; not: readonly string[] }, techSpans: readonly Span[]): boolean {
  if (!t.suffixes.length) return false;
  for (const tok of tokens) {
    const w = tok.text;
    if (tok.punct || !t.suffixes.some((x) => w.length >= x.length + 3 && w.endsWith(x))) continue;
    if (!t.not.some((x) => w.endsWith(x)) && !anyTechIn(techSpans, tok.start, tok.end)) return true;
  }
  return false;
}

/**
 * "geïnformeerd over de planning van de werkzaamheden", "op de hoogte houden van de omleiding": a
 * complement about another topic, and none about the data or the technology in the sentence.
 */
function aboutOtherTopic(
  tokens: readonly Token[],
  o: { after: ReadonlySet<string>; words: readonly string[] },
  sense: SafeguardRules['sense'],
  techSpans: readonly Span[],
  rules: CompiledStatusRules,
): boolean {
  let other = false;
  for (let k = 0; k < tokens.length; k++) {
    if (!o.after.has(tokens[k]!.text)) continue;
    const c = complementOf(tokens, k + 1, rules);
    if (!c) continue;
    const [a, b] = c;
    if ((sense && hasSenseWord(tokens, a, b, sense)) || anyTechIn(techSpans, tokens[a]!.start, tokens[b - 1]!.end)) return false;
    for (let j = a; j < b && !other; j++) other = o.words.some((x) => tokens[j]!.text.endsWith(x));
  }
  return other;
}

export function anyTechIn(techSpans: readonly Span[], from: number, to: number): boolean {
  // techSpans are sorted by start: the one before the first starting at `from` may still reach past it.
  const lo = firstStartingFrom(techSpans, from);
  for (let k = Math.max(0, lo - 1); k < techSpans.length && techSpans[k]!.start < to; k++) {
    if (techSpans[k]!.end > from) return true;
  }
  return false;
}

/** "wordt … uitgevoerd": an auxiliary of the present passive, then a one-off act, and nothing recurring. */
function isProgressive(tokens: readonly Token[], clause: [number, number], rules: CompiledStatusRules): boolean {
  const { progressive } = rules;
  let aux = -1;
  for (let k = clause[0]; k < clause[1]; k++) {
    const w = tokens[k]!.text;
    if (aux < 0 && progressive.auxiliaries.has(w)) aux = k;
    else if (aux >= 0 && progressive.participles.has(w)) return findPhrases(tokens, progressive.recurring, clause[0], clause[1]).length === 0;
  }
  return false;
}

function isTitle(seg: Segment, a: Analysed, rules: CompiledStatusRules): boolean {
  if (!seg.heading) return false;
  // "Wat de FG heeft geadviseerd", "Hoe wij inwoners informeren": a topic, not a claim, auxiliary or not.
  const first = a.tokens.find((t) => !t.punct);
  return !a.hasAux || (!seg.question && first !== undefined && rules.topicHeadings.has(first.text));
}

/**
 * The document's own title that names the safeguard as what the document is ("Publieksamenvatting
 * gegevensbeschermingseffectbeoordeling (DPIA)"): near the start, the term first in the heading or
 * right after a word of the document's kind, and only up to the next line break.
 */
function ownTitle(seg: Segment, a: Analysed, range: [number, number], m: StatusMentionInput, rules: CompiledStatusRules): boolean {
  const t = rules.ownTitles;
  if (seg.start > t.reach || !t.safeguards.has(m.safeguard)) return false;
  let k = 0;
  while (k < range[0] && a.tokens[k]!.punct) k++;
  if (k < range[0] && t.words.has(a.tokens[k]!.text)) k++;
  if (k === range[0]) return true;
  // "(DPIA)" right after the written-out name, one word: the same title.
  return k === range[0] - 2 && a.tokens[k + 1]!.text === '(';
}

/**
 * The status of each mention. `techSpans` are the technology matches in the same text, sorted by
 * start (they decide whether "noodzakelijk" is about the technology, and what a scope names).
 * Linear in the text plus a bounded window per mention.
 */
export function classifyMentions(...args: Parameters<typeof classifySteps>): MentionStatus[] {
  return drain(classifySteps(...args));
}

/** classifyMentions in steps (lib/core/steps.ts): a pause may fall between sentences and between mentions. */
export function* classifySteps(
  text: string,
  mentions: readonly StatusMentionInput[],
  techSpans: readonly Span[],
  rules: CompiledStatusRules,
  /** segmentText of `text`, by the layout of its surface. */
  segments: readonly Segment[],
  doc: DocumentTokens = new DocumentTokens(text),
): Steps<MentionStatus[]> {
  if (mentions.length === 0) return [];
  const bySegment = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    const s = Math.max(0, segmentAt(segments, m.start));
    const list = bySegment.get(s);
    if (list) list.push(i);
    else bySegment.set(s, [i]);
  });
  const out: MentionStatus[] = new Array(mentions.length);
  const leads = new Map<number, Analysed>();

  for (const [si, indexes] of bySegment) {
    yield;
    const seg = segments[si] ?? { start: 0, end: text.length, heading: false, item: false, lead: -1, question: false };
    indexes.sort((a, b) => mentions[a]!.start - mentions[b]!.start);
    const spans = indexes.map((i) => mentions[i]!);

    // A list item hears its lead-in when that is open ("verzoekt het college:", "Wat ontbreekt?"),
    // not when it is a finished sentence of its own.
    let lead: Analysed | undefined;
    const leadSeg = seg.item && seg.lead >= 0 ? segments[seg.lead]! : undefined;
    if (leadSeg && !CLOSED_LEAD.has(lastMark(text, leadSeg))) {
      lead = leads.get(seg.lead);
      if (!lead) {
        lead = analyse(doc, Math.max(leadSeg.start, leadSeg.end - WINDOW), leadSeg.end, rules, []);
        leads.set(seg.lead, lead);
      }
    }
    // The technology may be named a few sentences earlier, or in the lead-in of a list.
    const context = segments[Math.max(0, si - SENSE_BEFORE)] ?? seg;
    const segEnd = Math.max(seg.end, spans.at(-1)!.end);
    const techNear =
      anyTechIn(techSpans, Math.min(context.start, seg.start), segEnd) ||
      (seg.lead >= 0 && anyTechIn(techSpans, segments[seg.lead]!.start, segments[seg.lead]!.end));

    // The sentence is read once; each mention then looks at a window of it: a long "sentence" (a
    // PDF table) full of mentions costs a bounded amount per mention, not the whole sentence each time.
    const whole = analyse(doc, seg.start, segEnd, rules, spans);
    const sentence = { start: seg.start, end: segEnd };
    const short = segEnd - seg.start <= 2 * WINDOW;
    for (let n = 0; n < spans.length; n++) {
      if ((n & 15) === 15) yield;
      const m = spans[n]!;
      const a = short ? whole : windowOf(whole, m.start - WINDOW, m.end + WINDOW);
      let status = decide(text, m as StatusMentionInput, seg, sentence, a, lead, leadSeg, techNear, techSpans, rules);
      if (n > 0 && status.reason === 'default') status = coordinated(text, spans[n - 1]!, out[indexes[n - 1]!]!, m, status, rules) ?? status;
      out[indexes[n]!] = status;
    }
  }
  inheritAnaphora(text, mentions, segments, out, rules);
  judgedAfter(text, mentions, segments, out, rules);
  runInHeadings(text, mentions, segments, out, rules);
  return out;
}

/** How far after a run-in heading's colon a negation standing for its noun is looked for. */
const RUN_IN_REACH = 300;
/** At most this many words (and characters) of the heading noun's complement before its colon. */
const RUN_IN_COMPLEMENT = 6;
const RUN_IN_COMPLEMENT_CHARS = 80;
/** A list item's mark before a run-in heading is at most this many tokens ("T2", "."; "5.2"; "–"). */
const ITEM_MARK_TOKENS = 3;

/**
 * A run-in heading before the term: "Over de FG: de wethouder erkent dat de FG … niet is betrokken"
 * takes the status of the same safeguard in the claim after the colon; "Over de DPIA." or a bare
 * "Privacy by design." that opens a paragraph is a heading that states nothing. Layout, not words:
 * the heading's words are links.runInHeads/runInFill. A list item is no heading.
 */
function runInHeadings(text: string, mentions: readonly StatusMentionInput[], segments: readonly Segment[], out: MentionStatus[], rules: CompiledStatusRules): void {
  const L = rules.links;
  const headOf = (m: StatusMentionInput, seg: Segment, item = false): boolean => {
    if ((seg.item && !item) || seg.question || m.start - seg.start > 40) return false;
    let before = tokenize(text, seg.start, m.start);
    // Round 24: a list item or a numbered line may open with a run-in heading before its colon ("T2.
    // Over de verwerkersovereenkomst met TunnelSafe: de wethouder zegt toe …", "5.2 Over de
    // bewaartermijn …:"): its mark or number is passed over.
    if (item) {
      // A mark is punctuation or a number label ("T2", "5.2"), nothing else.
      let head = 0;
      while (head < before.length && head < ITEM_MARK_TOKENS && (before[head]!.punct || /\d/.test(before[head]!.text))) head++;
      if (head > 0 && !seg.item && !/\d/.test(before[0]!.text)) return false;
      before = before.slice(head);
    }
    if (before.length === 0) return seg.start === 0 || text.charCodeAt(seg.start - 1) === 10;
    return before.length <= 3 && L.runInHeads.has(before[0]!.text) && before.slice(1).every((t) => L.runInFill.has(t.text));
  };
  const after = (m: StatusMentionInput): string => text.slice(m.end, m.end + 3).trimStart()[0] ?? '';
  // Round 24: the heading's noun may have a short complement before the colon ("Over de
  // verwerkersovereenkomst met TunnelSafe:", "Over de bewaartermijn van de overzichtsfoto's:").
  // Where the heading's colon stands, or -1: right after the term, or after a few words without punctuation.
  // Only after a heading word ("Over"): a term opening the line with words and a colon after it is an
  // agenda item's name ("3.2 Evaluatie subsidieregeling gevelrenovatie: conform besloten").
  const colonAt = (m: StatusMentionInput, seg: Segment): number => {
    if (after(m) === ':') return text.indexOf(':', m.end);
    if (!tokenize(text, seg.start, m.start).some((t) => L.runInHeads.has(t.text))) return -1;
    const words = tokenize(text, m.end, Math.min(seg.end, m.end + RUN_IN_COMPLEMENT_CHARS));
    for (let k = 0; k < words.length && k <= RUN_IN_COMPLEMENT; k++) {
      const t = words[k]!;
      if (t.text === ':') return k > 0 ? t.start : -1;
      if (t.punct) return -1;
    }
    return -1;
  };
  // The bare heading first: "Over de DPIA." is a sentence of its own, nothing after the term.
  mentions.forEach((m, i) => {
    const seg = segments[segmentAt(segments, m.start)];
    const own = out[i]!;
    if (!seg || own.reason === 'question' || after(m) !== '.' || seg.end > m.end + 1 || !headOf(m, seg)) return;
    const { cue: _, ...rest } = own;
    out[i] = { ...rest, status: 'absent', reason: 'run-in' };
  });
  linkSameSafeguard(mentions, segments, out, 'next', (m, segment, own, later) => {
    if (later.segment !== segment || own.reason === 'question' || own.reason === 'sense') return null;
    const seg = segments[segment];
    if (!seg || !headOf(m, seg, true) || tokenize(text, seg.start, m.start).length === 0) return null;
    const colon = colonAt(m, seg);
    if (colon < 0 || later.end <= colon) return null;
    return relabel(own, later.status, 'run-in');
  });
  // No later mention of the safeguard, but a negation after the colon that stands for the heading's
  // noun: "Over de DPIA: de wethouder erkent dat er voor de proef geen is gedaan". Only a negation
  // with no noun of its own (an auxiliary or a stop right after it): "geen bezwaar" denies something else.
  mentions.forEach((m, i) => {
    const own = out[i]!;
    if (own.reason !== 'default') return;
    const seg = segments[segmentAt(segments, m.start)];
    if (!seg || !headOf(m, seg, true) || tokenize(text, seg.start, m.start).length === 0) return;
    const colon = colonAt(m, seg);
    if (colon < 0) return;
    const claim = tokenize(text, colon, Math.min(seg.end, colon + RUN_IN_REACH));
    for (let k = 0; k < claim.length; k++) {
      const t = claim[k]!;
      if (t.text === ';' || !L.runInDenials.has(t.text)) continue;
      const next = claim[k + 1];
      if (next && !next.punct && !rules.auxiliaries.has(next.text)) continue;
      const { cue: _, ...rest } = own;
      out[i] = { ...rest, status: 'negated', reason: 'run-in', cue: { start: t.start, end: t.end } };
      return;
    }
    // Or a claim still to come that does not name the noun again: "Over de bewaartermijn: de
    // wethouder zoekt uit hoe lang …", "Over de FG: die wordt in maart gevraagd". The first trigger
    // of the claim's main clause decides (not "erkent dat er een dashboard komt"), and only a planned
    // one of a family that holds for this safeguard.
    let main = 1;
    while (main < claim.length && !rules.clauseStarts.has(claim[main]!.text)) main++;
    const first = findPhrases(claim, rules.triggers, 0, main).find((p) => p.defs.some((d) => d.effect !== 'pseudo'));
    const def = first?.defs.find((d) => d.effect === 'planned' && (!d.safeguards || d.safeguards.has(m.safeguard)));
    if (!first || !def) return;
    const { cue: _, ...rest } = own;
    out[i] = { ...rest, status: 'planned', reason: 'run-in', cue: { start: claim[first.start]!.start, end: claim[first.end - 1]!.end } };
  });
}

/**
 * "… worden zij 'zolang als nodig' bewaard. Dat is geen bewaartermijn.": a sentence that opens
 * with "dat"/"dit" (links.judgingOpeners) and denies the same safeguard judges what the sentence before said of it. The
 * earlier mention, stated only for want of a cue, is then what the judgement says.
 */
function judgedAfter(text: string, mentions: readonly StatusMentionInput[], segments: readonly Segment[], out: MentionStatus[], rules: CompiledStatusRules): void {
  linkSameSafeguard(mentions, segments, out, 'next', (_m, segment, own, later) => {
    if (own.reason !== 'default' || later.segment !== segment + 1 || later.status.status !== 'negated' || later.status.reason !== 'negation') return null;
    const seg = segments[later.segment]!;
    const first = tokenize(text, seg.start, Math.min(seg.end, seg.start + 12))[0];
    return first && rules.links.judgingOpeners.has(first.text) ? relabel(own, later.status, 'judgement') : null;
  });
}

/** How far apart two conjuncts may be, in characters and in words. */
const CONJUNCT_CHARS = 120;
const CONJUNCT_WORDS = 6;

/** A verb form that ends a noun phrase: a participle ("uitgevoerd", "gemaakt", "opgesteld"). */
function isParticiple(word: string): boolean {
  return word.includes('ge') && (word.endsWith('d') || word.endsWith('t') || word.endsWith('en')) && word.length > 4;
}

/**
 * "… informeren over de uitkomsten van de DPIA, de IAMA en de vergelijking met het alternatief": a
 * trigger that reaches the first conjunct reaches the others, however far the window. Only when the
 * words between are a coordination of noun phrases (a comma or "en"/"of", no verb, no clause break)
 * and the first mention's cue stood before it.
 */
function coordinated(text: string, prev: Span, before: MentionStatus, m: Span, own: MentionStatus, rules: CompiledStatusRules): MentionStatus | null {
  if (!before.cue || before.cue.end > prev.start || before.status === 'stated' || before.status === 'absent') return null;
  if (before.reason === 'heading' || before.reason === 'sense' || before.reason === 'question') return null;
  if (m.start - prev.end > CONJUNCT_CHARS || m.start < prev.end) return null;
  const between = tokenize(text, prev.end, m.start);
  let words = 0;
  let joined = false;
  for (const t of between) {
    if (t.text === ',' || rules.links.coordinators.has(t.text)) joined = true;
    else if (t.punct) return null;
    if (t.punct) continue;
    if (++words > CONJUNCT_WORDS) return null;
    if (rules.auxiliaries.has(t.text) || rules.clauseStarts.has(t.text) || rules.terminators.has(t.text) || isParticiple(t.text)) return null;
  }
  if (!joined) return null;
  return { ...own, status: before.status, reason: 'coordination', cue: before.cue };
}

/** How many sentences back "die DPIA" may point. */
const ANAPHORA_SEGMENTS = 2;

/**
 * "Daarom vergelijken wij het eerst met een alternatief. Dat alternatief verwerkt …": a mention
 * that points back with a demonstrative and has no cue of its own is what it points to — still to
 * come, or missing — when the last mention of the same safeguard, a sentence or two before, says so.
 */
function inheritAnaphora(text: string, mentions: readonly StatusMentionInput[], segments: readonly Segment[], out: MentionStatus[], rules: CompiledStatusRules): void {
  linkSameSafeguard(mentions, segments, out, 'previous', (m, segment, own, previous) => {
    if (own.reason !== 'default') return null;
    // "Een bewaartermijn ontbreekt: het voorstel zegt alleen dat de kentekens worden bewaard …":
    // after a colon the sentence explains the denial before it.
    if (previous.segment === segment && previous.status.status === 'negated' && previous.status.reason === 'negation') {
      const between = tokenize(text, previous.end, m.start);
      if (between.some((t) => t.text === ':')) return relabel(own, previous.status, 'judgement');
    }
    if (previous.segment >= segment || segment - previous.segment > ANAPHORA_SEGMENTS) return null;
    const word = tokenize(text, Math.max(own.sentence.start, m.start - 20), m.start).at(-1);
    const inherited = previous.status;
    return word && rules.links.demonstratives.has(word.text) && (inherited.status === 'planned' || inherited.status === 'negated') ? relabel(own, inherited, 'anaphora') : null;
  });
}

/** `own` with the status and cue of the mention that decides it. */
function relabel(own: MentionStatus, from: MentionStatus, reason: StatusReason): MentionStatus {
  const { cue: _, ...rest } = own;
  return { ...rest, status: from.status, reason, ...(from.cue ? { cue: from.cue } : {}) };
}

/**
 * Visits the mentions in text order ('previous') or backwards ('next'), each with the nearest
 * mention of the same safeguard already visited; `link` may give it a new status.
 */
function linkSameSafeguard(
  mentions: readonly StatusMentionInput[],
  segments: readonly Segment[],
  out: MentionStatus[],
  neighbour: 'previous' | 'next',
  link: (m: StatusMentionInput, segment: number, own: MentionStatus, other: Linked) => MentionStatus | null,
): void {
  const sign = neighbour === 'previous' ? 1 : -1;
  const order = mentions.map((_, i) => i).sort((a, b) => sign * (mentions[a]!.start - mentions[b]!.start));
  const seen = new Map<string, Linked>();
  for (const i of order) {
    const m = mentions[i]!;
    const segment = segmentAt(segments, m.start);
    const other = seen.get(m.safeguard);
    const linked = other ? link(m, segment, out[i]!, other) : null;
    if (linked) out[i] = linked;
    seen.set(m.safeguard, { status: out[i]!, segment, end: m.end });
  }
}

interface Linked {
  status: MentionStatus;
  segment: number;
  /** Where the mention ends in the text. */
  end: number;
}

function decide(
  text: string,
  m: StatusMentionInput,
  seg: Segment,
  sentence: Span,
  a: Analysed,
  lead: Analysed | undefined,
  leadSeg: Segment | undefined,
  techNear: boolean,
  techSpans: readonly Span[],
  rules: CompiledStatusRules,
): MentionStatus {
  const done = (status: SafeguardStatus, reason: StatusReason, cue?: Span, scope?: Span & { text: string }): MentionStatus => ({
    status,
    sentence,
    reason,
    ...(cue ? { cue: { start: cue.start, end: cue.end } } : {}),
    ...(scope ? { scope } : {}),
  });
  const range = mentionRange(a.tokens, m);
  if (!range) return done('absent', 'sense');
  const { tokens } = a;
  const s = rules.safeguards.get(m.safeguard);

  // The sense: "noodzakelijke competenties", "de verwerker van het groenafval".
  const sense = s?.sense && (!s.sense.terms || s.sense.terms.has(m.termId)) ? s.sense : null;
  if (sense) {
    const after = tokens[range[1]];
    if (after && sense.otherAfter.has(after.text)) return done('absent', 'sense');
    if (sense.otherSuffixes.length && tokens.some((t) => sense.otherSuffixes.some((x) => t.text.endsWith(x)))) return done('absent', 'sense');
    // "BusCam is daarmee verwerker", "wordt verwerker voor de gemeente": a role, not the agreement.
    if (range[0] > 0 && sense.roleWords.has(tokens[range[0]]!.text) && sense.roleBefore.has(tokens[range[0] - 1]!.text)) return done('absent', 'sense');
    const complement = after && sense.complement.has(after.text) ? complementOf(tokens, range[1] + 1, rules) : null;
    if (complement) {
      // "evaluatie van het subsidiebeleid", "noodzaak tot kostenbeheersing": the complement says what it is about.
      const [a, b] = complement;
      const onTopic = hasSenseWord(tokens, a, b, sense) || anyTechIn(techSpans, tokens[a]!.start, tokens[b - 1]!.end);
      if (!onTopic) return done('absent', 'sense');
    } else if (sense.withoutComplement === 'context' && !(sense.technologyNearby && (techNear || sense.technologyInDocument)) && !hasSenseWord(tokens, 0, tokens.length, sense)) {
      return done('absent', 'sense');
    }
  }
  const termWords = s?.termWords.get(m.termId);
  if (termWords && !hasAny(tokens, 0, tokens.length, termWords.words) && !hasPeopleShape(tokens, termWords, techSpans)) return done('absent', 'sense');
  if (s?.otherTopics && aboutOtherTopic(tokens, s.otherTopics, sense ?? s.sense, techSpans, rules)) return done('absent', 'sense');
  if (attributeOf(tokens, range[0], rules)) return done('absent', 'sense');
  if (otherNecessity(tokens, range, m.safeguard, sense ?? s?.sense, techSpans, rules)) return done('absent', 'sense');
  if (seg.question && !statementBeforeColon(tokens, range, rules)) return done('absent', 'question');
  if (toldLate(tokens, range, m.safeguard, rules)) return done('negated', 'negation');

  const applies = (def: TriggerDef) => !def.safeguards || def.safeguards.has(m.safeguard);
  const inScope = a.triggers.filter((t) => t.def.effect !== 'pseudo' && applies(t.def) && reaches(t, range, tokens, rules));
  const span = (t: PhraseMatch): Span => ({ start: tokens[t.start]!.start, end: tokens[t.end - 1]!.end });
  const leadSpan = (t: PhraseMatch): Span => ({ start: lead!.tokens[t.start]!.start, end: lead!.tokens[t.end - 1]!.end });
  const leadOf = (effect: TriggerDef['effect'], strong?: boolean) =>
    lead?.triggers.find((t) => t.def.effect === effect && applies(t.def) && (strong === undefined || t.def.strong === strong));

  const absent = inScope.find((t) => t.def.effect === 'absent');
  if (absent) return done('absent', absent.def.family === 'question' ? 'question' : 'generic', span(absent));

  const clause = clauseOf(tokens, range, rules);
  const scope = () => findScope(text, tokens, clause, range, rules, techSpans);

  const strong = inScope.find((t) => t.def.effect === 'planned' && t.def.strong);
  if (strong) return done('planned', 'request', span(strong), scope());
  const leadStrong = leadOf('planned', true);
  if (leadStrong) return done('planned', 'list', leadSpan(leadStrong), scope());
  if (askedInList(tokens, lead, rules)) return done('planned', 'list', undefined, scope());

  const negation = inScope.find((t) => t.def.effect === 'negated');
  const leadNegation = negation ? undefined : leadOf('negated');
  if (negation || leadNegation) {
    const cue = negation ? span(negation) : leadSpan(leadNegation!);
    if (negation && inScope.some((t) => t.def.effect === 'reversal' && t.end <= negation.start)) return done('stated', 'reversal', cue, scope());
    const inverted = s?.negationMeansStated;
    if (negation && inverted?.terms.has(m.termId) && inverted.triggers.has(negation.def.phrase)) return done('stated', 'negation-inverted', cue, scope());
    // Only a plain negation needs its verb; "niet vastgelegd", "zegt weinig over" say it is missing on their own.
    if (s?.negationNeeds && (!negation || negation.def.family === 'negation') && !hasAny(tokens, 0, tokens.length, s.negationNeeds)) return done('stated', 'negation-inverted', cue, scope());
    return done('negated', negation ? 'negation' : 'list', cue, scope());
  }

  const planned = inScope.find((t) => t.def.effect === 'planned');
  if (planned) return done('planned', 'planned', span(planned), scope());
  if (frontedObject(tokens, range, m.safeguard, rules)) return done('planned', 'planned', undefined, scope());
  const leadPlanned = leadOf('planned');
  if (leadPlanned) return done('planned', 'list', leadSpan(leadPlanned), scope());

  if (isProgressive(tokens, clause, rules)) return done('planned', 'progressive', undefined, scope());

  if (leadSeg) {
    // "Bijlagen": the items are there; "wordt verstaan onder:": definitions, they state nothing.
    const leadTokens = lead?.tokens ?? tokenize(text, Math.max(leadSeg.start, leadSeg.end - WINDOW), leadSeg.end);
    const intro = findPhrases(leadTokens, rules.listIntros)[0];
    if (intro) {
      const cue = { start: leadTokens[intro.start]!.start, end: leadTokens[intro.end - 1]!.end };
      const status = intro.defs[0]!.family as SafeguardStatus;
      return done(status, status === 'absent' ? 'heading' : 'list', cue, status === 'absent' ? undefined : scope());
    }
  }
  if (isTitle(seg, a, rules)) return ownTitle(seg, a, range, m, rules) ? done('stated', 'own-title') : done('absent', 'heading');
  // Weak evidence for ✓: no cue reached the term. When the term is the subject of its clause and
  // the predicate denies it further on than a window reaches ("De FG is pas na het krantenartikel
  // op de hoogte gebracht en heeft nog geen advies gegeven"), the denial wins.
  const denial = subjectDenied(tokens, clause, range, a.triggers, rules);
  // A safeguard whose plain negation needs its verb ("alternatieven … niet onderzocht") is denied when the clause has that verb.
  const needs = s?.negationNeeds;
  if (denial && !s?.negationMeansStated && (!needs || hasAny(tokens, clause[0], clause[1], needs)) && applies(denial.def)) return done('negated', 'negation', span(denial), scope());
  // The technology named before the term in its clause: the claim is about it ("Het algoritme is
  // noodzakelijk voor het doel"), the sense settled, not a cue-less guess left to the model.
  const subject = sense?.subjectBlockedBy;
  if (subject && range[0] > clause[0] && anyTechIn(techSpans, tokens[clause[0]]!.start, tokens[range[0] - 1]!.end) && !hasAny(tokens, clause[0], clause[1], subject)) {
    return done('stated', 'subject', undefined, scope());
  }
  return done('stated', 'default', undefined, scope());
}
