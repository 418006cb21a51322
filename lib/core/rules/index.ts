export * from './schema';
export {
  RulePackError,
  describeRuleIssue,
  formatPath,
  formatZodIssues,
  rulesErrorMap,
  type RuleIssue,
} from './errors';
export {
  QUESTIONS_FILE,
  SAFEGUARDS_FILE,
  buildRuleSet,
  categoryFile,
  kindFromFileName,
  parseRulePack,
  rulesFingerprint,
  safeguardTermEntries,
  type ParsedRulePack,
  type RulePackKind,
  type RuleSet,
  type ScanRuleSet,
  type RuleSources,
} from './load';
export { loadBuiltinRules } from './builtin';
export { loadScanRules } from './builtin-scan';
export {
  STATUS_FILE,
  SAFEGUARD_STATUSES,
  SafeguardStatusSchema,
  StatusRulesSchema,
  checkStatusRules,
  parseStatusRules,
  shippedStatusRules,
  type SafeguardStatus,
  type StatusRules,
  type StatusRulesFile,
} from './status';
export { STATUS_MODEL_FILE, StatusModelSchema, loadBuiltinStatusModel, parseStatusModel, type StatusModel } from './status-model';
export { GRIFFIE_TERM_PREFIX, isGriffieTerm, withExtraPacks } from './extra';
