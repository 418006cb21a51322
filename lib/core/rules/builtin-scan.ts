// The shipped rules as the content script needs them: the terms to match, by category, safeguard
// and signal (./match-rules.ts), without rules/status.json (the background reads safeguard
// sentences, lib/core/questions/reading.ts) and without the labels, reasons and questions (the
// background composes the assessment, lib/extension/background/settle.ts). An extension build
// replaces this module with that set packed into one string (./match-rules-pack.ts), unpacked
// when the page first asks for it.
import { loadBuiltinRules } from './builtin';
import { matchRulesOf, type MatchRuleSet } from './match-rules';
import { packMatchRules } from './match-rules-pack';

let scan: MatchRuleSet | null = null;

/** The built-in rules' terms (validated once per context; shared, do not mutate). */
export function loadScanRules(): MatchRuleSet {
  scan ??= matchRulesOf(loadBuiltinRules());
  return scan;
}

/**
 * The module that stands in for this one in an extension build (see ./builtin.ts
 * compiledBuiltinModule); `unpackFrom` is where it imports the unpacker from (tests import the
 * emitted module from elsewhere).
 */
export function compiledScanModule(unpackFrom = './match-rules-pack'): string {
  return [
    `import { unpackMatchRules } from ${JSON.stringify(unpackFrom)};`,
    `const PACKED = ${JSON.stringify(packMatchRules(loadScanRules()))};`,
    'let rules = null;',
    'export function loadScanRules() { return (rules ??= unpackMatchRules(PACKED)); }',
    '',
  ].join('\n');
}
