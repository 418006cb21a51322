/**
 * About `radius` characters either side of [start, end), whitespace folded, cut at word
 * boundaries, with "…" where text was left out: enough for a reader to judge a passage
 * ("DPIA genoemd" may be "er is géén DPIA gedaan").
 */
export function snippetAround(text: string, start: number, end: number, radius = 40): string {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = Math.max(0, s - radius);
  let to = Math.min(text.length, e + radius);
  // Drop the partial word at each cut, as long as that does not eat into the passage itself.
  if (from > 0 && /\S/.test(text[from - 1] ?? '')) {
    const space = text.slice(from, s).search(/\s/);
    if (space !== -1) from += space + 1;
  }
  if (to < text.length && /\S/.test(text[to] ?? '')) {
    const tail = text.slice(e, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'));
    if (space !== -1) to = e + space;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
}
