// The rule packs that ship with the extension (bundled as JSON, no fetch: the extension makes no
// requests of its own). Here they are validated when first asked for, as Node (the CLI, tests,
// benches) runs them. An extension build replaces this module with the rule set validated at
// build time (wxt.config.ts, VALIDATED_AT_BUILD): every portal page would otherwise run zod
// over all packs before its first scan, and a broken pack now fails the build instead.
import apQuestionsJson from '../../../rules/ap-questions.json';
import safeguardsJson from '../../../rules/safeguards.json';
import algoritmeJson from '../../../rules/terms/algoritme.json';
import biometrieJson from '../../../rules/terms/biometrie.json';
import cameraJson from '../../../rules/terms/camera.json';
import cloudJson from '../../../rules/terms/cloud.json';
import dataJson from '../../../rules/terms/data.json';
import droneJson from '../../../rules/terms/drone.json';
import onlineJson from '../../../rules/terms/online.json';
import pilotJson from '../../../rules/terms/pilot.json';
import sensorJson from '../../../rules/terms/sensor.json';
import trackingJson from '../../../rules/terms/tracking.json';
import { QUESTIONS_FILE, SAFEGUARDS_FILE, buildRuleSet, categoryFile, type RuleSet } from './load';
import { CATEGORY_IDS, type CategoryId } from './schema';
import { shippedStatusRules } from './status';

const BUILTIN_CATEGORIES: Record<CategoryId, unknown> = {
  camera: cameraJson,
  algoritme: algoritmeJson,
  sensor: sensorJson,
  tracking: trackingJson,
  biometrie: biometrieJson,
  drone: droneJson,
  online: onlineJson,
  data: dataJson,
  cloud: cloudJson,
  pilot: pilotJson,
};

let builtin: RuleSet | null = null;

/** The rule packs shipped in rules/, validated (once per context; the result is shared, do not mutate it). */
export function loadBuiltinRules(): RuleSet {
  builtin ??= buildRuleSet({
    questions: { file: QUESTIONS_FILE, json: apQuestionsJson },
    safeguards: { file: SAFEGUARDS_FILE, json: safeguardsJson },
    categories: CATEGORY_IDS.map((id) => ({ file: categoryFile(id), json: BUILTIN_CATEGORIES[id] })),
  });
  return builtin;
}

/**
 * The source of the module that stands in for this one in an extension build: the validated
 * rule set, the status rules without their notes (shippedStatusRules), as one JSON text
 * (JSON.parse of a large literal is cheaper for V8 than the same object as code).
 */
export function compiledBuiltinModule(): string {
  const rules = loadBuiltinRules();
  // Validated above with its notes; shipped without them.
  const json = JSON.stringify({ ...rules, status: shippedStatusRules(rules.status) });
  return `const RULES = JSON.parse(${JSON.stringify(json)});\nexport function loadBuiltinRules() { return RULES; }\n`;
}
