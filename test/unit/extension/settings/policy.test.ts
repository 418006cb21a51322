import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules, GRIFFIE_TERM_PREFIX } from '@/lib/core/rules';
import {
  GRIFFIE_FILE_KEY,
  SETTINGS_KEY,
  applyPolicy,
  combinePolicies,
  defaultSettings,
  effectiveAnalyserOptions,
  loadEffectiveSettings,
  parsePolicy,
  pdfFetchAllowed,
  rebaseChange,
  type Settings,
} from '@/lib/extension/settings';

/** A gemeente's own pack in the rules/terms/*.json format: the brand of its camera system. */
export const CITYWATCH_PACK = {
  id: 'camera',
  label: 'Camera’s van Voorbeeldstad',
  description: 'Het camerasysteem van de gemeente Voorbeeldstad.',
  questions: [{ question: 'ap-2', reason: 'Stadswacht-camera’s leggen vast wie er langskomt.' }],
  instruments: [],
  registers: [],
  terms: [{ id: 'camera.stadsoog', text: 'Stadsoog', match: 'word' }],
};

const GOOD = {
  portalHosts: ['raad.voorbeeldstad.nl', 'RAAD.voorbeeldstad.nl'],
  termPacks: [CITYWATCH_PACK],
  settings: { disabledCategories: ['pilot'], highlight: { mode: 'underline' } },
  locked: ['highlight'],
  letter: { gemeente: 'Voorbeeldstad', griffieAddress: 'Postbus 1\n1234 AB Voorbeeldstad', fracties: ['VVD', 'GroenLinks-PvdA'], reglementArtikel: '41' },
  fetchPdfs: false,
};

describe('the griffie policy schema', () => {
  it('takes a complete policy, host names folded and deduplicated', () => {
    const { policy, problems } = parsePolicy(GOOD);
    expect(problems).toEqual([]);
    expect(policy.portalHosts).toEqual(['raad.voorbeeldstad.nl']);
    expect(policy.termPacks?.[0]?.terms[0]?.text).toBe('Stadsoog');
    expect(policy.settings).toEqual({ disabledCategories: ['pilot'], highlight: { mode: 'underline' } });
    expect(policy.locked).toEqual(['highlight']);
    expect(policy.letter?.reglementArtikel).toBe('41');
    expect(policy.fetchPdfs).toBe(false);
  });

  it('reads no policy (absent, empty) as nothing set and nothing wrong', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(parsePolicy({})).toEqual({ policy: {}, problems: [] });
  });

  it('takes a partial policy: only the keys given', () => {
    const { policy, problems } = parsePolicy({ fetchPdfs: true, letter: { gemeente: 'Zutphen' } });
    expect(problems).toEqual([]);
    expect(policy).toEqual({ fetchPdfs: true, letter: { gemeente: 'Zutphen' } });
  });

  it('ignores a bad key with a Dutch message naming it, and keeps the good ones', () => {
    const { policy, problems } = parsePolicy({
      portalHosts: ['https://raad.voorbeeldstad.nl/vergaderingen'],
      settings: { highlight: { mode: 'knipperen' } },
      fetchPdfs: 'nee',
      letter: { gemeente: 'Voorbeeldstad' },
    });
    expect(policy).toEqual({ letter: { gemeente: 'Voorbeeldstad' } });
    expect(problems.map((p) => p.key).sort()).toEqual(['fetchPdfs', 'portalHosts', 'settings']);
    const text = problems.map((p) => p.detail).join('\n');
    expect(text).toContain('hostnaam zoals raad.gemeente.nl');
    expect(text).toMatch(/portalHosts\[0\]/);
    expect(text).toContain('settings.highlight.mode: kies uit background of underline');
    // Dutch, not zod's English.
    expect(text).not.toMatch(/Invalid|Expected/);
  });

  it('reports unknown keys (a later version, a typo) and applies the rest', () => {
    const { policy, problems } = parsePolicy({ fetchPDFs: false, portalHosts: ['raad.voorbeeldstad.nl'] });
    expect(policy).toEqual({ portalHosts: ['raad.voorbeeldstad.nl'] });
    expect(problems).toEqual([{ key: 'fetchPDFs', detail: expect.stringContaining('onbekende sleutel "fetchPDFs"') }]);
  });

  it('checks term packs with the rules/terms schema, one pack at a time', () => {
    const broken = { ...CITYWATCH_PACK, terms: [{ id: 'camera.x', text: 'x', match: 'regex' }] };
    const { policy, problems } = parsePolicy({ termPacks: [broken, CITYWATCH_PACK] });
    expect(policy.termPacks).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.detail).toMatch(/^termPacks\[0\]: terms\[0\]\.match/);
    expect(parsePolicy({ termPacks: { id: 'camera' } }).problems[0]!.detail).toContain('lijst');
  });

  it('never throws on junk', () => {
    for (const junk of ['tekst', 42, [1, 2], true, { locked: 'highlight' }, { letter: { fracties: 'VVD' } }, { termPacks: [null, 'x'] }]) {
      const parsed = parsePolicy(junk);
      expect(parsed.problems.length, JSON.stringify(junk)).toBeGreaterThan(0);
    }
  });
});

describe('settings in effect', () => {
  const own: Settings = { ...defaultSettings(), disabledCategories: ['drone'], highlight: { mode: 'background', palette: 'high-contrast', colours: {} } };
  const { policy } = parsePolicy(GOOD);

  it('are the griffie defaults while the reader saved none', () => {
    const s = applyPolicy(defaultSettings(), false, policy);
    expect(s.disabledCategories).toEqual(['pilot']);
    expect(s.highlight).toEqual({ mode: 'underline', palette: 'standard', colours: {} });
  });

  it('are the reader’s own once saved, except what is locked', () => {
    const s = applyPolicy(own, true, policy);
    expect(s.disabledCategories).toEqual(['drone']);
    expect(s.highlight).toEqual({ mode: 'underline', palette: 'standard', colours: {} });
  });

  it('a change made on settings shown before the policy: only the changed keys, never a locked one', () => {
    const shown = defaultSettings();
    const changed: Settings = { ...shown, ownTerms: [{ id: 't1', text: 'Stadsoog', category: 'camera' }], highlight: { ...shown.highlight, colours: { camera: '#123456' } } };
    const now = applyPolicy(defaultSettings(), false, policy); // the griffie's defaults, highlight locked
    const s = rebaseChange(shown, changed, { ...now, highlight: { ...now.highlight, palette: 'high-contrast' } }, new Set(['highlight']));
    expect(s.ownTerms.map((o) => o.text)).toEqual(['Stadsoog']);
    expect(s.disabledCategories).toEqual(['pilot']);
    expect(s.highlight).toEqual({ mode: 'underline', palette: 'high-contrast', colours: {} });
    // Unlocked, the reader's change of the style is theirs; what they did not touch stays as now.
    const free = rebaseChange(shown, changed, now, new Set());
    expect(free.highlight).toEqual({ mode: 'background', palette: 'standard', colours: { camera: '#123456' } });
    expect(free.disabledCategories).toEqual(['pilot']);
  });

  it('a file never locks; the managed policy wins key by key', () => {
    const file = parsePolicy({ locked: ['highlight'], letter: { gemeente: 'Bestand' }, portalHosts: ['raad.bestand.nl'] }).policy;
    const managed = parsePolicy({ letter: { gemeente: 'Beleid' } }).policy;
    expect(combinePolicies({}, file).locked).toBeUndefined();
    expect(combinePolicies(managed, file)).toEqual({ letter: { gemeente: 'Beleid' }, portalHosts: ['raad.bestand.nl'] });
  });

  it('come from storage.managed and storage.local, and the griffie terms reach the analyser', async () => {
    await fakeBrowser.storage.managed.set(GOOD);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: own });
    const loaded = await loadEffectiveSettings();
    expect(loaded.griffie.managed).toBe(true);
    expect(loaded.griffie.locked.has('highlight')).toBe(true);
    expect(loaded.settings.disabledCategories).toEqual(['drone']);
    expect(loaded.settings.highlight.mode).toBe('underline');
    const analyser = createAnalyser(loadBuiltinRules(), effectiveAnalyserOptions(loaded));
    const found = analyser.analyse('Het Stadsoog kijkt mee op het plein.', 'wrapped').matches;
    expect(found.map((m) => [m.text, m.category, m.termId])).toEqual([['Stadsoog', 'camera', `${GRIFFIE_TERM_PREFIX}camera.stadsoog`]]);
    // The shared built-in rules are not changed by joining the pack.
    expect(createAnalyser(loadBuiltinRules()).analyse('Het Stadsoog kijkt mee.', 'wrapped').matches).toEqual([]);
    expect(await pdfFetchAllowed()).toBe(false);
  });

  it('an imported file applies where no policy is', async () => {
    await fakeBrowser.storage.local.set({ [GRIFFIE_FILE_KEY]: { fetchPdfs: false, portalHosts: ['raad.bestand.nl'] } });
    const loaded = await loadEffectiveSettings();
    expect(loaded.griffie.managed).toBe(false);
    expect(loaded.griffie.policy.portalHosts).toEqual(['raad.bestand.nl']);
    expect(await pdfFetchAllowed()).toBe(false);
  });

  it('a broken managed policy leaves the reader’s settings and reports the problem', async () => {
    await fakeBrowser.storage.managed.set({ settings: 'kapot', locked: ['alles'] });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: own });
    const loaded = await loadEffectiveSettings();
    expect(loaded.settings).toEqual(own);
    expect(loaded.griffie.problems.map((p) => p.key)).toEqual(['settings', 'locked']);
    expect(await pdfFetchAllowed()).toBe(true);
  });
});
