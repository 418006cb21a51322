// zoek.officielebekendmakingen.nl: one publication per URL, full text in HTML (Gemeenteblad,
// Staatscourant, Kamerstukken). The page carries Dublin Core / OVERHEIDop metadata in <meta>.
// Built for:
//   https://zoek.officielebekendmakingen.nl/gmb-2025-512078.html     Gemeenteblad Tiel, AI-beleid
//   https://zoek.officielebekendmakingen.nl/kst-35300-VI-64.html     Kamerstuk
import { defineDetector } from './define';
import { gemeenteFromText, metaContent } from './dom';
import { PORTAL_HOSTS } from './hosts';
import { publicationOf } from './publication';
import type { DocumentType, PageLocation } from './types';

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
  if (types.some((t) => /^\s*kamerstuk/i.test(t))) return 'kamerstuk';
  return undefined;
}

/** The publication as the page's own metadata names it ("Gemeenteblad", "Kamerstukken II"), else as its address does. */
function publicationName(doc: Document, location: PageLocation): string | undefined {
  return metaContent(doc, 'OVERHEIDop.publicationName') ?? publicationOf(location.pathname);
}

/**
 * The kind a publication is without an Informatietype that names one. Only the Gemeenteblad holds a
 * gemeente's besluiten; a Kamerstuk (a motie or brief in the Tweede Kamer), the Staatscourant, the
 * Staatsblad or the Tractatenblad called a "besluit" read as a decision of the raad or college.
 */
function publicationKind(publication: string | undefined): DocumentType | undefined {
  if (!publication) return undefined;
  if (/^\s*gemeenteblad/i.test(publication)) return 'besluit';
  if (/^\s*kamerstuk/i.test(publication)) return 'kamerstuk';
  return undefined;
}

/**
 * The gemeente that published it: DC.creator or OVERHEID.authority, unless its scheme says the
 * creator is no gemeente (a Kamerstuk's is "Tweede Kamer der Staten-Generaal", scheme
 * OVERHEID.StatenGeneraal; a Staatscourant's a ministry). A meta without a scheme is read as before.
 */
function gemeenteMeta(doc: Document): string | undefined {
  for (const name of ['DC.creator', 'OVERHEID.authority']) {
    for (const m of doc.querySelectorAll(`meta[name="${name}" i]`)) {
      const scheme = m.getAttribute('scheme')?.trim();
      if (scheme && !/gemeente/i.test(scheme)) continue;
      const v = m.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
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
  gemeente: (_location, doc) => gemeenteMeta(doc)?.replace(/^[Gg]emeente\s+/, '') ?? gemeenteFromText(doc.title),
  pageType: (location, doc): DocumentType | undefined => kindOf(informationTypes(doc)) ?? publicationKind(publicationName(doc, location)),
  refine(meta, doc, location) {
    const publication = publicationName(doc, location);
    return {
      ...meta,
      portalLabel: publication ?? meta.portalLabel,
      title: metaContent(doc, 'DC.title') ?? meta.title,
      date: meta.date ?? metaContent(doc, 'DCTERMS.issued', 'DCTERMS.available', 'OVERHEIDop.publicationDate'),
    };
  },
});
