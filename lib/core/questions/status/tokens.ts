// Words of a stretch of text, folded the way the term matcher folds (lower case, no diacritics,
// hyphenation at a line end undone, any white space one space), with their original offsets. The
// status rules are compared with these words, so "geëvalueerd", "geevalueerd" and "geë-\nvalueerd"
// are one word to them.
import { foldLowerTransient, originalEnd } from '../../match';

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

/** The tokens of text[from, to). Linear in to − from. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const piece = text.slice(from, to);
  // Read before anything else folds (the offsets are in a shared buffer).
  const { folded, toOriginal } = foldLowerTransient(piece);
  const tokens: Token[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      for (;;) {
        if (j < n && isWordCode(folded.charCodeAt(j))) j++;
        // "camera's", "dpia's": an apostrophe between letters belongs to the word.
        else if (j + 1 < n && folded.charCodeAt(j) === APOSTROPHE && isWordCode(folded.charCodeAt(j + 1))) j += 2;
        else break;
      }
      tokens.push({ text: folded.slice(i, j), start: from + toOriginal[i]!, end: from + originalEnd(piece, toOriginal, j), punct: false });
      i = j;
    } else {
      if (PUNCT.has(c)) tokens.push({ text: folded[i]!, start: from + toOriginal[i]!, end: from + toOriginal[i]! + 1, punct: true });
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

  constructor(readonly text: string) {
    this.stride = text.length + 1;
  }

  of(from: number, to: number): Token[] {
    const key = from * this.stride + to;
    let t = this.cache.get(key);
    if (!t) this.cache.set(key, (t = tokenize(this.text, from, to)));
    return t;
  }

  private readonly made = new WeakMap<readonly Token[], Map<object, unknown>>();

  /**
   * What `make` finds in `tokens` (an array from of()), made once per kind of finding (`kind`:
   * e.g. the trie it searches): the rule engine and the features look for the same triggers in
   * the same sentence. Shared like the tokens: never changed by a reader.
   */
  memo<T>(tokens: readonly Token[], kind: object, make: () => T): T {
    let byKind = this.made.get(tokens);
    if (!byKind) this.made.set(tokens, (byKind = new Map()));
    if (byKind.has(kind)) return byKind.get(kind) as T;
    const v = make();
    byKind.set(kind, v);
    return v;
  }
}

/** A rule phrase as the words it is compared with (the same folding as the text). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase, 0, phrase.length).map((t) => t.text);
}
