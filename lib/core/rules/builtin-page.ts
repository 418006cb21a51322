// The shipped rules as the content script needs them now that it matches nothing itself: the
// terms by category, safeguard and signal, for what the page still works out from the matches
// the background sends back (which category a term is in, which terms are weak, the findings).
// No matcher patterns: the matcher runs in the background (lib/extension/background/match.ts),
// from ./builtin-scan.ts. An extension build replaces this module with the set packed into one
// string (./match-rules-text.ts), without the spellings that only make patterns.
import { loadScanRules, withoutSpellings } from './builtin-scan';
import { packMatchRules } from './match-rules-text';
import type { MatchRuleSet } from './match-rules';

let page: MatchRuleSet | null = null;

/** The built-in rules' terms without their spellings (validated once per context; shared, do not mutate). */
export function loadPageRules(): MatchRuleSet {
  page ??= withoutSpellings(loadScanRules());
  return page;
}

/** The module that stands in for this one in an extension build (see ./builtin-scan.ts compiledScanModule). */
export function compiledPageModule(unpackFrom = './match-rules-text'): string {
  return [
    `import { unpackMatchRules } from ${JSON.stringify(unpackFrom)};`,
    `const PACKED = ${JSON.stringify(packMatchRules(loadPageRules()))};`,
    'let rules = null;',
    'export function loadPageRules() { return (rules ??= unpackMatchRules(PACKED)); }',
    '',
  ].join('\n');
}
