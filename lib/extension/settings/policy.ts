// What a griffie sets for all its raadsleden: through the browser's policy engine
// (storage.managed) or through a settings file the reader imports. One schema for both, keyed by
// the names IT guides rely on (README, "Voor griffie en IT"): portalHosts, termPacks, settings,
// locked, letter, fetchPdfs. Each key is checked on its own: a mistake in one key is reported
// and that key ignored, the rest still applies, and nothing here ever throws at the reader.
import { z } from 'zod';
import { describeRuleIssue, formatZodIssues, rulesErrorMap, RulePackError } from '../../core/rules/errors';
import { parseRulePack } from '../../core/rules/load';
import { CategoryIdSchema, CATEGORY_IDS, type CategoryPack } from '../../core/rules/schema';
import { HighlightStyleSchema } from './schema';
import { LOCKABLE_SETTINGS, type GriffiePolicy } from './policy-apply';
import type { ParsedPolicy, PolicyProblem } from './effective';

export type { ParsedPolicy, PolicyProblem } from './effective';
export { LOCKABLE_SETTINGS, applyPolicy, combinePolicies, hasPolicy, rebaseChange, type GriffiePolicy, type LockableSetting } from './policy-apply';

const POLICY_KEYS = ['portalHosts', 'termPacks', 'settings', 'locked', 'letter', 'fetchPdfs'] as const;

const MAX_POLICY_HOSTS = 50;
const MAX_TERM_PACKS = 20;

/** A bare host name (raad.voorbeeld.nl): no scheme, path, port or wildcard. */
const PolicyHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'een hostnaam zoals raad.gemeente.nl (zonder https:// en zonder pad)');

const PolicySettingsSchema = z.strictObject({
  disabledCategories: z.array(CategoryIdSchema).max(CATEGORY_IDS.length).optional(),
  highlight: HighlightStyleSchema.partial().optional(),
});
export type PolicySettings = z.infer<typeof PolicySettingsSchema>;

const line = (max: number) => z.string().trim().min(1).max(max);

const PolicyLetterSchema = z.strictObject({
  gemeente: line(80).optional(),
  /** Several lines allowed: the griffie's postal address as it goes above the letter. */
  griffieAddress: line(400).optional(),
  fracties: z.array(line(80)).max(40).optional(),
  /** The article of the Reglement van orde on schriftelijke vragen, e.g. "41" or "38, eerste lid". */
  reglementArtikel: line(40).optional(),
});
export type PolicyLetter = z.infer<typeof PolicyLetterSchema>;

const KEY_SCHEMAS = {
  portalHosts: z.array(PolicyHostSchema).max(MAX_POLICY_HOSTS),
  settings: PolicySettingsSchema,
  locked: z.array(z.enum(LOCKABLE_SETTINGS)),
  letter: PolicyLetterSchema,
  fetchPdfs: z.boolean(),
} as const;

function termPacksOf(value: unknown): { packs?: CategoryPack[]; problems: PolicyProblem[] } {
  if (!Array.isArray(value)) return { problems: [{ key: 'termPacks', detail: 'termPacks: verwacht een lijst [ … ] van termenpakketten' }] };
  if (value.length > MAX_TERM_PACKS) {
    return { problems: [{ key: 'termPacks', detail: `termPacks: ten hoogste ${MAX_TERM_PACKS} pakketten` }] };
  }
  const packs: CategoryPack[] = [];
  const problems: PolicyProblem[] = [];
  value.forEach((json: unknown, i) => {
    // The file name says which pack is meant in the message; the schema is rules/terms/*.json's.
    try {
      const parsed = parseRulePack(`termPacks[${i}]`, json, 'category');
      if (parsed.kind === 'category') packs.push(parsed.pack);
    } catch (e) {
      const detail = e instanceof RulePackError ? e.issues.map(describeRuleIssue).join('; ') : String(e);
      problems.push({ key: 'termPacks', detail });
    }
  });
  // One broken pack leaves the others in use: each pack stands alone.
  return { packs, problems };
}

/**
 * Reads a policy as the browser (or a file) hands it over. Absent or empty means no policy.
 * Never throws: what is wrong comes back as problems, and those keys are left out.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  if (raw === undefined || raw === null) return { policy: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy: {}, problems: [{ key: '', detail: 'verwacht een object { … } met portalHosts, termPacks, settings, locked, letter of fetchPdfs' }] };
  }
  const policy: GriffiePolicy = {};
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (key === 'termPacks') {
      const { packs, problems: packProblems } = termPacksOf(value);
      if (packs?.length) policy.termPacks = packs;
      problems.push(...packProblems);
      continue;
    }
    if (!(key in KEY_SCHEMAS)) {
      // A newer or misspelt key: said, not fatal (a policy written for a later version still works).
      problems.push({ key, detail: `onbekende sleutel "${key}" genegeerd; bekend zijn ${POLICY_KEYS.join(', ')}` });
      continue;
    }
    const k = key as keyof typeof KEY_SCHEMAS;
    const result = KEY_SCHEMAS[k].safeParse(value, { error: rulesErrorMap });
    if (!result.success) {
      const at = (path: string) => (!path ? key : path.startsWith('[') ? key + path : `${key}.${path}`);
      problems.push({ key, detail: formatZodIssues(key, result.error.issues).map((i) => `${at(i.path)}: ${i.message}`).join('; ') });
      continue;
    }
    (policy as Record<string, unknown>)[k] = k === 'portalHosts' ? [...new Set(result.data as string[])] : result.data;
  }
  return { policy, problems };
}

/** The grant patterns for a host the griffie named: both schemes, as portals are reached by either. */
export function hostPatterns(host: string): string[] {
  return [`https://${host}/*`, `http://${host}/*`];
}

