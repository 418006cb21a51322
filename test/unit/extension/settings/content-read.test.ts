// The content script reads the reader's settings and the griffie's policy without zod
// (content-read.ts): on good values and thousands of broken ones it must accept what the zod
// schemas accept and give the same value back (strings trimmed where zod trims them).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsSchema, defaultSettings, type Settings } from '@/lib/extension/settings/schema';
import { parsePolicy } from '@/lib/extension/settings/policy';
import { parseStoredSettings } from '@/lib/extension/settings/store';
import { isSettings, readCategoryPack, readContentPolicy, readStoredSettings } from '@/lib/extension/settings/content-read';
import { parseRulePack } from '@/lib/core/rules/load';
import { mutants, seededRandom } from '../../support/fuzz';

const own: Settings = {
  version: 1,
  disabledCategories: ['drone', 'cloud'],
  ownTerms: [
    { id: 't1', text: 'slimme prullenbak', category: 'sensor' },
    { id: 't2', text: '', category: 'camera' },
  ],
  highlight: { mode: 'underline', palette: 'high-contrast', colours: { camera: '#ff0000', pilot: '#00AA00' } },
};
const SETTINGS: unknown[] = [defaultSettings(), own];

const termsDir = join(__dirname, '../../../../rules/terms');
const PACKS: unknown[] = readdirSync(termsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(termsDir, f), 'utf8')) as unknown);
const griffiePack = {
  id: 'camera',
  label: ' Camera’s van de gemeente ',
  description: 'Eigen termen van de griffie',
  questions: [{ question: 'ap-1', reason: 'Beelden van mensen' }],
  instruments: [],
  registers: ['register'],
  terms: [
    { id: 'griffie.bodycam', text: ' bodycam ', match: 'stem', compound: 'head', forms: ['bodycams'], except: ['bodycamera'], weak: false, note: 'n' },
    { id: 'anpr-x', text: 'ANPR-X', match: 'acronym', compounds: { modifiers: ['ANPR-'], heads: ['scanner', 'lezer'] } },
  ],
};
const POLICIES: unknown[] = [
  { termPacks: [griffiePack, PACKS[0]], settings: { disabledCategories: ['drone'], highlight: { mode: 'underline' } }, locked: ['highlight'] },
  { termPacks: [JSON.stringify(griffiePack)], settings: {}, locked: [], portalHosts: ['raad.voorbeeld.nl'], fetchPdfs: false },
  { settings: { highlight: { palette: 'standard', colours: { data: '#123456' } } }, locked: ['disabledCategories', 'highlight'], letter: { gemeente: 'Ede' } },
];
const pick = (policy: Record<string, unknown>) =>
  Object.fromEntries(['termPacks', 'settings', 'locked'].filter((k) => policy[k] !== undefined).map((k) => [k, policy[k]]));

describe('the content script reads settings as zod does', () => {
  it('good settings are read as they are', () => {
    for (const s of SETTINGS) {
      expect(isSettings(s)).toBe(true);
      expect(readStoredSettings(s)).toEqual(parseStoredSettings(s));
    }
    expect(readStoredSettings(undefined)).toEqual(parseStoredSettings(undefined));
  });

  it.each([
    ['a colour for an unknown category', { ...own, highlight: { ...own.highlight, colours: { weer: '#123456' } } }],
    ['a colour that is not #rrggbb', { ...own, highlight: { ...own.highlight, colours: { camera: 'red' } } }],
    ['version 2', { ...own, version: 2 }],
    ['a key too many', { ...own, extra: true }],
    ['an own term without id', { ...own, ownTerms: [{ id: '', text: 'x', category: 'camera' }] }],
    ['201 own terms', { ...own, ownTerms: Array.from({ length: 201 }, (_, i) => ({ id: `t${i}`, text: 'x', category: 'camera' })) }],
    ['a category twice too many', { ...own, disabledCategories: Array.from({ length: 11 }, () => 'camera') }],
  ])('rejects settings with %s, as the schema does', (_, s) => {
    expect(SettingsSchema.safeParse(s).success).toBe(false);
    expect(isSettings(s)).toBe(false);
  });

  it('accepts exactly what SettingsSchema accepts on 4,000 broken settings', () => {
    const random = seededRandom(1);
    let accepted = 0;
    let rejected = 0;
    for (const good of SETTINGS) {
      for (const s of mutants(good, 2000, random)) {
        const zod = SettingsSchema.safeParse(s).success;
        expect(isSettings(s), JSON.stringify(s).slice(0, 300)).toBe(zod);
        expect(readStoredSettings(s)).toEqual(parseStoredSettings(s));
        if (zod) accepted++;
        else rejected++;
      }
    }
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it('reads a term pack as parseRulePack does: the shipped packs, a griffie pack and 3,000 broken ones', () => {
    const random = seededRandom(2);
    let accepted = 0;
    let rejected = 0;
    const zodPack = (json: unknown) => {
      try {
        return parseRulePack('termPacks[0]', json, 'category').pack;
      } catch {
        return null;
      }
    };
    for (const good of [...PACKS, griffiePack]) {
      expect(readCategoryPack(good)).not.toBeNull();
      for (const p of [good, JSON.stringify(good), ...mutants(good, Math.ceil(3000 / (PACKS.length + 1)), random)]) {
        const zod = zodPack(p);
        expect(readCategoryPack(p), JSON.stringify(p).slice(0, 300)).toEqual(zod);
        if (zod) accepted++;
        else rejected++;
      }
    }
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it('reads the parts of a policy it uses as parsePolicy does, on 4,500 broken policies', () => {
    const random = seededRandom(3);
    let kept = 0;
    let dropped = 0;
    for (const good of POLICIES) {
      expect(readContentPolicy(good).policy).toEqual(pick(parsePolicy(good).policy as Record<string, unknown>));
      for (const p of mutants(good, 1500, random)) {
        const zod = pick(parsePolicy(p).policy as Record<string, unknown>);
        expect(readContentPolicy(p).policy, JSON.stringify(p).slice(0, 300)).toEqual(zod);
        if (Object.keys(zod).length === Object.keys(pick(good as Record<string, unknown>)).length) kept++;
        else dropped++;
      }
    }
    for (const raw of [undefined, null, 'x', [], 3, {}]) {
      expect(readContentPolicy(raw).policy).toEqual(pick(parsePolicy(raw).policy as Record<string, unknown>));
    }
    expect(kept).toBeGreaterThan(300);
    expect(dropped).toBeGreaterThan(300);
  });
});
