import { describe, expect, it } from 'vitest';
import { normaliseDocumentUrl } from '../../../../lib/record/db/url';

describe('normaliseDocumentUrl', () => {
  it('drops the fragment, tracking parameters, default port and trailing slash; lowercases the host', () => {
    expect(
      normaliseDocumentUrl(
        'HTTPS://Gemeente.Bestuurlijkeinformatie.NL:443/Agenda/Index/1234/?utm_source=nieuwsbrief&fbclid=abc&UTM_Medium=mail#page=3',
      ),
    ).toBe('https://gemeente.bestuurlijkeinformatie.nl/Agenda/Index/1234');
  });

  it('sorts the remaining parameters so their order does not make a second document', () => {
    const a = normaliseDocumentUrl('https://x.raadsinformatie.nl/document/1?b=2&a=1&gclid=zz');
    const b = normaliseDocumentUrl('https://x.raadsinformatie.nl/document/1?a=1&b=2');
    expect(a).toBe('https://x.raadsinformatie.nl/document/1?a=1&b=2');
    expect(b).toBe(a);
  });

  it('keeps repeated parameters in their order and values in their original encoding', () => {
    expect(normaliseDocumentUrl('https://api1.ibabs.eu/publicdownload.aspx?site=x&id=a%2Fb&id=1+2')).toBe(
      'https://api1.ibabs.eu/publicdownload.aspx?id=a%2Fb&id=1+2&site=x',
    );
  });

  it('keeps a non-default port and the path case, and reduces the root to the origin', () => {
    expect(normaliseDocumentUrl('http://localhost:8080/Stukken/')).toBe('http://localhost:8080/Stukken');
    expect(normaliseDocumentUrl('https://algoritmes.overheid.nl/#top')).toBe('https://algoritmes.overheid.nl');
    expect(normaliseDocumentUrl('https://algoritmes.overheid.nl/?utm_campaign=x')).toBe('https://algoritmes.overheid.nl');
  });

  it('only drops the fragment of a non-web URL, and rejects what is not a URL', () => {
    expect(normaliseDocumentUrl('file:///home/raadslid/voorstel.pdf#page=2')).toBe('file:///home/raadslid/voorstel.pdf');
    expect(() => normaliseDocumentUrl('geen adres')).toThrow(TypeError);
  });
});
