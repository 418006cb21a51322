// The shipped rules as the content script needs them: the term packs, questions and safeguards,
// without rules/status.json (the background reads safeguard sentences, lib/core/questions/reading.ts).
// An extension build replaces this module with the validated set as JSON, as it does ./builtin.ts.
import { loadBuiltinRules } from './builtin';
import type { ScanRuleSet } from './load';

let scan: ScanRuleSet | null = null;

/** The built-in rules without the status rules (validated once per context; shared, do not mutate). */
export function loadScanRules(): ScanRuleSet {
  if (!scan) {
    const { questions, categories, safeguards } = loadBuiltinRules();
    scan = { questions, categories, safeguards };
  }
  return scan;
}

/** The module that stands in for this one in an extension build (see ./builtin.ts compiledBuiltinModule). */
export function compiledScanModule(): string {
  const json = JSON.stringify(loadScanRules());
  return `const RULES = JSON.parse(${JSON.stringify(json)});\nexport function loadScanRules() { return RULES; }\n`;
}
