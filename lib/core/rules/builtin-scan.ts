// The shipped rules as the content script needs them: the terms to match, by category, safeguard
// and signal (./match-rules.ts), without rules/status.json (the background reads safeguard
// sentences, lib/core/questions/reading.ts) and without the labels, reasons and questions (the
// background composes the assessment, lib/extension/background/settle.ts). An extension build
// replaces this module with that set packed into one string (./match-rules-pack.ts), unpacked
// when the page first asks for it, together with the matcher's patterns of those terms worked
// out at build time (folded spellings and variants: the larger part of compiling the matcher).
import { loadBuiltinRules } from './builtin';
import { matchRulesOf, type MatchRuleSet } from './match-rules';
import type { Term } from './schema';
import { packMatchRules, packPatterns } from './match-rules-pack';

let scan: MatchRuleSet | null = null;

/** The built-in rules' terms (validated once per context; shared, do not mutate). */
export function loadScanRules(): MatchRuleSet {
  scan ??= matchRulesOf(loadBuiltinRules());
  return scan;
}

/**
 * The rules without what only makes patterns (forms, compounds, exceptions): in the page the
 * patterns come worked out with them (packPatterns), and nothing else there reads those fields.
 * Ids, kinds, weak and the text (from which the pack derives most ids) stay.
 */
export function withoutSpellings(rules: MatchRuleSet): MatchRuleSet {
  const strip = <G extends { terms: Term[] }>(g: G): G => ({ ...g, terms: g.terms.map(({ forms: _f, compounds: _c, except: _e, ...term }) => term) });
  return {
    categories: rules.categories.map(strip),
    safeguards: { safeguards: rules.safeguards.safeguards.map(strip), signals: rules.safeguards.signals.map(strip) },
  };
}

/**
 * The module that stands in for this one in an extension build (see ./builtin.ts
 * compiledBuiltinModule); `unpackFrom` is where it imports the unpacker from (tests import the
 * emitted module from elsewhere).
 */
export function compiledScanModule(unpackFrom = './match-rules-pack'): string {
  return [
    `import { unpackScanRules } from ${JSON.stringify(unpackFrom)};`,
    `const PACKED = ${JSON.stringify(packMatchRules(withoutSpellings(loadScanRules())))};`,
    `const PATTERNS = ${JSON.stringify(packPatterns(loadScanRules()))};`,
    'let rules = null;',
    'export function loadScanRules() { return (rules ??= unpackScanRules(PACKED, PATTERNS)); }',
    '',
  ].join('\n');
}
