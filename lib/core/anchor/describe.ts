import { CONTEXT_LENGTH, type Anchor } from './shape';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Describe the passage text[start, end) so that `reanchor` can find it again after the text changed.
 * Context is cut back by one unit where a fixed-width cut would split a surrogate pair, so a stored
 * prefix/suffix never holds half an emoji (which would make it invalid UTF-16 in an export).
 */
export function describeQuote(
  text: string,
  start: number,
  end: number,
  options: { page?: number } = {},
): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`Ongeldige selectie ${start}–${end} in een tekst van ${text.length} tekens`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;

  const anchor: Anchor = {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
  if (options.page !== undefined) anchor.page = options.page;
  return anchor;
}
