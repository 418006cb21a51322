// A reader or maintainer who breaks a pack must learn, in Dutch, which file, where in it, and
// what to change.
import { describe, expect, it } from 'vitest';
import apQuestions from '../../../../rules/ap-questions.json';
import safeguards from '../../../../rules/safeguards.json';
import camera from '../../../../rules/terms/camera.json';
import {
  CATEGORY_IDS,
  RulePackError,
  buildRuleSet,
  categoryFile,
  loadBuiltinRules,
  parseRulePack,
  rulesFingerprint,
  safeguardTermEntries,
  type RuleSources,
} from '../../../../lib/core/rules';

const CAMERA = 'rules/terms/camera.json';
const copy = <T>(v: T): T => structuredClone(v);

/** The message of the RulePackError that `fn` throws. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RulePackError);
    return (e as RulePackError).message;
  }
  throw new Error('verwacht een RulePackError');
}

/** The shipped sources, with `edit` applied to the (copied) JSON of one category. */
function sources(edit?: (packs: Record<string, Record<string, unknown>>) => void): RuleSources {
  const built = loadBuiltinRules();
  const packs = Object.fromEntries(built.categories.map((c) => [c.id, copy(c) as unknown as Record<string, unknown>]));
  edit?.(packs);
  return {
    questions: { file: 'rules/ap-questions.json', json: copy(apQuestions) },
    safeguards: { file: 'rules/safeguards.json', json: copy(safeguards) },
    categories: Object.entries(packs).map(([id, json]) => ({ file: categoryFile(id), json })),
  };
}

describe('parseRulePack', () => {
  it('accepts a shipped pack and picks the schema from the file name', () => {
    const parsed = parseRulePack(CAMERA, camera);
    expect(parsed.kind).toBe('category');
    expect(parseRulePack('rules/safeguards.json', safeguards).kind).toBe('safeguards');
    expect(parseRulePack('rules/ap-questions.json', JSON.stringify(apQuestions)).kind).toBe('questions');
  });

  it('names file, path and the allowed choices for a wrong match kind', () => {
    const bad = copy(camera);
    (bad.terms[3] as { match: string }).match = 'regex';
    expect(errorOf(() => parseRulePack(CAMERA, bad))).toBe(`${CAMERA}: terms[3].match: kies uit word, stem, acronym of phrase`);
  });

  it('says that a required label is missing', () => {
    const bad: Record<string, unknown> = copy(camera);
    delete bad.label;
    expect(errorOf(() => parseRulePack(CAMERA, bad))).toBe(`${CAMERA}: label: ontbreekt (verwacht tekst)`);
  });

  it('lists the known categories for an unknown category id', () => {
    const bad = { ...copy(camera), id: 'satelliet' };
    expect(errorOf(() => parseRulePack(CAMERA, bad))).toBe(`${CAMERA}: id: kies uit ${CATEGORY_IDS.slice(0, -1).join(', ')} of pilot`);
  });

  it('reports every problem in a file, each on its own line', () => {
    const bad = copy(camera) as Record<string, unknown> & { terms: Array<Record<string, unknown>> };
    bad.terms[0]!.id = 'Camera Camera';
    bad.terms[1]!.text = '   ';
    bad.terms[2]!.weak = 'ja';
    bad.kleur = 'blauw';
    expect(errorOf(() => parseRulePack(CAMERA, bad)).split('\n')).toEqual([
      `${CAMERA}: terms[0].id: een id bestaat uit kleine letters, cijfers, punten en streepjes`,
      `${CAMERA}: terms[1].text: mag niet leeg zijn`,
      `${CAMERA}: terms[2].weak: verwacht true of false, maar dit is de tekst "ja"`,
      `${CAMERA}: onbekend veld "kleur": controleer de spelling of haal het weg`,
    ]);
  });

  it('explains wrong numbers and addresses in the questions file', () => {
    const bad = copy(apQuestions) as { source: { url: string }; questions: Array<{ number: number }> };
    bad.source.url = 'autoriteitpersoonsgegevens.nl';
    bad.questions[0]!.number = 4;
    expect(errorOf(() => parseRulePack('rules/ap-questions.json', bad)).split('\n')).toEqual([
      'rules/ap-questions.json: source.url: is geen geldig webadres (begin met https://)',
      'rules/ap-questions.json: questions[0].number: kies uit 1, 2 of 3',
    ]);
  });

  it.each([
    ['a function', { ...copy(camera), label: () => 'x' }, 'label: een function kan niet in JSON'],
    ['a date', { ...copy(camera), description: new Date(0) }, 'description: een Date kan niet in JSON; gebruik gewone tekst, getallen, lijsten en objecten'],
    ['NaN', { ...copy(camera), terms: [{ ...camera.terms[0], weak: Number.NaN }] }, 'terms[0].weak: het getal NaN bestaat niet in JSON'],
    ['undefined', { ...copy(camera), note: undefined }, 'note: undefined bestaat niet in JSON'],
  ])('rejects %s as not JSON-shaped, with its path', (_, value, message) => {
    expect(errorOf(() => parseRulePack(CAMERA, value))).toBe(`${CAMERA}: ${message}`);
  });

  it('rejects a pack that refers to itself', () => {
    const cyclic: Record<string, unknown> = copy(camera);
    cyclic.self = cyclic;
    expect(errorOf(() => parseRulePack(CAMERA, cyclic))).toBe(`${CAMERA}: self: verwijst naar zichzelf (een kringverwijzing kan niet in JSON)`);
  });

  it('rejects broken JSON text, empty input and a list instead of an object', () => {
    expect(errorOf(() => parseRulePack(CAMERA, '{ "id": "camera", '))).toMatch(/^rules\/terms\/camera\.json: is geen geldige JSON \(/);
    expect(errorOf(() => parseRulePack(CAMERA, null))).toBe(`${CAMERA}: is leeg: verwacht een object { … }`);
    expect(errorOf(() => parseRulePack(CAMERA, []))).toBe(`${CAMERA}: verwacht een object { … }, maar dit is een lijst`);
  });

  it('refuses a file whose name says nothing about its kind', () => {
    expect(errorOf(() => parseRulePack('mijn-regels.json', camera))).toMatch(/^mijn-regels\.json: onbekend soort regelbestand/);
    expect(parseRulePack('mijn-regels.json', camera, 'category').kind).toBe('category');
  });
});

describe('buildRuleSet (references between packs)', () => {
  it('builds the shipped set', () => {
    expect(buildRuleSet(sources()).categories).toHaveLength(CATEGORY_IDS.length);
  });

  it('fingerprints a rule set: the same rules the same, a changed term another (stored PDF results follow it)', () => {
    const a = rulesFingerprint(buildRuleSet(sources()));
    expect(rulesFingerprint(buildRuleSet(sources()))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{1,8}$/);
    const changed = buildRuleSet(sources((p) => ((p.sensor!.terms as Array<Record<string, unknown>>)[1]!.forms = ['sensorgegevens', 'sensordatum'])));
    expect(rulesFingerprint(changed)).not.toBe(a);
  });

  it('finds a duplicate term id and says where the first one is', () => {
    const src = sources((p) => {
      const terms = p.camera!.terms as unknown[];
      terms.push(copy(terms[0]));
    });
    const last = (loadBuiltinRules().categories[0]!.terms.length).toString();
    expect(errorOf(() => buildRuleSet(src))).toBe(
      `${CAMERA}: terms[${last}].id: de id "camera.camera" komt al voor in ${CAMERA} (terms[0])`,
    );
  });

  it('finds a missing category, a category in the wrong file and an unknown instrument', () => {
    const src = sources((p) => {
      delete p.drone;
      p.online!.id = 'data';
      (p.cloud!.instruments as string[]).push('keurmerk');
    });
    const lines = errorOf(() => buildRuleSet(src)).split('\n');
    expect(lines).toContain('rules/terms/online.json: id: "data" past niet bij de bestandsnaam; verwacht "online"');
    expect(lines).toContain('rules/terms/data.json: id: categorie "data" staat ook in rules/terms/online.json');
    expect(lines).toContainEqual(expect.stringMatching(/^rules\/terms\/cloud\.json: instruments\[3\]: onbekend instrument "keurmerk"; kies uit dpia, fg, /));
    expect(lines).toContain('rules/terms: categorie "drone" ontbreekt (verwacht rules/terms/drone.json)');
  });

  it('catches term definitions that cannot match as meant', () => {
    const src = sources((p) => {
      const terms = p.sensor!.terms as Array<Record<string, unknown>>;
      terms[0]!.except = ['sensorisch', 'prikkel'];
      terms[1]!.compound = 'head';
      terms.push({ id: 'camera.lidar', text: 'lidar', match: 'phrase' });
    });
    const n = loadBuiltinRules().categories.find((c) => c.id === 'sensor')!.terms.length;
    expect(errorOf(() => buildRuleSet(src)).split('\n')).toEqual([
      'rules/terms/sensor.json: terms[0].except[1]: "prikkel" bevat "sensor" niet, dus deze uitzondering kan nooit gelden',
      'rules/terms/sensor.json: terms[1].compound: werkt alleen bij match "stem" (dit is "word")',
      `rules/terms/sensor.json: terms[${n}].id: moet beginnen met "sensor." (nu "camera.lidar")`,
      `rules/terms/sensor.json: terms[${n}].text: een phrase bestaat uit meer woorden; gebruik word of stem voor "lidar"`,
    ]);
  });

  it('allows a compound family only on words and stems, and reads an acronym\'s case as part of it', () => {
    const src = sources((p) => {
      const terms = p.sensor!.terms as Array<Record<string, unknown>>;
      terms.push({ id: 'sensor.slimme-paal', text: 'slimme paal', match: 'phrase', compounds: { modifiers: ['licht'], heads: ['mast'] } });
      terms.push({ id: 'sensor.lidar', text: 'LiDAR', match: 'acronym', forms: ['LIDAR', 'LiDAR'] });
      // An exception may lie in a compound of the family only.
      terms.push({ id: 'sensor.telsensor', text: 'telsensor', match: 'word', compounds: { modifiers: ['druk'], heads: ['meter'] }, except: ['drukmeterstand'] });
    });
    const n = loadBuiltinRules().categories.find((c) => c.id === 'sensor')!.terms.length;
    expect(errorOf(() => buildRuleSet(src)).split('\n')).toEqual([
      `rules/terms/sensor.json: terms[${n}].compounds: werkt alleen bij match "word" of "stem" (dit is "phrase")`,
      `rules/terms/sensor.json: terms[${n + 1}].forms[1]: "LiDAR" staat er al`,
    ]);
  });

  it('reports problems in several files together', () => {
    const src = sources((p) => {
      delete p.camera!.label;
      p.pilot!.questions = [];
    });
    expect(errorOf(() => buildRuleSet(src)).split('\n')).toEqual([
      `${CAMERA}: label: ontbreekt (verwacht tekst)`,
      'rules/terms/pilot.json: questions: mag geen lege lijst zijn',
    ]);
  });

  it('checks the safeguard groups: unique ids and known signal instruments', () => {
    const bad = copy(safeguards) as { safeguards: Array<{ id: string; terms: Array<{ id: string }> }>; signals: Array<{ instruments?: string[] }> };
    bad.safeguards[1]!.id = 'dpia';
    bad.safeguards[1]!.terms = bad.safeguards[1]!.terms.map((t, i) => ({ ...t, id: `dpia.extra-${i}` }));
    bad.signals[0]!.instruments = ['kinderpardon'];
    const src = { ...sources(), safeguards: { file: 'rules/safeguards.json', json: bad } };
    const lines = errorOf(() => buildRuleSet(src)).split('\n');
    expect(lines).toContain('rules/safeguards.json: safeguards[1].id: de id "dpia" wordt al gebruikt door safeguards[0]');
    expect(lines).toContainEqual(expect.stringMatching(/^rules\/safeguards\.json: signals\[0\]\.instruments\[0\]: onbekend instrument "kinderpardon"/));
  });
});

describe('safeguardTermEntries', () => {
  it('gives every safeguard and signal term with its group id', () => {
    const entries = safeguardTermEntries(loadBuiltinRules().safeguards);
    expect(entries.find((e) => e.term.id === 'dpia.dpia')?.group).toBe('dpia');
    expect(entries.find((e) => e.term.id === 'kinderen.kind')?.group).toBe('kinderen');
    expect(new Set(entries.map((e) => e.group)).size).toBe(
      loadBuiltinRules().safeguards.safeguards.length + loadBuiltinRules().safeguards.signals.length,
    );
  });
});
