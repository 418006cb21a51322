// Turns terms into one automaton and answers match(text). The automaton only finds literal
// occurrences of folded patterns; the Dutch rules (word ends with inflections, compounds,
// case-sensitive acronyms, exceptions, reporting whole words) are checks on each occurrence
// that look at a bounded neighbourhood or at arrays precomputed in one pass, so the whole of
// match() stays linear in the text.
import type { Term } from '../rules/schema';
import { termSpellings } from './spellings';
import { UNKNOWN, buildAutomaton } from './automaton';
import { foldCodesTransient, isAlnum, originalEnd, type FoldedCodes } from './fold';

export interface TermEntry<G extends string> {
  term: Term;
  group: G;
}

/** A term found in a text, tagged with the group of its entry. Offsets index the ORIGINAL text. */
export interface GroupMatch<G extends string> {
  start: number;
  end: number;
  termId: string;
  group: G;
  /** The original text between start and end. */
  text: string;
}

export interface GroupMatcher<G extends string> {
  /** Leftmost-longest, non-overlapping matches in text order. Linear in text length. */
  match(text: string): GroupMatch<G>[];
  /** The same on a text folded already (`foldCodes(text)`), so several matchers share one fold. */
  matchFolded(text: string, folded: FoldedCodes): GroupMatch<G>[];
}

// Conditions a raw occurrence must meet; combined per pattern.
const NEED_WORD_START = 1;
const NEED_WORD_END = 2;
const ACRONYM = 4;
const EXCEPT = 8;

// Inflections that may follow a word-final pattern. "'s" needs no entry: the apostrophe is
// not a letter, so the word already ends there, and "'s" is part of the reported word anyway.
const SUFFIXES = ['s', 'en', 'n', 'e', 'es', 'je', 'jes', 'tje', 'tjes', 'etje', 'etjes', 'pje', 'pjes'].map(
  (s) => Uint16Array.from(s, (c) => c.charCodeAt(0)),
);

function modeOf(term: Term): number {
  switch (term.match) {
    case 'acronym':
      return ACRONYM;
    case 'word':
    case 'phrase':
      return NEED_WORD_START | NEED_WORD_END;
    case 'stem':
      // A stem without a compound position is still a stem: it may sit anywhere in a compound.
      switch (term.compound ?? 'both') {
        case 'none':
          return NEED_WORD_START | NEED_WORD_END;
        case 'modifier':
          return NEED_WORD_START;
        case 'head':
          return NEED_WORD_END;
        case 'both':
          return 0;
      }
  }
}

/** 1 for a unit some suffix starts with: a word that goes on with any other unit does not end here. */
const SUFFIX_START = new Uint8Array(128);
for (const suffix of SUFFIXES) SUFFIX_START[suffix[0]!] = 1;

function endsWord(lower: Uint16Array, n: number, e: number): boolean {
  if (e >= n) return true;
  const next = lower[e] ?? 0;
  if (!isAlnum(next)) return true;
  if (next >= 128 || SUFFIX_START[next] === 0) return false;
  for (const suffix of SUFFIXES) {
    const end = e + suffix.length;
    if (end > n) continue;
    let k = 0;
    while (k < suffix.length && lower[e + k] === suffix[k]) k++;
    if (k === suffix.length && (end === n || !isAlnum(lower[end] ?? 0))) return true;
  }
  return false;
}

function startsWord(lower: Uint16Array, s: number): boolean {
  return s === 0 || !isAlnum(lower[s - 1] ?? 0);
}

function sameUnits(a: Uint16Array, from: number, b: Uint16Array): boolean {
  for (let k = 0; k < b.length; k++) if (a[from + k] !== b[k]) return false;
  return true;
}

/** Is folded unit i part of a word: letters/digits, a hyphen between them, or a final 's. */
function inWord(lower: Uint16Array, n: number, i: number): boolean {
  const c = lower[i] ?? 0;
  if (isAlnum(c)) return true;
  if (i === 0 || i + 1 >= n || !isAlnum(lower[i - 1] ?? 0)) return false;
  if (c === 45) return isAlnum(lower[i + 1] ?? 0);
  if (c === 39) return lower[i + 1] === 115 && (i + 2 >= n || !isAlnum(lower[i + 2] ?? 0));
  return false;
}

/**
 * The raw occurrences of one scan, kept by the compiled matcher and reused by every call (the
 * content script matches a page in many blocks; fresh arrays grown from scratch for each block
 * were allocation and copying for nothing). `reset` starts a scan; only `size` entries count.
 */
class Hits {
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  /** Term index for hits; -1 - term index for exception occurrences; SILENCED once dropped. */
  tag = new Int32Array(1024);
  /** 1 when the pattern is all letters and digits, so the hit lies inside one word. */
  solid = new Uint8Array(1024);
  size = 0;
  /** A real hit / an exception occurrence was pushed. */
  found = false;
  excepted = false;

  reset(): void {
    this.size = 0;
    this.found = false;
    this.excepted = false;
  }

  push(start: number, end: number, tag: number, solid: number): void {
    if (this.size === this.start.length) this.grow();
    this.start[this.size] = start;
    this.end[this.size] = end;
    this.tag[this.size] = tag;
    this.solid[this.size] = solid;
    this.size++;
  }

  private grow(): void {
    const length = this.start.length * 2;
    this.start = copyInto(new Int32Array(length), this.start);
    this.end = copyInto(new Int32Array(length), this.end);
    this.tag = copyInto(new Int32Array(length), this.tag);
    this.solid = copyInto(new Uint8Array(length), this.solid);
  }
}
const SILENCED = -0x7fffffff;

function copyInto<A extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(to: A, from: A): A {
  to.set(from);
  return to;
}

/** A buffer of at least `length` entries: `a` itself when it is long enough, else a new one. */
function atLeast(a: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  return a.length >= length ? a : new Int32Array(Math.max(length, a.length * 2));
}

// Keys are offsets into one text (a block of 64 000 units at most in the content script), so
// 8-bit digits take two passes there, each with a count table small enough to clear cheaply.
const RADIX_BITS = 8;
const RADIX = 1 << RADIX_BITS;

/**
 * items[0 .. length) stably sorted by key[item] (non-negative); returns whichever of `items` and
 * `spare` (as long as `items`) holds the result. Span starts come out of order only here and
 * there (a phrase or a hyphenated compound reaching back a word or two), so an insertion sort
 * nearly always finishes after a few moves; the radix sort's count tables cost more than that
 * on a cold content script. Past a budget of moves linear in the items, the radix sort takes
 * over: insertion sort is stable, so the order it leaves holds equal keys as they came, and the
 * result is the same either way, still linear whatever the input.
 */
export function sortBySpanStart(items: Int32Array<ArrayBuffer>, spare: Int32Array<ArrayBuffer>, length: number, key: Int32Array): Int32Array<ArrayBuffer> {
  let budget = 2 * length + 64;
  for (let q = 1; q < length; q++) {
    const item = items[q] ?? 0;
    const k = key[item] ?? 0;
    let p = q - 1;
    while (p >= 0 && (key[items[p] ?? 0] ?? 0) > k) {
      items[p + 1] = items[p] ?? 0;
      p--;
      budget--;
    }
    items[p + 1] = item;
    if (budget < 0) return radixSortBySpanStart(items, spare, length, key);
  }
  return items;
}

/**
 * items[0 .. length) stably sorted by key[item] (non-negative): LSD radix sort, linear in items.
 * Sorts through `spare` (as long as `items`); returns whichever of the two holds the result.
 */
function radixSortBySpanStart(
  items: Int32Array<ArrayBuffer>,
  spare: Int32Array<ArrayBuffer>,
  length: number,
  key: Int32Array,
): Int32Array<ArrayBuffer> {
  let max = 0;
  for (let q = 0; q < length; q++) max = Math.max(max, key[items[q] ?? 0] ?? 0);
  let from = items;
  let to = spare;
  const count = new Int32Array(RADIX);
  for (let shift = 0; shift === 0 || max >>> shift > 0; shift += RADIX_BITS) {
    count.fill(0);
    for (let q = 0; q < length; q++) count[((key[from[q] ?? 0] ?? 0) >>> shift) & (RADIX - 1)]!++;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = count[b] ?? 0;
      count[b] = sum;
      sum += c;
    }
    for (let q = 0; q < length; q++) {
      const item = from[q] ?? 0;
      const b = ((key[item] ?? 0) >>> shift) & (RADIX - 1);
      to[count[b]!++] = item;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

function foldPattern(text: string): { lower: Uint16Array; cased: Uint16Array } {
  // Into the shared buffer: the slices below copy what is kept.
  const f = foldCodesTransient(text.trim());
  let from = 0;
  let to = f.length;
  // Folding may leave a space at either end (e.g. a trailing NBSP); patterns never want it.
  while (from < to && f.lower[from] === 32) from++;
  while (to > from && f.lower[to - 1] === 32) to--;
  return { lower: f.lower.slice(from, to), cased: f.cased.slice(from, to) };
}

/** Up to this many hyphens, every choice of them may be gone; past it, all or none. */
const MAX_JOINED_HYPHENS = 2;

/** The pieces of `s` between hyphens that stand between two letters or digits. */
function piecesAtHyphens(s: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let i = 1; i + 1 < s.length; i++) {
    if (s.charCodeAt(i) === 45 && isAlnum(s.charCodeAt(i - 1)) && isAlnum(s.charCodeAt(i + 1))) {
      pieces.push(s.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(s.slice(from));
  return pieces;
}

/**
 * The spellings plus what a line end makes of them: folding joins "wifi-⏎tracking" into
 * "wifitracking", as PDF text does too, one line end at a time ("wi-fi-⏎tracking"). (Hyphen or
 * space needs no variant: the automaton reads them as one.) Variants are literal patterns like
 * any other, so the automaton stays what it was, only a little larger.
 */
function withVariants(spellings: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of spellings) {
    out.push(s);
    if (!s.includes('-')) continue;
    const pieces = piecesAtHyphens(s);
    const hyphens = pieces.length - 1;
    if (hyphens === 0) continue;
    if (hyphens > MAX_JOINED_HYPHENS) {
      out.push(pieces.join(''));
      continue;
    }
    // Bit k of `kept` says whether hyphen k is still there; all kept is `s` itself.
    for (let kept = 0; kept < (1 << hyphens) - 1; kept++) {
      let v = pieces[0]!;
      for (let k = 1; k < pieces.length; k++) v += ((kept >> (k - 1)) & 1 ? '-' : '') + pieces[k]!;
      out.push(v);
    }
  }
  return out;
}

/** What the automaton looks for on behalf of one term: folded units, never empty. */
export interface TermPatterns {
  /** The term's spellings and their line-end variants, folded, without repeats. */
  lower: Uint16Array[];
  /** For an acronym, each spelling's cased view (lower[k] ↔ cased[k]); otherwise null. */
  cased: Uint16Array[] | null;
  /** The term's exceptions, folded. */
  except: Uint16Array[];
}

/** The patterns of one term: its spellings with their variants folded, and its exceptions. */
export function termPatterns(term: Term): TermPatterns {
  const acronym = modeOf(term) === ACRONYM;
  const out: TermPatterns = { lower: [], cased: acronym ? [] : null, except: [] };
  const seen = new Set<string>();
  for (const text of acronym ? termSpellings(term) : withVariants(termSpellings(term))) {
    const p = foldPattern(text);
    // Acronyms differ by case only in the cased view, so dedupe on that; the automaton
    // reads a hyphen as a space, so "wifi tracking" and "wifi-tracking" are one pattern.
    let key = String.fromCharCode(...(acronym ? p.cased : p.lower));
    if (key.includes('-')) key = key.split('-').join(' ');
    if (p.lower.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.lower.push(p.lower);
    out.cased?.push(p.cased);
  }
  for (const text of term.except ?? []) {
    const p = foldPattern(text);
    if (p.lower.length > 0) out.except.push(p.lower);
  }
  return out;
}

/**
 * Patterns worked out at build time for the shipped terms (the content script's packed rules
 * bring them: lib/core/rules/match-rules-pack.ts), by term object, so a page does not fold and
 * vary every spelling again. A term without an entry (own terms, a griffie's, every term in
 * Node) gets termPatterns at compile time; either way the automaton gets the same patterns.
 */
const prebuiltPatterns = new WeakMap<Term, TermPatterns>();

/** Hands compileMatchSets the patterns of `term`; they must equal termPatterns(term). */
export function setPrebuiltPatterns(term: Term, patterns: TermPatterns): void {
  prebuiltPatterns.set(term, patterns);
}

/**
 * Compiles terms of any kind of group (a category, a safeguard, a signal) into one matcher.
 * When two entries find the same stretch, the earlier entry wins, so callers decide precedence
 * by order.
 */
export function compileTerms<G extends string>(entries: readonly TermEntry<G>[]): GroupMatcher<G> {
  const matchFolded = compileMatchFunction(entries, (start, end, termId, group, text) => ({ start, end, termId, group, text }));
  return { match: (text) => matchFolded(text, foldCodesTransient(text)), matchFolded };
}

/** Builds one reported match; the shape is the caller's (TermMatch, GroupMatch, …). */
export type MakeMatch<G extends string, M> = (start: number, end: number, termId: string, group: G, text: string) => M;

/** One matcher's terms and the shape of its results, for compileMatchSets. */
export interface MatchSet<G extends string, M> {
  entries: readonly TermEntry<G>[];
  make: MakeMatch<G, M>;
}

/**
 * The engine behind compileTerms, with the shape of the result left to the caller so that
 * wrappers (compileMatcher's TermMatch) do not allocate every match twice.
 */
export function compileMatchFunction<G extends string, M>(
  entries: readonly TermEntry<G>[],
  make: MakeMatch<G, M>,
): (text: string, folded: FoldedCodes) => M[] {
  // A set's groups come back to `make` as they went in, so widening G to string is safe.
  const run = compileMatchSets([{ entries, make } as unknown as MatchSet<string, unknown>]);
  return (text, folded) => run(text, folded)[0] as M[];
}

/**
 * Several matchers in one automaton: one pass over the folded text finds the occurrences of
 * every set's patterns, then each set's own rules (exceptions, word widening, leftmost-longest)
 * run over its own occurrences only. Each set's results are exactly what that set alone gives;
 * sets never compete for a stretch of text. Returns one result list per set, in order.
 */
export function compileMatchSets(sets: readonly MatchSet<string, unknown>[]): (text: string, folded: FoldedCodes) => unknown[][] {
  const termIds: string[] = [];
  const groups: string[] = [];
  const weak: boolean[] = [];
  const patterns: Uint16Array[] = [];
  const patTerm: number[] = [];
  const patMode: number[] = [];
  const patSet: number[] = [];
  const patCased: (Uint16Array | undefined)[] = [];
  const setMaxPattern: number[] = [];
  const setAnyExcept: boolean[] = [];

  sets.forEach(({ entries }, si) => {
    let maxPattern = 0;
    let anyExcept = false;
    for (const { term, group } of entries) {
      // Terms are numbered across the sets in order, so within a set their order is kept.
      const t = termIds.length;
      termIds.push(term.id);
      groups.push(group);
      weak.push(term.weak === true);
      const mode = modeOf(term);
      const own = prebuiltPatterns.get(term) ?? termPatterns(term);
      for (let k = 0; k < own.lower.length; k++) {
        const lower = own.lower[k]!;
        patterns.push(lower);
        patTerm.push(t);
        patMode.push(mode);
        patSet.push(si);
        patCased.push(own.cased?.[k]);
        maxPattern = Math.max(maxPattern, lower.length);
      }
      for (const lower of own.except) {
        anyExcept = true;
        patterns.push(lower);
        patTerm.push(t);
        patMode.push(EXCEPT);
        patSet.push(si);
        patCased.push(undefined);
        maxPattern = Math.max(maxPattern, lower.length);
      }
    }
    setMaxPattern.push(maxPattern);
    setAnyExcept.push(anyExcept);
  });

  const { classOf, classCount, start, step, fill, outStart, outList, outLink } = buildAutomaton(patterns);
  const patLen = Int32Array.from(patterns, (p) => p.length);
  const patTermArr = Int32Array.from(patTerm);
  const patModeArr = Uint8Array.from(patMode);
  const patSetArr = Uint8Array.from(patSet);
  const patSolid = Uint8Array.from(patterns, (p) => (p.every((c) => isAlnum(c)) ? 1 : 0));
  const termCount = termIds.length;
  const setCount = sets.length;
  const resolvers = sets.map((set, si) =>
    makeResolver({ termIds, groups, weak, termCount, make: set.make, anyExcept: setAnyExcept[si] ?? false, maxPatternLength: setMaxPattern[si] ?? 0 }),
  );

  // The occurrences ending at `e` in a reporting state, checked and kept. Apart from the scan
  // loop so that loop stays small: a content script runs it cold, and a small loop reaches
  // optimised code sooner.
  const collect = (state: number, e: number, lower: Uint16Array, cased: Uint16Array, n: number, hitsOf: Hits[]): void => {
    for (let st = outStart[state] !== outStart[state + 1] ? state : (outLink[state] ?? -1); st >= 0; st = outLink[st] ?? -1) {
      const stop = outStart[st + 1] ?? 0;
      for (let k = outStart[st] ?? 0; k < stop; k++) {
        const p = outList[k] ?? 0;
        const s = e - (patLen[p] ?? 0);
        const mode = patModeArr[p] ?? 0;
        const t = patTermArr[p] ?? 0;
        const hits = hitsOf[patSetArr[p] ?? 0]!;
        if (mode === EXCEPT) {
          hits.push(s, e, -1 - t, 0);
          hits.excepted = true;
          continue;
        }
        if (mode === ACRONYM) {
          if (!startsWord(lower, s) || (e < n && isAlnum(lower[e] ?? 0))) continue;
          const want = patCased[p];
          if (want === undefined || !sameUnits(cased, s, want)) continue;
        } else {
          if ((mode & NEED_WORD_START) !== 0 && !startsWord(lower, s)) continue;
          if ((mode & NEED_WORD_END) !== 0 && !endsWord(lower, n, e)) continue;
        }
        hits.push(s, e, t, patSolid[p] ?? 0);
        hits.found = true;
      }
    }
  };

  const hitsOf: Hits[] = [];
  for (let si = 0; si < setCount; si++) hitsOf.push(new Hits());

  // The automaton over the folded units, each occurrence checked and kept by collect. A function
  // of its own with nothing after the loop: V8 optimises a hot loop while it runs (on-stack
  // replacement) and keeps that code for the later calls, so code after the loop that had not
  // run yet when it was compiled sent every later call back to the interpreter at its end (once
  // per block of a page in Chromium, seen with --trace-deopt).
  const scan = (lower: Uint16Array, cased: Uint16Array, n: number): void => {
    let row = start;
    for (let i = 0; i < n; i++) {
      const cls = classOf[lower[i] ?? 0] ?? 0;
      let v = step[row + cls] ?? 0;
      if (v > 0) {
        row = v;
        continue;
      }
      if (v === UNKNOWN) {
        v = fill(row, cls);
        if (v > 0) {
          row = v;
          continue;
        }
      }
      row = ~v;
      collect((row / classCount) | 0, i + 1, lower, cased, n, hitsOf);
    }
  };

  // `f` must be foldCodes(text): it is only read, so one fold can serve several matchers.
  return function match(text: string, f: FoldedCodes): unknown[][] {
    for (let si = 0; si < setCount; si++) hitsOf[si]!.reset();
    scan(f.lower, f.cased, f.length);
    return resolvers.map((resolve, si) => resolve(text, f, hitsOf[si]!));
  };
}

interface ResolverData {
  termIds: readonly string[];
  groups: readonly string[];
  weak: readonly boolean[];
  termCount: number;
  make: MakeMatch<string, unknown>;
  anyExcept: boolean;
  maxPatternLength: number;
}

/** One set's occurrences → its matches: exceptions, widening to whole words, leftmost-longest. */
function makeResolver({ termIds, groups, weak, termCount, make, anyExcept, maxPatternLength }: ResolverData) {
  // Word starts of recently scanned positions, and which position each slot holds; see the
  // widening step.
  // At least the longest pattern + 2 positions; a power of two, so a slot is a mask, not a division.
  let ringLength = 4;
  while (ringLength < maxPatternLength + 2) ringLength *= 2;
  const ringMask = ringLength - 1;
  const ring = new Int32Array(ringLength);
  const ringPos = new Int32Array(ringLength);
  // Per-call work arrays, kept and grown as needed (see Hits).
  const minStart = new Int32Array(termCount);
  let spanStart = new Int32Array(1024);
  let spanEnd = new Int32Array(1024);
  let order = new Int32Array(1024);
  let spare = new Int32Array(1024);
  return function resolve(text: string, f: FoldedCodes, hits: Hits): unknown[] {
    const { lower, toOriginal } = f;
    const n = f.length;
    if (!hits.found) return [];
    const excepted = hits.excepted;

    const { start: hs, end: he, tag } = hits;
    if (excepted && anyExcept) {
      // An exception silences a hit of its own term when it covers it: starts at or before the
      // hit and ends at or after it. Walking back in end order while keeping, per term, the
      // smallest start of the exceptions seen so far answers that for every hit in one pass.
      minStart.fill(0x7fffffff);
      let k = hits.size - 1;
      while (k >= 0) {
        const e = he[k] ?? 0;
        let j = k;
        for (; j >= 0 && he[j] === e; j--) {
          const g = tag[j] ?? 0;
          if (g < 0 && g !== SILENCED) {
            const owner = -1 - g;
            if ((hs[j] ?? 0) < (minStart[owner] ?? 0)) minStart[owner] = hs[j] ?? 0;
          }
        }
        for (let q = k; q > j; q--) {
          const g = tag[q] ?? 0;
          if (g >= 0 && (minStart[g] ?? 0) <= (hs[q] ?? 0)) tag[q] = SILENCED;
        }
        k = j;
      }
    }

    // Widen every hit to whole words. A word start is found by scanning back from the hit's
    // start, and remembered for the positions scanned, in a ring of the last `ring.length`
    // positions stamped with the position they hold: hits arrive in order of their end, and a
    // later hit never starts before (this end − longest pattern), so a scan stops at the nearest
    // remembered position of the same word and no position is scanned twice while it can still
    // matter. Word ends by a forward scan that only moves on. Linear however long a word is,
    // however many hits it holds, and only a word's length of work per isolated hit.
    spanStart = atLeast(spanStart, hits.size);
    spanEnd = atLeast(spanEnd, hits.size);
    ringPos.fill(-1);
    let knownFrom = -1;
    let knownEnd = -1;
    // A stretch known to be one word, with its start: a hit of an all-letter pattern joins the
    // scanned start of its word to the scanned end, so hits further inside need no scan at all.
    let wordFrom = 0;
    let wordTo = -1;
    let sorted = true;
    let lastSpanStart = -1;
    let any = false;
    for (let h = 0; h < hits.size; h++) {
      if ((tag[h] ?? -1) < 0) continue;
      const s = hs[h] ?? 0;
      const e = he[h] ?? 0;
      let ss: number;
      const slot = s & ringMask;
      if (s >= wordFrom && s <= wordTo) ss = wordFrom;
      else if (ringPos[slot] === s) ss = ring[slot] ?? s;
      else {
        let k = s;
        ss = -1;
        if (inWord(lower, n, s)) {
          while (k > 0 && inWord(lower, n, k - 1)) {
            const before = (k - 1) & ringMask;
            if (ringPos[before] === k - 1) {
              ss = ring[before] ?? 0;
              break;
            }
            k--;
          }
        }
        if (ss < 0) ss = k;
        for (let q = Math.max(k, s - ringLength + 1); q <= s; q++) {
          ring[q & ringMask] = ss;
          ringPos[q & ringMask] = q;
        }
      }
      const last = e - 1;
      if (last < knownFrom || last >= knownEnd) {
        let k = last + 1;
        if (inWord(lower, n, last)) while (k < n && inWord(lower, n, k)) k++;
        knownFrom = last;
        knownEnd = k;
      }
      if (hits.solid[h] === 1 && last >= knownFrom && last < knownEnd && knownEnd - 1 > wordTo) {
        wordFrom = ss;
        wordTo = knownEnd - 1;
      }
      spanStart[h] = ss;
      spanEnd[h] = knownEnd;
      if (ss < lastSpanStart) sorted = false;
      lastSpanStart = ss;
      any = true;
    }
    if (!any) return [];

    // Among hits with the same span start, the best: longest span, then a non-weak term, then
    // the longest hit, then the earliest hit, then the earliest entry.
    const better = (a: number, b: number): boolean => {
      const ea = spanEnd[a] ?? 0;
      const eb = spanEnd[b] ?? 0;
      if (ea !== eb) return ea > eb;
      const ta = tag[a] ?? 0;
      const tb = tag[b] ?? 0;
      const wa = weak[ta] === true;
      const wb = weak[tb] === true;
      if (wa !== wb) return wb;
      const la = (he[a] ?? 0) - (hs[a] ?? 0);
      const lb = (he[b] ?? 0) - (hs[b] ?? 0);
      if (la !== lb) return la > lb;
      if (hs[a] !== hs[b]) return (hs[a] ?? 0) < (hs[b] ?? 0);
      return ta < tb;
    };

    const out: unknown[] = [];
    let taken = 0;
    const take = (h: number): void => {
      const p = spanStart[h] ?? 0;
      if (p < taken) return;
      const se = spanEnd[h] ?? p + 1;
      const t = tag[h] ?? 0;
      const start = toOriginal[p] ?? 0;
      const end = originalEnd(text, toOriginal, se);
      out.push(make(start, end, termIds[t] ?? '', groups[t] ?? '', text.slice(start, end)));
      taken = se;
    };

    // Live hits in order of span start (ties in hit order). Usually that is already their order;
    // a hit reaching back into an earlier word (a phrase, a pattern after a hyphen) puts span
    // starts out of order, and then a stable radix sort on the span start restores it: linear
    // in the number of hits, with no work per text position.
    let live = 0;
    for (let h = 0; h < hits.size; h++) if ((tag[h] ?? -1) >= 0) live++;
    order = atLeast(order, live);
    spare = atLeast(spare, live);
    live = 0;
    for (let h = 0; h < hits.size; h++) if ((tag[h] ?? -1) >= 0) order[live++] = h;
    const inOrder = sorted ? order : sortBySpanStart(order, spare, live, spanStart);

    let best = -1;
    for (let q = 0; q < live; q++) {
      const h = inOrder[q] ?? 0;
      if (best >= 0 && spanStart[h] !== spanStart[best]) {
        take(best);
        best = -1;
      }
      if (best < 0 || better(h, best)) best = h;
    }
    if (best >= 0) take(best);
    return out;
  };
}
