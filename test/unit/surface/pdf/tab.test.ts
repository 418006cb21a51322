import { describe, expect, it } from 'vitest';
import { shouldProbe, tabDocument, type ProbeInput } from '@/lib/surface/pdf/tab';
import { pdfTabMeta } from '@/lib/surface/pdf/tab-meta';

const NOTUBIZ = 'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie+Relschoppers+mogen+niet+ongestraft+wegkomen';
const IBABS = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/6b0e52a1?documentId=0c9d7e12&agendaItemId=a41f3b7c';

describe('tabDocument', () => {
  it('believes the browser first: the content script saw a PDF at this very address', () => {
    expect(tabDocument({ url: IBABS, pageReport: false, pdfShownAt: IBABS })).toEqual({ kind: 'pdf', url: IBABS, by: 'browser' });
    // A mark left by the previous document in the tab says nothing about this one.
    expect(tabDocument({ url: IBABS, pageReport: false, pdfShownAt: NOTUBIZ })).toEqual({ kind: 'unknown' });
  });

  it('then the response, then the address', () => {
    expect(tabDocument({ url: IBABS, pageReport: false, response: 'pdf' })).toEqual({ kind: 'pdf', url: IBABS, by: 'response' });
    expect(tabDocument({ url: NOTUBIZ, pageReport: false })).toEqual({ kind: 'pdf', url: NOTUBIZ, by: 'address' });
    expect(tabDocument({ url: IBABS, pageReport: false })).toEqual({ kind: 'unknown' });
  });

  it('a page report or a web-page response beats a PDF-shaped address (a login page at a document address)', () => {
    expect(tabDocument({ url: NOTUBIZ, pageReport: true })).toEqual({ kind: 'page' });
    expect(tabDocument({ url: NOTUBIZ, pageReport: false, response: 'not-pdf' })).toEqual({ kind: 'page' });
  });

  it('never calls a browser page or a local file a PDF to fetch', () => {
    expect(tabDocument({ url: 'chrome://newtab/', pageReport: false })).toEqual({ kind: 'unknown' });
    expect(tabDocument({ url: 'file:///home/raadslid/stuk.pdf', pageReport: false })).toEqual({ kind: 'unknown' });
    expect(tabDocument({ url: 'about:blank', pageReport: true })).toEqual({ kind: 'page' });
  });
});

describe('shouldProbe', () => {
  const base: ProbeInput = { document: { kind: 'unknown' }, loaded: true, mayFetch: true, scriptAnswers: false, alreadyAsked: false };

  it('fetches an unexplained, loaded address on a readable host where no content script answers (Firefox’s PDF viewer)', () => {
    expect(shouldProbe(base)).toBe(true);
  });

  it('otherwise not: a known document, still loading, a host it may not read, a script that will report, asked before', () => {
    expect(shouldProbe({ ...base, document: { kind: 'page' } })).toBe(false);
    expect(shouldProbe({ ...base, document: { kind: 'pdf', url: IBABS, by: 'address' } })).toBe(false);
    expect(shouldProbe({ ...base, loaded: false })).toBe(false);
    expect(shouldProbe({ ...base, mayFetch: false })).toBe(false);
    expect(shouldProbe({ ...base, scriptAnswers: true })).toBe(false);
    expect(shouldProbe({ ...base, alreadyAsked: true })).toBe(false);
  });
});

describe('pdfTabMeta', () => {
  const empty = () => document.implementation.createHTMLDocument('');

  it('gives the portal, the gemeente, the name and the type the name says', () => {
    const meta = pdfTabMeta(NOTUBIZ, 'I_6 VVD motie Relschoppers mogen niet ongestraft wegkomen', empty());
    expect(meta).toMatchObject({ portal: 'notubiz', portalLabel: 'NotuBiz', title: 'I_6 VVD motie Relschoppers mogen niet ongestraft wegkomen', documentType: 'motie' });
    expect(meta?.gemeente).toBeTruthy();
    expect(pdfTabMeta(IBABS, 'Raadsvoorstel cameratoezicht', empty())).toMatchObject({ portal: 'ibabs', documentType: 'raadsvoorstel' });
  });

  it('has nothing to say about an address that is none', () => {
    expect(pdfTabMeta('geen adres', 'x', empty())).toBeUndefined();
  });
});
