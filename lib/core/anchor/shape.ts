// The stored passage's shape and its check without zod, for the content script (which carries no
// zod); ./schema.ts is the zod schema for the other contexts, and the two are tested to agree.
import { isOffset, isPlainObject } from '../guards';

/** Characters of context kept on each side; enough to tell repeated quotes apart (Hypothesis uses 32). */
export const CONTEXT_LENGTH = 32;

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets into the text the anchor was described on (page text for a PDF). */
  start: number;
  end: number;
  /** 1-based PDF page, as pdf.js numbers pages; absent for web pages. */
  page?: number | undefined;
}

/** What AnchorSchema accepts (extra keys are dropped there, so they are allowed here too). */
export function isAnchor(x: unknown): x is Anchor {
  if (!isPlainObject(x)) return false;
  const a = x;
  return (
    typeof a.exact === 'string' &&
    a.exact.length >= 1 &&
    typeof a.prefix === 'string' &&
    a.prefix.length <= CONTEXT_LENGTH &&
    typeof a.suffix === 'string' &&
    a.suffix.length <= CONTEXT_LENGTH &&
    isOffset(a.start) &&
    isOffset(a.end) &&
    (a.page === undefined || (Number.isSafeInteger(a.page) && (a.page as number) > 0)) &&
    (a.end as number) > (a.start as number)
  );
}
