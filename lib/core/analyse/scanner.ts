// The matching half of the analyser: terms and safeguards in one automaton, weak matches settled
// by context, and the assessment as far as it needs no sentence read. The background runs it for
// the content script's pages (./match-service.ts); reading safeguard sentences
// (lib/core/questions/status) happens elsewhere.
import { compileCombinedMatcher, type TermMatch } from '../match';
import type { SafeguardHit } from '../questions/found';
import { safeguardTermEntries } from '../rules/entries';
import type { MatchRuleSet } from '../rules/match-rules';
import { createScanRules, type AnalyserOptions, type ScanRules } from './scan-rules';

export { type AnalyserOptions } from './scan-rules';

export interface Scanner<R extends MatchRuleSet = MatchRuleSet> extends ScanRules<R> {
  /**
   * The two matchers alone, for callers that scan a document in parts (the content script's
   * blocks, a PDF's pages). Their weak matches are not settled yet: see outOfContext.
   */
  find(text: string): { matches: TermMatch[]; safeguardHits: SafeguardHit[] };
}

/** Compiles the rules once; find() is then linear in the text. */
export function createScanner<R extends MatchRuleSet>(builtRules: R, options: AnalyserOptions = {}): Scanner<R> {
  const scanRules = createScanRules(builtRules, options);
  // Terms and safeguards in one automaton: the text is folded and scanned once for both.
  const matcher = compileCombinedMatcher(scanRules.rules.categories, options, safeguardTermEntries(scanRules.rules.safeguards));
  return {
    ...scanRules,
    find(text) {
      const { matches, groupMatches } = matcher.match(text);
      return { matches, safeguardHits: groupMatches };
    },
  };
}
