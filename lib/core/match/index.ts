// The term matcher: pure functions, no browser APIs, so the content script, the side panel,
// Node tests, the benchmark and the command-line scanner all share it.
import type { CategoryId, CategoryPack, OwnTerm, Term } from '../rules/schema';
import type { MatchCategory } from '../rules/match-rules';
import { compileMatchFunction, compileMatchSets, type GroupMatch, type MakeMatch, type MatchSet, type TermEntry } from './compile';
import { foldCodesTransient, type FoldedCodes } from './fold';
import type { Matcher, TermMatch } from './types';

export type { TermMatch } from './types';
export type { TermEntry } from './compile';
export { compileTerms } from './compile';
export { foldCodes, foldCodesTransient, foldLowerTransient, foldText, originalEnd, type FoldedCodes, type FoldResult } from './fold';
export { validateOwnTerm, OWN_TERM_MAX_LENGTH, type OwnTermValidation } from './own-terms';
export { termSpellings } from './spellings';

/** Own terms get this prefix in TermMatch.termId, so they can never collide with a rule term id. */
export const OWN_TERM_PREFIX = 'own:';

export interface CompileOptions {
  ownTerms?: readonly OwnTerm[];
  disabledCategories?: readonly CategoryId[];
}

function categoryEntries(packs: readonly MatchCategory[], options: CompileOptions): TermEntry<CategoryId>[] {
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
  return entries;
}

const makeTermMatch: MakeMatch<CategoryId, TermMatch> = (start, end, termId, category, text) => ({ start, end, termId, category, text });
const makeGroupMatch: MakeMatch<string, GroupMatch<string>> = (start, end, termId, group, text) => ({ start, end, termId, group, text });

/**
 * Compiles category packs (and the reader's own terms, as literal words that may take an
 * inflection) into one matcher. Pack terms come before own terms, so where both find the same
 * stretch the pack's term is reported. Own terms are not validated here — that happens when
 * they are saved (validateOwnTerm) — but one that folds to nothing is skipped.
 */
export function compileMatcher(packs: readonly CategoryPack[], options: CompileOptions = {}): Matcher {
  const matchFolded = compileMatchFunction(categoryEntries(packs, options), makeTermMatch);
  return { match: (text) => matchFolded(text, foldCodesTransient(text)), matchFolded };
}

/** What compileMatcher and compileTerms would find, found in one pass. */
interface CombinedMatches {
  matches: TermMatch[];
  groupMatches: GroupMatch<string>[];
}

interface CombinedMatcher {
  match(text: string): CombinedMatches;
  matchFolded(text: string, folded: FoldedCodes): CombinedMatches;
}

/**
 * compileMatcher(packs, options) and compileTerms(groupEntries) in one automaton, so a text is
 * folded and scanned once for both (the analyser's terms and safeguards). The results are
 * exactly those of the two matchers on their own.
 */
export function compileCombinedMatcher(
  packs: readonly MatchCategory[],
  options: CompileOptions,
  groupEntries: readonly TermEntry<string>[],
): CombinedMatcher {
  const sets = [
    { entries: categoryEntries(packs, options), make: makeTermMatch },
    { entries: groupEntries, make: makeGroupMatch },
  ] as unknown as MatchSet<string, unknown>[];
  const run = compileMatchSets(sets);
  const matchFolded = (text: string, folded: FoldedCodes): CombinedMatches => {
    const [matches, groupMatches] = run(text, folded);
    return { matches: matches as TermMatch[], groupMatches: groupMatches as GroupMatch<string>[] };
  };
  return { match: (text) => matchFolded(text, foldCodesTransient(text)), matchFolded };
}
