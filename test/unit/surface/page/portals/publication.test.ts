import { describe, expect, it } from 'vitest';
import { foreignPublication, publicationOf } from '@/lib/surface/page/portals/publication';

describe('a publication of officielebekendmakingen.nl by its address', () => {
  it('names the publication and whose it is', () => {
    expect(publicationOf('/stcrt-2025-10001.html')).toBe('Staatscourant');
    expect(foreignPublication('officielebekendmakingen', 'https://zoek.officielebekendmakingen.nl/stcrt-2025-10001.html')).toBe('staatscourant');
    expect(foreignPublication('officielebekendmakingen', 'https://zoek.officielebekendmakingen.nl/kst-36410-27.html')).toBe('kamer');
  });

  it("keeps a Gemeenteblad the gemeente's own, and other portals or unknown codes out", () => {
    expect(publicationOf('/gmb-2024-300118.html')).toBe('Gemeenteblad');
    expect(foreignPublication('officielebekendmakingen', 'https://zoek.officielebekendmakingen.nl/gmb-2024-300118.html')).toBeUndefined();
    expect(foreignPublication('notubiz', 'https://utrecht.notubiz.nl/document/stcrt-aanvraag.pdf')).toBeUndefined();
    expect(foreignPublication(undefined, 'https://repository.officiele-overheidspublicaties.nl/gmb/gmb-2017-100007/1/html/gmb-2017-100007.html')).toBeUndefined();
    expect(foreignPublication('officielebekendmakingen', 'geen adres')).toBeUndefined();
  });

  it('knows a publication by its identifier wherever it is kept, with no portal known', () => {
    // A Staatscourant PDF read in its own tab (no portal facts), a copy in KOOP's repository, a
    // Kamerstuk attached to a raadsvoorstel: the file name is the publication's own identifier.
    expect(foreignPublication(undefined, 'https://zoek.officielebekendmakingen.nl/stcrt-2025-10001.pdf')).toBe('staatscourant');
    expect(foreignPublication('lokaleregelgeving', 'https://repository.officiele-overheidspublicaties.nl/stcrt/stcrt-2024-1234/1/html/stcrt-2024-1234.html')).toBe('staatscourant');
    expect(foreignPublication('notubiz', 'https://utrecht.notubiz.nl/document/kst-35300-VI-64.pdf')).toBe('kamer');
    expect(foreignPublication(undefined, 'https://example.org/prb-2023-9876.pdf')).toBe('provincie');
    // A code alone, or a code with words after it, names no publication outside officielebekendmakingen.
    expect(foreignPublication(undefined, 'https://example.org/stcrt-regeling-cameras.pdf')).toBeUndefined();
    expect(foreignPublication(undefined, 'https://example.org/stb.pdf')).toBeUndefined();
    expect(foreignPublication(undefined, 'https://example.org/constructor-2025-1.pdf')).toBeUndefined();
  });

  it('reads no publication into a name that is only a property of every object', () => {
    expect(publicationOf('/constructor-2025-1.html')).toBeUndefined();
    expect(publicationOf('/tostring-2025-1.html')).toBeUndefined();
    expect(foreignPublication('officielebekendmakingen', 'https://zoek.officielebekendmakingen.nl/constructor-2025-1.html')).toBeUndefined();
  });
});
