// The content script's reading of the settings and the griffie's policy, without zod: each check
// here mirrors a zod schema and content-read.test.ts holds it to that schema on good, bad and
// randomly broken values (accepted and rejected alike, the same result where accepted). The options
// page and the background still check with zod (./store.ts, ./policy.ts) and report what is wrong;
// here a wrong value is simply not used, as there.
import { CATEGORY_IDS, QUESTION_IDS, isCategoryId } from '../../core/rules/ids';
import type { CategoryPack, Term } from '../../core/rules/schema';
import { hasOnlyKeys, isArrayOf, isPlainObject } from '../../core/guards';
import { MAX_OWN_TERMS, PALETTES, defaultSettings } from './defaults';
import { settingsReader, type LoadedSettings, type ParsedPolicy } from './effective';
import { pageBrowser } from '../page-browser';
import { LOCKABLE_SETTINGS, type GriffiePolicy } from './policy-apply';
import type { HighlightStyle, Settings } from './schema';

const HEX = /^#[0-9a-f]{6}$/i;
const MODES: ReadonlySet<unknown> = new Set(['background', 'underline']);
const PALETTE_SET: ReadonlySet<unknown> = new Set(PALETTES);
const QUESTION_SET: ReadonlySet<unknown> = new Set(QUESTION_IDS);
const LOCKABLE_SET: ReadonlySet<unknown> = new Set(LOCKABLE_SETTINGS);
/** As ../policy.ts MAX_TERM_PACKS (that module carries zod). */
const MAX_TERM_PACKS = 20;

const isColours = (x: unknown): boolean => {
  if (!isPlainObject(x)) return false;
  for (const k in x) if (Object.hasOwn(x, k) && (!isCategoryId(k) || typeof x[k] !== 'string' || !HEX.test(x[k] as string))) return false;
  return true;
};

const STYLE_KEYS = new Set(['mode', 'palette', 'colours']);
/** HighlightStyleSchema, or its .partial() (the policy's preset) when `partial`. */
function isHighlightStyle(x: unknown, partial = false): x is HighlightStyle {
  if (!hasOnlyKeys(x, STYLE_KEYS)) return false;
  const ok = (key: string, check: (v: unknown) => boolean) => (partial && x[key] === undefined) || check(x[key]);
  return ok('mode', (v) => MODES.has(v)) && ok('palette', (v) => PALETTE_SET.has(v)) && ok('colours', isColours);
}

const OWN_TERM_KEYS = new Set(['id', 'text', 'category']);
const isOwnTerm = (x: unknown): boolean =>
  hasOnlyKeys(x, OWN_TERM_KEYS) && typeof x.id === 'string' && x.id.length >= 1 && typeof x.text === 'string' && isCategoryId(x.category);

const SETTINGS_KEYS = new Set(['version', 'disabledCategories', 'ownTerms', 'highlight']);
/** SettingsSchema. */
export function isSettings(x: unknown): x is Settings {
  return (
    hasOnlyKeys(x, SETTINGS_KEYS) &&
    x.version === 1 &&
    isArrayOf(x.disabledCategories, CATEGORY_IDS.length, isCategoryId) &&
    isArrayOf(x.ownTerms, MAX_OWN_TERMS, isOwnTerm as (v: unknown) => v is unknown) &&
    isHighlightStyle(x.highlight)
  );
}

/** ./store.ts parseStoredSettings without zod. */
export function readStoredSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: defaultSettings(), invalid: false };
  return isSettings(stored) ? { settings: stored, invalid: false } : { settings: defaultSettings(), invalid: true };
}

// A term pack as parseRulePack(…, 'category') reads it: the text of a file or its value, only
// JSON values, CategoryPackSchema with its strings trimmed. Each reader gives the value zod
// gives, or null where zod fails.
type Read<T> = (x: unknown) => T | null;
const FAIL = null;

/** z.string().trim().min(1).max(max) */
const nonEmpty =
  (max = Infinity): Read<string> =>
  (x) => {
    if (typeof x !== 'string') return FAIL;
    const t = x.trim();
    return t.length >= 1 && t.length <= max ? t : FAIL;
  };
function readArray<T>(x: unknown, item: Read<T>, min = 0): T[] | null {
  if (!Array.isArray(x) || x.length < min) return FAIL;
  const out: T[] = [];
  for (const v of x) {
    const r = item(v);
    if (r === FAIL) return FAIL;
    out.push(r);
  }
  return out;
}
/** A strict object: every own key known, each read by its reader (`optional` ones may be absent). */
function readObject<T>(x: unknown, fields: Record<string, Read<unknown>>, optional: ReadonlySet<string> = new Set()): T | null {
  if (!isPlainObject(x)) return FAIL;
  for (const k in x) if (Object.hasOwn(x, k) && !Object.hasOwn(fields, k)) return FAIL;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) {
    if (optional.has(k) && (!Object.hasOwn(x, k) || x[k] === undefined)) continue;
    const r = fields[k]!(x[k]);
    if (r === FAIL) return FAIL;
    out[k] = r;
  }
  return out as T;
}
const oneOf =
  <T>(set: ReadonlySet<unknown>): Read<T> =>
  (x) =>
    set.has(x) ? (x as T) : FAIL;

const TERM_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const words80 = (x: unknown) => readArray(x, nonEmpty(80));
const words40 = (x: unknown) => readArray(x, nonEmpty(40), 1);
const readTerm: Read<Term> = (x) =>
  readObject<Term>(
    x,
    {
      id: (v) => (typeof v === 'string' && TERM_ID.test(v) ? v : FAIL),
      text: nonEmpty(80),
      match: oneOf(new Set(['word', 'stem', 'acronym', 'phrase'])),
      compound: oneOf(new Set(['none', 'modifier', 'head', 'both'])),
      forms: words80,
      compounds: (v) => readObject(v, { modifiers: words40, heads: words40 }),
      except: words80,
      weak: (v) => (typeof v === 'boolean' ? v : FAIL),
      note: (v) => (typeof v === 'string' ? v : FAIL),
    },
    new Set(['compound', 'forms', 'compounds', 'except', 'weak', 'note']),
  );
const readCategoryQuestion = (x: unknown) => readObject(x, { question: oneOf(QUESTION_SET), reason: nonEmpty() });

/** The first place `value` holds something JSON cannot; as ../../core/rules/load.ts findNonJson, without the message. */
function isJsonValue(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (seen.has(value)) return false;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
      seen.add(value);
      const values = Array.isArray(value) ? value : Object.keys(value).map((k) => (value as Record<string, unknown>)[k]);
      for (const v of values) if (!isJsonValue(v, seen)) return false;
      seen.delete(value);
      return true;
    }
    default:
      return false;
  }
}

/** parseRulePack(…, json, 'category'): the pack zod gives, or null where it throws. */
export function readCategoryPack(json: unknown): CategoryPack | null {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return FAIL;
    }
  }
  if (value === undefined || value === null || !isJsonValue(value, new Set())) return FAIL;
  return readObject<CategoryPack>(value, {
    id: (v) => (isCategoryId(v) ? v : FAIL),
    label: nonEmpty(),
    description: nonEmpty(),
    questions: (v) => readArray(v, readCategoryQuestion, 1),
    instruments: (v) => readArray(v, nonEmpty()),
    registers: (v) => readArray(v, nonEmpty()),
    terms: (v) => readArray(v, readTerm, 1),
  });
}

const POLICY_SETTINGS_KEYS = new Set(['disabledCategories', 'highlight']);

/**
 * ../policy.ts parsePolicy for what the content script uses of a policy (termPacks, settings,
 * locked): each key on its own, a wrong key left out, one broken pack leaving the others.
 */
export function readContentPolicy(raw: unknown): ParsedPolicy {
  const policy: GriffiePolicy = {};
  if (!isPlainObject(raw)) return { policy, problems: [] };
  const { termPacks, settings, locked } = raw;
  if (Array.isArray(termPacks) && termPacks.length <= MAX_TERM_PACKS) {
    const packs = termPacks.map(readCategoryPack).filter((p): p is CategoryPack => p !== null);
    if (packs.length) policy.termPacks = packs;
  }
  if (
    hasOnlyKeys(settings, POLICY_SETTINGS_KEYS) &&
    (settings.disabledCategories === undefined || isArrayOf(settings.disabledCategories, CATEGORY_IDS.length, isCategoryId)) &&
    (settings.highlight === undefined || isHighlightStyle(settings.highlight, true))
  ) {
    policy.settings = settings as GriffiePolicy['settings'];
  }
  if (isArrayOf(locked, Infinity, (v): v is (typeof LOCKABLE_SETTINGS)[number] => LOCKABLE_SET.has(v))) policy.locked = locked;
  return { policy, problems: [] };
}

export const { loadEffectiveSettings: loadContentSettings, watchEffectiveSettings: watchContentSettings } = settingsReader(
  { settings: readStoredSettings, policy: readContentPolicy },
  pageBrowser,
);
