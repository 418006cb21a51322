// The gemeente as a raadslid names it. Portals show it only as a host slug (`denhaag`,
// `rotterdamraad`, `gemeente-steenbergen`) or in the page's own words ("Gemeente Den Helder" in the
// logo, `data-site-name="Almelo"`); both are looked up in the official list of gemeenten
// (rules/gemeenten.json, CBS "Gemeentelijke indeling"), so the panel says "Den Haag", never "Denhaag".
// Pure: no DOM here (dom.ts reads the page), so the record and the Node tools use it too.
import { gemeenteNames, type GemeenteNames } from './gemeenten-list';

/** "'s-Hertogenbosch" → "shertogenbosch", "Súdwest-Fryslân" → "sudwestfryslan": how hosts write names. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Slug → official name; null for a slug two gemeenten share (Bergen in NH and in Limburg). */
type SlugIndex = Map<string, string | null>;
/**
 * Per first character of the slugs asked for, the index of the names that can give such a slug
 * ('' for all): a page asks one or two slugs, and slugOf over the whole list cost more than the
 * rest of detection's metadata together.
 */
const indexes = new Map<string, SlugIndex>();
const ALNUM_START = /^[a-z0-9]/i;

/** Can `name`'s slug start with `c`? One that starts with an ASCII letter or digit starts with it. */
const mayStartWith = (name: string, c: string) => !c || !ALNUM_START.test(name) || name[0]!.toLowerCase() === c;

function buildIndex(list: readonly GemeenteNames[], c: string): SlugIndex {
  const map: SlugIndex = new Map();
  const put = (slug: string, name: string) => {
    const had = map.get(slug);
    map.set(slug, had === undefined || had === name ? name : null);
  };
  for (const g of list) {
    for (const n of g.other) if (mayStartWith(n, c)) put(slugOf(n), g.name);
    // The name and its bare form (below) start alike.
    if (!mayStartWith(g.name, c)) continue;
    put(slugOf(g.name), g.name);
    // "Bergen (NH)": a page that says just "Bergen" could mean either.
    const bare = g.name.replace(/\s*\([^)]*\)$/, '');
    if (bare !== g.name) put(slugOf(bare), g.name);
  }
  return map;
}

function slugIndex(c = ''): SlugIndex {
  let index = indexes.get(c);
  if (index) return index;
  try {
    index = buildIndex(gemeenteNames(), c);
  } catch {
    // A broken list (caught by its unit test, and by the build) must not stop a scan: names fall back to the page's.
    index = new Map();
  }
  indexes.set(c, index);
  return index;
}

/** The official name for a slug or a name as written, or undefined (unknown, or ambiguous). */
export function gemeenteBySlug(slug: string): string | undefined {
  return slugIndex(slug.charAt(0)).get(slug) ?? undefined;
}

/** Every official name in the list (for tests and tools). */
export function allGemeenten(): string[] {
  return [...new Set([...slugIndex().values()].filter((v): v is string => !!v))];
}

// Host labels that name no gemeente: vendors, services and the words portals put around the name.
const NOT_A_NAME = new Set([
  'www', 'api', 'api1', 'api2', 'zoek', 'raad', 'gemeenteraad', 'gemeentebestuur', 'bestuur', 'besluitvorming',
  'raadsinformatie', 'ris', 'bestuurlijkeinformatie', 'notubiz', 'parlaeus', 'ibabs', 'openbesluitvorming',
  'overheid', 'nl', 'eu', 'com', 'org', 'net', 'gemeente', 'portal', 'app',
]);
const PREFIXES = ['gemeenteraad', 'gemeentebestuur', 'gemeente', 'raadsinformatie', 'raad', 'ris', 'bestuur'];
const SUFFIXES = ['raadsinformatie', 'gemeenteraad', 'gemeente', 'raad', 'ris'];

/** The gemeente a host label names, with the words around it taken off ("rotterdamraad"). */
function gemeenteFromLabel(label: string): string | undefined {
  const slug = slugOf(label);
  if (!slug || NOT_A_NAME.has(slug)) return undefined;
  const direct = gemeenteBySlug(slug);
  if (direct) return direct;
  for (const p of ['', ...PREFIXES]) {
    if (!slug.startsWith(p)) continue;
    for (const s of ['', ...SUFFIXES]) {
      if (!p && !s) continue;
      if (!slug.endsWith(s) || slug.length <= p.length + s.length) continue;
      const hit = gemeenteBySlug(slug.slice(p.length, slug.length - s.length));
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * The gemeente in a host name, left to right: `denhaag.raadsinformatie.nl` → Den Haag,
 * `rotterdamraad.bestuurlijkeinformatie.nl` → Rotterdam, `raad.gemeente-steenbergen.nl` → Steenbergen.
 * Undefined for hosts of no gemeente (a province's portal, a national site).
 */
export function gemeenteFromHost(hostname: string): string | undefined {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  for (const label of labels.slice(0, -1)) {
    const hit = gemeenteFromLabel(label);
    if (hit) return hit;
  }
  return undefined;
}

const LEAD = /^\s*(?:de\s+)?(?:gemeente(?:blad)?|gemeenteraad)(?:\s+van)?\s+/i;

/**
 * The official name for a name as a page writes it: "Gemeente Den Helder", "Den Helder
 * Raadsgriffie" (longest run of words that is a gemeente), "'s-Gravenhage", "Bergen (NH)".
 */
export function officialGemeente(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const words = text.replace(LEAD, '').trim().split(/\s+/).slice(0, 6);
  for (let n = words.length; n >= 1; n--) {
    const hit = gemeenteBySlug(slugOf(words.slice(0, n).join(' ')));
    if (hit) return hit;
  }
  return undefined;
}

// The name starts with a capital ('s-Hertogenbosch with its apostrophe): "de gemeente best kan…" names no gemeente.
const PHRASE = /\b(?:[Gg]emeente(?:blad)?|[Gg]emeenteraad|GEMEENTE)(?:\s+van)?\s+(?=['’]s-|\p{Lu})/gu;

/** The first "gemeente X" in a text whose X is a gemeente ("Raadsgriffie gemeente Den Helder"). */
export function gemeenteInText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const m of text.matchAll(PHRASE)) {
    const hit = officialGemeente(text.slice(m.index + m[0].length, m.index + m[0].length + 80));
    if (hit) return hit;
  }
  return undefined;
}
