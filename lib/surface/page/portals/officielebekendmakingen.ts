// zoek.officielebekendmakingen.nl: one publication per URL, full text in HTML (Gemeenteblad,
// Staatscourant, Kamerstukken). The page carries Dublin Core / OVERHEIDop metadata in <meta>.
// Built for:
//   https://zoek.officielebekendmakingen.nl/gmb-2025-512078.html     Gemeenteblad Tiel, AI-beleid
//   https://zoek.officielebekendmakingen.nl/kst-35300-VI-64.html     Kamerstuk
import { defineDetector } from './define';
import { gemeenteFromText, metaContent } from './dom';
import { PORTAL_HOSTS } from './hosts';
import type { DocumentType } from './types';

const PUBLICATION: Record<string, string> = {
  gmb: 'Gemeenteblad',
  stcrt: 'Staatscourant',
  prb: 'Provinciaal blad',
  wsb: 'Waterschapsblad',
  kst: 'Kamerstuk',
  trb: 'Tractatenblad',
  stb: 'Staatsblad',
};

function publicationOf(pathname: string): string | undefined {
  const code = pathname.split('/').pop()?.match(/^([a-z]+)-/)?.[1];
  return code ? PUBLICATION[code] : undefined;
}

/**
 * Every DC.type the page carries. A publication has two: the first says only "officiële publicatie";
 * the second, scheme OVERHEIDgvop.Informatietype, what it is ("Beschikkingen | afhandeling",
 * "Beleidsregels", "Verordeningen").
 */
function informationTypes(doc: Document): string[] {
  return [...doc.querySelectorAll('meta[name="DC.type" i]')].map((m) => m.getAttribute('content')?.trim() ?? '').filter(Boolean);
}

/**
 * The kind the Informatietype names. A beschikking or kennisgeving makes one permit or application
 * known (a bingo night, an event): called a "besluit" it read as a decision of the raad or college.
 */
function kindOf(types: readonly string[]): DocumentType | undefined {
  if (types.some((t) => /beleidsregel/i.test(t))) return 'beleidsregel';
  if (types.some((t) => /verordening/i.test(t))) return 'verordening';
  if (types.some((t) => /^\s*(beschikking|kennisgeving)/i.test(t))) return 'bekendmaking';
  return undefined;
}

export const officielebekendmakingen = defineDetector({
  id: 'officielebekendmakingen',
  label: 'Officiële bekendmakingen',
  hosts: PORTAL_HOSTS.officielebekendmakingen,
  main: ['#broodtekst', 'article', 'main', '#content'],
  chrome: ['.publicatie-acties', '.downloadlinks'],
  title: ['#broodtekst h1', 'article h1', 'main h1', 'h1'],
  date: ['.publicatiedatum time', '.publicatiedatum'],
  typeLabel: ['.documenttype'],
  gemeente: (_location, doc) =>
    metaContent(doc, 'DC.creator', 'OVERHEID.authority')?.replace(/^[Gg]emeente\s+/, '') ??
    gemeenteFromText(doc.title),
  pageType: (location, doc): DocumentType | undefined => kindOf(informationTypes(doc)) ?? (publicationOf(location.pathname) ? 'besluit' : undefined),
  refine(meta, doc, location) {
    const publication = metaContent(doc, 'OVERHEIDop.publicationName') ?? publicationOf(location.pathname);
    return {
      ...meta,
      portalLabel: publication ?? meta.portalLabel,
      title: metaContent(doc, 'DC.title') ?? meta.title,
      date: meta.date ?? metaContent(doc, 'DCTERMS.issued', 'DCTERMS.available', 'OVERHEIDop.publicationDate'),
    };
  },
});
