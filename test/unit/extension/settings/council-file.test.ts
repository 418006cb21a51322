import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadBuiltinRules } from '@/lib/core/rules';
import {
  COUNCIL_FILE_FORMAT,
  GRIFFIE_FILE_KEY,
  SETTINGS_KEY,
  buildCouncilFile,
  councilFileWrite,
  defaultSettings,
  importCouncilFile,
  loadEffectiveSettings,
  previewCouncilFile,
  type Settings,
} from '@/lib/extension/settings';

const rules = loadBuiltinRules();
const griffieSettings: Settings = {
  ...defaultSettings(),
  disabledCategories: ['pilot'],
  ownTerms: [{ id: 'x', text: 'Stadsoog', category: 'camera' }],
  highlight: { mode: 'underline', palette: 'standard', colours: {} },
};

describe('Raadslens-instellingen voor de raad (file)', () => {
  it('exports settings, term packs and hosts, and no notes', () => {
    const file = buildCouncilFile(griffieSettings, { letter: { gemeente: 'Voorbeeldstad' } }, ['raad.voorbeeldstad.nl'], rules);
    expect(file.format).toBe(COUNCIL_FILE_FORMAT);
    expect(file.portalHosts).toEqual(['raad.voorbeeldstad.nl']);
    expect(file.termPacks?.[0]?.terms).toEqual([{ id: 'camera.raad-1', text: 'Stadsoog', match: 'word' }]);
    expect(file.settings).toEqual({ disabledCategories: ['pilot'], highlight: griffieSettings.highlight });
    expect(Object.keys(file).sort()).toEqual(['format', 'letter', 'portalHosts', 'settings', 'termPacks', 'version']);
    expect(JSON.stringify(file)).not.toMatch(/note|flag|notitie/i);
  });

  it('previews what changes for the reader before anything is written', () => {
    const text = JSON.stringify(buildCouncilFile(griffieSettings, { fetchPdfs: false }, ['raad.voorbeeldstad.nl'], rules));
    const reader: Settings = { ...defaultSettings(), disabledCategories: ['drone'] };
    const preview = previewCouncilFile(text, { settings: reader, policy: {} });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.changes).toEqual([
      { kind: 'categories', off: ['pilot'], on: ['drone'] },
      { kind: 'highlight' },
      { kind: 'terms', count: 1 },
      { kind: 'hosts', hosts: ['raad.voorbeeldstad.nl'] },
      { kind: 'fetchPdfs', allowed: false },
    ]);
    // The reader's own terms stay theirs.
    expect(preview.settings.ownTerms).toEqual([]);
  });

  it('refuses the whole file when any part is wrong, naming it in Dutch', () => {
    const good = buildCouncilFile(griffieSettings, {}, ['raad.voorbeeldstad.nl'], rules);
    const cases: Array<[string, RegExp]> = [
      ['{kapot', /geen JSON/],
      [JSON.stringify({ ...good, format: 'iets anders' }), /geen bestand "Raadslens-instellingen voor de raad"/],
      [JSON.stringify({ ...good, version: 2 }), /versie 2/],
      [JSON.stringify({ ...good, portalHosts: ['raad.voorbeeldstad.nl', 'http://x/'] }), /portalHosts\[1\]/],
      [JSON.stringify({ ...good, locked: ['highlight'] }), /alleen via het browserbeleid/],
      [JSON.stringify({ ...good, extra: 1 }), /onbekende sleutel "extra"/],
    ];
    for (const [text, message] of cases) {
      const preview = previewCouncilFile(text, { settings: defaultSettings(), policy: {} });
      expect(preview.ok, text).toBe(false);
      if (!preview.ok) expect(preview.problems.join('\n')).toMatch(message);
    }
  });

  it('imports all or nothing: one write on success, none on a bad file', async () => {
    const own: Settings = { ...defaultSettings(), ownTerms: [{ id: 'a', text: 'slimme meter', category: 'sensor' }] };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: own });
    const bad = JSON.stringify({ ...buildCouncilFile(griffieSettings, {}, [], rules), settings: { highlight: { mode: 'knipperen' } } });
    const refused = await importCouncilFile(bad);
    expect(refused.ok).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [SETTINGS_KEY]: own });

    const text = JSON.stringify(buildCouncilFile(griffieSettings, {}, ['raad.voorbeeldstad.nl'], rules));
    const done = await importCouncilFile(text);
    expect(done.ok).toBe(true);
    const loaded = await loadEffectiveSettings();
    expect(loaded.settings.disabledCategories).toEqual(['pilot']);
    expect(loaded.settings.ownTerms).toEqual(own.ownTerms);
    expect(loaded.griffie.managed).toBe(false);
    expect(loaded.griffie.policy.portalHosts).toEqual(['raad.voorbeeldstad.nl']);
    expect(loaded.griffie.policy.termPacks?.[0]?.terms[0]?.text).toBe('Stadsoog');
    expect(Object.keys(councilFileWrite(done.ok ? done.preview : (null as never))).sort()).toEqual([GRIFFIE_FILE_KEY, SETTINGS_KEY].sort());
  });
});
