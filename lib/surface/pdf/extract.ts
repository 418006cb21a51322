// Page-by-page text extraction over any pdf.js build (the modern one with a worker in the
// extension, the legacy one in Node). No DOM: it only talks to pdf.js' document API. A generator,
// so callers show the first pages' results while later pages are still being read, and can stop.
import { buildPageText, type PageTextMap, type TextItemLike } from './page-text';
import { fromPdfJsError, pdfErrors } from './errors';

export interface PdfPageLike {
  /** Items are TextItem or TextMarkedContent; buildPageText tells them apart. */
  getTextContent(): Promise<{ items: readonly object[] }>;
  cleanup?(): unknown;
}
export interface PdfDocumentLike {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageLike>;
}
/** What pdf.js' getDocument() returns. */
export interface PdfLoadingTaskLike {
  promise: Promise<PdfDocumentLike>;
  destroy(): Promise<void>;
}

/** Beyond this many pages Raadslens scans the first pages and says so (a 2 000-page bundle would take minutes). */
export const DEFAULT_MAX_PAGES = 1000;
/** And beyond this many characters (≈ 4 000 dense pages); keeps the panel's memory bounded. */
export const DEFAULT_MAX_CHARS = 8_000_000;

export interface ExtractOptions {
  signal?: AbortSignal;
  maxPages?: number;
  maxChars?: number;
}

export interface ExtractedPage {
  /** 1-based, as pdf.js and readers number pages. */
  page: number;
  /** Pages in the document. */
  pageCount: number;
  /** Pages that will be read (pageCount, or the limit). */
  pageLimit: number;
  text: string;
  map: PageTextMap;
  /** Text items on the page (0 on a scanned page). */
  items: number;
}

function isTask(source: PdfLoadingTaskLike | PdfDocumentLike): source is PdfLoadingTaskLike {
  return 'promise' in source && typeof (source as PdfLoadingTaskLike).destroy === 'function';
}

/** Resolves like `p`, or rejects with "cancelled" as soon as `signal` aborts. */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => {}); // destroyed with the document; nobody waits for it any more
    return Promise.reject(pdfErrors.cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(pdfErrors.cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Yields every page's text in order. Given a loading task, it owns it and destroys it at the end
 * (also on error, cancel or when the caller stops iterating); given an open document, it leaves
 * it open (the viewer renders from it). pdf.js errors come out as PdfError.
 */
export async function* extractPages(
  source: PdfLoadingTaskLike | PdfDocumentLike,
  options: ExtractOptions = {},
): AsyncGenerator<ExtractedPage, void, undefined> {
  const { signal } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const task = isTask(source) ? source : null;
  try {
    let doc: PdfDocumentLike;
    try {
      doc = task ? await untilAborted(task.promise, signal) : (source as PdfDocumentLike);
    } catch (e) {
      throw fromPdfJsError(e);
    }
    const pageCount = doc.numPages;
    const pageLimit = Math.min(pageCount, maxPages);
    const contentOf = async (n: number) => {
      const p = await doc.getPage(n);
      const content = await p.getTextContent();
      // Drop pdf.js' per-page caches (fonts, operator lists): a long document would keep them all.
      p.cleanup?.();
      return content;
    };
    // One page ahead: the worker parses page n+1 while this thread rebuilds and matches page n.
    let next = contentOf(1);
    let chars = 0;
    for (let page = 1; page <= pageLimit; page++) {
      let extracted: ExtractedPage;
      try {
        const content = await untilAborted(next, signal);
        if (page < pageLimit) {
          next = contentOf(page + 1);
          next.catch(() => {}); // awaited next round; if the caller stops first, the document is destroyed
        }
        const { text, map } = buildPageText(content.items as readonly TextItemLike[]);
        extracted = { page, pageCount, pageLimit, text, map, items: content.items.length };
      } catch (e) {
        throw fromPdfJsError(e);
      }
      chars += extracted.text.length;
      yield extracted;
      if (chars >= maxChars && page < pageLimit) return;
    }
  } finally {
    if (task) await task.destroy().catch(() => {});
  }
}
