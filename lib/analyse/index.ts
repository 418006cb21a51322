// Text in, findings out: the term matches and the AP assessment of one document. Pure, so the
// content script, the PDF scanner, the command-line scanner and the benchmarks share it.
import { compileCombinedMatcher, type TermMatch } from '../match';
import { assessDocument, type Assessment, type SafeguardHit } from '../questions';
import { safeguardTermEntries, type RuleSet } from '../rules';
import type { CategoryId, OwnTerm } from '../rules/schema';

export interface AnalyserOptions {
  ownTerms?: readonly OwnTerm[];
  disabledCategories?: readonly CategoryId[];
}

export interface Analysis {
  matches: TermMatch[];
  assessment: Assessment;
}

export interface Analyser {
  /** The rules it was compiled from (the status rules read safeguard mentions outside analyse()). */
  readonly rules: RuleSet;
  analyse(text: string): Analysis;
  /** The two matchers alone, for callers that scan a document in parts (the content script's blocks). */
  find(text: string): { matches: TermMatch[]; safeguardHits: SafeguardHit[] };
  /** The assessment over parts found separately; `text` only feeds the passages' snippets. */
  assess(matches: TermMatch[], safeguardHits: SafeguardHit[], text: string): Assessment;
}

/** Compiles the rules once; analyse() is then linear in the text. */
export function createAnalyser(rules: RuleSet, options: AnalyserOptions = {}): Analyser {
  // Terms and safeguards in one automaton: the text is folded and scanned once for both.
  const matcher = compileCombinedMatcher(rules.categories, options, safeguardTermEntries(rules.safeguards));
  const find = (text: string) => {
    const { matches, groupMatches } = matcher.match(text);
    return { matches, safeguardHits: groupMatches };
  };
  return {
    rules,
    analyse(text) {
      const { matches, safeguardHits } = find(text);
      return { matches, assessment: assessDocument({ matches, text, safeguardHits, rules }) };
    },
    find,
    assess: (matches, safeguardHits, text) => assessDocument({ matches, text, safeguardHits, rules }),
  };
}
