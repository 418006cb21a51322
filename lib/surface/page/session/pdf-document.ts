// A tab that shows a PDF. Chrome wraps the PDF in a document of type application/pdf on the
// portal's own origin, and our content script runs in that wrapper, but the PDF's text is out of
// its reach (in the browser's viewer). A scan of the wrapper would read nothing and report
// "0 vondsten"; instead the background hears that the tab is a PDF, and the panel reads the file.
import type { BackgroundRequest } from '../../../extension/messages/protocol';

/** Is `doc` the browser's wrapper around a PDF (not an HTML page)? */
export function isPdfDocument(doc: Pick<Document, 'contentType'>): boolean {
  return /^application\/(?:x-)?pdf$/i.test(doc.contentType ?? '');
}

/**
 * Tells the background that the tab shows a PDF when `doc` is one; true then (the page session
 * must not start), false for any other document.
 */
export function announcePdf(
  doc: Pick<Document, 'contentType' | 'URL'>,
  send: (msg: BackgroundRequest) => Promise<unknown>,
): boolean {
  if (!isPdfDocument(doc)) return false;
  // An orphaned script (extension updated) cannot reach the background; the panel then finds
  // the PDF by its address or its response.
  send({ type: 'pdf-tab', url: doc.URL }).catch(() => {});
  return true;
}
