// Folding brings document text and rule patterns into one comparable form, so that the
// automaton can stay a plain literal matcher and every spelling accident of real documents
// (PDF ligatures, typographic apostrophes, soft hyphens, words broken at a line end, NBSP)
// is dealt with in exactly one place. Folding works on UTF-16 code units and keeps, for each
// folded unit, the index of the original unit it came from, so matches can be reported as
// offsets into the text the reader sees.

export interface FoldResult {
  /** Lower case, without diacritics, one space per whitespace run, soft hyphens and line-end hyphenation removed. */
  folded: string;
  /** The same text with case kept (same length as `folded`): acronyms are matched on this view. */
  cased: string;
  /**
   * For every unit of `folded`, the index in the original text of the character it came from;
   * one extra final entry holds the original length. Non-decreasing.
   */
  toOriginal: Int32Array;
}

/** The typed-array form the matcher works on; `lower`, `cased` and `toOriginal` are valid up to `length`. */
export interface FoldedCodes {
  length: number;
  lower: Uint16Array;
  cased: Uint16Array;
  toOriginal: Int32Array;
}

const SPACE = 32;
const HYPHEN = 45;
const APOSTROPHE = 39;

// Character kinds for non-ASCII code units, filled in lazily: classifying all 65 536 units up
// front would cost the content script several milliseconds at every page load.
const K_UNKNOWN = 0;
const K_SINGLE = 1;
const K_REMOVE = 2;
const K_SOFT_HYPHEN = 3;
const K_SPACE = 4;
const K_APOSTROPHE = 5;
const K_HYPHEN = 6;
const K_MULTI = 7;

const kindTable = new Uint8Array(0x10000);
const lowerTable = new Uint16Array(0x10000);
const casedTable = new Uint16Array(0x10000);
/** Characters (BMP code or full code point) that fold to zero or several units. */
const multiTable = new Map<number, { lower: string; cased: string }>();

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x00b4, 0x02bc, 0x02b9, 0x2032, 0xff07]);
const HYPHENS = new Set([0x2010, 0x2011]);

const WHITESPACE_RE = /^\s$/u;
const ALNUM_RE = /^[\p{L}\p{N}\p{M}]$/u;

function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

function stripMarks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (!isCombiningMark(s.charCodeAt(i))) out += s[i];
  }
  return out;
}

/** Folds one character (BMP unit or astral code point) by compatibility decomposition. */
function foldChar(ch: string): { lower: string; cased: string } {
  // NFKD rather than NFD: PDF text is full of ligatures (ﬁ, ﬂ) and full-width forms.
  const cased = stripMarks(ch.normalize('NFKD'));
  let lower = cased.toLowerCase();
  if (lower.length !== cased.length) {
    // Keep the two views the same length (İ → i̇ would not be); per-unit lowering is good enough.
    lower = '';
    for (const c of cased) {
      const l = c.toLowerCase();
      lower += l.length === c.length ? l : c;
    }
  }
  return { lower, cased };
}

function classify(code: number): number {
  let kind: number;
  if (code === 0xad) kind = K_SOFT_HYPHEN;
  else if (ZERO_WIDTH.has(code)) kind = K_REMOVE;
  else if (code === 0x85 || WHITESPACE_RE.test(String.fromCharCode(code))) kind = K_SPACE;
  else if (APOSTROPHES.has(code)) kind = K_APOSTROPHE;
  else if (HYPHENS.has(code)) kind = K_HYPHEN;
  else if (code >= 0xd800 && code <= 0xdfff) {
    // A lone surrogate (a paired one never reaches here) stays as it is: not a letter.
    kind = K_SINGLE;
    lowerTable[code] = code;
    casedTable[code] = code;
  } else {
    const f = foldChar(String.fromCharCode(code));
    if (f.cased.length === 0) kind = K_REMOVE;
    else if (f.cased.length === 1 && f.lower.length === 1 && f.cased !== ' ') {
      kind = K_SINGLE;
      lowerTable[code] = f.lower.charCodeAt(0);
      casedTable[code] = f.cased.charCodeAt(0);
    } else {
      kind = K_MULTI;
      multiTable.set(code, f);
    }
  }
  kindTable[code] = kind;
  return kind;
}

function astralFold(codePoint: number): { lower: string; cased: string } {
  let f = multiTable.get(codePoint);
  if (f === undefined) {
    f = foldChar(String.fromCodePoint(codePoint));
    multiTable.set(codePoint, f);
  }
  return f;
}

// 0 unknown, 1 no, 2 yes
const alnumTable = new Uint8Array(0x10000);

/** Letter, digit or (unstripped) mark: what words are made of. Takes a folded code unit. */
export function isAlnum(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let v = alnumTable[code];
  if (v === 0) {
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    v = !isSurrogate && ALNUM_RE.test(String.fromCharCode(code)) ? 2 : 1;
    alnumTable[code] = v;
  }
  return v === 2;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return isAlnum(code) && !isDigit(code);
}

function isLowercaseLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text[i] ?? '';
  return isLetter(c) && ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

/**
 * After a hyphen at `i`: if only blanks, at least one line break and more whitespace follow,
 * and then a letter, returns the index of that letter; otherwise -1.
 */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function lineBreakThenLetter(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === 9)) j++;
  if (j >= n || !isLineBreak(text.charCodeAt(j))) return -1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === SPACE || (c >= 9 && c <= 13) || isLineBreak(c) || c === 0xa0) j++;
    else break;
  }
  if (j >= n) return -1;
  return isLetter(text.charCodeAt(j)) ? j : -1;
}

const PLAIN_WORD_WINDOW = 16;

/**
 * Whether the word part just written (back to the previous non-letter) reads as an ordinary
 * word — at least two letters, no capitals after the first — so that a hyphen after it at a
 * line end is a typesetting break rather than part of the word. "AI-", "IoT-", "5G-", "e-"
 * keep their hyphen.
 */
function plainWordPartBefore(out: FoldOut): boolean {
  const { lower, cased } = out;
  const end = out.len;
  // A word that line ends keep joining ("toe-\nzicht-\n…") is checked again at every break:
  // when the last check found its whole window plain and inside the word, only the units
  // written since need a look (the window before them was that window's tail).
  const known = out.plainEnd;
  if (known > 0 && end > known && end - known < PLAIN_WORD_WINDOW) {
    let q = known;
    for (; q < end; q++) {
      const l = lower[q] ?? 0;
      if (!isAlnum(l) || isDigit(l) || l !== cased[q]) break;
    }
    if (q === end) {
      out.plainEnd = end;
      return true;
    }
  }
  // Look back a bounded distance only: joined line ends can grow one word without limit, and
  // an unbounded look-back would make folding quadratic. Past the window every unit is
  // non-initial, so the same test applies.
  const limit = Math.max(0, end - PLAIN_WORD_WINDOW);
  let k = end - 1;
  while (k >= limit && isAlnum(lower[k] ?? 0)) k--;
  const first = k + 1;
  out.plainEnd = -1;
  if (end - first < 2) return false;
  const initial = first > 0 && isAlnum(lower[first - 1] ?? 0) ? -1 : first;
  for (let q = first; q < end; q++) {
    const l = lower[q] ?? 0;
    if (isDigit(l)) return false;
    if (q !== initial && l !== cased[q]) return false;
  }
  // The whole window plain, and the word goes on before it: remember for the next break.
  if (first === limit && initial === -1) out.plainEnd = end;
  return true;
}

/**
 * The output being written, for the rare paths (hyphens, expansions, growing). The hot loop of
 * foldCodes keeps its own copies in locals and syncs around those calls: variables that a
 * closure writes would live in a heap context, costing a memory access per unit.
 */
interface FoldOut {
  lower: Uint16Array;
  cased: Uint16Array;
  toOriginal: Int32Array;
  len: number;
  cap: number;
  /** Where the last line-end check found a whole window plain inside one word (-1: none); see plainWordPartBefore. */
  plainEnd: number;
}

function ensure(out: FoldOut, needed: number): void {
  if (needed <= out.cap) return;
  const next = Math.max(needed, out.cap * 2);
  const l = new Uint16Array(next);
  l.set(out.lower.subarray(0, out.len));
  const c = new Uint16Array(next);
  c.set(out.cased.subarray(0, out.len));
  const m = new Int32Array(next + 1);
  m.set(out.toOriginal.subarray(0, out.len));
  out.lower = l;
  out.cased = c;
  out.toOriginal = m;
  out.cap = next;
}

function pushUnit(out: FoldOut, l: number, c: number, i: number): void {
  out.lower[out.len] = l;
  out.cased[out.len] = c;
  out.toOriginal[out.len++] = i;
}

/** A hyphen at `i`; returns the index to continue from (the loop adds one). */
function hyphenAt(text: string, i: number, out: FoldOut): number {
  const next = lineBreakThenLetter(text, i);
  if (next >= 0 && out.len > 0 && isLetter(out.lower[out.len - 1] ?? 0)) {
    if (isLowercaseLetterAt(text, next) && plainWordPartBefore(out)) return next - 1;
    // "AI-\nverordening", "Noord-\nHolland": the hyphen belongs to the word, the break does not.
    pushUnit(out, HYPHEN, HYPHEN, i);
    return next - 1;
  }
  pushUnit(out, HYPHEN, HYPHEN, i);
  return i;
}

function emitString(out: FoldOut, l: string, c: string, i: number, rest: number): void {
  ensure(out, out.len + l.length + rest + 16);
  for (let k = 0; k < l.length; k++) {
    const lc = l.charCodeAt(k);
    if (lc === SPACE && out.len > 0 && out.lower[out.len - 1] === SPACE) continue;
    pushUnit(out, lc, c.charCodeAt(k), i);
  }
}

function newOut(cap: number): FoldOut {
  return { lower: new Uint16Array(cap), cased: new Uint16Array(cap), toOriginal: new Int32Array(cap + 1), len: 0, cap, plainEnd: -1 };
}

/** Folds `text` into the typed-array form the matcher scans. Linear in the length of `text`. */
export function foldCodes(text: string): FoldedCodes {
  return foldInto(text, newOut(text.length + 16));
}

/** Texts up to this many units share one buffer in foldCodesTransient (~1 MB kept). */
const SCRATCH_UNITS = 1 << 17;
let scratch: FoldOut | null = null;

/**
 * foldCodes for a fold that is dropped before the next call (a matcher folding for itself):
 * the content script matches a page in blocks of a few ten thousand characters, and fresh
 * arrays for every block were mostly allocation and zeroing. Only read up to `length`.
 */
export function foldCodesTransient(text: string): FoldedCodes {
  const cap = text.length + 16;
  if (cap > SCRATCH_UNITS) return foldCodes(text);
  scratch ??= newOut(SCRATCH_UNITS);
  scratch.len = 0;
  // Growing (expansions) replaces the arrays; keep only buffers of the shared size.
  const f = foldInto(text, scratch);
  if (scratch.cap !== SCRATCH_UNITS) scratch = null;
  return f;
}

/**
 * Folds from `i` up to the first hyphen or non-ASCII unit and returns that unit's index (or the
 * text's length): nearly all of a Dutch text, in a function small enough for V8 to optimise
 * within the first block of a page. The content script meets this code cold at every page load,
 * and the whole fold loop, with every rare path inlined, took several times as long to optimise.
 */
function foldAsciiRun(text: string, from: number, out: FoldOut): number {
  const n = text.length;
  const { lower, cased, toOriginal } = out;
  let len = out.len;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      lower[len] = c;
      cased[len] = c;
      toOriginal[len++] = i;
    } else if (c === SPACE || (c >= 9 && c <= 13)) {
      if (len === 0 || lower[len - 1] !== SPACE) {
        lower[len] = SPACE;
        cased[len] = SPACE;
        toOriginal[len++] = i;
      }
    } else if (c >= 65 && c <= 90) {
      lower[len] = c | 32;
      cased[len] = c;
      toOriginal[len++] = i;
    } else if (c >= 128 || c === HYPHEN) {
      break;
    } else {
      const f = c === 96 ? APOSTROPHE : c;
      lower[len] = f;
      cased[len] = f;
      toOriginal[len++] = i;
    }
  }
  out.len = len;
  return i;
}

function foldInto(text: string, out: FoldOut): FoldedCodes {
  const n = text.length;
  out.plainEnd = -1;
  // ASCII never expands, so the fast path needs no bounds check as long as every slow-path
  // expansion keeps `n - i + 16` units of room ahead of the write position.
  let lower = out.lower;
  let cased = out.cased;
  let toOriginal = out.toOriginal;
  let len = 0;

  for (let i = 0; i < n; i++) {
    out.len = len;
    i = foldAsciiRun(text, i, out);
    len = out.len;
    if (i === n) break;
    const c = text.charCodeAt(i);
    if (c === HYPHEN) {
      i = hyphenAt(text, i, out);
      len = out.len;
      continue;
    }

    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const f = astralFold(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        out.len = len;
        emitString(out, f.lower, f.cased, i, n - i);
        ({ lower, cased, toOriginal, len } = out);
        i++;
        continue;
      }
    }

    let kind = kindTable[c] ?? K_UNKNOWN;
    if (kind === K_UNKNOWN) kind = classify(c);
    switch (kind) {
      case K_SINGLE:
        lower[len] = lowerTable[c] ?? c;
        cased[len] = casedTable[c] ?? c;
        toOriginal[len++] = i;
        break;
      case K_REMOVE:
        break;
      case K_SOFT_HYPHEN: {
        // A soft hyphen is an explicit break opportunity, so a line break after it always joins.
        const next = lineBreakThenLetter(text, i);
        if (next >= 0 && len > 0 && isLetter(lower[len - 1] ?? 0)) i = next - 1;
        break;
      }
      case K_SPACE:
        if (len === 0 || lower[len - 1] !== SPACE) {
          lower[len] = SPACE;
          cased[len] = SPACE;
          toOriginal[len++] = i;
        }
        break;
      case K_APOSTROPHE:
        lower[len] = APOSTROPHE;
        cased[len] = APOSTROPHE;
        toOriginal[len++] = i;
        break;
      case K_HYPHEN:
        out.len = len;
        i = hyphenAt(text, i, out);
        len = out.len;
        break;
      default: {
        const f = multiTable.get(c);
        if (f !== undefined) {
          out.len = len;
          emitString(out, f.lower, f.cased, i, n - i);
          ({ lower, cased, toOriginal, len } = out);
        }
      }
    }
  }
  toOriginal[len] = n;
  return { length: len, lower, cased, toOriginal };
}

function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let k = 0; k < length; k += 8192) {
    // apply() takes any array-like; chunked because argument counts are limited.
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 8192)) as unknown as number[]);
  }
  return out;
}

/** Folds `text` for matching; see FoldResult. */
export function foldText(text: string): FoldResult {
  const f = foldCodes(text);
  return {
    folded: codesToString(f.lower, f.length),
    cased: codesToString(f.cased, f.length),
    toOriginal: f.toOriginal.slice(0, f.length + 1),
  };
}

/**
 * foldText's `folded` and `toOriginal` without the cased copy, the offsets in the shared buffer of
 * foldCodesTransient: valid only until the next fold. For the status engine's tokenizer, which
 * reads them at once, thousands of sentences a document.
 */
export function foldLowerTransient(text: string): { folded: string; toOriginal: Int32Array } {
  const f = foldCodesTransient(text);
  return { folded: codesToString(f.lower, f.length), toOriginal: f.toOriginal };
}

/**
 * The original end offset of a folded range ending (exclusively) at `foldedEnd`: just after the
 * original character that produced the last folded unit, including a surrogate partner and any
 * combining marks that folding dropped from it — but not a removed soft hyphen or line break
 * that happens to follow.
 */
export function originalEnd(text: string, toOriginal: Int32Array, foldedEnd: number): number {
  if (foldedEnd <= 0) return 0;
  const o = toOriginal[foldedEnd - 1] ?? 0;
  let end = o + 1;
  const c = text.charCodeAt(o);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(end);
    if (d >= 0xdc00 && d <= 0xdfff) end++;
  }
  while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
  return end;
}
