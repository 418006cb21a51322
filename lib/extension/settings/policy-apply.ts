// The griffie's policy applied to the reader's settings, apart from its zod parsing (./policy.ts,
// which re-exports this): the content script applies a policy it checked without zod.
import type { CategoryPack } from '../../core/rules/schema';
import { defaultSettings } from './defaults';
import type { PolicyLetter, PolicySettings } from './policy';
import type { Settings } from './schema';

/** The settings a griffie may preset and lock (their names in `settings` and `locked`). */
export const LOCKABLE_SETTINGS = ['disabledCategories', 'highlight'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

export interface GriffiePolicy {
  portalHosts?: string[];
  termPacks?: CategoryPack[];
  settings?: PolicySettings;
  locked?: LockableSetting[];
  letter?: PolicyLetter;
  fetchPdfs?: boolean;
}

/** True when the policy sets anything at all. */
export function hasPolicy(policy: GriffiePolicy): boolean {
  return Object.values(policy).some((v) => v !== undefined);
}

/**
 * The settings in effect: the reader's own, or — where they never saved any — the griffie's
 * defaults; a locked setting is always the griffie's (its default when it gave no value).
 */
export function applyPolicy(own: Settings, ownSaved: boolean, policy: GriffiePolicy): Settings {
  const preset = policy.settings ?? {};
  const locked = new Set(policy.locked ?? []);
  const base = defaultSettings();
  const fromPolicy: Pick<Settings, LockableSetting> = {
    disabledCategories: preset.disabledCategories ?? base.disabledCategories,
    highlight: { ...base.highlight, ...preset.highlight },
  };
  const next: Settings = ownSaved ? structuredClone(own) : { ...structuredClone(own), ...structuredClone(fromPolicy) };
  for (const key of LOCKABLE_SETTINGS) {
    if (locked.has(key)) (next as Record<LockableSetting, unknown>)[key] = structuredClone(fromPolicy[key]);
  }
  return next;
}

/** Per key, the managed policy wins over a settings file the reader imported. */
export function combinePolicies(managed: GriffiePolicy, file: GriffiePolicy): GriffiePolicy {
  const out: GriffiePolicy = { ...file };
  for (const [key, value] of Object.entries(managed)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  // A file never locks: only the browser's policy can keep a reader from changing something.
  if (!managed.locked) delete out.locked;
  return out;
}
