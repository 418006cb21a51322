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
    expect(foreignPublication('notubiz', 'https://zoek.officielebekendmakingen.nl/stcrt-2025-10001.html')).toBeUndefined();
    expect(foreignPublication('officielebekendmakingen', 'geen adres')).toBeUndefined();
  });

  it('reads no publication into a name that is only a property of every object', () => {
    expect(publicationOf('/constructor-2025-1.html')).toBeUndefined();
    expect(publicationOf('/tostring-2025-1.html')).toBeUndefined();
    expect(foreignPublication('officielebekendmakingen', 'https://zoek.officielebekendmakingen.nl/constructor-2025-1.html')).toBeUndefined();
  });
});
