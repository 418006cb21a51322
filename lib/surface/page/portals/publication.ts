// Which publication of officielebekendmakingen.nl a document is, from its address alone
// (zoek.officielebekendmakingen.nl/stcrt-2024-1234.html: the Staatscourant), and whose it is. The
// detector names the portal by it; the letter tells a gemeente's own Gemeenteblad from what the
// Kamer, the Rijk, a provincie or a waterschap published, for a stored document too (the record
// keeps the address and the portal id, not the page). Pure.

/** The publication codes that open a publication's file name, as the site names them. */
const PUBLICATION: Record<string, string> = {
  gmb: 'Gemeenteblad',
  stcrt: 'Staatscourant',
  prb: 'Provinciaal blad',
  wsb: 'Waterschapsblad',
  kst: 'Kamerstuk',
  trb: 'Tractatenblad',
  stb: 'Staatsblad',
};

/** Who publishes what is no document of the gemeente: the letter's words for it (../../../record/export/letter.ts). */
export type ForeignSource = 'kamer' | 'staatscourant' | 'staatsblad' | 'tractatenblad' | 'provincie' | 'waterschap';

const SOURCE: Record<string, ForeignSource | null> = {
  gmb: null,
  kst: 'kamer',
  stcrt: 'staatscourant',
  stb: 'staatsblad',
  trb: 'tractatenblad',
  prb: 'provincie',
  wsb: 'waterschap',
};

function codeOf(pathname: string): string | undefined {
  return pathname.split('/').pop()?.match(/^([a-z]+)-/)?.[1];
}

/** "Staatscourant" for /stcrt-2024-1234.html; undefined for an address that names none. */
export function publicationOf(pathname: string): string | undefined {
  const code = codeOf(pathname);
  return code ? PUBLICATION[code] : undefined;
}

/**
 * Whose a document on officielebekendmakingen (`portal`, its id) is when it is not the gemeente's:
 * the Kamer's, the Rijk's (Staatscourant, Staatsblad, Tractatenblad), a provincie's or a
 * waterschap's. Undefined for a Gemeenteblad, another portal, or an address that names no publication.
 */
export function foreignPublication(portal: string | undefined, url: string): ForeignSource | undefined {
  if (portal !== 'officielebekendmakingen') return undefined;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const code = codeOf(pathname);
  return (code && SOURCE[code]) || undefined;
}
