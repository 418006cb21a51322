// The official list of gemeenten (rules/gemeenten.json) and the names Raadslens derives from it:
// every gemeente from the host slugs portals use, and from "Gemeente X" in a page's own words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GemeentenSchema, compiledGemeentenModule, gemeenteNames, parseGemeenten } from '@/lib/surface/page/portals/gemeenten-list';
import {
  allGemeenten,
  gemeenteBySlug,
  gemeenteFromHost,
  gemeenteInText,
  officialGemeente,
  slugOf,
} from '@/lib/surface/page/portals/gemeenten';
import { RulePackError } from '@/lib/core/rules/errors';
import { importEmitted } from '../../../support/emitted-module';

const raw = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../../rules/gemeenten.json'), 'utf8'));
const list = parseGemeenten(raw).gemeenten;

/** The name as a host writes it: lower case, no diacritics, the given separator between words. */
const hostLabel = (name: string, sep: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep || 'x'}|\\${sep || 'x'}$`, 'g'), '');

describe('rules/gemeenten.json', () => {
  it('is the CBS list: 342 gemeenten per 1 januari 2025, each once, with its source', () => {
    expect(GemeentenSchema.safeParse(raw).success).toBe(true);
    expect(list).toHaveLength(342);
    expect(raw._bron).toMatch(/CBS/);
    expect(raw._peildatum).toBe('2025-01-01');
    const names = list.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    // Per provincie as CBS counts them.
    const per = Object.fromEntries(['Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg'].map((p) => [p, list.filter((g) => g.provincie === p).length]));
    expect(per).toEqual({ Groningen: 10, Fryslân: 18, Drenthe: 12, Overijssel: 25, Flevoland: 6, Gelderland: 51, Utrecht: 26, 'Noord-Holland': 44, 'Zuid-Holland': 50, Zeeland: 13, 'Noord-Brabant': 56, Limburg: 31 });
  });

  it('is carried into an extension build validated, as the module the build emits: every name, nothing else', async () => {
    const source = compiledGemeentenModule();
    const { gemeenteNames: load } = await importEmitted<{ gemeenteNames: typeof gemeenteNames }>(source, 'gemeenten-list');
    expect(load()).toEqual(parseGemeenten(raw).gemeenten.map((g) => ({ name: g.name, other: [g.cbs, ...(g.ook ?? [])].filter(Boolean) })));
    expect(load()).toEqual(gemeenteNames());
    expect(load()).toBe(load());
    // Only data and the one function: no zod, no provincie, no source in what the content script loads.
    expect(source).not.toMatch(/import|require|safeParse|provincie|_bron|_peildatum/);
  });

  it('says in Dutch what is wrong with a broken list', () => {
    const broken = { ...raw, gemeenten: [...raw.gemeenten.slice(0, 341), { name: 'X', provincie: 'Holland' }] };
    let error: unknown;
    try {
      parseGemeenten(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulePackError);
    const message = (error as Error).message;
    expect(message).toContain('rules/gemeenten.json: gemeenten[341].name: moet minstens 2 tekens lang zijn');
    expect(message).toContain('gemeenten[341].provincie: kies uit');
  });
});

describe('every gemeente from the slugs portals use', () => {
  it('maps each name’s slug, and each CBS name and other name, to the official name', () => {
    for (const g of list) {
      expect(gemeenteBySlug(slugOf(g.name)), g.name).toBe(g.name);
      if (g.cbs) expect(gemeenteBySlug(slugOf(g.cbs)), g.cbs).toBe(g.name);
      for (const other of g.ook ?? []) expect(gemeenteBySlug(slugOf(other)), other).toBe(g.name);
    }
    expect(allGemeenten()).toHaveLength(342);
  });

  it('answers per first letter what one index of the whole list answers (shared slugs too)', () => {
    const whole = new Map<string, string | null>();
    const put = (slug: string, name: string) => whole.set(slug, whole.has(slug) && whole.get(slug) !== name ? null : name);
    for (const g of gemeenteNames()) {
      for (const n of [g.name, ...g.other]) put(slugOf(n), g.name);
      put(slugOf(g.name.replace(/\s*\([^)]*\)$/, '')), g.name);
    }
    expect([...whole.values()]).toContain(null);
    for (const [slug, name] of whole) expect(gemeenteBySlug(slug), slug).toBe(name ?? undefined);
    for (const slug of ['', 'x', 'almel', 'almeloo', '0', 'shertogenbosc']) expect(gemeenteBySlug(slug), slug).toBeUndefined();
  });

  it('reads every gemeente from vendor and municipal host names', () => {
    for (const g of list) {
      const joined = hostLabel(g.name, '');
      const hyphened = hostLabel(g.name, '-');
      const hosts = [
        `${joined}.bestuurlijkeinformatie.nl`,
        `${joined}raad.bestuurlijkeinformatie.nl`,
        `${hyphened}.raadsinformatie.nl`,
        `${hyphened}.parlaeus.nl`,
        `gemeenteraad.${joined}.nl`,
        `raad.gemeente-${hyphened}.nl`,
        `www.raad${joined}.nl`,
        `raadsinformatie.${joined}.nl`,
      ];
      for (const host of hosts) expect(gemeenteFromHost(host), host).toBe(g.name);
    }
  });

  it('names the examples raadsleden met wrong as they are called', () => {
    expect(gemeenteFromHost('denhaag.raadsinformatie.nl')).toBe('Den Haag');
    expect(gemeenteFromHost('gemeenteraad.denhelder.nl')).toBe('Den Helder');
    expect(gemeenteFromHost('rotterdamraad.bestuurlijkeinformatie.nl')).toBe('Rotterdam');
    expect(gemeenteFromHost('s-hertogenbosch.bestuurlijkeinformatie.nl')).toBe("'s-Hertogenbosch");
    expect(gemeenteFromHost('denbosch.raadsinformatie.nl')).toBe("'s-Hertogenbosch");
    expect(gemeenteFromHost('sudwestfryslan.bestuurlijkeinformatie.nl')).toBe('Súdwest-Fryslân');
    expect(gemeenteFromHost('bergen-nh.bestuurlijkeinformatie.nl')).toBe('Bergen (NH)');
    expect(gemeenteFromHost('beemsterraadsinformatie.purmerend.nl')).toBe('Purmerend');
    expect(gemeenteFromHost('raad.oude-ijsselstreek.nl')).toBe('Oude IJsselstreek');
    expect(gemeenteFromHost('ris.gemeenteraadhuizen.nl')).toBe('Huizen');
    expect(gemeenteFromHost('gemeenteraad.hofvantwente.nl')).toBe('Hof van Twente');
  });

  it('names no gemeente where the host has none, or two', () => {
    expect(gemeenteFromHost('noordholland.bestuurlijkeinformatie.nl')).toBeUndefined();
    expect(gemeenteFromHost('zoek.officielebekendmakingen.nl')).toBeUndefined();
    expect(gemeenteFromHost('api.notubiz.nl')).toBeUndefined();
    expect(gemeenteFromHost('openbesluitvorming.nl')).toBeUndefined();
    // Bergen in Noord-Holland or in Limburg: the host alone cannot say.
    expect(gemeenteFromHost('bergen.bestuurlijkeinformatie.nl')).toBeUndefined();
  });
});

describe('"Gemeente X" in a page’s own words', () => {
  it('finds the official name in logos, footers and titles', () => {
    expect(gemeenteInText('Gemeente Den Helder')).toBe('Den Helder');
    expect(gemeenteInText('Raadsgriffie gemeente Den Helder Drs. F. Bijlweg 20')).toBe('Den Helder');
    expect(gemeenteInText("Welkom bij de gemeenteraad van 's-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(gemeenteInText('©2014 Gemeente Súdwest-Fryslân')).toBe('Súdwest-Fryslân');
    expect(gemeenteInText('Gemeente Bergen (NH)')).toBe('Bergen (NH)');
    expect(gemeenteInText('Gemeenteblad van Tiel')).toBe('Tiel');
  });

  it('takes no ordinary word for a gemeente, and no gemeente the list does not have', () => {
    expect(gemeenteInText('de gemeente best kan dit zelf')).toBeUndefined();
    expect(gemeenteInText('Gemeente Nergenshuizen')).toBeUndefined();
    expect(gemeenteInText('Provincie Utrecht')).toBeUndefined();
    expect(officialGemeente('Hof van Twente')).toBe('Hof van Twente');
    expect(officialGemeente('gemeente Nuenen')).toBe('Nuenen, Gerwen en Nederwetten');
    expect(officialGemeente(undefined)).toBeUndefined();
  });
});
