// What a page works out from the rules around the matcher: which weak matches stand away from
// technology, which terms are weak, and what the matches amount to. Apart from the matcher
// (./scanner.ts), so the content script can hold these without the automaton: its matching runs
// in the background (./match-service.ts).
import { outOfContext, type ContextPart } from './context';
import { findings, type Found, type SafeguardHit } from '../questions/found';
import { withExtraPacks } from '../rules/extra';
import type { TermMatch } from '../match/types';
import type { MatchRuleSet } from '../rules/match-rules';
import type { CategoryId, CategoryPack, OwnTerm } from '../rules/schema';

export interface AnalyserOptions {
  ownTerms?: readonly OwnTerm[];
  disabledCategories?: readonly CategoryId[];
  /** The griffie's own term packs (policy or settings file), validated; they join at run time. */
  extraPacks?: readonly CategoryPack[];
}

/** Options that change nothing: the built-in rules as they are. */
export function isDefault(options: AnalyserOptions): boolean {
  return !options.ownTerms?.length && !options.disabledCategories?.length && !options.extraPacks?.length;
}

export interface ScanRules<R extends MatchRuleSet = MatchRuleSet> {
  /** The rules it was compiled from, with the griffie's packs joined. */
  readonly rules: R;
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

/** The rules with the griffie's packs joined, and what is worked out from them (no matcher). */
export function createScanRules<R extends MatchRuleSet>(builtRules: R, options: AnalyserOptions = {}): ScanRules<R> {
  const rules = withExtraPacks(builtRules, options.extraPacks);
  const weak = new Set(rules.categories.flatMap((c) => c.terms.filter((t) => t.weak).map((t) => t.id)));
  const isWeak = (termId: string) => weak.has(termId);
  return {
    rules,
    outOfContext: (parts) => outOfContext(parts, isWeak),
    isWeak,
    findings: (matches, safeguardHits, text) => findings(matches, safeguardHits, text, rules),
  };
}
