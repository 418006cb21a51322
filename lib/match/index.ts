// The term matcher: pure functions, no browser APIs, so the content script, the side panel,
// Node tests, the benchmark and the command-line scanner all share it.
import type { CategoryId, CategoryPack, OwnTerm, Term } from '../rules/schema';
import { compileMatchFunction, type TermEntry } from './compile';
import { foldCodes } from './fold';
import type { Matcher, TermMatch } from './types';

export type { Matcher, TermMatch } from './types';
export type { GroupMatch, GroupMatcher, TermEntry } from './compile';
export { compileTerms } from './compile';
export { foldCodes, foldText, originalEnd, type FoldedCodes, type FoldResult } from './fold';
export { validateOwnTerm, OWN_TERM_MAX_LENGTH, type OwnTermValidation } from './own-terms';

/** Own terms get this prefix in TermMatch.termId, so they can never collide with a rule term id. */
export const OWN_TERM_PREFIX = 'own:';

export interface CompileOptions {
  ownTerms?: readonly OwnTerm[];
  disabledCategories?: readonly CategoryId[];
}

/**
 * Compiles category packs (and the reader's own terms, as literal words that may take an
 * inflection) into one matcher. Pack terms come before own terms, so where both find the same
 * stretch the pack's term is reported. Own terms are not validated here — that happens when
 * they are saved (validateOwnTerm) — but one that folds to nothing is skipped.
 */
export function compileMatcher(packs: readonly CategoryPack[], options: CompileOptions = {}): Matcher {
  const disabled = new Set<CategoryId>(options.disabledCategories ?? []);
  const entries: TermEntry<CategoryId>[] = [];
  for (const pack of packs) {
    if (disabled.has(pack.id)) continue;
    for (const term of pack.terms) entries.push({ term, group: pack.id });
  }
  for (const own of options.ownTerms ?? []) {
    if (disabled.has(own.category)) continue;
    const term: Term = { id: OWN_TERM_PREFIX + own.id, text: own.text, match: 'word' };
    entries.push({ term, group: own.category });
  }
  const matchFolded = compileMatchFunction(
    entries,
    (start, end, termId, category, text): TermMatch => ({ start, end, termId, category, text }),
  );
  return { match: (text) => matchFolded(text, foldCodes(text)), matchFolded };
}
