// rules/status-model.json: the learned status model (multinomial logistic regression over the
// rule engine's cues, lib/core/questions/status/features.ts), written by
// test/tools/train-status-model.ts. Validated like the other rule files: a broken file says in
// Dutch what is wrong, never zod's English.
import { z } from 'zod';
import modelJson from '../../../rules/status-model.json';
import { RulePackError, parseRuleFile } from './errors';
import { SAFEGUARD_STATUSES, SafeguardStatusSchema } from './status';

export const STATUS_MODEL_FILE = 'rules/status-model.json';

const weights = z.array(z.number().finite()).length(SAFEGUARD_STATUSES.length);

export const StatusModelSchema = z.strictObject({
  about: z.string().max(2000).optional(),
  version: z.literal(1),
  /** The order of every weight vector. */
  classes: z.array(SafeguardStatusSchema).length(SAFEGUARD_STATUSES.length),
  bias: weights,
  /** Feature name → one weight per class. */
  weights: z.record(z.string().min(1).max(200), weights),
  /** The rule engine's reasons (lib/core/questions/status/classify.ts) the model may overrule: those without a cue. */
  overrules: z.array(z.string().min(1).max(40)).max(40),
  /**
   * Reasons the model overrules only when it is sure: its own status has at least `margin`
   * probability. A cue the rules read exactly (a question, a double negation) keeps its reason out
   * of this list.
   */
  sure: z.strictObject({ reasons: z.array(z.string().min(1).max(40)).max(40), margin: z.number().min(0.5).max(1) }).optional(),
  /** A `stated` whose probability is below this keeps its status but is not certain (no ✓). */
  certainStated: z.number().min(0).max(1),
  /**
   * Cues that deny a certain ✓ whatever the probability: in the training documents (nearly) none of
   * the passages with one of them was stated (a table cell "nee", a list under "onder de voorwaarden
   * dat:", a question). A linear score lets the many cues of a plain stated sentence outvote such a
   * rare cue; here it only takes the ✓, not the status.
   */
  veto: z.array(z.string().min(1).max(200)).max(400).optional(),
  /**
   * The words of the mention's own sentence as features beside the cues, hashed into this many
   * buckets (lib/core/questions/status/words.ts); absent: the model reads the cues only.
   */
  words: z.strictObject({ buckets: z.number().int().min(16).max(65536) }).optional(),
  /** How it was trained and chosen (figures of grouped cross-validation). */
  training: z.record(z.string().max(80), z.union([z.number(), z.string().max(400)])).optional(),
});
export type StatusModel = z.infer<typeof StatusModelSchema>;

/** Parses a status model (the parsed JSON or its text); throws RulePackError with Dutch messages. */
export function parseStatusModel(json: unknown, file = STATUS_MODEL_FILE): StatusModel {
  const model = parseRuleFile(StatusModelSchema, json, file);
  if (new Set(model.classes).size !== model.classes.length) {
    throw new RulePackError([{ file, path: 'classes', message: 'elke status precies één keer: stated, negated, planned en absent' }]);
  }
  return model;
}

let builtin: StatusModel | null = null;

/** The shipped model, validated once per context. */
export function loadBuiltinStatusModel(): StatusModel {
  builtin ??= parseStatusModel(modelJson);
  return builtin;
}
