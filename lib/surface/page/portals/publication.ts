// Which publication of officielebekendmakingen.nl a document is, from its address alone
// (zoek.officielebekendmakingen.nl/stcrt-2024-1234.html: the Staatscourant; a copy kept elsewhere
// by its identifier), and whose it is. The detector names the portal by it; the letter tells a
// gemeente's own Gemeenteblad from what the Kamer, the Rijk, a provincie or a waterschap
// published, for a stored document too (the record keeps the address and the portal id, not the
// page). Pure.

/** Who publishes what is no document of the gemeente: the letter's words for it (../../../record/export/letter.ts). */
export type ForeignSource = 'kamer' | 'staatscourant' | 'staatsblad' | 'tractatenblad' | 'provincie' | 'waterschap';

/**
 * The publication codes that open a publication's file name: the name the site gives it, and
 * whose it is when it is not the gemeente's (null: the gemeente's own Gemeenteblad).
 */
const PUBLICATION: Record<string, { name: string; source: ForeignSource | null }> = {
  gmb: { name: 'Gemeenteblad', source: null },
  stcrt: { name: 'Staatscourant', source: 'staatscourant' },
  prb: { name: 'Provinciaal blad', source: 'provincie' },
  wsb: { name: 'Waterschapsblad', source: 'waterschap' },
  kst: { name: 'Kamerstuk', source: 'kamer' },
  trb: { name: 'Tractatenblad', source: 'tractatenblad' },
  stb: { name: 'Staatsblad', source: 'staatsblad' },
};

/** The publication a file name's code names ("constructor-1.html" names none). */
function entryOf(pathname: string): (typeof PUBLICATION)[string] | undefined {
  const code = pathname.split('/').pop()?.match(/^([a-z]+)-/)?.[1];
  return code && Object.hasOwn(PUBLICATION, code) ? PUBLICATION[code] : undefined;
}

/** "Staatscourant" for /stcrt-2024-1234.html; undefined for an address that names none. */
export function publicationOf(pathname: string): string | undefined {
  return entryOf(pathname)?.name;
}

/**
 * An address's file name when it is a publication's own identifier — a code, then numbers
 * ("stcrt-2025-10001.pdf", "kst-36410-27.html", "kst-35300-VI-64.html") — wherever it is kept.
 */
const IDENTIFIER = /^[a-z]+-\d+(?:-[0-9A-Za-z]+)+(?:\.[a-z]+)?$/;

/**
 * Whose a document is when it is a publication that is not the gemeente's: the Kamer's, the Rijk's
 * (Staatscourant, Staatsblad, Tractatenblad), a provincie's or a waterschap's. On
 * officielebekendmakingen (`portal`, its id) the file name's code says it; elsewhere, or with no
 * portal known (a PDF read in its own tab, a copy in KOOP's repository, a record kept before the
 * portal was stored), only a file name that is a whole publication identifier does — the address
 * then names the publication whatever portal holds it. Undefined for a Gemeenteblad, or an address
 * that names no publication.
 */
export function foreignPublication(portal: string | undefined, url: string): ForeignSource | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (portal !== 'officielebekendmakingen' && !IDENTIFIER.test(pathname.split('/').pop() ?? '')) return undefined;
  return entryOf(pathname)?.source ?? undefined;
}
