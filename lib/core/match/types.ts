import type { CategoryId } from '../rules/schema';
import type { FoldedCodes } from './fold';

/** A term found in a text. Offsets are JavaScript string indices into the ORIGINAL text. */
export interface TermMatch {
  start: number;
  end: number;
  termId: string;
  category: CategoryId;
  /** The original text between start and end. */
  text: string;
}

export interface Matcher {
  /** Leftmost-longest, non-overlapping matches in text order. Linear in text length. */
  match(text: string): TermMatch[];
  /** The same on a text folded already (`foldCodes(text)`), so several matchers share one fold. */
  matchFolded(text: string, folded: FoldedCodes): TermMatch[];
}
