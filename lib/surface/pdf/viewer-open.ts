// Opening the PDF the reader asked the viewer for: may we read its site, may PDFs be fetched
// (the griffie can forbid it), fetch it (redirects checked against the same permission), and open
// it in pdf.js. The viewer only shows the outcome.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { mayReadUrl, sitePatternFor } from '../../extension/permissions';
import { pdfFetchAllowed } from '../../extension/settings/managed';
import { openPdf } from './browser';
import { pdfErrors } from './errors';
import { fetchPdf } from './fetch';

export type ViewerOpen =
  | { kind: 'open'; doc: PDFDocumentProxy; disposition: string | null }
  /** Not an address we could ever read. */
  | { kind: 'no-file' }
  /** The reader has not given this site: the viewer offers the grant. */
  | { kind: 'permission'; pattern: string; host: string };

/**
 * Opens `file`; `onTask` gets pdf.js' loading task as soon as there is one, so the caller can
 * destroy it when the viewer closes mid-way. Throws a PdfError when fetching or opening fails.
 */
export async function openForViewer(file: string, signal: AbortSignal, onTask: (task: PDFDocumentLoadingTask) => void): Promise<ViewerOpen> {
  // Host patterns without the port: Firefox never grants (nor answers a request for) one with a port.
  const pattern = sitePatternFor(file);
  // Denied on error: a failing check must not read a document nobody allowed.
  const allowed = pattern ? await mayReadUrl(file) : false;
  if (!pattern) return { kind: 'no-file' };
  if (!allowed) return { kind: 'permission', pattern, host: new URL(file).hostname };
  if (!(await pdfFetchAllowed())) throw pdfErrors.blocked();
  const { bytes, disposition } = await fetchPdf(file, { signal, mayRead: (u) => mayReadUrl(u) });
  const task = await openPdf(bytes);
  onTask(task);
  return { kind: 'open', doc: await task.promise, disposition };
}
