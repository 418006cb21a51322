// Bytes of one file → the text the analyser sees, per kind. The HTML reader uses the same
// main-content and text-index code as the content script, so the CLI and the extension see the
// same text; the PDF reader is lib/surface/pdf's Node entry.
import { Window } from 'happy-dom';
import { findMainContent, isPageChrome } from '../surface/page/scan/main-content';
import { buildTextIndex } from '../surface/page/scan/text-index';

export class ReadError extends Error {
  override name = 'ReadError';
}

/** A file's text as pages: one page for .txt and .html, the PDF's pages for .pdf. */
export interface ReadDocument {
  pages: { page?: number; text: string }[];
  /** Read, but not completely (a PDF over the page or character limit): said on stderr. */
  warning?: string;
}

/**
 * UTF-8, unchanged: a byte-order mark stays in the text as U+FEFF, so offsets are JavaScript
 * string indices into exactly what TextDecoder gives for the file.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReadError('het bestand is geen geldige UTF-8-tekst');
  }
}

export function readTxt(bytes: Uint8Array): ReadDocument {
  return { pages: [{ text: decodeUtf8(bytes) }] };
}

/**
 * The main content of an HTML page, as the extension would scan it. DOMParser neither runs
 * scripts nor fetches anything: reading a saved page makes no network request.
 */
export async function readHtml(bytes: Uint8Array): Promise<ReadDocument> {
  const html = decodeUtf8(bytes);
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const index = buildTextIndex(findMainContent(doc), { exclude: isPageChrome });
    return { pages: [{ text: index.text }] };
  } finally {
    await window.happyDOM.close();
  }
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  // Loaded on demand: pdf.js is large, and .txt/.html scans should not pay for it.
  const { extractPdfPagesInNode, PdfError } = await import('../surface/pdf/node');
  const pages: { page: number; text: string; pageCount: number }[] = [];
  let overBudget = false;
  try {
    for await (const p of extractPdfPagesInNode(bytes)) pages.push({ page: p.page, text: p.text, pageCount: p.pageCount });
  } catch (e) {
    // Out of time after some pages (the same budget as the extension): keep them, and say so.
    if (!(e instanceof PdfError && e.kind === 'over-budget' && pages.length > 0)) throw e;
    overBudget = true;
  }
  if (pages.length === 0 || pages.every((p) => p.text.trim() === '')) {
    throw new ReadError('de PDF bevat geen tekstlaag (een scan?); zonder tekst kan er niets worden gevonden');
  }
  const doc: ReadDocument = { pages: pages.map((p) => ({ page: p.page, text: p.text })) };
  const pageCount = pages[0]?.pageCount ?? 0;
  if (overBudget) doc.warning = `niet volledig gelezen: het lezen duurde te lang en is na bladzijde ${pages.length} van ${pageCount} gestopt`;
  else if (pages.length < pageCount) doc.warning = `alleen de eerste ${pages.length} van ${pageCount} bladzijden zijn gescand (de PDF is te groot)`;
  return doc;
}
