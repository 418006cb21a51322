// Called for every match the panel lists (thousands on a long page), so plain loops over char
// codes rather than a regular expression or a slice per test.

/** Exactly the characters of JavaScript's `\s` (and of String.prototype.trim). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * About `radius` characters either side of [start, end), whitespace folded, cut at word
 * boundaries, with "…" where text was left out: enough for a reader to judge a passage
 * ("DPIA genoemd" may be "er is géén DPIA gedaan").
 */
export function snippetAround(text: string, start: number, end: number, radius = 40): string {
  const n = text.length;
  const s = Math.max(0, Math.min(start, n));
  const e = Math.max(s, Math.min(end, n));
  let from = Math.max(0, s - radius);
  let to = Math.min(n, e + radius);
  // Drop the partial word at each cut, as long as that does not eat into the passage itself.
  if (from > 0 && !isSpace(text.charCodeAt(from - 1))) {
    let k = from;
    while (k < s && !isSpace(text.charCodeAt(k))) k++;
    if (k < s) from = k + 1;
  }
  if (to < n && !isSpace(text.charCodeAt(to))) {
    // Only a space, line feed or tab counts here, as it always has.
    let k = to - 1;
    while (k >= e) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 10 || c === 9) break;
      k--;
    }
    if (k >= e) to = k;
  }
  // Whitespace runs → one space, none at either end.
  let body = '';
  let pendingSpace = false;
  let runFrom = -1;
  for (let k = from; k < to; k++) {
    if (isSpace(text.charCodeAt(k))) {
      if (runFrom >= 0) {
        body += (pendingSpace ? ' ' : '') + text.slice(runFrom, k);
        runFrom = -1;
      }
      pendingSpace = body.length > 0;
    } else if (runFrom < 0) runFrom = k;
  }
  if (runFrom >= 0) body += (pendingSpace ? ' ' : '') + text.slice(runFrom, to);
  return `${from > 0 ? '… ' : ''}${body}${to < n ? ' …' : ''}`;
}

/** How many characters of `text` are not white space (`\s`): counted, not matched into an array. */
export function visibleLength(text: string): number {
  let spaces = 0;
  for (let k = 0; k < text.length; k++) if (isSpace(text.charCodeAt(k))) spaces++;
  return text.length - spaces;
}
