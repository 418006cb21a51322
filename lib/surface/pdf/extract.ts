// Page-by-page text extraction over any pdf.js build (the modern one with a worker in the
// extension, the legacy one in Node). No DOM: it only talks to pdf.js' document API. A generator,
// so callers show the first pages' results while later pages are still being read, and can stop.
import { buildPageText, pageTextOnly, type PageTextMap, type TextItemLike } from './page-text';
import { fromPdfJsError, pdfErrors } from './errors';
import { budgetWith, type PdfBudget } from './budget';

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
  /**
   * Ends the document and its worker at once, without waiting. destroy() asks the worker to stop
   * and waits for its answer, which a worker busy unpacking a bomb never gives.
   */
  terminate?(): void;
}

/** Beyond this many pages Raadslens scans the first pages and says so (a 2 000-page bundle would take minutes). */
export const DEFAULT_MAX_PAGES = 1000;
/** And beyond this many characters (≈ 4 000 dense pages); keeps the panel's memory bounded. */
export const DEFAULT_MAX_CHARS = 8_000_000;

export interface ExtractOptions {
  signal?: AbortSignal;
  maxPages?: number;
  maxChars?: number;
  /** Time per page and per document (defaults: DEFAULT_PDF_BUDGET). */
  budget?: Partial<Pick<PdfBudget, 'pageMs' | 'documentMs'>>;
  /** For an open document: ends its worker when the budget runs out (a task brings its own). */
  terminate?: () => void;
  /** Only the text: no item map (nobody draws these pages; see pageTextOnly). */
  textOnly?: boolean;
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

/** A page as extractPages gives it with textOnly. */
type ExtractedText = Omit<ExtractedPage, 'map'>;

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

/** Resolves like `p`, or calls `over` and rejects with "over-budget" after `ms`. */
function withinBudget<T>(p: Promise<T>, ms: number, seconds: number, over: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      over();
      reject(pdfErrors.overBudget(seconds));
    }, Math.max(0, ms));
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Yields every page's text in order. Given a loading task, it owns it and destroys it at the end
 * (also on error, cancel or when the caller stops iterating); given an open document, it leaves
 * it open (the viewer renders from it). pdf.js errors come out as PdfError.
 *
 * Opening and each page must finish within the page budget, and all of it within the document
 * budget; past either the worker is ended (the task's terminate, or options.terminate) and a
 * PdfError "over-budget" is thrown after the pages read so far were yielded, so callers keep them.
 */
export function extractPages(source: PdfLoadingTaskLike | PdfDocumentLike, options: ExtractOptions & { textOnly: true }): AsyncGenerator<ExtractedText, void, undefined>;
export function extractPages(source: PdfLoadingTaskLike | PdfDocumentLike, options?: ExtractOptions): AsyncGenerator<ExtractedPage, void, undefined>;
export async function* extractPages(
  source: PdfLoadingTaskLike | PdfDocumentLike,
  options: ExtractOptions = {},
): AsyncGenerator<ExtractedText | ExtractedPage, void, undefined> {
  const { signal } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const task = isTask(source) ? source : null;
  const budget = budgetWith(options.budget);
  const started = performance.now();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    options.terminate?.();
    if (task?.terminate) task.terminate();
    // In-process (Node's fake worker) destroy() takes effect at pdf.js' next time slice.
    else if (task) void task.destroy().catch(() => {});
  };
  const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));
  const budgeted = <T>(p: Promise<T>) => {
    const left = budget.documentMs - (performance.now() - started);
    const ms = Math.min(budget.pageMs, left);
    return withinBudget(untilAborted(p, signal), ms, seconds(ms === left ? budget.documentMs : budget.pageMs), end);
  };
  /**
   * The same budget checked after the fact. In Node and in the panel's extraction workers pdf.js
   * runs in this thread and yields only to microtasks, so no timer fires while it reads a page:
   * there the budget stops the reading after the page that overran it (the command line can be
   * interrupted; an extraction worker is ended on time by the panel, see ./extraction.ts; the
   * viewer's pdf.js worker by the timer above).
   */
  const overrun = (since: number): number => {
    const now = performance.now();
    if (now - since > budget.pageMs) return budget.pageMs;
    if (now - started > budget.documentMs) return budget.documentMs;
    return 0;
  };
  const stopIfOverrun = (since: number) => {
    const over = overrun(since);
    if (!over) return;
    end();
    throw pdfErrors.overBudget(seconds(over));
  };
  try {
    let doc: PdfDocumentLike;
    try {
      doc = task ? await budgeted(task.promise) : (source as PdfDocumentLike);
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
      let extracted: ExtractedText | ExtractedPage;
      const since = performance.now();
      try {
        const content = await budgeted(next);
        if (page < pageLimit) {
          next = contentOf(page + 1);
          next.catch(() => {}); // awaited next round; if the caller stops first, the document is destroyed
        }
        const items = content.items as readonly TextItemLike[];
        if (options.textOnly) extracted = { page, pageCount, pageLimit, text: pageTextOnly(items), items: items.length };
        else {
          const { text, map } = buildPageText(items);
          extracted = { page, pageCount, pageLimit, text, map, items: items.length };
        }
      } catch (e) {
        throw fromPdfJsError(e);
      }
      chars += extracted.text.length;
      yield extracted;
      stopIfOverrun(since);
      if (chars >= maxChars && page < pageLimit) return;
    }
  } finally {
    if (task && !ended) await task.destroy().catch(() => {});
  }
}
