import { describe, expect, it } from 'vitest';
import { attachmentsOf, fileNameOf, isPdfUrl } from '@/lib/surface/pdf';

describe('isPdfUrl', () => {
  it('knows PDFs by path and by portal download pattern', () => {
    expect(isPdfUrl('https://utrecht.raadsinformatie.nl/document/123/Raadsvoorstel%20camera.pdf')).toBe(true);
    expect(isPdfUrl('https://x.nl/stuk.PDF?download=1#page=3')).toBe(true);
    expect(isPdfUrl('https://api.notubiz.nl/document/13372948/1')).toBe(true);
    expect(isPdfUrl('https://api1.ibabs.eu/publicdownload.aspx?site=utrecht&id=1')).toBe(true);
  });

  it('knows the portals’ PDF addresses without .pdf: NotuBiz, iBabs downloads, risbis, Parlaeus', () => {
    const pdfs = [
      'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie+Relschoppers+mogen+niet+ongestraft+wegkomen',
      'https://raadsinformatie.eindhoven.nl/document/12915671/2/Raadsvoorstel%20camera',
      'https://amsterdam.raadsinformatie.nl/document/13372948/1',
      'https://utrecht.bestuurlijkeinformatie.nl/Document/LoadAgendaItemDocument/0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15',
      'https://utrecht.bestuurlijkeinformatie.nl/Document/View/0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15',
      'https://gemeenteraad.denhelder.nl/modules/risbis/download.php?id=19025',
      'https://gemeenteraad.denhelder.nl/modules/risbis/risbis.php?g=download&id=19025',
      'https://rotterdam.parlaeus.nl/user/showdoc/action=view/id=4242/type=pdf/Motie%20camera',
    ];
    expect(pdfs.filter((u) => !isPdfUrl(u))).toEqual([]);
  });

  it('leaves addresses that may serve a web page to their response', () => {
    // iBabs /Agenda/Document/ is sometimes the PDF, sometimes a page about it: lib/surface/pdf/tab.ts asks the response.
    expect(isPdfUrl('https://utrecht.bestuurlijkeinformatie.nl/Agenda/Document/6b0e52a1?documentId=0c9d7e12&agendaItemId=a41f3b7c')).toBe(false);
    // The AJAX list of an agenda item's documents is HTML.
    expect(isPdfUrl('https://gemeenteraad.denhelder.nl/modules/risbis/risbis.php?g=get_docs_for_ag&agendapunt_object_id=19024')).toBe(false);
    expect(isPdfUrl('https://denhaag.raadsinformatie.nl/vergadering/322288/Raad')).toBe(false);
    expect(isPdfUrl('https://denhaag.raadsinformatie.nl/document/15518187/1/naam/meer')).toBe(false);
    expect(isPdfUrl('https://rotterdam.parlaeus.nl/user/showdoc/action=view/id=4242/type=doc/Notitie')).toBe(false);
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
