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

/**
 * A change the reader made on the settings `shown`, put onto the settings in effect `now`: only
 * the keys they changed, never one the griffie locked. The options page shows the reader's own
 * settings before the browser's policy answers; a change made then is saved only after it, and
 * must neither undo a lock nor write the griffie's unlocked defaults over with plain ones.
 */
export function rebaseChange(shown: Settings, changed: Settings, now: Settings, locked: ReadonlySet<LockableSetting>): Settings {
  const out = structuredClone(now);
  for (const key of Object.keys(changed) as Array<keyof Settings>) {
    if (locked.has(key as LockableSetting)) continue;
    if (JSON.stringify(changed[key]) !== JSON.stringify(shown[key])) (out as Record<keyof Settings, unknown>)[key] = structuredClone(changed[key]);
  }
  return out;
}
