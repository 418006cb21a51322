// What the layout and the sentence pair say beside the words: a safeguard in the first cell of a
// table row answers with the row's answer cell; a heading such as "Planning" governs what stands
// under it; a one-off act in the present with a time ahead is still to happen; a claim nobody
// checked is no ✓; the sentence after a statement (or a clause after "maar", "alleen") may limit it.
// General cues of structure, no words of one document: the words are rules/status.json's
// (structure.answerCells, planningHeads, presentAct, claimVerbs …), the shapes are here. Each
// mention reads its own line, the line or two after it, its sentence and the next one, and at most
// HEADING_REACH characters back for a heading: well inside the reading windows (reading-input.ts),
// linear in the text.
import type { SafeguardStatus } from '../../rules/status';
import { drain, type Steps } from '../../steps';
import { firstStartingFrom, type MentionStatus, type StatusMentionInput, type StatusReason } from './classify';
import { findPhrases, longestAt, type CompiledStatusRules } from './compile';
import { segmentAt, type Segment } from './segment';
import { asciiWord, containsWord, startsWith } from './spelled';
import type { DocumentOutcome } from '../outcome';
import { RejectedAsks } from './rejected';
import { DocumentTokens, tokenize, type Token } from './tokens';

/** Only a line this short is read as a table row. */
const ROW_MAX = 200;
/** A label cell (the term's cell) of more words than this is prose, not a row's label. */
const LABEL_MAX_WORDS = 5;
/** Cells are separated by a tab, a bar or a run of two or more spaces. */
const CELL_SPLIT = /\t+|\s*\|\s*| {2,}/;
/** How far back a governing heading is looked for. */
const HEADING_REACH = 900;
/** At most this many segments back to the heading. */
const HEADING_SEGMENTS = 12;
/** The own sentence is read this far either side of the term (a table or a PDF without full stops is one long "sentence"). */
export const OWN_BEFORE = 250;
export const OWN_AFTER = 300;
/** The next sentence is read this far. */
const NEXT_REACH = 300;
/** How many words after the term a connector with the subject left out is looked for ("…, maar heeft geen advies uitgebracht"). */
const ELLIPSIS_REACH = 12;
/** How many words before a claim verb (or its apposition) the claiming party may stand ("de leverancier, X, in de offerte schrijft"). */
const CLAIMANT_REACH = 7;
/** How many words of a complement may stand between the term and a relative clause that says it exists ("de DPIA van het portaal, die al …"). */
const ALREADY_COMPLEMENT = 4;
/** How many words before the term a verb of considering may stand ("overwogen alsnog een evaluatie …"). */
const CONSIDER_REACH = 8;
/** How many words open the next sentence that may point back to a claim ("Of dat zo is, …"). */
const CHECK_LEAD = 3;

/**
 * How an answer cell goes on after its answer word (rules/status.json structure.answerCells):
 * nothing, or a remark after a comma, a bracket or a dash ("ja (sinds juni 2026)", "nee, niet
 * nodig", "deels — 3 van 5 routes"). Layout, not words: a fixed pattern.
 */
const ANSWER_TAIL = /^(?:\s*$|\s*[,(:–—-]|\s+[–—-])/;

export interface StructureReading {
  /** A status the structure decides, with why; none where it only adds cues. */
  status?: SafeguardStatus;
  reason?: StatusReason;
  /** Cue names for the model (features.ts prefixes nothing: they are general). */
  cues: string[];
  /** The next sentence denies this one's claim ("Dat bleek niet zo te zijn"), or a step considered is not taken ("overwogen …, maar …"): where that denial stands. */
  denial?: { start: number; end: number };
  /** The next sentence says the document covers something else ("Die gaat over de hosting, niet over de beelden"): where it stands. */
  covers?: { start: number; end: number };
  /** Where the own sentence's coverage contrast or advice stands (the deciding words). */
  cue?: { start: number; end: number };
  /** Where the deciding passage ends when the next sentence holds the deciding words (no term set). */
  until?: number;
  /** It stands in what a rejected motie or amendement asks: where the line that rejected it stands, or 'document' for the document's own outcome. */
  rejected?: { start: number; end: number } | 'document';
  /** It stands in the title of a motie or amendement the raad voted on (rejected.ts titleFate): the title takes the proposal's fate. */
  titleFate?: 'rejected' | 'adopted';
  /** The term stands in a clause that waits for it ("tot … de FG heeft geadviseerd", "voordat de FG …"): where that clause's word stands. */
  awaited?: number;
}

/** A participle-like verb form ("uitgevoerd", "geïnformeerd", "opgesteld"), as features.ts reads it. */
function participle(w: string): boolean {
  return w.length > 5 && w.includes('ge') && (w.endsWith('d') || w.endsWith('t'));
}

/** An adjectival participle ("uitgevoerde", "afgeronde"): a participle with the inflection's "e". */
function participleAdjective(w: string): boolean {
  return w.endsWith('e') && participle(w.slice(0, -1));
}

/** A year as written in a date ("2026"). */
const YEAR = /^(19|20)\d\d$/;

/**
 * Where the words stand (token range) that say the thing the term names exists already: an
 * "al"/"reeds" with an adjectival participle right before the term ("de al uitgevoerde DPIA"), or
 * "van"/"uit" and a date right after it ("het advies van de FG van 3 november 2026", "uit 2025"):
 * a day with a month, a month with a year, or a year. Null for neither. Reads four tokens either side.
 */
function existsAlready(tokens: readonly Token[], ms: number, me: number, rules: CompiledStatusRules): { start: number; end: number } | null {
  const st = rules.structure;
  if (ms >= 2 && st.alreadyWords.has(tokens[ms - 2]!.text) && participleAdjective(tokens[ms - 1]!.text)) return { start: ms - 2, end: ms };
  if (!st.datedLinks.has(tokens[me]?.text ?? '')) return null;
  const a = tokens[me + 1]?.text ?? '';
  const b = tokens[me + 2]?.text ?? '';
  if (YEAR.test(a)) return { start: me, end: me + 2 };
  if (/^\d{1,2}$/.test(a) && st.months.has(b)) return { start: me, end: me + 3 };
  if (st.months.has(a) && YEAR.test(b)) return { start: me, end: me + 3 };
  return null;
}

/** Only this many words make an item under a planning heading a bare noun phrase ("advies van de FG"). */
const NOMINAL_MAX_WORDS = 8;

/**
 * A sentence that denies the one before it: an opener pointing back ("Dat", "Die evaluatie"), a
 * verb, a negation and then at most a completion, all in a short first clause ("Dat bleek niet zo
 * te zijn: …", "Dat klopt niet.", "Die evaluatie heeft niet plaatsgevonden."). Its first clause, or null.
 */
function denialClause(tokens: readonly Token[], rules: CompiledStatusRules): { start: number; end: number; named?: { start: number; end: number }; act?: boolean } | null {
  const d = rules.structure.denial;
  let clause = 0;
  while (clause < tokens.length && !tokens[clause]!.punct && !rules.terminators.has(tokens[clause]!.text)) clause++;
  if (clause === 0 || clause > d.maxWords) return null;
  const opener = longestAt(tokens, 0, d.openers);
  if (!opener) return null;
  // The opener may name its thing ("Die evaluatie", "Dat gesprek met de FG"): up to three words to the verb.
  let verb = null;
  for (let k = opener.end; k < Math.min(clause, opener.end + 4) && !verb; k++) verb = longestAt(tokens, k, d.verbs);
  if (!verb || verb.end > clause) return null;
  // One or two adverbs may stand before the negation ("Dat is daarna niet gebeurd").
  let neg = -1;
  for (let k = verb.end; k < Math.min(clause, verb.end + 3); k++) if (d.negations.has(tokens[k]!.text)) { neg = k; break; }
  if (neg < 0) return null;
  if (neg + 1 < clause) {
    const done = longestAt(tokens, neg + 1, d.completions);
    // The completion ends the clause: "Dat is niet meer dan redelijk" denies nothing.
    if (!done || done.end !== clause) return null;
  }
  const named = verb.start > opener.end ? { start: tokens[opener.end]!.start, end: tokens[verb.start - 1]!.end } : undefined;
  // The opener may name the act the claim needed instead of the safeguard ("Die toestemming is niet gegeven").
  let act = false;
  for (let k = opener.end; k < verb.start; k++) if (d.acts.has(tokens[k]!.text)) act = true;
  return { start: tokens[0]!.start, end: tokens[clause - 1]!.end, ...(named ? { named } : {}), ...(act ? { act } : {}) };
}

/**
 * From a verb of covering at tokens[verb] ("gaat", "betreft", "geldt"), a contrast in the same clause
 * that leaves part out: "… over A, niet over B", "… A en niet B". A hedge ("vooral", "ook") or a new
 * clause ("dat", "die") before it: no contrast. The index of its "niet", or -1.
 */
function coverageContrast(tokens: readonly Token[], verb: number, rules: CompiledStatusRules): number {
  const cv = rules.structure.coverage;
  for (let k = verb + 1; k < tokens.length && k <= verb + cv.maxWords; k++) {
    const w = tokens[k]!.text;
    if (cv.hedges.has(w) || w === ';' || w === ':' || w === '?' || rules.clauseStarts.has(w)) return -1;
    // Only the two-part contrast: what it covers, then what not. A bare "gaat niet over privacy" may
    // deny an aspect of a document that exists; the negation rules read it.
    if (w === 'niet' && k > verb + 2 && (tokens[k - 1]!.text === ',' || cv.connectors.has(tokens[k - 1]!.text))) return k;
    // Or a second verb of covering that leaves the rest out at the clause's end: "geldt voor alle
    // voorzieningen, maar noemt het toezicht op afstand (nog) niet".
    if (cv.connectors.has(w) && tokens[k - 1]!.text === ',' && cv.verbs.has(tokens[k + 1]?.text ?? '')) {
      for (let j = k + 2; j < tokens.length && j <= k + cv.maxWords; j++) {
        const x = tokens[j]!;
        if (x.text === 'niet') return (tokens[j + 1]?.punct ?? true) ? j : -1;
        if (x.punct || rules.clauseStarts.has(x.text)) return -1;
      }
      return -1;
    }
  }
  return -1;
}

/**
 * "geen (vaste) termijn", "zonder dat daarvoor een termijn", or "een termijn is nergens vastgesteld":
 * a word ending in the term noun with a negation before it (up to three words) or a negation and then
 * a word of setting after it. Where it stands, or null.
 */
function noTermIn(xs: readonly Token[], rules: CompiledStatusRules): { start: number; end: number } | null {
  const nt = rules.structure.noTerm;
  for (let k = 0; k < xs.length; k++) {
    if (!xs[k]!.text.endsWith(nt.nounEnd)) continue;
    for (let j = Math.max(0, k - 4); j < k; j++) if (nt.before.has(xs[j]!.text)) return { start: xs[j]!.start, end: xs[k]!.end };
    for (let j = k + 1; j < Math.min(xs.length, k + 6); j++) {
      if (!nt.after.has(xs[j]!.text)) continue;
      for (let i = j + 1; i < Math.min(xs.length, j + 4); i++) if (nt.setting.has(xs[i]!.text)) return { start: xs[k]!.start, end: xs[i]!.end };
    }
  }
  return null;
}

/**
 * "…, omdat de software zo was ingesteld": after the mention, a word of cause, then "zo", then a
 * participle of setting a device. Where it stands, or null.
 */
function setByDevice(xs: readonly Token[], rules: CompiledStatusRules): { start: number; end: number } | null {
  const d = rules.structure.noTerm.deviceSetting;
  for (let k = 0; k < xs.length; k++) {
    if (!d.because.has(xs[k]!.text)) continue;
    for (let j = k + 1; j < Math.min(xs.length, k + 1 + d.reach); j++) {
      if (xs[j]!.punct) break;
      if (!d.so.has(xs[j]!.text)) continue;
      for (let i = j + 1; i < Math.min(xs.length, j + 4); i++) if (d.participles.has(xs[i]!.text)) return { start: xs[k]!.start, end: xs[i]!.end };
    }
    return null;
  }
  return null;
}

/** A verb of covering at tokens[from] or one word later ("gaat echter over"). */
function coverageVerb(tokens: readonly Token[], from: number, rules: CompiledStatusRules): number {
  for (let k = from; k < Math.min(tokens.length, from + 2); k++) if (rules.structure.coverage.verbs.has(tokens[k]!.text)) return k;
  return -1;
}

/** Words of a complement between the term and its verb ("De privacyverklaring voor medewerkers noemt …"). */
const COMPLEMENT_WORDS = 4;

/** The verb of covering right after the term, or after a short complement opened by a preposition. */
function coverageVerbAfterTerm(tokens: readonly Token[], me: number, rules: CompiledStatusRules): number {
  const direct = coverageVerb(tokens, me, rules);
  if (direct >= 0 || !rules.prepositions.has(tokens[me]?.text ?? '')) return direct;
  for (let k = me + 1; k < Math.min(tokens.length, me + 2 + COMPLEMENT_WORDS); k++) {
    const t = tokens[k]!;
    if (t.punct || rules.clauseStarts.has(t.text) || rules.terminators.has(t.text)) return -1;
    if (rules.structure.coverage.verbs.has(t.text)) return k;
  }
  return -1;
}

function lineAround(text: string, start: number, end: number): [number, number] | null {
  let a = start;
  while (a > 0 && text.charCodeAt(a - 1) !== 10) if (start - --a > ROW_MAX) return null;
  let b = end;
  while (b < text.length && text.charCodeAt(b) !== 10) if (++b - a > ROW_MAX) return null;
  return [a, b];
}

function answerOf(cell: string, rules: CompiledStatusRules): SafeguardStatus | undefined {
  const c = cell.trim().toLowerCase();
  if (!c || c.length > 60) return undefined;
  for (const [status, phrases] of rules.structure.answerCells) if (startsWith(phrases, c, 0, (end) => ANSWER_TAIL.test(c.slice(end)))) return status;
  for (const [status, phrases] of rules.structure.wholeCells) if (startsWith(phrases, c, 0, (end) => end === c.length || BRACKET_TAIL.test(c.slice(end)))) return status;
  // A set term as the cell ("30 dagen", "5 jaar (CJIB)"): a number and a unit of time.
  const term = PERIOD_CELL.exec(c);
  if (term && rules.structure.noTerm.units.has(term[1]!) && ANSWER_TAIL.test(c.slice(term[0].length))) return 'stated';
  return undefined;
}

/** A remark in brackets after a whole-cell answer ("uitgevoerd (okt.)"): the cell is still only the answer. */
const BRACKET_TAIL = /^\s*\([^()]*\)\s*$/;
/** A number and the word after it, as a whole cell's start. */
const PERIOD_CELL = /^\d+\s+([a-z]+)/;
/** "niet-overtreders", "geen-bezwaarverklaring": a negation joined to a word is part of a compound, not a negation of the label. */
const COMPOUND_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;
/** A cell of only a dash is an empty cell. */
const DASH_CELL = /^\s*[–—-]\s*$/;
/** The opening bar of a row written as "| label | answer |". */
const ROW_OPEN = /^[ \t]*\|[ \t]*/;

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The answer of the row the term labels: the term in the first cell (a short label, no negation of
 * its own), then answer cells; with two answer cells in a row (two time columns) the last one, the
 * document's own time. The row may be one line of cells or, as pdftotext lays a table out, a label
 * line followed by lines that are each an answer.
 */
export function rowAnswer(text: string, start: number, end: number, rules: CompiledStatusRules): { status: SafeguardStatus; shape: 'cells' | 'lines' | 'norm' } | undefined {
  const line = lineAround(text, start, end);
  if (!line) return undefined;
  const [a, b] = line;
  // A row written with bars at both ends ("| De FG is gehoord | voldaan |") has its cells between them.
  const before = text.slice(a, start).replace(ROW_OPEN, '');
  // The term in the first cell: no cell boundary before it on its line.
  if (CELL_SPLIT.test(before.replace(/^\s+/, ''))) return undefined;
  const after = text.slice(end, b);
  const split = after.split(CELL_SPLIT);
  if (split.length > 1 && ROW_OPEN.test(text.slice(a, start)) && !split.at(-1)!.trim()) split.pop();
  const label = before + text.slice(start, end) + split[0]!;
  // A normenkader: the label is a whole norm, the last cell its verdict ("… vastgesteld | niet voldaan").
  if (split.length > 1 && !containsWord(rules.structure.labelNegations, label.replace(COMPOUND_HYPHEN, ''), asciiWord)) {
    const last = split.at(-1)!.trim().toLowerCase();
    for (const [status, phrases] of rules.structure.normVerdicts) if (last && startsWith(phrases, last, 0, (e) => e === last.length)) return { status, shape: 'norm' };
  }
  if (words(label) > LABEL_MAX_WORDS || /[.;:?!]\s*$/.test(label) || containsWord(rules.structure.labelNegations, label.replace(COMPOUND_HYPHEN, ''), asciiWord)) return undefined;
  if (split.length > 1) {
    let found: SafeguardStatus | undefined;
    for (const cell of split.slice(1)) {
      if (!cell.trim() || DASH_CELL.test(cell)) continue;
      // "uitgevoerd | n.v.t.": the later column is another object's, the earlier answer stands.
      if (found && startsWith(rules.structure.otherColumn, cell.trim().toLowerCase(), 0, (end) => ANSWER_TAIL.test(cell.trim().toLowerCase().slice(end)))) continue;
      const s = answerOf(cell, rules);
      if (!s) break;
      found = s;
    }
    return found ? { status: found, shape: 'cells' } : undefined;
  }
  // A label line, then one or two lines that are each an answer (and the line after them no
  // continuation of prose in lower case).
  if (!label.trim() || /^\s*[-•*]/.test(label)) return undefined;
  let p = b + 1;
  let found: SafeguardStatus | undefined;
  for (let k = 0; k < 2 && p < text.length; k++) {
    let q = text.indexOf('\n', p);
    if (q < 0) q = text.length;
    const s = q - p <= 60 ? answerOf(text.slice(p, q), rules) : undefined;
    if (!s) break;
    found = s;
    p = q + 1;
  }
  if (!found) return undefined;
  const rest = /^[ \t]*(\S)/.exec(text.slice(p, p + 40));
  if (rest && /[a-zà-ÿ]/.test(rest[1]!)) return undefined;
  return { status: found, shape: 'lines' };
}

/**
 * "Het is voor de aanvraag niet noodzakelijk …": the data test's head at tokens[ca], a bounded
 * adverbial opened by a preposition (not one of a voice: "volgens ons" is a judgement), then its
 * tail. The whole as one phrase, or null. At most maxWords + a few tokens are read.
 */
function dataTestAround(tokens: readonly Token[], ca: number, cb: number, rules: CompiledStatusRules): { start: number; end: number } | null {
  const av = rules.structure.dataTest.adverbial;
  const head = longestAt(tokens, ca, av.heads);
  if (!head || head.end >= cb) return null;
  const prep = tokens[head.end]!.text;
  if (!rules.prepositions.has(prep) || av.voices.has(prep)) return null;
  for (let k = head.end + 2; k < cb && k <= head.end + 1 + av.maxWords; k++) {
    const t = tokens[k]!;
    if (t.punct || rules.terminators.has(t.text) || rules.clauseStarts.has(t.text)) return null;
    const tail = longestAt(tokens, k, av.tails);
    if (tail) return { start: ca, end: tail.end };
  }
  return null;
}

function isPlanningHead(tokens: readonly Token[], rules: CompiledStatusRules): boolean {
  return tokens.some((t) => rules.structure.planningHeads.has(t.text)) || tokens.some((_, k) => longestAt(tokens, k, rules.structure.planningPairs) !== null);
}

/**
 * "Uitvoering" alone heads a proposal's schedule and its account of who does what: a dated item under
 * it is a step aimed at, running text keeps its own tense. With more words ("Uitvoering van de pilot",
 * a finding on how it was run) it may look back.
 */
function isScheduleHead(tokens: readonly Token[], rules: CompiledStatusRules): boolean {
  const words = tokens.filter((t) => !t.punct && !/^\d+$/.test(t.text));
  return words.length === 1 && rules.structure.planningSoleHeads.has(words[0]!.text);
}

/** Where a time ahead starts in tokens[from, to) ("vóór 1 april", "in 2027", "in het derde kwartaal", "na de zomer", "volgend jaar"), or -1. */
function timeAhead(tokens: readonly Token[], from: number, to: number, rules: CompiledStatusRules, promise: boolean, anyVerb = false): number {
  for (let k = from; k < to; k++) {
    // With a present of any verb only a dated moment counts: not "in 2024" (it may be past), "vanaf"
    // or "per" (a state, a rule), nor a clause of a moment ("Voor woningen die leeg blijken, regelt …").
    if (anyVerb && !rules.structure.anyVerbAnchors.has(tokens[k]!.text)) continue;
    if (timeAheadAt(tokens, k, anyVerb ? -1 : from, to, rules, promise)) return k;
  }
  return -1;
}

/** Whether a time ahead starts at tokens[k]. */
function timeAheadAt(tokens: readonly Token[], k: number, from: number, to: number, rules: CompiledStatusRules, promise: boolean): boolean {
  const { months, aheadWords, periods } = rules.structure;
  const w = tokens[k]!.text;
  const n1 = tokens[k + 1]?.text ?? '';
  const n2 = tokens[k + 2]?.text ?? '';
  if (w === 'in' && (/^20\d\d$/.test(n1) || (n1 === 'het' && periods.has(tokens[k + 3]?.text ?? '')) || months.has(n1))) return true;
  // "vóór 1 april", "uiterlijk maart", "voor Koningsdag 2027", "in het derde kwartaal".
  if (aheadWords.has(w) && (/^\d{1,2}$/.test(n1) || months.has(n1) || /^20\d\d$/.test(n1) || /^20\d\d$/.test(n2) || n1 === 'jaar' || periods.has(n1) || (n1 === 'de' && months.has(n2)))) return true;
  if (w === 'na' && n1 === 'de' && months.has(n2)) return true;
  // "voor de start", "vóór de ingebruikname": a moment still to come.
  if (aheadWords.has(w) && (n1 === 'de' || n1 === 'het') && rules.structure.events.has(n2)) return true;
  // "vóór de voorjaarsronde van 2027", "na de raadsvergadering van maart": a moment of its own,
  // dated ahead by "van" and a year or a month (a noun or two between).
  if ((aheadWords.has(w) || w === 'na') && (n1 === 'de' || n1 === 'het')) {
    for (let j = k + 3; j < Math.min(to, k + 5); j++) {
      if (tokens[j]!.punct) break;
      const d = tokens[j + 1]?.text ?? '';
      if (tokens[j]!.text === 'van' && (/^20\d\d$/.test(d) || months.has(d))) return true;
    }
  }
  // "sturen wij u dan toe", "zodra de DPIA klaar is": a time ahead without a date. Not "langer
  // dan", "meer dan": "dan" after a comparative compares.
  if (promise && rules.structure.thenWords.has(w) && !(w === 'dan' && k > 0 && COMPARATIVE.test(tokens[k - 1]!.text))) return true;
  // "Voor de camera's worden geplaatst, ligt de DPIA er": a clause of a moment to come, opened at
  // the clause's start and closed by a comma after a finite verb of its own.
  if (k === from && rules.structure.beforeClause.has(w)) {
    let verb = false;
    for (let j = k + 1; j < Math.min(to, k + 10); j++) {
      const t = tokens[j]!;
      if (t.text === ',') { if (verb) return true; break; }
      if (t.punct) break;
      if (rules.auxiliaries.has(t.text) || rules.structure.presentAct.has(t.text)) verb = true;
    }
  }
  return false;
}

/**
 * A one-off act whose moment comes after the term in its clause (structure.momentAfter): "die wordt
 * uitgevoerd voordat de zuil opengaat", "wordt getekend na de gunning". The tense is read only before
 * the moment: "voordat de camera's zijn geplaatst" says nothing about the act itself.
 */
function momentAfter(tokens: readonly Token[], ca: number, me: number, cb: number, safeguard: string, rules: CompiledStatusRules): boolean {
  const st = rules.structure;
  const ma = st.momentAfter;
  if (!ma.safeguards.has(safeguard)) return false;
  for (let k = me; k < cb; k++) {
    const w = tokens[k]!.text;
    const event = ma.leads.has(w) && (tokens[k + 1]?.text === 'de' || tokens[k + 1]?.text === 'het') && st.events.has(tokens[k + 2]?.text ?? '');
    if (!ma.subordinators.has(w) && !event) continue;
    // "na" recurs in a retention ("verwijderd na 30 dagen"), not in "Dat gebeurt na de aanvullende DPIA".
    for (let j = ca; j < k; j++) {
      const x = tokens[j]!.text;
      if (st.doneWords.has(x) || st.pastWords.has(x) || (st.recurringWords.has(x) && !ma.leads.has(x))) return false;
    }
    return true;
  }
  return false;
}

/**
 * A one-off act still awaited, its waiting word before the term (structure.momentBefore): "blijft
 * stilstaan tot de DPIA klaar is en de FG heeft geadviseerd", "niet aangezet voordat de FG opnieuw
 * heeft geadviseerd" — a perfect after such a word has not happened yet. The token of that word, or -1.
 * "tot" is a preposition as often ("tot 2027", "beperkt tot de gegevens die nodig zijn"): only with a
 * determiner after it and a perfect or "klaar" after the term.
 */
function awaitedAt(tokens: readonly Token[], ca: number, ms: number, me: number, cb: number, safeguard: string, rules: CompiledStatusRules): number {
  const st = rules.structure;
  const mb = st.momentBefore;
  if (!st.momentAfter.safeguards.has(safeguard)) return -1;
  let at = -1;
  for (let k = ms - 1; k >= ca && at < 0; k--) {
    const w = tokens[k]!.text;
    // A comma closes the waiting clause: "Voordat het systeem in gebruik ging, heeft X een DPIA laten uitvoeren".
    if (rules.relativePronouns.has(w) || w === ',') return -1;
    if (mb.subordinators.has(w)) at = k;
    else if (mb.until.has(w) && rules.attributeOf.determiners.has(tokens[k + 1]?.text ?? '')) {
      let verb = false;
      for (let j = me; j < cb && !verb; j++) verb = mb.perfect.has(tokens[j]!.text) || st.readyWords.has(tokens[j]!.text);
      if (!verb) return -1;
      at = k;
    }
  }
  if (at < 0) return -1;
  // "voordat de FG had geadviseerd" is told afterwards: a real past in the waiting clause.
  for (let j = at + 1; j < cb; j++) if (st.pastWords.has(tokens[j]!.text) && !mb.perfect.has(tokens[j]!.text)) return -1;
  return at;
}

/** The term as a run-in heading's noun: "Over de DPIA", "Wat betreft het alternatief" (links.runInHeads, runInFill). */
function runInHead(tokens: readonly Token[], ca: number, ms: number, rules: CompiledStatusRules): boolean {
  const L = rules.links;
  if (ms - ca < 1 || ms - ca > 3 || !L.runInHeads.has(tokens[ca]!.text)) return false;
  for (let k = ca + 1; k < ms; k++) if (!L.runInFill.has(tokens[k]!.text)) return false;
  return true;
}

/** Where the clause that starts at `from` ends: the next terminator, semicolon or colon. */
function clauseEnd(tokens: readonly Token[], from: number, rules: CompiledStatusRules): number {
  let k = from;
  while (k < tokens.length && !(rules.terminators.has(tokens[k]!.text) || tokens[k]!.text === ';' || tokens[k]!.text === ':')) k++;
  return k;
}

function sentenceHas(tokens: readonly Token[], a: number, b: number, set: ReadonlySet<string>): boolean {
  for (let k = a; k < b; k++) if (set.has(tokens[k]!.text)) return true;
  return false;
}

/** A comparative before "dan" ("langer", "meer", "anders"): the shape of the word, not a list. */
const COMPARATIVE = /ers?$/;

/** The structural reading of each mention (same order as `mentions`). */
export function readStructure(...args: Parameters<typeof structureSteps>): StructureReading[] {
  return drain(structureSteps(...args));
}

/** readStructure in steps (lib/core/steps.ts): a pause may fall between mentions. */
export function* structureSteps(
  text: string,
  mentions: readonly StatusMentionInput[],
  segments: readonly Segment[],
  rules: CompiledStatusRules,
  doc: DocumentTokens = new DocumentTokens(text),
  /** What became of the document itself (../outcome.ts): a rejected motie's asks are what nobody carries out. */
  outcome: DocumentOutcome = 'unknown',
): Steps<StructureReading[]> {
  // Where the mentions stand in text order: the pair reading ends at a mention of another safeguard.
  const sorted = [...mentions].sort((x, y) => x.start - y.start);
  // Per mention in that order, where the first later mention of another safeguard starts: one
  // backward pass, so a page that names one safeguard in every paragraph stays linear.
  const otherAfter: number[] = new Array(sorted.length);
  for (let k = sorted.length - 1; k >= 0; k--) {
    const n = sorted[k + 1];
    otherAfter[k] = !n ? text.length : n.safeguard !== sorted[k]!.safeguard ? n.start : otherAfter[k + 1]!;
  }
  /** The first mention in text order that starts at or after `at`. */
  const firstFrom = (at: number): number => firstStartingFrom(sorted, at);
  /** Where the first mention of another safeguard than `safeguard` starts at or after `at`. */
  const nextOtherFrom = (at: number, safeguard: string): number => {
    const lo = firstFrom(at);
    const first = sorted[lo];
    if (!first) return text.length;
    return first.safeguard !== safeguard ? first.start : otherAfter[lo]!;
  };
  const nextOther = (m: StatusMentionInput): number => nextOtherFrom(m.end, m.safeguard);
  // Mentions in one sentence read the same stretch: tokenized once.
  const tokensOf = (from: number, to: number): Token[] => doc.of(from, to);
  const rejectedAsks = new RejectedAsks(text, rules.structure.rejectedAsk, outcome);
  const headingCache = new Map<number, 'planning' | 'schedule' | 'past' | 'other'>();
  const headingAbove = (si: number): 'planning' | 'schedule' | 'past' | 'other' | 'none' => {
    // The nearest heading above, within reach: does it announce what is still to do, or what went before?
    const at = segments[si]?.start ?? 0;
    for (let k = si - 1; k >= 0 && si - k <= HEADING_SEGMENTS && at - segments[k]!.start <= HEADING_REACH; k--) {
      const s = segments[k]!;
      // A heading, or a short question on a line of its own ("Hoe verder?").
      if (!s.heading && !(s.question && s.end - s.start <= 40 && (s.start === 0 || text.charCodeAt(s.start - 1) === 10))) continue;
      let v = headingCache.get(k);
      if (v === undefined) {
        const head = tokenize(text, s.start, s.end);
        v = isPlanningHead(head, rules) ? 'planning' : isScheduleHead(head, rules) ? 'schedule' : findPhrases(head, rules.structure.pastHeads).length ? 'past' : 'other';
        headingCache.set(k, v);
      }
      return v;
    }
    return 'none';
  };

  const readOne = (m: StatusMentionInput): StructureReading => {
    const cues: string[] = [];
    const out: StructureReading = { cues };
    const row = rowAnswer(text, m.start, m.end, rules);
    if (row) {
      cues.push(`row2:${row.status}`, `row2:${row.shape}`);
      // Not keeping is a retention arrangement ("Beelden bewaard | nee | overschreven"): a "nee"
      // there answers another question.
      // A norm's verdict is about the norm itself, retention included.
      if (!(m.safeguard === 'bewaartermijn' && row.status === 'negated' && row.shape !== 'norm')) {
        out.status = row.status;
        out.reason = 'row';
      }
    }
    const rejected = rejectedAsks.at(m.start, m.end);
    if (rejected) {
      cues.push('rejected-ask');
      out.rejected = rejected;
    }
    const fate = rejectedAsks.titleFate(m.start, m.end);
    if (fate) {
      cues.push(`title:${fate}`);
      out.titleFate = fate;
    }
    const si = segmentAt(segments, m.start);
    const seg = segments[si];
    if (!seg) return out;
    const from = Math.max(seg.start, m.start - OWN_BEFORE);
    const to = Math.min(Math.max(seg.end, m.end), m.end + OWN_AFTER);
    const tokens = tokensOf(from, to);
    let ms = 0;
    while (ms < tokens.length && tokens[ms]!.end <= m.start) ms++;
    let me = ms;
    while (me < tokens.length && tokens[me]!.start < m.end) me++;

    const st = rules.structure;
    // A planning heading above, or "Planning" in the mention's own item before the term.
    const above = seg.heading ? 'none' : headingAbove(si);
    if (above === 'planning') cues.push('under-planning');
    // A dated planning item: led by a date and a colon or dash ("maart 2027: advies van de FG"), or a
    // bare noun phrase under a planning heading, with no past of its own. Not under "Voorgeschiedenis".
    if (!seg.heading && !seg.question && above !== 'past' && (seg.item || seg.start === 0 || text.charCodeAt(seg.start - 1) === 10)) {
      const item = tokensOf(seg.start, Math.min(seg.end, seg.start + OWN_AFTER));
      const own = (t: Token) => t.end <= m.start || t.start >= m.end;
      const lead = longestAt(item, 0, rules.structure.dateLeads);
      // A lone number leads only as a year ("2027:"), not as a list number.
      const dated =
        !!lead && lead.end < item.length && (lead.end - lead.start > 1 || /^(19|20)\d\d$/.test(item[0]!.text) || !/^\d+$/.test(item[0]!.text)) &&
        (item[lead.end]!.text === ':' || /^\s*[–—-]/.test(text.slice(item[lead.end - 1]!.end, item[lead.end]!.start))) && item[lead.end]!.start <= m.start;
      // A bare participle in a dated item under a planning heading ("mei 2028: verwerkersovereenkomst
      // getekend"), or under a schedule's heading ("Uitvoering"), is the state aimed at, not a past: only
      // an auxiliary or a past word makes it one there.
      const aimed = (above === 'planning' || (above === 'schedule' && dated)) && !item.some((t) => own(t) && rules.auxiliaries.has(t.text));
      const past = item.some((t) => own(t) && (rules.structure.pastWords.has(t.text) || (!aimed && participle(t.text) && !rules.structure.notParticiples.has(t.text))));
      const words = item.filter((t) => !t.punct).length;
      const nominal =
        above === 'planning' && seg.item && words <= NOMINAL_MAX_WORDS &&
        !item.some((t) => own(t) && (rules.auxiliaries.has(t.text) || st.presentAct.has(t.text) || (t.text.length > 5 && t.text.endsWith('en'))));
      if (dated) cues.push('dated-item');
      if ((dated || nominal) && !past && !row) {
        out.status = 'planned';
        out.reason = 'planning';
      }
    }
    for (let k = Math.max(0, ms - 3); k < ms; k++) {
      if (st.planningBefore.has(tokens[k]!.text)) {
        cues.push('planning-word');
        if (!row) {
          out.status = 'planned';
          out.reason = 'planning';
        }
      }
    }

    // The clause of the term: from the last terminator before it to the next after it.
    let ca = ms;
    while (ca > 0 && !(rules.terminators.has(tokens[ca - 1]!.text) || tokens[ca - 1]!.text === ';' || tokens[ca - 1]!.text === ':')) ca--;
    let cb = me;
    while (cb < tokens.length && !(rules.terminators.has(tokens[cb]!.text) || tokens[cb]!.text === ';' || tokens[cb]!.text === ':')) cb++;
    let present = false;
    let promise = false;
    let done = false;
    let past = false;
    // A dated moment ahead with a present of any verb is a one-off act still to come ("Wij passen de
    // privacyverklaring aan vóór 1 mei", "Wij evalueren de app na de voorjaarsronde van 2027"); a
    // perfect or a past ("is", "heeft", "werd", "vond") says it happened, a recurring word that it is a
    // standing rule. The anchor's own "na" dates the act, it does not make it recur.
    const dated = timeAhead(tokens, ca, cb, rules, false, true);
    let recurring = false;
    let ready = false;
    for (let k = ca; k < cb; k++) {
      const w = tokens[k]!.text;
      if (st.readyWords.has(w)) ready = true;
      if (st.presentAct.has(w)) present = true;
      if (st.promiseVerbs.has(w)) promise = true;
      if (st.doneWords.has(w)) done = true;
      if (st.pastWords.has(w)) past = true;
      if (st.recurringWords.has(w) && k !== dated) recurring = true;
    }
    // Under a heading of what is still to do ("Toezeggingen", "Vervolg") a present of sending is a
    // promise without a time of its own: "De wethouder stuurt de DPIA aan de commissie".
    // The term as the subject that leads its clause ("De FG adviseert … voor de start") does what the
    // verb says now: only a verb of the list (presentAct) announces it.
    let leads = true;
    for (let k = ca; k < ms && leads; k++) if (!rules.attributeOf.determiners.has(tokens[k]!.text) && !tokens[k]!.punct) leads = false;
    // "De DPIA is in juni klaar", "Die DPIA is voor de zomer gereed": "is" is the copula of a state
    // still to be reached, not a perfect — with a time ahead the act is still to come (not "was").
    if (ready && !past && !recurring && timeAhead(tokens, ca, cb, rules, false) >= 0) {
      done = false;
      present = true;
    }
    // The college's own one-off act with a separable verb split over the clause ("Dat alternatief werken
    // wij nu uit", "wij passen de privacyverklaring daarop aan"): its particle ends the clause, the
    // act is still being done — a promise without a date.
    // A phrase of a preposition may follow the particle ("werken wij nu uit met de leverancier"), or a
    // clause of its own ("wij passen de privacyverklaring aan voordat het portaal opengaat").
    const sa = st.splitActs;
    if (!done && !past && !recurring && sentenceHas(tokens, ca, cb, sa.subjects)) {
      let verb = -1;
      for (let k = ca; k < cb && verb < 0; k++) if (sa.verbs.has(tokens[k]!.text)) verb = k;
      for (let k = verb + 1; verb >= 0 && k < cb; k++) {
        const next = tokens[k + 1];
        if (sa.particles.has(tokens[k]!.text) && (k + 1 >= cb || !next || next.punct || rules.prepositions.has(next.text) || rules.subordinators.has(next.text))) {
          cues.push('present-ahead');
          break;
        }
      }
    }
    if (!done && !recurring && ((dated >= 0 && !past && !leads) || ((present || promise) && (timeAhead(tokens, ca, cb, rules, promise) >= 0 || (promise && above === 'planning'))))) cues.push('present-ahead');
    else if (momentAfter(tokens, ca, me, cb, m.safeguard, rules) || (tokens[cb]?.text === ':' && runInHead(tokens, ca, ms, rules) && momentAfter(tokens, cb + 1, cb + 1, clauseEnd(tokens, cb + 1, rules), m.safeguard, rules))) {
      // "Over de DPIA: die wordt uitgevoerd voordat …": a run-in heading takes the claim after its colon.
      cues.push('present-ahead');
    } else if (!done && !past && !recurring && st.momentAfter.safeguards.has(m.safeguard) && sentenceHas(tokens, ca, cb, st.momentBefore.afterwards) && !sentenceHas(tokens, ca, ms, rules.colonQuestions.questionWords)) {
      // "De FG geeft daarna opnieuw advies": a present placed after another step is still to come; an
      // indirect question in it ("daarna besluiten wij of … noodzakelijk blijft") stays a question.
      cues.push('present-ahead');
    }
    const awaited = awaitedAt(tokens, ca, ms, me, cb, m.safeguard, rules);
    if (awaited >= 0) {
      cues.push('awaited');
      out.awaited = tokens[awaited]!.start;
    }

    // Someone's claim nobody checked: "volgens de leverancier", "de leverancier zegt dat …", and in
    // the same or the next sentence "niet (zelf) kunnen controleren", "niemand heeft dat nagekeken".
    const sentenceWords = (xs: readonly Token[], a: number, b: number, f: (w: string, k: number) => boolean): boolean => {
      for (let k = a; k < b; k++) if (f(xs[k]!.text, k)) return true;
      return false;
    };
    // The claimant before the verb, past an apposition between commas ("De leverancier, X B.V., noemt
    // …"), or right after it when the sentence is inverted ("Dat noemt de leverancier …").
    const claimantBefore = (k: number): boolean => {
      let to = k;
      if (tokens[to - 1]?.text === ',') {
        let c = to - 2;
        while (c >= 0 && to - c <= 10 && tokens[c]!.text !== ',') c--;
        if (c >= 0 && tokens[c]!.text === ',') to = c;
      }
      // The apposition itself may name the party ("Het museum, leverancier van de app, schrijft").
      // A name that opens the sentence counts right before the verb ("Groenwerk zegt dat …").
      return sentenceWords(tokens, Math.max(0, to - CLAIMANT_REACH), k, (x, j) => st.claimants.has(x) || nameAt(j) || (j === k - 1 && !st.claimVerbsPlural.has(tokens[k]!.text) && openingName(j)));
    };
    // A party by its name: "volgens Memorix", "TrafficSense schrijft" — capitalised where a sentence
    // does not start, or with a capital inside; not the gemeente, its organs or an abbreviation of a
    // safeguard (structure.claimNames).
    const nameAt = (j: number): boolean => {
      const t = tokens[j];
      if (!t || t.punct || st.claimNames.has(t.text)) return false;
      const raw = text.slice(t.start, t.end);
      if (!/^\p{Lu}/u.test(raw)) return false;
      const first = j === 0 ? t.start <= seg.start : /[.!?:]\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start)) || t.start <= seg.start;
      return !first || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(raw);
    };
    // A sentence's first word is capitalised anyhow: a name there only if it is no function word
    // ("Dat zegt de leverancier", "Hij stelt") and no organ of the gemeente's own (claimNames).
    const openingName = (j: number): boolean => {
      const t = tokens[j];
      if (!t || t.punct || st.claimNames.has(t.text) || rules.segment.functionWords.has(t.text)) return false;
      return /^\p{Lu}/u.test(text.slice(t.start, t.end));
    };
    const claim = sentenceWords(
      tokens,
      0,
      tokens.length,
      (w, k) =>
        (st.claimBy.has(w) && (st.claimants.has(tokens[k + 2]?.text ?? '') || nameAt(k + 1))) ||
        ((st.claimVerbs.has(w) || st.claimVerbsPlural.has(w)) && (claimantBefore(k) || sentenceWords(tokens, k + 1, Math.min(tokens.length, k + 3), (x) => st.claimants.has(x)))),
    );
    if (claim) cues.push('claim');
    // The object of the check may open the next sentence ("Of dat zo is, hebben wij niet kunnen
    // controleren"): its first words point back to the claim.
    const unchecked = (xs: readonly Token[], opens = false): boolean => {
      const lead = opens && xs.slice(0, CHECK_LEAD).some((t) => st.checkObjects.has(t.text));
      let neg = -1;
      for (let k = 0; k < xs.length; k++) {
        if (st.nobody.has(xs[k]!.text)) neg = k;
        else if (st.checkVerbs.has(xs[k]!.text) && neg >= 0 && k - neg <= 8 && (lead || xs.slice(Math.max(0, neg - 4), k).some((t) => st.checkObjects.has(t.text)))) return true;
      }
      return false;
    };
    // Another safeguard named in the claim's own sentence ("worden … gepseudonimiseerd en na 24 uur
    // automatisch verwijderd. Wij hebben dat niet zelf gecontroleerd") shares the check after it.
    const limitAt = nextOther(m);
    const checkLimit = nextOtherFrom(Math.max(seg.end, m.end), m.safeguard);
    const next = segments[si + 1];
    const nextIn = (limit: number): Token[] => (next && next.start >= seg.end && next.start < limit ? tokensOf(next.start, Math.min(next.end, next.start + NEXT_REACH, limit)) : []);
    const nextTokens = nextIn(limitAt);
    const checkTokens = checkLimit === limitAt ? nextTokens : nextIn(checkLimit);
    const ownAfter = tokens.filter((t) => t.start >= m.end && t.start < limitAt);
    const uncheckedOwn = unchecked(ownAfter);
    const uncheckedNext = !uncheckedOwn && checkTokens.length > 0 && unchecked(checkTokens, true);
    if (uncheckedOwn || uncheckedNext) cues.push('unchecked');
    // Someone else's claim that the document says nobody checked is no statement of the gemeente's:
    // "De leverancier noemt het systeem 'privacy by design'. Wij hebben dat niet zelf laten toetsen."
    if (claim && (uncheckedOwn || uncheckedNext) && !row) {
      out.reason = 'unchecked';
      if (uncheckedNext && next) out.until = next.end;
    }
    // Someone else's claim that its own sentence contradicts: "schrijft in de offerte dat de gegevens
    // worden gepseudonimiseerd, terwijl de route aan een account met naam hangt".
    if (claim && !row && !out.reason && ownAfter.some((t) => st.contradictions.has(t.text))) {
      cues.push('contradicted');
      out.reason = 'unchecked';
    }
    // The safeguard's own act denied after a connector with the subject left out: "De FG is
    // betrokken, maar heeft geen advies uitgebracht". "De DPIA is uitgevoerd, maar is niet openbaar"
    // denies something else: only the words of the act itself (structure.ownActs) count.
    const acts = st.ownActs.get(m.safeguard);
    if (acts && !row) {
      for (let k = me; k < Math.min(ownAfter.length + me, me + ELLIPSIS_REACH) && k < tokens.length - 2; k++) {
        if (tokens[k]!.start >= limitAt || tokens[k]!.text === ';') break;
        if (!st.coverage.connectors.has(tokens[k]!.text) || !rules.auxiliaries.has(tokens[k + 1]!.text)) continue;
        let neg = -1;
        for (let j = k + 2; j < Math.min(tokens.length, k + 5) && neg < 0; j++) if (st.nobody.has(tokens[j]!.text)) neg = j;
        if (neg < 0) break;
        for (let j = neg + 1; j < Math.min(tokens.length, neg + 5); j++) {
          if (tokens[j]!.punct) break;
          if (acts.has(tokens[j]!.text)) {
            cues.push('ellipsis-denied');
            out.denial = { start: tokens[k]!.start, end: tokens[j]!.end };
            break;
          }
        }
        break;
      }
    }

    // What someone assumed or expected is no statement of fact: "ging ervan uit dat de leverancier
    // een DPIA had gemaakt". The assumption stands before the term in its clause, with "dat" after it.
    for (let k = Math.max(0, ca - 1); k < ms; k++) {
      const a = longestAt(tokens, k, rules.structure.assumptions);
      if (!a || a.end > ms) continue;
      let j = a.end;
      while (j < ms && j < a.end + 3 && tokens[j]!.text !== 'dat') j++;
      if (j < ms && tokens[j]!.text === 'dat') { cues.push('assumption'); break; }
    }
    // The next sentence denies this one: "… een DPIA had gemaakt. Dat bleek niet zo te zijn."
    if (next && next.start >= seg.end && !seg.heading && !seg.question && !next.heading) {
      const denial = denialClause(tokensOf(next.start, Math.min(next.end, next.start + NEXT_REACH)), rules);
      // A denial that names its thing ("Die evaluatie heeft niet plaatsgevonden") denies only a mention
      // of the same safeguard: "Dat convenant is nog niet getekend" is about another thing.
      const same = (span: { start: number; end: number }) => {
        for (let k = firstFrom(span.start); k < sorted.length && sorted[k]!.start < span.end; k++) if (sorted[k]!.safeguard === m.safeguard) return true;
        return false;
      };
      if (denial && (!denial.named || denial.act || same(denial.named))) {
        cues.push('denied');
        // The passage quotes the denying sentence whole.
        out.denial = { start: denial.start, end: Math.max(denial.end, next.end) };
      }
    }

    // What the safeguard's document covers, and what not. The term as the subject of its clause
    // ("Die verwerkersovereenkomst gaat over de hosting, niet over de beelden"), or a clause after it
    // that points back ("…, maar die gaat over …, niet over …"), before another safeguard is named.
    const cov = rules.structure.coverage;
    const covered = (verb: number, xs: readonly Token[]): { start: number; end: number } | null => {
      if (verb < 0) return null;
      const neg = coverageContrast(xs, verb, rules);
      return neg < 0 ? null : { start: xs[verb]!.start, end: xs[Math.min(xs.length - 1, neg + 1)]!.end };
    };
    const documentLike = cov.safeguards.has(m.safeguard);
    let own = !documentLike ? null : ms - ca <= 2 && !tokens.slice(ca, ms).some((t) => t.punct) ? covered(coverageVerbAfterTerm(tokens, me, rules), tokens) : null;
    for (let k = me + 1; documentLike && !own && k < tokens.length - 1 && tokens[k]!.start < limitAt; k++) {
      const before = tokens[k - 1]!.text;
      if ((tokens[k]!.text === 'die' || tokens[k]!.text === 'deze') && (before === ',' || before === ';' || cov.connectors.has(before) || st.limitOpeners.has(before))) {
        const verb = coverageVerb(tokens, k + 1, rules);
        // "maar die DPIA gaat over …": the mention after "die" carries it, not this one.
        const between = verb > k + 1 && firstFrom(tokens[k]!.end) < sorted.length && sorted[firstFrom(tokens[k]!.end)]!.start < tokens[verb]!.start;
        if (!between) own = covered(verb, tokens);
      }
    }
    // The term as the subject of a clause with its verb last ("dat die DPIA over de proef gaat en niet
    // over de slaapfunctie"): "over", the verb of covering, then the contrast right after it.
    if (documentLike && !own && tokens[me]?.text === 'over') {
      for (let k = me + 1; k < Math.min(cb, me + cov.maxWords); k++) {
        if (tokens[k]!.punct) break;
        if (!cov.verbs.has(tokens[k]!.text)) continue;
        const a = tokens[k + 1]?.text ?? '';
        if ((a === ',' || cov.connectors.has(a)) && tokens[k + 2]?.text === 'niet') own = { start: tokens[me]!.start, end: tokens[k + 2]!.end };
        break;
      }
    }
    if (own) {
      cues.push('coverage');
      out.cue = own;
      if (!row) out.reason = 'coverage';
    }
    // The next sentence points back and says so ("Die gaat over de hosting, niet over de
    // camerabeelden"): it speaks of the last safeguard named before it, if it names none itself.
    if (documentLike && !own && next && next.start >= seg.end && !seg.heading && !seg.question && !next.heading) {
      const nt = tokensOf(next.start, Math.min(next.end, next.start + NEXT_REACH));
      const opener = longestAt(nt, 0, st.denial.openers);
      let verb = -1;
      // The opener may name its thing ("Die overeenkomst"): up to three words to the verb.
      if (opener) for (let k = opener.end; k < Math.min(nt.length, opener.end + 4) && verb < 0; k++) if (cov.verbs.has(nt[k]!.text)) verb = k;
      if (opener && verb >= 0 && covered(verb, nt)) {
        const named = verb > opener.end ? { start: nt[opener.end]!.start, end: nt[verb - 1]!.end } : null;
        let namesOne = false;
        if (named) for (let k = firstFrom(named.start); k < sorted.length && sorted[k]!.start < named.end; k++) namesOne = true;
        // The last mention before the next sentence, in this one: what "Die" points back to.
        const last = sorted[firstFrom(next.start) - 1];
        if (!namesOne && last && last.start >= seg.start && last.safeguard === m.safeguard) {
          cues.push('covered-next');
          out.covers = { start: next.start, end: next.end };
        }
      }
    }
    const nt = st.noTerm;
    // Keeping without a term: "worden bewaard 'zolang het contract loopt'. Een bewaartermijn is
    // nergens vastgesteld", "…, zonder dat daarvoor een termijn is vastgesteld", "…, wat geen termijn is".
    // A term beside the mention ("drie jaar bewaard", "na 28 dagen verwijderd") is a term: what follows is about other data.
    let termBeside = false;
    for (let k = Math.max(ca, ms - 5); k < Math.min(cb, me + 5) && !termBeside; k++) {
      const w = tokens[k]!.text;
      if (nt.units.has(w) && k > 0 && (/^\d+$/.test(tokens[k - 1]!.text) || nt.numbers.has(tokens[k - 1]!.text))) termBeside = true;
    }
    // Keeping without end: "onbeperkt bewaard", "bewaard voor onbepaalde tijd" (not "niet onbeperkt").
    let unlimited: { start: number; end: number } | null = null;
    if (nt.safeguards.has(m.safeguard) && !own) {
      for (let k = Math.max(ca, ms - 4); k < Math.min(cb, me + 4) && !unlimited; k++) {
        const u = longestAt(tokens, k, nt.unlimited);
        if (u && !(k > 0 && st.nobody.has(tokens[k - 1]!.text))) unlimited = { start: tokens[u.start]!.start, end: tokens[u.end - 1]!.end };
      }
    }
    // Kept so long because a device was set so: no term was set, whatever the days beside it.
    const device = !unlimited && nt.safeguards.has(m.safeguard) && !own ? setByDevice(ownAfter.slice(0, nt.reach), rules) : null;
    if (device) {
      cues.push('device-setting');
      if (!row) {
        out.reason = 'no-term';
        out.cue = device;
      }
    } else if (unlimited) {
      cues.push('unlimited');
      if (!row) {
        out.reason = 'no-term';
        out.cue = unlimited;
      }
    } else if (nt.safeguards.has(m.safeguard) && !own && !termBeside) {
      const inOwn = noTermIn(ownAfter.slice(0, nt.reach), rules);
      const found = inOwn ?? (nextTokens.length ? noTermIn(nextTokens.slice(0, nt.reach), rules) : null);
      if (found) {
        cues.push('no-term');
        if (!row) {
          out.reason = 'no-term';
          out.cue = found;
          // The passage quotes the next sentence too when that is where no term was set.
          if (!inOwn && next) out.until = next.end;
        }
      }
    }
    // A one-off act per future case ("De beoordeling van de noodzaak gebeurt per geval"): still to
    // happen each time. Not where the clause says it was done ("is per geval beoordeeld").
    if (st.perCase.safeguards.has(m.safeguard) && !done) {
      for (let k = ca; k < cb; k++) {
        const p = longestAt(tokens, k, st.perCase.phrases);
        if (!p) continue;
        cues.push('per-case');
        if (!row && !out.reason) {
          out.reason = 'per-case';
          out.cue = { start: tokens[p.start]!.start, end: tokens[p.end - 1]!.end };
        }
        break;
      }
    }
    // The necessity test applied to data that is not processed: "Het is niet noodzakelijk het adres te
    // kennen", "Het is niet noodzakelijk dat de gemeente de namen ziet". The phrase opens the clause
    // and holds the term; "dat" right after it, or "te" later in the clause.
    const dt = st.dataTest;
    if (dt.safeguards.has(m.safeguard)) {
      const p = longestAt(tokens, ca, dt.phrases) ?? dataTestAround(tokens, ca, cb, rules);
      if (p && p.start <= ms && p.end >= me && p.end < cb) {
        let shape = dt.next.has(tokens[p.end]!.text);
        for (let k = p.end; k < cb && !shape; k++) if (dt.later.has(tokens[k]!.text)) shape = true;
        if (shape) {
          cues.push('data-test');
          if (!row && !out.reason) {
            out.reason = 'data-test';
            out.cue = { start: tokens[p.start]!.start, end: tokens[p.end - 1]!.end };
          }
        }
      }
    }
    // A DPIA still to come named as the place of the work: "dat beoordelen wij in de DPIA", "wordt in
    // de DPIA getoetst". The term after "in" and a determiner; a verb of that work in the clause; no
    // perfect and no negation there ("is in de DPIA beoordeeld", "komen in de DPIA niet voor").
    const inDoc = st.inDocument;
    if (inDoc.safeguards.has(m.safeguard) && ms >= 2 && tokens[ms - 2]!.text === 'in' && inDoc.determiners.has(tokens[ms - 1]!.text) && !done) {
      let verb = -1;
      let negated = false;
      for (let k = ca; k < cb; k++) {
        if (inDoc.verbs.has(tokens[k]!.text) && verb < 0) verb = k;
        if (st.nobody.has(tokens[k]!.text)) negated = true;
      }
      if (verb >= 0 && !negated) {
        cues.push('in-document');
        if (!row && !out.reason) {
          out.reason = 'in-document';
          out.cue = { start: tokens[Math.min(verb, ms - 2)]!.start, end: tokens[Math.max(verb, me - 1)]!.end };
        }
      }
    }
    // An advice or request to do it: "haar advies om vóór de eerste toepassing een DPIA uit te
    // voeren (is overgenomen)". The term in an om-clause after such a noun, with its "te".
    const adv = st.advice;
    let advice = -1;
    for (let k = Math.max(ca, ms - 12); k < ms && advice < 0; k++) {
      const w = tokens[k]!.text;
      // A verb of asking or advising takes the te-infinitive without "om" ("vraagt een DPIA te doen
      // voordat …", "adviseert de DPIA af te ronden"); not an indirect question ("vraagt of een DPIA …").
      if (adv.verbs.has(w) && !tokens.slice(k + 1, ms).some((t) => adv.questionWords.has(t.text) || t.punct)) { advice = k; break; }
      if (!adv.nouns.has(w)) continue;
      for (let j = k + 1; j <= k + adv.reach + 1 && j < ms; j++) if (tokens[j]!.text === 'om') { advice = k; break; }
    }
    if (advice >= 0) {
      // "te" after the term ("om een DPIA uit te voeren"), or right before it when the term is the verb ("om … te evalueren").
      let te = ms > 0 && tokens[ms - 1]!.text === 'te' ? ms - 1 : -1;
      for (let k = me; te < 0 && k < Math.min(cb, me + 5) && tokens[k]!.text !== ','; k++) if (tokens[k]!.text === 'te') { te = k; break; }
      if (te >= 0 && !tokens.some((t) => adv.carriedOut.has(t.text))) {
        cues.push('advice');
        if (!row && !own) {
          out.status = 'planned';
          out.reason = 'advice';
          out.cue = { start: tokens[advice]!.start, end: tokens[te + 1]?.end ?? tokens[te]!.end };
        }
      }
    }

    // What a promise is about ("De toezegging over de DPIA en het advies van de FG is voor ons
    // voldoende", in a stemverklaring): still to come. The noun and its link before the term, with
    // no punctuation between; not where the clause says it was carried out.
    if (!row && !out.reason) {
      const pa = st.promisedAbout;
      for (let k = ms - 1; k > ca && k >= ms - pa.reach - 1; k--) {
        if (tokens[k]!.punct) break;
        if (!pa.links.has(tokens[k]!.text) || !pa.nouns.has(tokens[k - 1]!.text)) continue;
        if (!tokens.slice(ca, cb).some((t) => adv.carriedOut.has(t.text))) {
          cues.push('promised-about');
          out.status = 'planned';
          out.reason = 'promised';
          out.cue = { start: tokens[k - 1]!.start, end: tokens[k]!.end };
        }
        break;
      }
    }

    // The thing named exists already, whatever is promised about it: "de DPIA van het portaal, die al is
    // afgerond, ter inzage te leggen". A relative clause right after the term (past a short complement).
    if (!row && !out.reason) {
      let k = me;
      while (k < tokens.length && k - me < ALREADY_COMPLEMENT && !tokens[k]!.punct) k++;
      if (tokens[k]?.text === ',' && rules.relativePronouns.has(tokens[k + 1]?.text ?? '') && st.alreadyWords.has(tokens[k + 2]?.text ?? '')) {
        for (let j = k + 3; j < Math.min(tokens.length, k + 6) && !tokens[j]!.punct; j++) {
          if (!participle(tokens[j]!.text)) continue;
          cues.push('already');
          out.reason = 'already';
          out.cue = { start: tokens[k + 1]!.start, end: tokens[j]!.end };
          break;
        }
      }
      // Round 24: the same said before the term ("de al uitgevoerde DPIA ter inzage te leggen"), or
      // by the document's date after it ("het advies van de FG van 3 november 2026 toe te sturen").
      const done = !out.reason ? existsAlready(tokens, ms, me, rules) : null;
      if (done) {
        cues.push('already');
        out.reason = 'already';
        out.cue = { start: tokens[done.start]!.start, end: tokens[done.end - 1]!.end };
      }
    }
    // Considered and not taken: "Wij hebben overwogen alsnog een evaluatie te laten doen, maar de DPIA
    // geeft voldoende beeld". The verb of considering before the term in its clause, a contrast after
    // a comma later in the sentence; without the contrast ("overwogen ook een FG-advies te vragen") nothing.
    if (!row && !out.denial) {
      let verb = -1;
      for (let k = Math.max(0, ms - CONSIDER_REACH); k < ms; k++) {
        const w = tokens[k]!.text;
        if (rules.terminators.has(w) || w === ':' || w === '.') verb = -1;
        else if (st.considerVerbs.has(w)) verb = k;
      }
      for (let k = me; verb >= 0 && k < tokens.length && tokens[k]!.start < limitAt; k++) {
        const w = tokens[k]!.text;
        if (w === ';' || w === '.' || w === ':') break;
        if (!st.declineContrasts.has(w) || tokens[k - 1]!.text !== ',') continue;
        cues.push('declined');
        out.denial = { start: tokens[verb]!.start, end: tokens[k]!.end };
        break;
      }
    }

    // The pair as one unit: after the term (a clause opened by "maar", "echter", "alleen" …) or in
    // the next sentence, before any other safeguard is named, a negation or a limit.
    let opener = -1;
    for (let k = me; k < tokens.length && tokens[k]!.start < limitAt; k++) if (st.limitOpeners.has(tokens[k]!.text) || tokens[k]!.text === ';') { opener = k; break; }
    if (opener >= 0) {
      for (let k = opener + 1; k < tokens.length && tokens[k]!.start < limitAt; k++) {
        if (st.limitNegations.has(tokens[k]!.text)) { cues.push('pair:own-neg'); break; }
        if (st.limitWords.has(tokens[k]!.text)) { cues.push('pair:own-limit'); break; }
      }
    }
    for (let k = me; k < cb; k++) if (st.limitWords.has(tokens[k]!.text)) { cues.push('pair:clause-limit'); break; }
    if (nextTokens.length > 0) {
      if (nextTokens.some((t) => st.limitNegations.has(t.text))) cues.push('pair:next-neg');
      if (nextTokens.some((t) => st.limitWords.has(t.text))) cues.push('pair:next-limit');
    }
    return out;
  };
  const out: StructureReading[] = new Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    if ((i & 7) === 7) yield;
    out[i] = readOne(mentions[i]!);
  }
  return out;
}

/** Reasons of the rule engine that a table row's answer replaces: the row is read as a whole sentence of the table, whatever cue stood in another row. */
const ROW_KEEPS = new Set<StatusReason>(['sense', 'question', 'generic']);
/** Reasons a denial in the next sentence leaves: a question, another sense, a general rule say nothing to deny. */
const DENIAL_KEEPS = new Set<StatusReason>(['sense', 'question', 'generic']);
/** Reasons where no cue decided, or only the list's lead-in or a heading's shape did. */
const WEAK = new Set<StatusReason>(['default', 'subject', 'list', 'heading', 'progressive', 'coordination', 'anaphora']);

/** The rule engine's status with the structure's decision where it has one and no stronger cue stood. */
export function withStructure(rule: MentionStatus, s: StructureReading): MentionStatus {
  const decided = structureDecides(rule, s);
  // What a rejected motie or amendement asks: nobody carries it out, whichever cue made it an ask
  // (the rules' request, or the structure's advice, waiting clause or time ahead — round 24: the
  // structure's planned came after this check and slipped past it). What it would replace ("in
  // plaats van ze 72 uur te bewaren, zoals het voorstel doet") is no ask and keeps its reading.
  if (s.rejected && decided.status === 'planned' && decided.reason !== 'title' && !DENIAL_KEEPS.has(rule.reason)) {
    const { cue: _, ...rest } = decided;
    return { ...rest, status: 'negated', reason: 'rejected' };
  }
  return decided;
}

function structureDecides(rule: MentionStatus, s: StructureReading): MentionStatus {
  let status: SafeguardStatus | undefined;
  let reason: StatusReason | undefined;
  // A proposal's title is its ask in a few words, whatever their grammar ("Bewaren meetgegevens",
  // "Geen X zonder IAMA"): rejected, nobody carries it out; adopted, it is still to come. Only
  // another sense of the word is no ask.
  if (s.titleFate && rule.reason !== 'sense') {
    const { cue: _, ...rest } = rule;
    return { ...rest, status: s.titleFate === 'rejected' ? 'negated' : 'planned', reason: 'title' };
  }
  // A claim the next sentence denies was not done; the denial is part of the deciding passage.
  if (s.denial && s.reason !== 'row' && (rule.status === 'stated' || rule.status === 'planned') && !DENIAL_KEEPS.has(rule.reason)) {
    const { cue: _, ...rest } = rule;
    return { ...rest, status: 'negated', reason: 'denied', sentence: { start: rule.sentence.start, end: Math.max(rule.sentence.end, s.denial.end) }, cue: s.denial };
  }
  // The safeguard's document covers something else: not done for the part at issue.
  if (rule.status === 'stated' && !DENIAL_KEEPS.has(rule.reason) && s.reason !== 'row' && (s.reason === 'coverage' || s.covers)) {
    const sentence = s.covers ? { start: rule.sentence.start, end: Math.max(rule.sentence.end, s.covers.end) } : rule.sentence;
    const cue = s.covers ?? s.cue;
    return { ...rule, status: 'negated', reason: 'coverage', sentence, ...(cue ? { cue } : {}) };
  }
  // Keeping without a term is no retention arrangement; a question, another sense or a request keeps its reading.
  if (s.reason === 'no-term' && rule.status === 'stated' && !DENIAL_KEEPS.has(rule.reason)) {
    const sentence = s.until ? { start: rule.sentence.start, end: Math.max(rule.sentence.end, s.until) } : rule.sentence;
    return { ...rule, status: 'negated', reason: 'no-term', sentence, ...(s.cue ? { cue: s.cue } : {}) };
  }
  // Someone else's claim nobody checked: not done as far as the document can say.
  if (s.reason === 'unchecked' && rule.status === 'stated' && !DENIAL_KEEPS.has(rule.reason)) {
    const sentence = s.until ? { start: rule.sentence.start, end: Math.max(rule.sentence.end, s.until) } : rule.sentence;
    const { cue: _, ...rest } = rule;
    return { ...rest, status: 'negated', reason: 'unchecked', sentence };
  }
  // What is promised to be sent exists already: "zegt toe de DPIA, die al is afgerond, ter inzage te leggen".
  if (s.reason === 'already' && rule.status === 'planned' && !DENIAL_KEEPS.has(rule.reason)) {
    return { ...rule, status: 'stated', reason: 'already', ...(s.cue ? { cue: s.cue } : {}) };
  }
  // Per future case, or in a DPIA still to come: planned where no cue decided.
  if ((s.reason === 'per-case' || s.reason === 'in-document') && rule.status === 'stated' && WEAK.has(rule.reason)) {
    return { ...rule, status: 'planned', reason: s.reason, ...(s.cue ? { cue: s.cue } : {}) };
  }
  // The necessity test applied to data not processed: the plain negation is of the data, not of the test.
  if (s.reason === 'data-test' && rule.status === 'negated' && (rule.reason === 'negation' || WEAK.has(rule.reason))) {
    return { ...rule, status: 'stated', reason: 'data-test', ...(s.cue ? { cue: s.cue } : {}) };
  }
  // What a toezegging is about is still to come, whatever tense the sentence around it has.
  if (s.reason === 'promised' && rule.status === 'stated' && !DENIAL_KEEPS.has(rule.reason)) {
    return { ...rule, status: 'planned', reason: 'promised', ...(s.cue ? { cue: s.cue } : {}) };
  }
  if (s.reason === 'advice' && WEAK.has(rule.reason)) {
    return { ...rule, status: 'planned', reason: 'advice', ...(s.cue ? { cue: s.cue } : {}) };
  }
  // Awaited ("tot … de FG heeft geadviseerd"): a perfect that has not happened; a negation before the
  // waiting word is the main clause's ("niet aangezet voordat de FG …"), not the safeguard's.
  if (s.awaited !== undefined && s.reason !== 'row' && ((rule.status === 'stated' && WEAK.has(rule.reason)) || (rule.status === 'negated' && rule.reason === 'negation' && rule.cue && rule.cue.end <= s.awaited))) {
    const { cue: _, ...rest } = rule;
    return { ...rest, status: 'planned', reason: 'future-time' };
  }
  if (s.reason === 'row' && !ROW_KEEPS.has(rule.reason)) [status, reason] = [s.status, 'row'];
  else if (s.reason === 'planning' && WEAK.has(rule.reason)) [status, reason] = [s.status, 'planning'];
  else if (s.cues.includes('present-ahead') && rule.status === 'stated' && WEAK.has(rule.reason)) [status, reason] = ['planned', 'future-time'];
  if (!status || !reason || (status === rule.status && reason === rule.reason)) return rule;
  const { cue: _, ...rest } = rule;
  return { ...rest, status, reason };
}
