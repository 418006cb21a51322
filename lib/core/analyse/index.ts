// Text in, findings out: the term matches and the AP assessment of one document. Pure, so the
// content script, the PDF scanner, the command-line scanner and the benchmarks share it.
import { compileCombinedMatcher, type TermMatch } from '../match';
import { outOfContext, type ContextPart } from './context';
import { assessDocument, type Assessment, type SafeguardHit } from '../questions';
import { safeguardTermEntries, withExtraPacks, type RuleSet } from '../rules';
import type { CategoryId, CategoryPack, OwnTerm } from '../rules/schema';

export interface AnalyserOptions {
  ownTerms?: readonly OwnTerm[];
  disabledCategories?: readonly CategoryId[];
  /** The griffie's own term packs (policy or settings file), validated; they join at run time. */
  extraPacks?: readonly CategoryPack[];
}

export { PartsSoFar, sameMatches, type ContextPart } from './context';

export interface Analysis {
  matches: TermMatch[];
  assessment: Assessment;
}

export interface Analyser {
  /** The rules it was compiled from (the status rules read safeguard mentions outside analyse()). */
  readonly rules: RuleSet;
  analyse(text: string): Analysis;
  /**
   * The two matchers alone, for callers that scan a document in parts (the content script's
   * blocks, a PDF's pages). Their weak matches are not settled yet: see outOfContext.
   */
  find(text: string): { matches: TermMatch[]; safeguardHits: SafeguardHit[] };
  /**
   * The weak matches (pilot, proef) of a document found in parts that stand away from any
   * technology: they are not shown, not counted and raise no question (lib/core/analyse/context.ts).
   */
  outOfContext(parts: readonly ContextPart[]): Set<TermMatch | SafeguardHit>;
  /** A weak term (pilot, proef) counts only in context; any other match always counts. */
  isWeak(termId: string): boolean;
  /** The assessment over parts found separately; `text` only feeds the passages' snippets. */
  assess(matches: TermMatch[], safeguardHits: SafeguardHit[], text: string): Assessment;
}

/** Compiles the rules once; analyse() is then linear in the text. */
export function createAnalyser(builtRules: RuleSet, options: AnalyserOptions = {}): Analyser {
  const rules = withExtraPacks(builtRules, options.extraPacks);
  // Terms and safeguards in one automaton: the text is folded and scanned once for both.
  const matcher = compileCombinedMatcher(rules.categories, options, safeguardTermEntries(rules.safeguards));
  const find = (text: string) => {
    const { matches, groupMatches } = matcher.match(text);
    return { matches, safeguardHits: groupMatches };
  };
  const weak = new Set(rules.categories.flatMap((c) => c.terms.filter((t) => t.weak).map((t) => t.id)));
  const isWeak = (termId: string) => weak.has(termId);
  const settle = (parts: readonly ContextPart[]) => outOfContext(parts, isWeak);
  return {
    rules,
    analyse(text) {
      const found = find(text);
      const dropped = settle([{ text, matches: found.matches, hits: found.safeguardHits }]);
      const matches = dropped.size ? found.matches.filter((m) => !dropped.has(m)) : found.matches;
      const safeguardHits = dropped.size ? found.safeguardHits.filter((h) => !dropped.has(h)) : found.safeguardHits;
      return { matches, assessment: assessDocument({ matches, text, safeguardHits, rules }) };
    },
    find,
    outOfContext: settle,
    isWeak,
    assess: (matches, safeguardHits, text) => assessDocument({ matches, text, safeguardHits, rules }),
  };
}
