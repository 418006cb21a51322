// What the reader's tab shows: a web page (the content script reads it) or a PDF (the panel reads
// it). Three witnesses, best first:
//   - the browser: in Chrome the content script runs in the PDF's wrapper document and says so;
//   - the response: fetching the address the reader opened gives a PDF or not (content type, or
//     the `%PDF-` header) — the only witness in Firefox, whose PDF viewer runs no content script;
//   - the address: portal download shapes (isPdfUrl), before anything else has answered.
// A page report beats the address: a PDF-shaped address that served a web page (a login, an
// error) is a page. Pure.
import { isPdfUrl } from './detect';

export type TabDocument =
  | { kind: 'pdf'; url: string; by: 'browser' | 'response' | 'address' }
  /** A web page; read when a report exists, otherwise not (yet). */
  | { kind: 'page' }
  /** Nothing has said yet: no report, no PDF witness. */
  | { kind: 'unknown' };

interface TabEvidence {
  /** The tab's address. */
  url: string;
  /** The content script reported the page's text. */
  pageReport: boolean;
  /** The address at which the content script saw the browser show a PDF. */
  pdfShownAt?: string | null;
  /** What fetching the address answered, if it was fetched. */
  response?: 'pdf' | 'not-pdf';
}

export function tabDocument(e: TabEvidence): TabDocument {
  if (!/^https?:/i.test(e.url)) return e.pageReport ? { kind: 'page' } : { kind: 'unknown' };
  if (e.pdfShownAt && e.pdfShownAt === e.url) return { kind: 'pdf', url: e.url, by: 'browser' };
  if (e.pageReport || e.response === 'not-pdf') return { kind: 'page' };
  if (e.response === 'pdf') return { kind: 'pdf', url: e.url, by: 'response' };
  if (isPdfUrl(e.url)) return { kind: 'pdf', url: e.url, by: 'address' };
  return { kind: 'unknown' };
}

export interface ProbeInput {
  document: TabDocument;
  /** The tab finished loading (before that, the content script may not be there yet). */
  loaded: boolean;
  /** Raadslens may fetch from the tab's host (a portal, or a site the reader granted). */
  mayFetch: boolean;
  /** A content script answers in the tab: it will report the page. */
  scriptAnswers: boolean;
  /** The address was already fetched (or is being fetched) in this panel. */
  alreadyAsked: boolean;
}

/**
 * Should the panel fetch the tab's address to learn whether it is a PDF? Only for a loaded tab
 * that nothing has explained, on a host Raadslens may read, where no content script runs (a PDF
 * viewer, or a tab opened before Raadslens was installed). The fetch is the scan: a PDF is read
 * from that same response, a web page is dropped after its first bytes.
 */
export function shouldProbe(p: ProbeInput): boolean {
  return p.document.kind === 'unknown' && p.loaded && p.mayFetch && !p.scriptAnswers && !p.alreadyAsked;
}
