// The shipped rules as the content script needs them: the terms to match, by category, safeguard
// and signal (./match-rules.ts), without rules/status.json (the background reads safeguard
// sentences, lib/core/questions/reading.ts) and without the labels, reasons and questions (the
// background composes the assessment, lib/extension/background/settle.ts). An extension build
// replaces this module with that set as JSON, as it does ./builtin.ts.
import { loadBuiltinRules } from './builtin';
import { matchRulesOf, type MatchRuleSet } from './match-rules';

let scan: MatchRuleSet | null = null;

/** The built-in rules' terms (validated once per context; shared, do not mutate). */
export function loadScanRules(): MatchRuleSet {
  scan ??= matchRulesOf(loadBuiltinRules());
  return scan;
}

/** The module that stands in for this one in an extension build (see ./builtin.ts compiledBuiltinModule). */
export function compiledScanModule(): string {
  const json = JSON.stringify(loadScanRules());
  return `const RULES = JSON.parse(${JSON.stringify(json)});\nexport function loadScanRules() { return RULES; }\n`;
}
