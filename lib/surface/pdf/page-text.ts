// Rebuilds readable page text from pdf.js text items, the way a reader sees it: wrapped lines
// joined with a space, a line end where the layout starts a new block (a heading, a list item,
// a paragraph; see ./line-edges.ts) kept as a line break, as a block edge is in a web page's
// text, a line end or space where pdf.js gave none between items apart on the page
// (./item-gaps.ts), words that the typesetter hyphenated at a line end joined again, and for every
// character of the result the text item and offset it came from, so a match in the text can be
// highlighted exactly on the page (TextLayer.textDivs[item] holds item's characters 1:1); a
// letter pdf.js read through the wrong code table, inside a word, given as the page shows it.
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
 * scans hand only the text to the analysis worker), five arrays per page less to fill.
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
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as TextItemLike;
    const str = it.str;
    if (typeof str !== 'string') continue;
    if (srcItem && srcOffset) {
      for (let k = 0; k < str.length; k++) {
        raw[n] = str.charCodeAt(k);
        srcItem[n] = i;
        srcOffset[n++] = k;
      }
    } else for (let k = 0; k < str.length; k++) raw[n++] = str.charCodeAt(k);
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
