// Search and filter over the record ("Alles"): pure, so it is unit-tested and benchmarked
// without a browser. Entries are folded once when built; a keystroke only scans strings.
export interface Searchable {
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
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
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
