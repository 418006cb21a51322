// Opening the PDF the reader asked the viewer for: may we read its site, may PDFs be fetched
// (the griffie can forbid it), fetch it (redirects checked against the same permission), and open
// it in pdf.js. The viewer only shows the outcome.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { documentPromptProblem, isKnownPortal, mayReadUrl, releaseGrant, sitePatternFor } from '../../extension/permissions';
import { pdfFetchAllowed } from '../../extension/settings/managed';
import { openPdf, type OwnedLoadingTask } from './browser';
import { pdfErrors } from './errors';
import { fetchPdf } from './fetch';

type ViewerOpen =
  | { kind: 'open'; doc: PDFDocumentProxy; disposition: string | null }
  /** Not an address we could ever read. */
  | { kind: 'no-file' }
  /** The reader has not given this site: the viewer offers the grant. */
  | { kind: 'permission'; pattern: string; host: string }
  /** This computer, the local network or a look-alike name: no prompt is offered for it. */
  | { kind: 'refused'; host: string };

/**
 * Opens `file`; `onTask` gets pdf.js' loading task as soon as there is one, so the caller can
 * destroy it when the viewer closes mid-way or end its worker past the time budget. Throws a PdfError when fetching or opening fails.
 */
export async function openForViewer(file: string, signal: AbortSignal, onTask: (task: OwnedLoadingTask) => void): Promise<ViewerOpen> {
  // Host patterns without the port: Firefox never grants (nor answers a request for) one with a port.
  const pattern = sitePatternFor(file);
  // Denied on error: a failing check must not read a document nobody allowed.
  const allowed = pattern ? await mayReadUrl(file) : false;
  if (!pattern) return { kind: 'no-file' };
  if (!allowed) {
    const host = new URL(file).hostname;
    // Opened on the PDF itself: its own site is the page, so only this computer, the local
    // network and look-alike names are refused.
    return documentPromptProblem(file, { pageUrl: file, isKnownPortal }) ? { kind: 'refused', host } : { kind: 'permission', pattern, host };
  }
  if (!(await pdfFetchAllowed())) throw pdfErrors.blocked();
  const fetched = fetchPdf(file, { signal, mayRead: (u) => mayReadUrl(u) });
  // A grant asked for this document only is given back once it is fetched (a listed site keeps it).
  void fetched.finally(() => releaseGrant(pattern).catch(() => {})).catch(() => {});
  const { bytes, disposition } = await fetched;
  const task = await openPdf(bytes);
  onTask(task);
  return { kind: 'open', doc: await task.promise, disposition };
}
