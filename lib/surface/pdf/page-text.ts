// Rebuilds readable page text from pdf.js text items, the way a reader sees it: wrapped lines
// joined with a space, a line end where the layout starts a new block (a heading, a list item,
// a paragraph; see ./line-edges.ts) kept as a line break, as a block edge is in a web page's
// text, a line end or space where pdf.js gave none between items apart on the page
// (./item-gaps.ts), words that the typesetter hyphenated at a line end joined again, and for every
// character of the result the text item and offset it came from, so a match in the text can be
// highlighted exactly on the page (TextLayer.textDivs[item] holds item's characters 1:1); a
// font pdf.js read through the wrong code table (Mac Roman for WinAnsi) given as the page shows it,
// whole once a character of it shows so, and a single misread letter inside a word where none does.
// Pure: no pdf.js, no DOM.

import { itemGaps, JOINED, SPACE as SPACE_AFTER } from './item-gaps';
import { lineEdges, type TextItemLike } from './line-edges';

export type { TextItemLike } from './line-edges';

/**
 * text[i] came from item `item[i]` at character `offset[i]`; -1 for a space or line break that
 * stands for a line end (it has no character on the page).
 */
export interface PageTextMap {
  item: Int32Array;
  offset: Int32Array;
}

export interface PageText {
  text: string;
  map: PageTextMap;
}

const LINE_END = -1;
const NEWLINE = 10;
const SPACE = 32;
const HYPHEN = 0x2d;

function isLowerLetter(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  return /^\p{Ll}$/u.test(String.fromCharCode(code));
}

/**
 * What pdf.js reads for a Windows (WinAnsi) letter when a font declares no encoding and is flagged
 * symbolic: it takes the code as Mac Roman (as the PDF standard says for such fonts), and the
 * page shows "ö" where the text says "ˆ" ("coˆperatie", "geÎvalueerd", "ideeÎn"): Word documents
 * through some converters (a real GO besluitenlijst, Neevia). Only characters that cannot stand
 * after a lower-case letter in a word: an accented capital, a spacing accent, ‡ ‚ „ ‰ — each the
 * Mac Roman reading of the WinAnsi letter with the same code (0xE0–0xFF).
 */
const MAC_ROMAN_MISREAD = new Map<number, number>([
  [0x2021, 0xe0], [0x201a, 0xe2], [0x201e, 0xe3], [0x2030, 0xe4], [0xc2, 0xe5], [0xca, 0xe6], [0xc1, 0xe7],
  [0xcb, 0xe8], [0xc8, 0xe9], [0xcd, 0xea], [0xce, 0xeb], [0xcf, 0xec], [0xcc, 0xed], [0xd3, 0xee], [0xd4, 0xef],
  [0xd2, 0xf1], [0xda, 0xf2], [0xdb, 0xf3], [0xd9, 0xf4], [0x2c6, 0xf6], [0xaf, 0xf8], [0x2d8, 0xf9], [0x2d9, 0xfa],
  [0x2da, 0xfb], [0xb8, 0xfc], [0x2dd, 0xfd], [0x2db, 0xfe], [0x2c7, 0xff],
]);

/**
 * Every character of Mac Roman's upper half (codes 0x80–0xFF) that WinAnsi reads otherwise, with
 * the WinAnsi character of the same code: a font pdf.js reads through Mac Roman turns all of its
 * text this way, so once a font is known to be so read, its text is given back whole — also the
 * readings that are letters themselves, which no single character betrays: "cameraís" (’ 0x92 read
 * as Mac "í"), "ëslimî" (‘ ” as "ë" "î"), "Ä 100" (€ 0x80 as "Ä"), "ï" for a bullet •.
 */
const MAC_TO_WIN = new Map<number, number>([
  [0xc4, 0x20ac], [0xc7, 0x201a], [0xc9, 0x192], [0xd1, 0x201e], [0xd6, 0x2026], [0xdc, 0x2020], [0xe1, 0x2021], [0xe0, 0x2c6],
  [0xe2, 0x2030], [0xe4, 0x160], [0xe3, 0x2039], [0xe5, 0x152], [0xe9, 0x17d], [0xeb, 0x2018], [0xed, 0x2019], [0xec, 0x201c],
  [0xee, 0x201d], [0xef, 0x2022], [0xf1, 0x2013], [0xf3, 0x2014], [0xf2, 0x2dc], [0xf4, 0x2122], [0xf6, 0x161], [0xf5, 0x203a],
  [0xfa, 0x153], [0xfb, 0x17e], [0xfc, 0x178], [0x2020, 0xa0], [0xb0, 0xa1], [0xa7, 0xa4], [0x2022, 0xa5], [0xb6, 0xa6],
  [0xdf, 0xa7], [0xae, 0xa8], [0x2122, 0xaa], [0xb4, 0xab], [0xa8, 0xac], [0x2260, 0xad], [0xc6, 0xae], [0xd8, 0xaf],
  [0x221e, 0xb0], [0x2264, 0xb2], [0x2265, 0xb3], [0xa5, 0xb4], [0x2202, 0xb6], [0x2211, 0xb7], [0x220f, 0xb8], [0x3c0, 0xb9],
  [0x222b, 0xba], [0xaa, 0xbb], [0xba, 0xbc], [0x3a9, 0xbd], [0xe6, 0xbe], [0xf8, 0xbf], [0xbf, 0xc0], [0xa1, 0xc1],
  [0xac, 0xc2], [0x221a, 0xc3], [0x192, 0xc4], [0x2248, 0xc5], [0x2206, 0xc6], [0xab, 0xc7], [0xbb, 0xc8], [0x2026, 0xc9],
  [0xa0, 0xca], [0xc0, 0xcb], [0xc3, 0xcc], [0xd5, 0xcd], [0x152, 0xce], [0x153, 0xcf], [0x2013, 0xd0], [0x2014, 0xd1],
  [0x201c, 0xd2], [0x201d, 0xd3], [0x2018, 0xd4], [0x2019, 0xd5], [0xf7, 0xd6], [0x25ca, 0xd7], [0xff, 0xd8], [0x178, 0xd9],
  [0x2044, 0xda], [0x20ac, 0xdb], [0x2039, 0xdc], [0x203a, 0xdd], [0xfb01, 0xde], [0xfb02, 0xdf], [0x2021, 0xe0], [0xb7, 0xe1],
  [0x201a, 0xe2], [0x201e, 0xe3], [0x2030, 0xe4], [0xc2, 0xe5], [0xca, 0xe6], [0xc1, 0xe7], [0xcb, 0xe8], [0xc8, 0xe9],
  [0xcd, 0xea], [0xce, 0xeb], [0xcf, 0xec], [0xcc, 0xed], [0xd3, 0xee], [0xd4, 0xef], [0xf8ff, 0xf0], [0xd2, 0xf1],
  [0xda, 0xf2], [0xdb, 0xf3], [0xd9, 0xf4], [0x131, 0xf5], [0x2c6, 0xf6], [0x2dc, 0xf7], [0xaf, 0xf8], [0x2d8, 0xf9],
  [0x2d9, 0xfa], [0x2da, 0xfb], [0xb8, 0xfc], [0x2dd, 0xfd], [0x2db, 0xfe], [0x2c7, 0xff],
]);
/** Mac Roman's upper half that WinAnsi reads the same or not at all: still characters a Mac Roman reading gives. */
const MAC_SAME = new Set([0xc5, 0xe7, 0xe8, 0xea, 0xf9, 0xa2, 0xa3, 0xa9, 0xb1, 0xb5]);
/** A lower-case letter inside a word that a Mac Roman reading gives for a WinAnsi code no Dutch word has there (é for Ž, ë for ‘, ö for š). */
const REAL_INSIDE_WORD = new Set([0xe9, 0xe8, 0xeb, 0xef, 0xf6, 0xfc, 0xe1, 0xe0, 0xe4, 0xe7, 0xea, 0xee, 0xf3, 0xfa]);

const EURO_MISREAD = 0xc4;
const QUOTE_MISREAD = { open: 0xeb, close: 0xed, dopen: 0xec, dclose: 0xee } as const;
/** Mac "ñ", "ó", "ï" for WinAnsi –, —, •: standing alone they are the dash and the bullet. */
const ALONE_MISREAD = new Set([0xf1, 0xf3, 0xef]);

/**
 * Whether the character at k (a Mac Roman reading of a WinAnsi code) shows that its font was read
 * so: a sign no correctly read Dutch text has there — one of MAC_ROMAN_MISREAD after a lower-case
 * letter, "í" closing a word or before its "s" ("cameraís"), "ë"/"ì" opening one, "î" closing one,
 * "Ä" before an amount, "ñ"/"ó"/"ï" standing alone.
 */
function misreadSign(raw: Uint16Array, k: number, n: number): boolean {
  const c = raw[k] as number;
  const prev = k > 0 ? (raw[k - 1] as number) : SPACE;
  const next = k + 1 < n ? (raw[k + 1] as number) : SPACE;
  const after = k + 2 < n ? (raw[k + 2] as number) : SPACE;
  if (MAC_ROMAN_MISREAD.has(c) && isLowerLetter(prev) && (isLowerLetter(next) || !isLetter(next))) return true;
  if (c === QUOTE_MISREAD.close || c === QUOTE_MISREAD.dclose) return isLetter(prev) && (!isLetter(next) || (c === QUOTE_MISREAD.close && next === 115 && !isLetter(after)));
  if (c === QUOTE_MISREAD.open || c === QUOTE_MISREAD.dopen) return !isLetter(prev) && isLetter(next);
  if (c === EURO_MISREAD) return (next >= 48 && next <= 57) || (isSpace(next) && after >= 48 && after <= 57);
  if (ALONE_MISREAD.has(c)) return isSpace(prev) && isSpace(next);
  return false;
}

/** Whether the character at k shows that its font was not read through Mac Roman: no Mac Roman reading gives it, or it is a real letter inside a word. */
function rightlyRead(raw: Uint16Array, k: number, n: number): boolean {
  const c = raw[k] as number;
  if (!MAC_TO_WIN.has(c) && !MAC_SAME.has(c)) return true;
  return REAL_INSIDE_WORD.has(c) && k > 0 && k + 1 < n && isLowerLetter(raw[k - 1] as number) && isLowerLetter(raw[k + 1] as number);
}

/**
 * The fonts of a page that pdf.js read through Mac Roman: some character of theirs shows it and
 * none shows otherwise. `high` lists the raw positions of characters above ASCII with their font.
 */
function misreadFonts(raw: Uint16Array, n: number, high: readonly number[], fonts: readonly string[]): Set<string> | null {
  const sign = new Set<string>();
  const right = new Set<string>();
  for (let h = 0; h < high.length; h++) {
    const font = fonts[h]!;
    if (right.has(font)) continue;
    if (rightlyRead(raw, high[h]!, n)) right.add(font);
    else if (misreadSign(raw, high[h]!, n)) sign.add(font);
  }
  for (const f of right) sign.delete(f);
  return sign.size ? sign : null;
}

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /^\p{L}$/u.test(String.fromCharCode(code));
}

function isSpace(code: number): boolean {
  if (code < 128) return code === SPACE || (code >= 9 && code <= 13);
  return code === 0xa0 || /^\s$/u.test(String.fromCharCode(code));
}

function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let k = 0; k < length; k += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  }
  return out;
}

/**
 * "ge-⏎luid" → "geluid" (both sides lower-case letters: a typesetting break); "AI-⏎verordening"
 * and "Noord-⏎Holland" keep the hyphen; a hyphen before a block edge stays, and so does the edge. A lower-case compound ("wifi-⏎tracking") is joined too:
 * a PDF does not say which hyphens were soft, and the matcher treats "wifitracking" the same.
 * U+00AD (a soft hyphen some producers write) is dropped. Typographic apostrophes become "'"
 * (one character for one, so offsets stay exact). Runs of white space become one space, or one
 * line break where a block edge is among them (the character keeps the source of the run's first).
 * Works on UTF-16 code units: a 1 000-page document is a few million of them.
 */
export function buildPageText(items: readonly TextItemLike[]): PageText {
  const { text, item, offset } = joinItems(items, true);
  return { text, map: { item: item!, offset: offset! } };
}

/**
 * The same text as buildPageText, without the map: where nobody draws the page (the panel's
 * scans hand only the text to the analysis beside it), five arrays per page less to fill.
 */
export function pageTextOnly(items: readonly TextItemLike[]): string {
  return joinItems(items, false).text;
}

function joinItems(items: readonly TextItemLike[], withMap: boolean): { text: string; item?: Int32Array; offset?: Int32Array } {
  // Pass 1: the raw code units with their sources; a line end is "\n" from nowhere, marked in
  // `edge` where it is a block edge.
  const gaps = itemGaps(items);
  const edges = lineEdges(items, gaps);
  let rawLength = 0;
  for (const it of items) if (typeof it.str === 'string') rawLength += it.str.length + 1;
  const raw = new Uint16Array(rawLength);
  const edge = edges ? new Uint8Array(rawLength) : null;
  let eol = 0;
  const srcItem = withMap ? new Int32Array(rawLength) : null;
  const srcOffset = withMap ? new Int32Array(rawLength) : null;
  let n = 0;
  // Characters above ASCII and their fonts: the few places a font read through Mac Roman shows.
  const high: number[] = [];
  const highFont: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as TextItemLike;
    const str = it.str;
    if (typeof str !== 'string') continue;
    const start = n;
    let above = 0;
    if (srcItem && srcOffset) {
      for (let k = 0; k < str.length; k++) {
        above |= raw[n] = str.charCodeAt(k);
        srcItem[n] = i;
        srcOffset[n++] = k;
      }
    } else for (let k = 0; k < str.length; k++) above |= raw[n++] = str.charCodeAt(k);
    if (above >= 0x80 && it.fontName !== undefined) {
      for (let k = start; k < n; k++) {
        if ((raw[k] as number) < 0x80) continue;
        high.push(k);
        highFont.push(it.fontName);
      }
    }
    const gap = gaps ? gaps[i] : JOINED;
    if (it.hasEOL || gap !== JOINED) {
      // A line end pdf.js did not mark is one like any other; a missing space is a plain space.
      raw[n] = gap === SPACE_AFTER ? SPACE : NEWLINE;
      if (edge && raw[n] === NEWLINE && edges![eol++]) edge[n] = 1;
      if (srcItem && srcOffset) {
        srcItem[n] = LINE_END;
        srcOffset[n] = LINE_END;
      }
      n++;
    }
  }

  // A font read through Mac Roman given back as WinAnsi, one character for one.
  const misread = high.length ? misreadFonts(raw, n, high, highFont) : null;
  if (misread) {
    for (let h = 0; h < high.length; h++) if (misread.has(highFont[h]!)) raw[high[h]!] = MAC_TO_WIN.get(raw[high[h]!] as number) ?? (raw[high[h]!] as number);
  }

  // Pass 2: join, fold, collapse. Output can only be shorter than the input.
  const out = new Uint16Array(n);
  const item = withMap ? new Int32Array(n) : null;
  const offset = withMap ? new Int32Array(n) : null;
  let len = 0;
  const push = (code: number, j: number) => {
    if (item && offset) {
      item[len] = srcItem![j] as number;
      offset[len] = srcOffset![j] as number;
    }
    out[len++] = code;
  };

  for (let j = 0; j < n; j++) {
    const c = raw[j] as number;
    if (c === 0xad) continue;
    if ((c === HYPHEN || c === 0x2010) && raw[j + 1] === NEWLINE && !(edge && edge[j + 1])) {
      const joins = j > 0 && j + 2 < n && isLowerLetter(raw[j - 1] as number) && isLowerLetter(raw[j + 2] as number);
      if (!joins) push(c, j); // "AI-verordening": keep the hyphen, drop the line end
      j++;
      continue;
    }
    if (c === NEWLINE || isSpace(c)) {
      const blockEdge = edge !== null && edge[j] === 1;
      if (len > 0 && out[len - 1] !== SPACE && out[len - 1] !== NEWLINE) push(blockEdge ? NEWLINE : SPACE, j);
      else if (blockEdge && len > 0) out[len - 1] = NEWLINE;
      continue;
    }
    if (c >= 0xaf && len > 0 && MAC_ROMAN_MISREAD.has(c) && isLowerLetter(out[len - 1] as number)) {
      // Inside a word or at its end ("coˆperatie", "cafÈ."): the letter the page shows.
      const next = j + 1 < n ? (raw[j + 1] as number) : SPACE;
      if (isLowerLetter(next) || !isLetter(next)) {
        push(MAC_ROMAN_MISREAD.get(c)!, j);
        continue;
      }
    }
    push(c === 0x2019 || c === 0x2018 ? 0x27 : c, j);
  }
  // A trailing space or line break (the last line end) says nothing.
  if (len > 0 && (out[len - 1] === SPACE || out[len - 1] === NEWLINE)) len--;
  const text = codesToString(out, len);
  return item && offset ? { text, item: item.slice(0, len), offset: offset.slice(0, len) } : { text };
}

/** A stretch of one text item: characters [start, end) of textDivs[item]. */
export interface ItemSegment {
  item: number;
  start: number;
  end: number;
}

/**
 * The item stretches that make up text[start, end): what to turn into DOM Ranges over the
 * text layer. A match across a line end ("camera-⏎toezicht") gives two segments, and the
 * dropped hyphen at the end of the first line is highlighted with it.
 */
export function segmentsFor(map: PageTextMap, start: number, end: number): ItemSegment[] {
  const out: ItemSegment[] = [];
  let current: ItemSegment | null = null;
  for (let i = Math.max(0, start); i < Math.min(end, map.item.length); i++) {
    const it = map.item[i] ?? LINE_END;
    const off = map.offset[i] ?? LINE_END;
    if (it === LINE_END) continue;
    if (current && current.item === it && off >= current.end) {
      current.end = off + 1;
    } else {
      if (current) out.push(current);
      current = { item: it, start: off, end: off + 1 };
    }
  }
  if (current) out.push(current);
  // A joined hyphen sits between two segments of consecutive items; take it along.
  for (let s = 0; s + 1 < out.length; s++) {
    const seg = out[s] as ItemSegment;
    const next = out[s + 1] as ItemSegment;
    if (next.item > seg.item) seg.end = Number.MAX_SAFE_INTEGER; // to the end of the item
  }
  return out;
}

/**
 * The text offset of character `offset` in item `item` (a selection's end point in the text
 * layer), or of the next character that made it into the text; -1 when there is none.
 */
export function textOffsetOf(map: PageTextMap, item: number, offset: number): number {
  for (let i = 0; i < map.item.length; i++) {
    const it = map.item[i] ?? LINE_END;
    if (it > item || (it === item && (map.offset[i] ?? 0) >= offset)) return i;
  }
  return map.item.length;
}
