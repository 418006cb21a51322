// Where pdf.js put nothing between two text items that are apart on the page. pdf.js decides line
// ends and spaces by comparing each glyph with the previous one of the same text run; the first
// text of a form XObject (a portal's stamp, a header or footer drawn as a form) has nothing to
// compare with, so it follows the page's last line without a line end or space: a NotuBiz motie
// ends "Haagse VVD" and its stamp "I.6 VVD" at the top of the page reads "Haagse VVDI.6 VVD".
// Here such a join gets what pdf.js gives within a run: a line end where the next item stands on
// another line, a space where it stands further along the same line than a letter's spacing.
// Pure (no pdf.js): the fields are pdf.js TextItem's.

import type { TextItemLike } from './line-edges';

/** Nothing to add after the item. */
export const JOINED = 0;
/** A line end after the item. */
export const LINE = 1;
/** A space after the item. */
export const SPACE = 2;

/**
 * pdf.js' own thresholds, so that a join it did judge comes out the same: a move up or down by more
 * than the previous item's height is another line (a superscript moves less), a move right by more
 * than this share of its height a space (TRACKING_SPACE_FACTOR, SPACE_IN_FLOW_MIN_FACTOR).
 */
const SPACE_FACTOR = 0.102;

function isBlank(code: number): boolean {
  return code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x202f;
}

/** Horizontal, unrotated, with a position and a width: the layout can be judged. */
function placed(it: TextItemLike): boolean {
  const t = it.transform;
  return !!t && t.length >= 6 && typeof it.width === 'number' && Math.abs(t[1]!) < 1e-3 && Math.abs(t[2]!) < 1e-3 && t[0]! > 0 && t[3]! > 0;
}

const sizeOf = (it: TextItemLike): number => (it.height && it.height > 0 ? it.height : Math.abs(it.transform![3]!));

/**
 * Per item, what follows it that pdf.js did not say: LINE, SPACE or JOINED. Null when nothing is
 * added anywhere (the usual page), so callers keep their plain path.
 */
export function itemGaps(items: readonly TextItemLike[]): Uint8Array | null {
  let out: Uint8Array | null = null;
  // The last item with text, while nothing (a line end, a blank) has come between it and the next.
  let prev = -1;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const str = it.str;
    if (typeof str !== 'string') continue;
    if (str.length === 0) {
      if (it.hasEOL) prev = -1;
      continue;
    }
    if (prev >= 0 && !isBlank(str.charCodeAt(0))) {
      const a = items[prev]!;
      if (placed(a) && placed(it)) {
        const ta = a.transform!;
        const tb = it.transform!;
        const size = sizeOf(a);
        if (Math.abs(tb[5]! - ta[5]!) > size) (out ??= new Uint8Array(items.length))[prev] = LINE;
        else if (tb[4]! - (ta[4]! + a.width!) > SPACE_FACTOR * size) (out ??= new Uint8Array(items.length))[prev] = SPACE;
      }
    }
    prev = it.hasEOL || isBlank(str.charCodeAt(str.length - 1)) ? -1 : i;
  }
  return out;
}
