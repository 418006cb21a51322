// The matching half of the analyser: terms and safeguards in one automaton, weak matches settled
// by context, and the assessment as far as it needs no sentence read. This is what the content
// script carries; reading safeguard sentences (lib/core/questions/status) happens elsewhere.
import { compileCombinedMatcher, type TermMatch } from '../match';
import { outOfContext, type ContextPart } from './context';
import { findings, type Found, type SafeguardHit } from '../questions/found';
import { safeguardTermEntries } from '../rules/entries';
import { withExtraPacks } from '../rules/extra';
import type { MatchRuleSet } from '../rules/match-rules';
import type { CategoryId, CategoryPack, OwnTerm } from '../rules/schema';

export interface AnalyserOptions {
  ownTerms?: readonly OwnTerm[];
  disabledCategories?: readonly CategoryId[];
  /** The griffie's own term packs (policy or settings file), validated; they join at run time. */
  extraPacks?: readonly CategoryPack[];
}

export interface Scanner<R extends MatchRuleSet = MatchRuleSet> {
  /** The rules it was compiled from, with the griffie's packs joined. */
  readonly rules: R;
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
  /** What the matches amount to, by the rules' ids (lib/core/questions/found.ts); `text` feeds the snippets. */
  findings(matches: readonly TermMatch[], safeguardHits: readonly SafeguardHit[], text: string): Found;
}

/** Compiles the rules once; find() is then linear in the text. */
export function createScanner<R extends MatchRuleSet>(builtRules: R, options: AnalyserOptions = {}): Scanner<R> {
  const rules = withExtraPacks(builtRules, options.extraPacks);
  // Terms and safeguards in one automaton: the text is folded and scanned once for both.
  const matcher = compileCombinedMatcher(rules.categories, options, safeguardTermEntries(rules.safeguards));
  const weak = new Set(rules.categories.flatMap((c) => c.terms.filter((t) => t.weak).map((t) => t.id)));
  const isWeak = (termId: string) => weak.has(termId);
  return {
    rules,
    find(text) {
      const { matches, groupMatches } = matcher.match(text);
      return { matches, safeguardHits: groupMatches };
    },
    outOfContext: (parts) => outOfContext(parts, isWeak),
    isWeak,
    findings: (matches, safeguardHits, text) => findings(matches, safeguardHits, text, rules),
  };
}
