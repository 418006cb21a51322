// The sentence around a passage, for a note made from a match: the reader means the passage the
// word stands in, not the bare word (which may also stand in the title, and says nothing alone).
// Pure; works on the page's joined text and on PDF text, whose line breaks are block edges.

/** A sentence longer than this on either side of the match is cut at a word boundary. */
export const MAX_SIDE = 240;

// Where a sentence ends: '.', '!', '?' before a space and a capital, quote or digit-free start
// ("art. 5" and "m.b.t. de" go on); a line break; ';'; a bullet between spaces.
const END_BEFORE = /[.!?]["'’”)]?\s+(?=["'‘“(]?[A-ZÀ-Ý])|[\n\r;]+|\s[•●▪◦]\s/g;

/** [start, end) of the sentence that holds text[start, end), trimmed of spaces. */
export function sentenceSpan(text: string, start: number, end: number): { start: number; end: number } {
  const from = Math.max(0, start - MAX_SIDE);
  const to = Math.min(text.length, end + MAX_SIDE);
  let s = from;
  END_BEFORE.lastIndex = 0;
  const before = text.slice(from, start);
  for (let m = END_BEFORE.exec(before); m; m = END_BEFORE.exec(before)) s = from + m.index + m[0].length;
  let e = to;
  END_BEFORE.lastIndex = 0;
  const after = text.slice(end, to);
  const next = END_BEFORE.exec(after);
  if (next) e = end + next.index + (/^[.!?]/.test(next[0]) ? next[0].trimEnd().length : 0);
  // Cut at a word boundary where the window, not a sentence end, stopped us.
  if (s === from && from > 0) {
    const space = text.indexOf(' ', s);
    if (space >= 0 && space < start) s = space + 1;
  }
  if (e === to && to < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space >= end) e = space;
  }
  while (s < start && /\s/.test(text[s]!)) s++;
  while (e > end && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
