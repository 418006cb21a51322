// A text into sentences, headings and list items, in one pass over its characters. The status of a
// safeguard is decided within its sentence, and a list item also hears its lead-in ("verzoekt het
// college:"). What one line break means depends on where the text comes from (TextLayout): in
// hard-wrapped text it may be a wrap, not a boundary; in PDF text it is a block edge. A blank line,
// a list marker or a heading line is a boundary in both.

import { drain, type Steps } from '../../steps';

export interface Segment {
  /** Original offsets, without the list marker and surrounding white space. */
  start: number;
  end: number;
  /** A heading line (short, no final punctuation, followed by a sentence). */
  heading: boolean;
  /** Part of a list item. */
  item: boolean;
  /** For a list item: the index of the segment that leads the list in, or -1. */
  lead: number;
  /** Ends with a question mark. */
  question: boolean;
}

export interface SegmentRules {
  /** Folded words after which a full stop does not end a sentence ("bijv", "o.a"). */
  abbreviations: ReadonlySet<string>;
  /** Folded words a heading never ends with ("de", "geen", "van"): the line was wrapped. */
  functionWords: ReadonlySet<string>;
  /** Folded words that, followed by a colon, open a title line ("Onderwerp:", "Betreft:"). */
  titleLabels: ReadonlySet<string>;
}

/**
 * What a single line break means, told by the surface the text comes from (never guessed from the
 * text):
 * - 'wrapped': a line may be wrapped anywhere — a .txt file, e-mail, pdftotext output, the eval
 *   documents, and a web page's text (its text nodes keep the HTML source's own line breaks, which
 *   the browser shows as spaces). A line joins the next unless it looks like a heading or a marker.
 * - 'blocks': a line break stands only where a block ends — PDF text after ./line-edges.ts, where a
 *   wrapped line end is a space. Every line is a block of its own, whatever its length.
 */
export type TextLayout = 'wrapped' | 'blocks';

const NL = 10;
const SPACE = 32;
/** Headings are short: more words than this is a wrapped sentence. */
const HEADING_MAX_WORDS = 8;

function isSpace(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
// The character tests below run for every character of a document (a 400-page PDF is 1.5 M): an
// ASCII character is told by its code, only others by case mapping (the same answer, without two
// strings made per character).
function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128 && ch.length === 1) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128 && ch.length === 1) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128 && ch.length === 1) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return ch.toLowerCase() !== ch.toUpperCase();
}
function isWordChar(ch: string): boolean {
  return isLetter(ch) || isDigit(ch.charCodeAt(0));
}
/** isWordChar of text[k], by its code. */
function isWordCodeAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return isWordChar(text[k]!);
}

const BULLETS = new Set(['-', '•', '–', '—', '*', '·', '▪', '◦', '‣', '○', '●', '■', '□']);
/** Bullets that start an item also inside a line (a hyphen there is a dash, not a bullet). */
const INLINE_BULLETS = new Set(['•', '▪', '◦', '‣', '●', '■', '□']);
const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x']);
/** Closing characters that may stand after a sentence's final punctuation. */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const SENTENCE_END = new Set(['.', '!', '?']);
const LINE_FINAL_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '-', '(', '/', '&', '+']);

/**
 * Where a list marker ends (index of the first character after it and its space), or -1:
 * "- ", "• ", "1. ", "2) ", "a. ", "iv) ". A numbered heading ("1.2 Argumenten") is no marker.
 */
function markerEnd(text: string, from: number, to: number): number {
  let i = from;
  const c = text[i];
  if (c === undefined || i >= to) return -1;
  if (BULLETS.has(c)) return i + 1 < to && isSpace(text.charCodeAt(i + 1)) ? i + 2 : -1;
  let j = i;
  while (j < to && j - i < 4 && isWordChar(text[j]!)) j++;
  const label = text.slice(i, j).toLowerCase();
  const numeric = /^\d{1,3}$/.test(label);
  const letter = label.length === 1 && isLetter(label);
  if (!numeric && !letter && !ROMAN.has(label)) return -1;
  const p = text[j];
  if ((p === '.' || p === ')') && j + 1 < to && isSpace(text.charCodeAt(j + 1))) return j + 2;
  return -1;
}

interface Line {
  /** First and one-past-last non-space character. */
  start: number;
  end: number;
  blank: boolean;
  /** After the marker, or -1. */
  body: number;
  words: number;
  /** Where the last word stands (lastWord: folded only for the few lines that could be headings). */
  lastStart: number;
  lastEnd: number;
}

function lastWord(text: string, line: Line): string {
  return text.slice(line.lastStart, line.lastEnd).toLowerCase();
}

function scanLine(text: string, from: number, to: number): Line {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  let e = to;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return { start: s, end: s, blank: true, body: -1, words: 0, lastStart: s, lastEnd: s };
  let words = 0;
  let inWord = false;
  let lastStart = s;
  for (let k = s; k < e; k++) {
    const w: boolean = isWordCodeAt(text, k) || (inWord && (text[k] === "'" || text[k] === '’'));
    if (w && !inWord) {
      words++;
      lastStart = k;
    }
    inWord = w;
  }
  let lastEnd = lastStart;
  while (lastEnd < e && (isWordCodeAt(text, lastEnd) || text[lastEnd] === "'" || text[lastEnd] === '’')) lastEnd++;
  return { start: s, end: e, blank: false, body: markerEnd(text, s, e), words, lastStart, lastEnd };
}

/** "Onderwerp: …", "Agendapunt 4: …": a label, perhaps a number, then a colon. */
function isTitleLine(text: string, line: Line, labels: ReadonlySet<string>): boolean {
  if (line.blank || labels.size === 0) return false;
  let i = line.start;
  while (i < line.end && isLetter(text[i]!)) i++;
  const word = i;
  while (i < line.end && (isSpace(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)) || text[i] === '.')) i++;
  // The colon first: nearly every line has none there, and needs no word folded.
  return text[i] === ':' && labels.has(text.slice(line.start, word).toLowerCase());
}

function startsSentence(text: string, at: number): boolean {
  const c = text[at];
  if (c === undefined) return false;
  if (isDigit(text.charCodeAt(at))) return true;
  // A capitalised word, not an acronym: "De", "Inwoners" (an acronym after a wrap is common: "een\nDPIA").
  return isUpper(c) && at + 1 < text.length && isLower(text[at + 1]!);
}

/**
 * Splits [from, to) into sentences. A full stop ends a sentence only before white space and a
 * capital, digit or opening quote — not after an abbreviation or an initial ("J. Jansen").
 */
function splitSentences(text: string, from: number, to: number, rules: SegmentRules, out: Array<[number, number]>): void {
  let s = from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // SENTENCE_END by code: . ! ?
    if (code !== 46 && code !== 33 && code !== 63) continue;
    const c = text[i]!;
    let j = i + 1;
    while (j < to && (SENTENCE_END.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
    if (j < to && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < to && isSpace(text.charCodeAt(k))) k++;
    if (k < to) {
      const n = text[k]!;
      const opens = isUpper(n) || isDigit(text.charCodeAt(k)) || n === '"' || n === '“' || n === '‘' || n === '(' || n === "'";
      if (!opens) continue;
    }
    if (c === '.') {
      // The word before the full stop: an abbreviation or a single letter keeps the sentence going.
      let w = i;
      while (w > s && (isWordCodeAt(text, w - 1) || text[w - 1] === '.' || text[w - 1] === "'" || text[w - 1] === '’')) w--;
      const before = text.slice(w, i).toLowerCase();
      if (before.length === 1 && isLetter(before)) continue;
      if (rules.abbreviations.has(before)) continue;
    }
    out.push([s, j]);
    s = k;
    i = k - 1;
  }
  if (s < to) out.push([s, to]);
}

/**
 * A long line (PDF text, where every line is a block) read as a title: a noun phrase, without the
 * comma, semicolon or colon of a running sentence ("De raad besluit unaniem: in te stemmen met …"
 * lacks only its full stop), one sentence, not several run together, and not the page's last line
 * before its footer — a paragraph that the page end cut off ("… gedekt uit de algemene⏎Pagina 7
 * van 13⏎⏎") is no title; a title before the page's last paragraph is. Called only for lines that
 * already have a heading's shape, so at most once per line.
 */
function isLongTitle(text: string, line: Line, next: Line, afterNext: Line | undefined, rules: SegmentRules): boolean {
  if ((afterNext === undefined || afterNext.blank) && !SENTENCE_END.has(text[next.end - 1]!)) return false;
  for (let k = line.start; k < line.end; k++) {
    const c = text.charCodeAt(k);
    // , : ;
    if (c === 44 || c === 58 || c === 59) return false;
  }
  const spans: Array<[number, number]> = [];
  splitSentences(text, line.start, line.end, rules, spans);
  return spans.length === 1;
}

function trimmed(text: string, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** Linear in the length of `text`. */
export function segmentText(text: string, rules: SegmentRules, layout: TextLayout): Segment[] {
  return drain(segmentSteps(text, rules, layout));
}

/** segmentText in steps (lib/core/steps.ts): a pause may fall every few hundred lines or blocks. */
export function* segmentSteps(text: string, rules: SegmentRules, layout: TextLayout): Steps<Segment[]> {
  let step = 0;
  const everyLineABlock = layout === 'blocks';
  // Lines.
  const lines: Line[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === NL) {
      lines.push(scanLine(text, from, i));
      from = i + 1;
      if ((++step & 255) === 0) yield;
    }
  }

  // Blocks: runs of lines joined as wrapped text; a marker line, a heading line or a blank line starts a new one.
  interface Block {
    start: number;
    end: number;
    heading: boolean;
    marker: boolean;
    /** An unmarked line after a lead-in ending in ":" (or after such an item ending in ";" or ","). */
    item: boolean;
    /** A blank line came before it. */
    afterBlank: boolean;
  }
  const blocks: Block[] = [];
  let current: Block | null = null;
  let blankBefore = true;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (let li = 0; li < lines.length; li++) {
    if ((++step & 255) === 0) yield;
    const line = lines[li]!;
    if (line.blank) {
      close();
      blankBefore = true;
      continue;
    }
    const marked = line.body >= 0;
    const last = text[line.end - 1]!;
    const next = lines[li + 1];
    const atBoundary = current === null || SENTENCE_END.has(text[(current as Block).end - 1]!) || text[(current as Block).end - 1] === ':';
    const currentEnd = current ? text[(current as Block).end - 1] : '';
    // After a lead-in that ends in ":" (or after such an item ending in ";" or ","): a list.
    const inList = current !== null && (currentEnd === ':' || ((current as Block).item && (currentEnd === ';' || currentEnd === ',')));
    // Where every line is a block, a long line is no wrapped sentence: a title of twelve words is a
    // heading too (longTitle). Not in a list: a long item without punctuation stays an item of its
    // lead-in.
    const longTitle = everyLineABlock && !marked && !inList;
    // A numbered heading ("1. Geluidssensoren") is a heading, not the first item of a list.
    const heading =
      isTitleLine(text, line, rules.titleLabels) ||
      ((!marked || (next !== undefined && next.body < 0)) &&
      atBoundary &&
      line.words > 0 &&
      !LINE_FINAL_PUNCTUATION.has(last) &&
      !rules.functionWords.has(lastWord(text, line)) &&
      (startsSentence(text, line.start) || isDigit(text.charCodeAt(line.start))) &&
      next !== undefined &&
      !next.blank &&
      (next.body >= 0 || startsSentence(text, next.start)) &&
      (line.words <= HEADING_MAX_WORDS || (longTitle && isLongTitle(text, line, next, lines[li + 2], rules)))) ||
      // A short line standing alone, without final punctuation: a title, a label or a signature
      // ("De functionaris gegevensbescherming van de gemeente Leeuwarden").
      (!marked &&
        blankBefore &&
        current === null &&
        (next === undefined || next.blank) &&
        line.words > 0 &&
        line.words <= HEADING_MAX_WORDS &&
        !LINE_FINAL_PUNCTUATION.has(last) &&
        startsSentence(text, line.start));
    // Lines after a lead-in that ends in ":" are items even without markers (a page's <li>s have
    // none); so is each next line while items end in ";" or ",".
    const itemLine = !marked && !heading && inList;
    if (marked || heading || itemLine) {
      close();
      const block: Block = { start: marked ? line.body : line.start, end: line.end, heading, marker: marked && !heading, item: itemLine, afterBlank: blankBefore };
      if (heading) blocks.push(block);
      else current = block;
    } else if (current && !everyLineABlock) {
      (current as Block).end = line.end;
    } else {
      close();
      current = { start: line.start, end: line.end, heading: false, marker: false, item: false, afterBlank: blankBefore };
    }
    blankBefore = false;
  }
  close();

  // Text from a PDF has no line breaks: "Roept het college op: ● Te onderzoeken …; ● De raad …". A
  // bullet between spaces starts an item there too.
  const split: Block[] = [];
  for (const block of blocks) {
    if ((++step & 63) === 0) yield;
    if (block.heading) {
      split.push(block);
      continue;
    }
    let from = block.start;
    for (let i = block.start + 1; i < block.end - 1; i++) {
      // Every inline bullet is outside ASCII: most characters are passed by their code alone.
      if (text.charCodeAt(i) >= 128 && INLINE_BULLETS.has(text[i]!) && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1))) {
        split.push({ ...block, start: from, end: i, marker: from === block.start ? block.marker : true });
        from = i + 1;
      }
    }
    split.push(from === block.start ? block : { ...block, start: from, marker: true, item: false });
  }

  // Segments, with list items tied to their lead-in.
  const segments: Segment[] = [];
  const spans: Array<[number, number]> = [];
  let lead = -1;
  let list: 'marker' | 'paragraph' | null = null;
  let previousEnd = '';
  for (const block of split) {
    if ((++step & 31) === 0) yield;
    const firstIndex = segments.length;
    if (block.marker) {
      // A run of marked lines is one list; its lead-in is the segment just before the first one.
      if (list !== 'marker') lead = firstIndex - 1;
      list = 'marker';
    } else if (!block.heading && (block.item || previousEnd === ':' || (list === 'paragraph' && (previousEnd === ';' || previousEnd === ',')))) {
      // A paragraph after "…:" (page blocks carry no markers): an item of that lead-in, and so is
      // the next while items end in ";" or ",".
      if (list !== 'paragraph') lead = firstIndex - 1;
      list = 'paragraph';
    } else {
      list = null;
    }
    const item = list !== null;
    if (block.heading) {
      const [s, e] = trimmed(text, block.start, block.end);
      segments.push({ start: s, end: e, heading: true, item: false, lead: -1, question: text[e - 1] === '?' });
    } else {
      spans.length = 0;
      splitSentences(text, block.start, block.end, rules, spans);
      for (const [a, b] of spans) {
        const [s, e] = trimmed(text, a, b);
        if (s >= e) continue;
        segments.push({ start: s, end: e, heading: false, item, lead: item ? lead : -1, question: lastMark(text, { start: s, end: e }) === '?' });
      }
    }
    previousEnd = text[block.end - 1] ?? '';
  }
  return segments;
}

/** The segment's last character before closing quotes and brackets: 'sentence.”' ends in '.'. */
export function lastMark(text: string, seg: { start: number; end: number }): string {
  let q = seg.end - 1;
  while (q > seg.start && CLOSERS.has(text[q]!)) q--;
  return text[q] ?? '';
}

/** The index of the segment holding `offset`, or of the last one starting before it; -1 before all. */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0 || segments[0]!.start > offset) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
