// Which line ends of a PDF page are block edges: where the layout, not the width of the column,
// ended the line. pdf.js says only that a line ended (hasEOL); joined with a space, a heading,
// a title-page line or a list item without punctuation runs into the next sentence, and the
// checklist quotes "Privacy Voor de slimme camera's is geen DPIA uitgevoerd". A line end is an
// edge where
//   - the next line starts a list with a bullet, or outdented with a list marker, or with the
//     same dash at the same left edge as the line that began its block (a dash list whose item
//     ran to the column's edge: "…ingezet voor opsporing ⏎ - gezichtsherkenning een…");
//   - a vertical gap clearly larger than the page's line spacing lies between the lines;
//   - the font size changes, or a line wholly in another font than the page's body text (a bold
//     heading) meets one in the body font;
//   - the line ends short: the next line's first word would have fitted after it, so the
//     typesetter did not wrap there ("gemeente ⏎ Almelo" in running text is a wrap: "Almelo" did
//     not fit).
// Except after a gap, the next line must not start with a lower-case letter: a sentence goes on.
// Pure (no pdf.js): the fields are pdf.js TextItem's. Linear in the items; per page a few maps.

/** The part of a pdf.js TextItem we need; marked-content entries have no `str`. */
export interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  /** [a, b, c, d, x, y]: the text matrix; x, y is where the item starts on its baseline. */
  transform?: readonly number[];
  width?: number;
  height?: number;
  fontName?: string;
}

interface Line {
  left: number;
  right: number;
  /** Baseline and size of the line's longest item (a superscript does not move the line). */
  y: number;
  size: number;
  /** The font of its first item. */
  font: string;
  /** Every item with text is in `font`. */
  uniform: boolean;
  /** The first two and the last non-space characters. */
  first: number;
  second: number;
  last: number;
  /** Width of the first word on the page (for "would it have fitted"). */
  firstWord: number;
  /** Horizontal, unrotated text with positions: the layout can be judged. */
  known: boolean;
  /** Characters in the longest item (which item decides y, size, font). */
  longest: number;
}

const SPACE = 32;

function isBlank(code: number): boolean {
  return code <= SPACE || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x202f;
}

/** Bullets that start a list item wherever they stand at the start of a line. */
function isBullet(code: number): boolean {
  return code === 0x2022 || code === 0x25cf || code === 0x25aa || code === 0x25a0 || code === 0x25e6 || code === 0x2023 || code === 0x2043 ||
    code === 0x27a2 || code === 0x25ba || code === 0x25b6 || code === 0x25cb || code === 0x25a1 || code === 0x2219 || code === 0xf0b7 || code === 0xf0a7;
}

function isLower(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpperOrDigit(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A line that starts with a list dash (or asterisk) standing alone: "- tekst", not "-tekst". */
function isDashItem(l: Line): boolean {
  return (l.first === 45 || l.first === 0x2013 || l.first === 42) && (l.second < 0 || isBlank(l.second));
}

/** Opening quotes and brackets: the word they open decides. */
function isOpener(code: number): boolean {
  return code === 34 || code === 39 || code === 40 || code === 91 || code === 0x201c || code === 0x2018 || code === 0x201e || code === 0xab;
}

/** A line end after these goes on: "…, ⏎", "(⏎", "en/⏎". */
function continues(code: number): boolean {
  return code === 44 || code === 40 || code === 47 || code === 38 || code === 43 || code === 45 || code === 0x2010 || code === 0x2013;
}

/** A line that ends a sentence, a lead-in or an item: . ! ? : ; and a closing quote or bracket after one. */
function isPunctuationEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 58 || code === 59 || code === 41 || code === 0x201d || code === 0x2019 || code === 34;
}

function newLine(): Line {
  return { left: Infinity, right: -Infinity, y: 0, size: 0, font: '', uniform: true, first: -1, second: -1, last: -1, firstWord: 0, known: true, longest: -1 };
}

/** Adds an item with text to its line; false when the page carries no positions at all. */
function addItem(line: Line, it: TextItemLike, str: string, fontChars: Map<string, number>): boolean {
  const t = it.transform;
  if (!t || t.length < 6 || typeof it.width !== 'number') return false;
  if (Math.abs(t[1]!) > 1e-3 || Math.abs(t[2]!) > 1e-3 || !(t[0]! > 0) || !(t[3]! > 0)) line.known = false;
  const x = t[4]!;
  const y = t[5]!;
  const size = it.height && it.height > 0 ? it.height : Math.abs(t[3]!);
  const font = it.fontName ?? '';
  let s = 0;
  while (s < str.length && isBlank(str.charCodeAt(s))) s++;
  let e = str.length;
  while (e > s && isBlank(str.charCodeAt(e - 1))) e--;
  if (line.first < 0) {
    line.first = str.charCodeAt(s);
    line.second = s + 1 < e ? str.charCodeAt(s + 1) : -1;
    let w = s;
    while (w < e && str.charCodeAt(w) !== SPACE) w++;
    line.firstWord = str.length > 0 ? (it.width * (w - s)) / str.length : 0;
    line.font = font;
  } else if (line.uniform && font !== line.font) line.uniform = false;
  fontChars.set(font, (fontChars.get(font) ?? 0) + e - s);
  line.last = str.charCodeAt(e - 1);
  line.left = Math.min(line.left, x);
  line.right = Math.max(line.right, x + it.width);
  if (e - s > line.longest) {
    line.longest = e - s;
    line.y = y;
    line.size = size;
  }
  return true;
}

function hasText(str: string): boolean {
  for (let k = 0; k < str.length; k++) if (!isBlank(str.charCodeAt(k))) return true;
  return false;
}

const sizeKey = (size: number) => Math.round(size * 2);

/** The most frequent of a map's keys by count, or -1. */
function mode(counts: Map<number, number> | undefined): number {
  let best = -1;
  let most = 0;
  if (counts) for (const [k, n] of counts) if (n > most || (n === most && k < best)) [best, most] = [k, n];
  return best;
}

/**
 * Keeps the three largest values, largest first. Put in place by hand: a sort per line (and per
 * neighbour in columnRight) allocated more than the rest of lineEdges (issue 17, target 5).
 */
function top3(arr: number[], v: number): void {
  if (arr.length < 3) arr.push(v);
  else if (v > arr[2]!) arr[2] = v;
  else return;
  // The new value is last: moved up past the smaller ones before it, behind equal ones, as the
  // stable sort put it (for numbers that are not NaN: pdf.js' positions and widths).
  for (let k = arr.length - 1; k > 0 && arr[k]! > arr[k - 1]!; k--) {
    const up = arr[k]!;
    arr[k] = arr[k - 1]!;
    arr[k - 1] = up;
  }
}

/**
 * One flag per line end (per item with hasEOL, or marked in `ends`, in order): 1 where a block
 * edge is. Null when the items carry no positions (then every line end is a space, as before).
 * `ends[i]` set: a line end after item i that pdf.js did not mark (./item-gaps.ts).
 */
export function lineEdges(items: readonly TextItemLike[], ends?: Uint8Array | null): Uint8Array | null {
  const endsLine = (it: TextItemLike, i: number) => it.hasEOL || (ends ? ends[i] === 1 : false);
  let eols = 0;
  for (let i = 0; i < items.length; i++) if (typeof items[i]!.str === 'string' && endsLine(items[i]!, i)) eols++;
  if (eols === 0) return null;

  // Lines: lineOf[k] is the line before line end k; a line may be empty (two ends in a row).
  const lines: Line[] = [];
  const fontChars = new Map<string, number>();
  let line = newLine();
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const str = it.str;
    if (typeof str !== 'string') continue;
    if (hasText(str) && !addItem(line, it, str, fontChars)) return null;
    if (endsLine(it, i)) {
      lines.push(line);
      line = newLine();
    }
  }
  lines.push(line);

  // The page's body font (most characters), line spacing per size (most frequent baseline
  // distance between neighbouring lines of one size) and, per size and left edge, the right
  // edges the longest lines reach.
  const gaps = new Map<number, Map<number, number>>();
  const rights = new Map<number, number[]>();
  let prev: Line | null = null;
  for (const l of lines) {
    if (l.first < 0 || !l.known) {
      if (!l.known) prev = null;
      continue;
    }
    const sk = sizeKey(l.size);
    const bucketKey = sk * 4096 + Math.floor(l.left / (2 * l.size));
    let r = rights.get(bucketKey);
    if (!r) rights.set(bucketKey, (r = []));
    top3(r, l.right);
    if (prev && sizeKey(prev.size) === sk) {
      const g = prev.y - l.y;
      if (g > 0.5 * l.size && g < 3 * l.size) {
        let m = gaps.get(sk);
        if (!m) gaps.set(sk, (m = new Map()));
        const gk = Math.round(g * 4);
        m.set(gk, (m.get(gk) ?? 0) + 1);
      }
    }
    prev = l;
  }
  let body = '';
  let bodyChars = 0;
  for (const [f, n] of fontChars) if (n > bodyChars) [body, bodyChars] = [f, n];
  const spacingCache = new Map<number, number>();
  const spacing = (l: Line): number => {
    const sk = sizeKey(l.size);
    let s = spacingCache.get(sk);
    if (s === undefined) {
      const m = mode(gaps.get(sk));
      s = m > 0 ? m / 4 : 1.25 * l.size;
      spacingCache.set(sk, s);
    }
    return s;
  };
  /** Where lines like `l` end at the longest (the third-longest of its neighbours: one stray line does not count). */
  const columnRight = (l: Line): number => {
    const sk = sizeKey(l.size);
    const from = Math.floor((l.left - 3 * l.size) / (2 * l.size));
    const to = Math.floor((l.left + 3 * l.size) / (2 * l.size));
    const best: number[] = [];
    for (let b = from; b <= to; b++) for (const v of rights.get(sk * 4096 + b) ?? []) top3(best, v);
    return best.length === 3 ? best[2]! : -Infinity;
  };

  /**
   * `wrapped`: the line before `a` in its block (its line end was not an edge), or null; `start`:
   * the first line of `a`'s block.
   */
  const isEdge = (a: Line, b: Line, wrapped: Line | null, start: Line): boolean => {
    if (!a.known || !b.known) return false;
    if (isBullet(b.first)) return true;
    const small = Math.min(a.size, b.size);
    // The block is a dash item and this line starts the next one at the same place: a wrap inside
    // an item goes on at the text (hanging indent) or with a word, not with the item's own dash.
    if (isDashItem(b) && isDashItem(start) && b.first === start.first && start.known && Math.abs(b.left - start.left) < 0.5 * small) return true;
    const g = a.y - b.y;
    const s = Math.max(spacing(a), spacing(b));
    if (g > 1.3 * s && g > s + 0.3 * small) return true;
    // The next line must open something: a capital, a digit, a list dash; after an opener, the word it opens.
    const opening = isOpener(b.first) ? b.second : b.first;
    if (opening < 0 || isLower(opening)) return false;
    if (!isUpperOrDigit(opening) && !(b.first === 45 || b.first === 0x2013 || b.first === 42)) return false;
    // An outdented line that starts with a list dash or a marker begins the next item.
    if (b.left < a.left - small && !isUpperOrDigit(b.first)) return true;
    if (continues(a.last)) return false;
    if (Math.max(a.size, b.size) > 1.15 * small) return true;
    if (a.uniform && a.font !== b.font && ((a.font !== body && b.font === body) || (a.font === body && b.uniform && b.font !== body))) return true;
    // Would the next line's first word have fitted after this line? Then the line was ended, not
    // wrapped. Where the line before it in the block wrapped, that line's end is the block's own
    // right edge (a narrower paragraph, an indented quote); else the column's.
    const right = wrapped && sizeKey(wrapped.size) === sizeKey(a.size) ? Math.min(wrapped.right, columnRight(a)) : columnRight(a);
    const slack = right - a.right;
    // Without punctuation the line must end well short: a word processor keeps "Den Helder" or
    // "1 mei 2015" together with a non-breaking space that pdf.js gives as a plain one.
    return slack > 0.8 * a.size + b.firstWord && (isPunctuationEnd(a.last) || slack > 0.2 * (right - a.left));
  };

  const out = new Uint8Array(eols);
  let a = -1;
  let wrapped: Line | null = null;
  let start: Line | null = null;
  for (let k = 0; k < lines.length; k++) {
    if (lines[k]!.first < 0) continue;
    if (a >= 0) {
      const edge = isEdge(lines[a]!, lines[k]!, wrapped, start ?? lines[a]!);
      if (edge) out.fill(1, a, k);
      wrapped = edge ? null : lines[a]!;
      if (edge) start = lines[k]!;
    } else start = lines[k]!;
    a = k;
  }
  return out;
}
