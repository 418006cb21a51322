// Search and filter over the record ("Alles"): pure, so it is unit-tested and benchmarked
// without a browser. Entries are folded once when built; a keystroke only scans strings.
interface Searchable {
  /** Folded text of everything a reader may search for (quote, note, reason, title, tags, gemeente). */
  haystack: string;
}

/**
 * Case- and diacritics-insensitive form: "Coöperatie" and "cooperatie", "ﬁets" and "fiets" are one.
 * NFKD splits accents off and expands ligatures; the marks are then dropped.
 */
export function foldForSearch(text: string): string {
  // Most Dutch text is plain ASCII: normalising only what needs it keeps indexing 10,000 notes cheap.
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) return text.toLowerCase();
  // Only the non-ASCII characters, each folded once and kept: NFKD decomposes character by
  // character and the marks it splits off are dropped, so this equals
  // text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase(), at a fifth of the cost on notes
  // with an accent or two (10,500 notes in Node: 13 vs 72 ms).
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\u0000-\u007f]/gu, foldCharacter).toLowerCase();
}

/** One non-ASCII code point decomposed without its marks (lower-cased later with the rest). */
const folded = new Map<string, string>();
function foldCharacter(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    f = c.normalize('NFKD').replace(/\p{M}+/gu, '');
    folded.set(c, f);
  }
  return f;
}

/** The query's words, folded; every one must occur (in any order) for an entry to match. */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,;]+/)
    .map((w) => w.replace(/^["'“”‘’]+|["'“”‘’]+$/g, ''))
    .filter((w) => w.length > 0);
}

export function matchesQuery(entry: Searchable, words: readonly string[]): boolean {
  for (const w of words) if (!entry.haystack.includes(w)) return false;
  return true;
}

/**
 * Every haystack of a list joined into one text, with where each starts. One indexOf over the
 * whole text finds a word's entries with a call per entry that has it (and a jump past the rest
 * of that entry), where an includes per entry costs a call for each of the 10,000: a rare word is
 * one pass over the text.
 */
interface JoinedIndex {
  /** The entries it was built from: a list sorted in place since then is joined again. */
  entries: readonly Searchable[];
  text: string;
  /** starts[i] = where entry i's haystack begins; starts[n] = the text's length + 1. */
  starts: Int32Array;
}

// The separator cannot be typed into a query (queryWords splits on nothing else, but a folded
// haystack never holds U+0000 either), so no word is found across two entries.
const SEPARATOR = '\u0000';

/** Kept with the list it was built for: the loaded record's sorted list is searched per keystroke. */
const joined = new WeakMap<readonly Searchable[], JoinedIndex>();

function joinedIndex(list: readonly Searchable[]): JoinedIndex {
  let index = joined.get(list);
  if (index && sameEntries(index.entries, list)) return index;
  const starts = new Int32Array(list.length + 1);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    starts[i] = at;
    at += list[i]!.haystack.length + 1;
  }
  starts[list.length] = at;
  index = { entries: list.slice(), text: list.map((e) => e.haystack).join(SEPARATOR), starts };
  joined.set(list, index);
  return index;
}

/**
 * Joins the list's text now rather than on the first keystroke of a search (10,000 entries: a few
 * MB of text): for a caller with a turn to spare, such as the record's load.
 */
export function prepareSearch(list: readonly Searchable[]): void {
  joinedIndex(list);
}

function sameEntries(a: readonly Searchable[], b: readonly Searchable[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The entry whose haystack holds `at`, searching from entry `from` on (hits come in order). */
function entryAt(starts: Int32Array, at: number, from: number): number {
  let lo = from;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The entries of `list` whose haystack holds every word, in list order; the same as filtering with
 * `matchesQuery`. The longest word (usually the rarest) is looked up in the joined text, the
 * others only in the entries that have it. The joined text is kept for the next query on the same
 * list (checked entry by entry, so a list reordered in place is joined again).
 */
export function searchEntries<T extends Searchable>(list: readonly T[], words: readonly string[]): T[] {
  if (words.length === 0) return list.slice();
  if (list.length === 0) return [];
  const [first, ...rest] = [...words].sort((a, b) => b.length - a.length);
  const { text, starts } = joinedIndex(list);
  const out: T[] = [];
  let at = text.indexOf(first!);
  let e = 0;
  while (at !== -1) {
    e = entryAt(starts, at, e);
    const entry = list[e]!;
    if (matchesQuery(entry, rest)) out.push(entry);
    if (e + 1 >= list.length) break;
    at = text.indexOf(first!, starts[e + 1]!);
  }
  return out;
}
