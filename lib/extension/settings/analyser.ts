// The one analyser cache of the extension's pages and content script: the built-in rules with
// the reader's settings (own terms, categories off) and the griffie's managed term packs. The
// panel's PDF scans, the PDF viewer and the page session ask here, so a PDF is read with the
// same terms in the panel, the viewer and on the page that links it.
import { createAnalyser, type Analyser, type AnalyserOptions } from '../../core/analyse';
import { loadBuiltinRules, rulesFingerprint, type RuleSet } from '../../core/rules';
import { effectiveAnalyserOptions, type EffectiveSettings } from './managed';
import { isDefault } from '../../core/analyse/scan-rules';


interface SettingsAnalyser {
  analyser: Analyser;
  /** What a stored scan result must have been made with to be shown (the rules are part of it: an update invalidates). */
  variant: string;
  /** False when the settings change nothing: the built-in analyser. */
  customised: boolean;
  /** What it was compiled with (the built-in rules aside), for the panel's analysis worker to compile the same. */
  options: AnalyserOptions;
}

let last: { rules: RuleSet; key: string; value: SettingsAnalyser } | null = null;
const fingerprints = new WeakMap<RuleSet, string>();

/**
 * What the analyser for these settings is compiled with, and the variant its stored results
 * carry, without compiling it (the side panel's analysis worker compiles its own).
 */
export function settingsVariant(loaded: Pick<EffectiveSettings, 'settings' | 'griffie'> | null, rules: RuleSet = loadBuiltinRules()): Pick<SettingsAnalyser, 'options' | 'variant'> {
  const options = loaded ? effectiveAnalyserOptions(loaded) : {};
  let fingerprint = fingerprints.get(rules);
  if (fingerprint === undefined) fingerprints.set(rules, (fingerprint = rulesFingerprint(rules)));
  return { options, variant: JSON.stringify({ ...options, rules: fingerprint }) };
}

/** The analyser for these settings (null: none loaded yet, the defaults), compiled again only when they change what is matched. */
export function analyserForSettings(loaded: Pick<EffectiveSettings, 'settings' | 'griffie'> | null, rules: RuleSet = loadBuiltinRules()): SettingsAnalyser {
  const { options, variant } = settingsVariant(loaded, rules);
  const key = JSON.stringify(options);
  if (last && last.rules === rules && last.key === key) return last.value;
  const value = { analyser: createAnalyser(rules, options), variant, customised: !isDefault(options), options };
  last = { rules, key, value };
  return value;
}
