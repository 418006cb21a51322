// The learned status model at work: a linear score per status from the mention's features
// (features.ts), softmax to probabilities. Pure and linear in the number of features.
import type { SafeguardStatus } from '../../rules/status';
import type { StatusModel } from '../../rules/status-model';

export interface ModelVerdict {
  status: SafeguardStatus;
  /** Probability of each class, in the model's class order. */
  probabilities: number[];
  /** False for a `stated` the model is not sure enough of to show a ✓. */
  certain: boolean;
}

/** Probabilities per class, in `model.classes` order. */
export function modelProbabilities(model: StatusModel, features: readonly string[]): number[] {
  const z = model.bias.slice();
  for (const f of features) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < z.length; c++) z[c]! += w[c]!;
  }
  const max = Math.max(...z);
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c]! - max);
  return z.map((x) => x / sum);
}

const vetoSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether one of the mention's features is a cue that denies a certain ✓ (`model.veto`). */
function vetoed(veto: readonly string[], features: readonly string[]): boolean {
  let set = vetoSets.get(veto);
  if (!set) vetoSets.set(veto, (set = new Set(veto)));
  for (const f of features) if (set.has(f)) return true;
  return false;
}

/**
 * The status of one mention: the model's, where the rule engine decided for want of a cue (a
 * reason in `model.overrules`) or where the model is sure against a cue that often misleads on new
 * text (`model.sure`); the rule engine's where a cue decided it (a question, a sense, a negation
 * that reached the term …). Either way a `stated` is certain only when the model gives it
 * at least `model.certainStated` and none of its cues is in `model.veto`.
 */
export function modelVerdict(model: StatusModel, features: readonly string[], rule: { status: SafeguardStatus; reason: string }): ModelVerdict {
  const probabilities = modelProbabilities(model, features);
  let status = rule.status;
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
  if (model.overrules.includes(rule.reason) || (model.sure?.reasons.includes(rule.reason) && probabilities[best]! >= model.sure.margin)) status = model.classes[best]!;
  const certain =
    status !== 'stated' || (probabilities[model.classes.indexOf('stated')]! >= model.certainStated && !(model.veto && vetoed(model.veto, features)));
  return { status, probabilities, certain };
}
