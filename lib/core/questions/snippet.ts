// Called for every match the panel lists (thousands on a long page), so plain loops over char
// codes rather than a regular expression or a slice per test.

/** Exactly the characters of JavaScript's `\s` (and of String.prototype.trim). */
function isSpace(c: number): boolean {
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
  // Whitespace runs → one space, none at either end. Copied in as few slices as that allows: a
  // run that is one plain space already is what it becomes (a slice per word was most of what a
  // snippet allocated: issue 17, target 5).
  let a = from;
  while (a < to && isSpace(text.charCodeAt(a))) a++;
  let b = to;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  let body = '';
  let copied = a;
  for (let k = a; k < b; k++) {
    if (!isSpace(text.charCodeAt(k))) continue;
    let r = k + 1;
    while (isSpace(text.charCodeAt(r))) r++;
    if (r - k > 1 || text.charCodeAt(k) !== 32) {
      body += text.slice(copied, k) + ' ';
      copied = r;
    }
    k = r - 1;
  }
  body += text.slice(copied, b);
  return `${from > 0 ? '… ' : ''}${body}${to < n ? ' …' : ''}`;
}

/** How many characters of `text` are not white space (`\s`): counted, not matched into an array. */
export function visibleLength(text: string): number {
  let spaces = 0;
  for (let k = 0; k < text.length; k++) if (isSpace(text.charCodeAt(k))) spaces++;
  return text.length - spaces;
}
