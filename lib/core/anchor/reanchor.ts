// Re-finding a stored quote in a text that may have changed since. The scoring (weights and the
// per-candidate formula) follows Hypothesis client src/annotator/anchoring/match-quote.ts
// (BSD-2-Clause, Copyright 2012 Aron Carroll, Rdbhost, Hypothes.is Project and contributors);
// the candidate selection and the work caps are ours, because we re-anchor in 1 MB PDF texts
// inside the side panel and must never hang it.
import approxSearch from 'approx-string-match';
import { CONTEXT_LENGTH, type Anchor } from './shape';

export interface ReanchorResult {
  start: number;
  end: number;
  /** 0..1; 1 = the quote and both contexts found unchanged at the stored position. */
  score: number;
}

export interface ReanchorOptions {
  /** Below this score the anchor counts as orphaned (null). Default: see `defaultMinScore`. */
  minScore?: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Scoring costs an edit-distance run per context; a short common quote ("de") can occur 10 000×. */
const MAX_SCORED_PER_RANKING = 64;
/**
 * Myers' search costs about (text length × active 32-char blocks). This caps one fuzzy pass at
 * roughly 100 ms in a slow browser; beyond it we search a window around the stored position only.
 */
const FUZZY_WORK_BUDGET = 16_000_000;
/** Fuzzy search also looks here around the stored position, where a lightly edited quote usually still is. */
const NEAR_PADDING = 4096;

/**
 * A short quote can occur by chance elsewhere, so it needs its context to count; a quote of 32+
 * characters is as specific as a context itself, so it may stand on its own (an exact long quote
 * whose surroundings were rewritten scores ≈ 0.65 and is still accepted; a short one is orphaned).
 * Unrelated Dutch prose still scores 0.3–0.7 as a context (the similarity lets the stored context
 * shift and skip), so an exact short quote in foreign surroundings, such as a heading's "Zie ook"
 * copy, reaches 0.74–0.78: the bar for short quotes lies above that. A lightly edited original
 * (one letter of five changed, context nearly intact) scores ≈ 0.88.
 */
export function defaultMinScore(quoteLength: number): number {
  return quoteLength >= 32 ? 0.6 : 0.8;
}

/** Up to ~quote/4 edits, as the brief for notes allows; 256 keeps Myers' block count bounded. */
function maxErrorsFor(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4));
}

/** The quote at `at` with both stored contexts unchanged around it. */
function intactAt(text: string, anchor: Anchor, at: number): boolean {
  const end = at + anchor.exact.length;
  return (
    text.startsWith(anchor.exact, at) &&
    contextBefore(text, at, anchor.prefix.length) === anchor.prefix &&
    contextAfter(text, end, anchor.suffix.length) === anchor.suffix
  );
}

function contextBefore(text: string, pos: number, length: number): string {
  return text.slice(Math.max(0, pos - length), pos);
}
function contextAfter(text: string, pos: number, length: number): string {
  return text.slice(pos, pos + length);
}

/** How well `actual` resembles `expected`, 0..1 (1 − edit distance / length). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

function exactOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Myers reports every end position with the lowest error count, and the library then re-scans
 * backwards from each one. In repetitive text (dot leaders in a PDF table of contents, "____" form
 * fields) that is one match per character and seconds of work, so we search in chunks and stop
 * once the quote is that ambiguous: more candidates would not make the choice any better.
 */
const MAX_FUZZY_CANDIDATES = 1024;

function fuzzyIn(text: string, quote: string, from: number, to: number, maxErrors: number, found: Candidate[]): void {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const chunk = Math.max(8192, 8 * quote.length);
  const overlap = quote.length + maxErrors;
  for (let at = lo; at < hi && found.length < MAX_FUZZY_CANDIDATES; at += chunk) {
    const until = Math.min(hi, at + chunk + overlap);
    if (until - at < quote.length - maxErrors) break;
    for (const m of approxSearch(text.slice(at, until), quote, maxErrors)) {
      found.push({ start: m.start + at, end: m.end + at, errors: m.errors });
    }
  }
}

/**
 * The quote located by its context: prefix + quote + suffix searched as one pattern, then the
 * quote searched inside each placement found. Myers keeps only the lowest error count of a search,
 * so a quote search alone never reports a lightly edited original while an exact (or less edited)
 * copy lies in the same window, such as a heading repeated a paragraph later; with its context
 * the original is the better match, and the copy, in other surroundings, is not.
 */
function inContext(text: string, anchor: Anchor, from: number, to: number, maxErrors: number, found: Candidate[]): void {
  const { exact, prefix, suffix } = anchor;
  if (!prefix && !suffix) return;
  const placed: Candidate[] = [];
  const whole = prefix + exact + suffix;
  fuzzyIn(text, whole, from, to, maxErrorsFor(whole.length), placed);
  for (const p of placed.slice(0, MAX_SCORED_PER_RANKING)) {
    const region = text.slice(p.start, p.end);
    // A few placements of the quote in there (an edit at its edge can be read as a change or as
    // a shorter quote): scoring on the context chooses between them.
    for (const m of approxSearch(region, exact, maxErrors)) found.push({ start: p.start + m.start, end: p.start + m.end, errors: m.errors });
  }
}

function fuzzyCandidates(text: string, anchor: Anchor, maxErrors: number, wholeText: boolean): Candidate[] {
  const { exact, start } = anchor;
  const found: Candidate[] = [];
  const nearFrom = start - exact.length - NEAR_PADDING;
  const nearTo = start + 2 * exact.length + NEAR_PADDING;
  fuzzyIn(text, exact, nearFrom, nearTo, maxErrors, found);
  inContext(text, anchor, nearFrom - CONTEXT_LENGTH, nearTo + CONTEXT_LENGTH, maxErrors, found);
  if (wholeText) {
    const activeBlocks = Math.min(Math.ceil(exact.length / 32), Math.ceil(maxErrors / 32) + 1);
    const span = Math.max(Math.floor(FUZZY_WORK_BUDGET / activeBlocks), 2 * exact.length);
    const from = text.length <= span ? 0 : start - Math.floor(span / 2);
    fuzzyIn(text, exact, from, from + span, maxErrors, found);
  }
  // Chunks overlap and the near window lies inside the far one: the same match can come twice.
  const unique = new Map(found.map((c) => [`${c.start}:${c.end}`, c]));
  return [...unique.values()];
}

/**
 * Keeps the candidates worth an edit-distance score: those nearest the stored position and those
 * whose neighbouring characters agree longest with the stored context. Two rankings, because a
 * moved passage is far away but keeps its context, and an edited one stays near but loses it.
 */
function preselect(text: string, anchor: Anchor, candidates: Candidate[]): Candidate[] {
  if (candidates.length <= 2 * MAX_SCORED_PER_RANKING) return candidates;
  const byDistance = [...candidates]
    .sort((a, b) => Math.abs(a.start - anchor.start) - Math.abs(b.start - anchor.start))
    .slice(0, MAX_SCORED_PER_RANKING);
  const agreement = (c: Candidate): number => {
    let n = 0;
    const p = anchor.prefix;
    while (n < p.length && c.start - 1 - n >= 0 && text[c.start - 1 - n] === p[p.length - 1 - n]) n += 1;
    let m = 0;
    const s = anchor.suffix;
    while (m < s.length && c.end + m < text.length && text[c.end + m] === s[m]) m += 1;
    return n + m;
  };
  const byContext = candidates
    .map((c) => ({ c, a: agreement(c) }))
    .sort((x, y) => y.a - x.a)
    .slice(0, MAX_SCORED_PER_RANKING)
    .map((x) => x.c);
  return [...new Set([...byDistance, ...byContext])];
}

function score(text: string, anchor: Anchor, c: Candidate): number {
  const quoteScore = 1 - c.errors / anchor.exact.length;
  const prefixScore = similarity(contextBefore(text, c.start, anchor.prefix.length), anchor.prefix);
  const suffixScore = similarity(contextAfter(text, c.end, anchor.suffix.length), anchor.suffix);
  const positionScore = Math.max(0, 1 - Math.abs(c.start - anchor.start) / Math.max(1, text.length));
  return (
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    MAX_WEIGHT
  );
}

function best(text: string, anchor: Anchor, candidates: Candidate[]): ReanchorResult | null {
  let top: ReanchorResult | null = null;
  for (const c of preselect(text, anchor, candidates)) {
    const s = score(text, anchor, c);
    // Ties go to the candidate nearer the stored position, so repeated identical passages stay put.
    if (
      !top ||
      s > top.score ||
      (s === top.score && Math.abs(c.start - anchor.start) < Math.abs(top.start - anchor.start))
    ) {
      top = { start: c.start, end: c.end, score: s };
    }
  }
  return top;
}

/**
 * Find `anchor` in `text`: the stored position if the quote and its context are still there, else
 * the best-scoring candidate of the exact occurrences, the approximate ones near the stored
 * position (also found by their context) and, without exact ones, those in the whole text
 * (within the work budget). Returns null when nothing
 * scores `minScore` or more: the caller keeps the note and shows it as orphaned.
 */
export function reanchor(text: string, anchor: Anchor, options: ReanchorOptions = {}): ReanchorResult | null {
  const { exact, start } = anchor;
  if (exact.length === 0 || text.length === 0) return null;
  const minScore = options.minScore ?? defaultMinScore(exact.length);

  if (intactAt(text, anchor, start)) return { start, end: start + exact.length, score: 1 };

  const exactHits = exactOccurrences(text, exact);
  let top = best(text, anchor, exactHits);
  // Only the quote with its whole context unchanged ends the search here. An exact copy in other
  // surroundings (a heading repeated further on) must still compete with an edited original.
  if (!top || !intactAt(text, anchor, top.start)) {
    const maxErrors = maxErrorsFor(exact.length);
    if (maxErrors > 0) {
      // With exact hits a whole-text fuzzy pass would only report those again (Myers keeps the
      // lowest error count), so then only the neighbourhood of the stored position is worth a look.
      const fuzzy = best(text, anchor, fuzzyCandidates(text, anchor, maxErrors, exactHits.length === 0));
      if (fuzzy && (!top || fuzzy.score > top.score)) top = fuzzy;
    }
  }
  return top && top.score >= minScore ? top : null;
}
