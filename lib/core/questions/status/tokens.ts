// Words of a stretch of text, folded the way the term matcher folds (lower case, no diacritics,
// hyphenation at a line end undone, any white space one space), with their original offsets. The
// status rules are compared with these words, so "geëvalueerd", "geevalueerd" and "geë-\nvalueerd"
// are one word to them.
import { foldCodesTransient, originalEnd } from '../../match';

export interface Token {
  /** Folded: a word, or one punctuation character of , ; : ( ) ? ! */
  text: string;
  /** Original offsets. */
  start: number;
  end: number;
  punct: boolean;
}

const PUNCT = new Set([44, 59, 58, 40, 41, 63, 33]); // , ; : ( ) ? !
const APOSTROPHE = 39;

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  // Folded text keeps letters of other scripts (and ß, æ …) as they are.
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase() || (c >= 0x660 && c <= 0x669);
}

/** codes[from, to) as a string, in chunks (apply() takes any array-like; argument counts are limited). */
function stringOf(codes: Uint16Array, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k += 8192) out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(to, k + 8192)) as unknown as number[]);
  return out;
}

/**
 * A document's words, each string made once: the status reading keeps every sentence's tokens
 * until the document is read (DocumentTokens), and a meeting's 400,000 cached tokens had 1,237
 * different words. A string per token was most of what outlived the worker's young generation
 * (issue 17, target 5: the analysis worker's GC); a word met again is looked up by its folded
 * code units, so no string is made for it.
 */
export class WordTable {
  private readonly byHash = new Map<number, string | string[]>();

  of(codes: Uint16Array, from: number, to: number): string {
    let h = to - from;
    for (let k = from; k < to; k++) h = (Math.imul(h, 31) + codes[k]!) | 0;
    // A small integer key (a heap number would be allocated and hashed by value).
    h &= 0x3fffffff;
    const hit = this.byHash.get(h);
    if (typeof hit === 'string') {
      if (sameWord(hit, codes, from, to)) return hit;
    } else if (hit) {
      for (const w of hit) if (sameWord(w, codes, from, to)) return w;
    }
    const word = stringOf(codes, from, to);
    if (hit === undefined) this.byHash.set(h, word);
    else if (typeof hit === 'string') this.byHash.set(h, [hit, word]);
    else hit.push(word);
    return word;
  }
}

function sameWord(word: string, codes: Uint16Array, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== codes[from + k]) return false;
  return true;
}

/**
 * The tokens of text[from, to). Linear in to − from. Read from the folded code units (no folded
 * string is made); `words`: the document's word table, else a string per token.
 */
export function tokenize(text: string, from: number, to: number, words?: WordTable): Token[] {
  const piece = text.slice(from, to);
  // Read before anything else folds (the units and offsets are in a shared buffer).
  const { lower: folded, length: n, toOriginal } = foldCodesTransient(piece);
  const tokens: Token[] = [];
  let i = 0;
  while (i < n) {
    const c = folded[i]!;
    if (isWordCode(c)) {
      let j = i + 1;
      for (;;) {
        if (j < n && isWordCode(folded[j]!)) j++;
        // "camera's", "dpia's": an apostrophe between letters belongs to the word.
        else if (j + 1 < n && folded[j] === APOSTROPHE && isWordCode(folded[j + 1]!)) j += 2;
        else break;
      }
      tokens.push({ text: words ? words.of(folded, i, j) : stringOf(folded, i, j), start: from + toOriginal[i]!, end: from + originalEnd(piece, toOriginal, j), punct: false });
      i = j;
    } else {
      if (PUNCT.has(c)) tokens.push({ text: String.fromCharCode(c), start: from + toOriginal[i]!, end: from + toOriginal[i]! + 1, punct: true });
      i++;
    }
  }
  return tokens;
}

/**
 * One document's stretches, each tokenized once: the rule engine, the structure and the features
 * read the same sentences (a mention's own, the next, a list's lead-in), and a sentence is the next
 * one of the mention before it. tokenize is pure, so a stretch read again is the same tokens. The
 * arrays are shared between readers: read them, never change them.
 */
export class DocumentTokens {
  private readonly cache = new Map<number, Token[]>();
  /** (from, to) as one exact number: both are at most the text's length. */
  private readonly stride: number;
  /** Its words (see WordTable); readers that tokenize a stretch of their own may share it. */
  readonly words = new WordTable();

  constructor(readonly text: string) {
    this.stride = text.length + 1;
  }

  of(from: number, to: number): Token[] {
    const key = from * this.stride + to;
    let t = this.cache.get(key);
    if (!t) this.cache.set(key, (t = tokenize(this.text, from, to, this.words)));
    return t;
  }

  /**
   * Per token array (held by `cache` as long as this document is read: a plain Map, no WeakMap,
   * whose entries cost the scavenger), the first kind's finding, and further kinds in a Map made
   * only when a second kind is asked (none is today).
   */
  private readonly made = new Map<readonly Token[], { kind: object; value: unknown; more?: Map<object, unknown> }>();

  /**
   * What `make` finds in `tokens` (an array from of()), made once per kind of finding (`kind`:
   * e.g. the trie it searches): the rule engine and the features look for the same triggers in
   * the same sentence. Shared like the tokens: never changed by a reader.
   */
  memo<T>(tokens: readonly Token[], kind: object, make: () => T): T {
    const entry = this.made.get(tokens);
    if (!entry) {
      const value = make();
      this.made.set(tokens, { kind, value });
      return value;
    }
    if (entry.kind === kind) return entry.value as T;
    entry.more ??= new Map();
    if (entry.more.has(kind)) return entry.more.get(kind) as T;
    const v = make();
    entry.more.set(kind, v);
    return v;
  }
}

/** A rule phrase as the words it is compared with (the same folding as the text). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase, 0, phrase.length).map((t) => t.text);
}
