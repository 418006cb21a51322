export * from './schema';
export { RulePackError } from './errors';
export { buildRuleSet, categoryFile, parseRulePack, rulesFingerprint, safeguardTermEntries, type RuleSet, type RuleSources } from './load';
export { loadBuiltinRules } from './builtin';
export { loadScanRules } from './builtin-scan';
export { parseStatusRules, shippedStatusRules } from './status';
export { GRIFFIE_TERM_PREFIX } from './extra';
