// The content script's matcher for the reader's settings (own terms, categories off) and the
// griffie's managed term packs: the scanning half of ./analyser.ts, without the status engine
// and its rules, which the content script does not carry.
import { createScanner, type AnalyserOptions, type Scanner } from '../../core/analyse/scanner';
import { loadScanRules } from '../../core/rules/builtin-scan';
import type { MatchRuleSet } from '../../core/rules/match-rules';
import { effectiveAnalyserOptions, type EffectiveSettings } from './effective';

export function isDefault(options: AnalyserOptions): boolean {
  return !options.ownTerms?.length && !options.disabledCategories?.length && !options.extraPacks?.length;
}

let last: { rules: MatchRuleSet; key: string; scanner: Scanner } | null = null;

/** The scanner for these settings, compiled again only when they change what is matched. */
export function scannerForSettings(loaded: Pick<EffectiveSettings, 'settings' | 'griffie'> | null, rules: MatchRuleSet = loadScanRules()): Scanner {
  const options = loaded ? effectiveAnalyserOptions(loaded) : {};
  const key = JSON.stringify(options);
  if (last && last.rules === rules && last.key === key) return last.scanner;
  last = { rules, key, scanner: createScanner(rules, options) };
  return last.scanner;
}
