import { describe, expect, it } from 'vitest';
import { attachmentsOf, fileNameOf, isPdfUrl } from '@/lib/pdf';

describe('isPdfUrl', () => {
  it('knows PDFs by path and by portal download pattern', () => {
    expect(isPdfUrl('https://utrecht.raadsinformatie.nl/document/123/Raadsvoorstel%20camera.pdf')).toBe(true);
    expect(isPdfUrl('https://x.nl/stuk.PDF?download=1#page=3')).toBe(true);
    expect(isPdfUrl('https://api.notubiz.nl/document/13372948/1')).toBe(true);
    expect(isPdfUrl('https://api1.ibabs.eu/publicdownload.aspx?site=utrecht&id=1')).toBe(true);
  });

  it('does not take web pages, other schemes or garbage for a PDF', () => {
    expect(isPdfUrl('https://utrecht.raadsinformatie.nl/vergadering/123')).toBe(false);
    expect(isPdfUrl('https://x.nl/pdf/overzicht.html')).toBe(false);
    expect(isPdfUrl('file:///home/raadslid/stuk.pdf')).toBe(false);
    expect(isPdfUrl('chrome-extension://abc/pdf-viewer.html?file=x.pdf')).toBe(false);
    expect(isPdfUrl('geen url')).toBe(false);
  });
});

describe('attachmentsOf', () => {
  it('reads report.attachments defensively: http(s) only, each URL once, a name always', () => {
    const report = {
      attachments: [
        { name: ' Raadsvoorstel ', url: 'https://a.nl/1.pdf' },
        { name: 'Dubbel', url: 'https://a.nl/1.pdf' },
        { name: '', url: 'https://a.nl/docs/Bijlage%202.pdf' },
        { name: 'Script', url: 'javascript:alert(1)' },
        { url: 42 },
        null,
        'tekst',
      ],
    };
    expect(attachmentsOf(report)).toEqual([
      { name: 'Raadsvoorstel', url: 'https://a.nl/1.pdf' },
      { name: 'Bijlage 2.pdf', url: 'https://a.nl/docs/Bijlage%202.pdf' },
    ]);
  });

  it('gives nothing for a report without (valid) attachments', () => {
    expect(attachmentsOf(null)).toEqual([]);
    expect(attachmentsOf({})).toEqual([]);
    expect(attachmentsOf({ attachments: 'x' })).toEqual([]);
  });

  it('names a file after the last part of its path', () => {
    expect(fileNameOf('https://a.nl/x/Raadsvoorstel%20AI.pdf?v=2')).toBe('Raadsvoorstel AI.pdf');
    expect(fileNameOf('niet-een-url')).toBe('niet-een-url');
  });
});
