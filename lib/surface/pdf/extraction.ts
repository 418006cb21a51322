// A PDF's pages extracted off the panel's main thread: one "extraction worker" per lane runs
// pdf.js' display API in its own thread (pdf.js' fake worker: parsing and getTextContent in one
// thread, no hop between them), builds each page's text there and hands the pages straight to
// the analysis worker through a MessageChannel port. The panel only fetches (and transfers the
// bytes), starts the two ends and renders what the analysis sends back. On the panel's thread,
// pdf.js' own side, its messages and the pages' hand-over had cost ~2 s CPU over a meeting of 40
// PDFs that bare pdf.js spends ~1.2 s on (issue 17, target 5).
//
// A worker busy in pdf.js runs no timer and reads no message until its document is done (pdf.js
// in-thread only yields to microtasks): the time budget is kept by the panel, which ends the
// worker on time (a lane makes a new one), keeps the pages read so far and words the error as
// extract.ts does; cancelling ends the worker as well. Both sides are here without browser APIs,
// so tests join them without threads; extraction.worker.ts and browser.ts wire real ones.
import type { AnalyserOptions } from '../../core/analyse';
import { BATCH_WAIT_MS, type AnalysisClient, PAGES_PER_MESSAGE, type PagePort, type ToAnalysis } from './analysis';
import { budgetWith, type PdfBudget } from './budget';
import { fromPdfJsError, PdfError, pdfErrorOf, pdfErrors, type PdfErrorKind } from './errors';
import { extractPages, untilAborted, type ExtractOptions, type PdfLoadingTaskLike } from './extract';
import { idleTimer, type IdleTimer } from './idle-timer';
import type { PdfScanResult } from './result';
import type { ScanPagesOptions } from './scan';

/** The writing end of a document's channel to the analysis worker. */
export interface PageSink {
  postMessage(message: ToAnalysis): void;
  close?(): void;
}

export type ToExtraction = {
  kind: 'read';
  id: number;
  /** The PDF file, transferred. */
  bytes: ArrayBuffer;
  /** Where the pages go: the analysis worker's end of this document's channel holds the other. */
  pages: PageSink;
  maxPages?: number;
  maxChars?: number;
  budget?: Partial<Pick<PdfBudget, 'pageMs' | 'documentMs'>>;
};

export type FromExtraction =
  /** Opened (after the unpack check): the page budget's clock starts again. */
  | { kind: 'opened'; id: number; pageCount: number; openMs: number }
  /** `pages` pages (in all) handed to the analysis worker. */
  | { kind: 'sent'; id: number; pages: number }
  /** Every page read was handed on, and the end said. */
  | { kind: 'extracted'; id: number; pages: number }
  /** `pages` were handed on before it (an over-budget end was said to the analysis when pages > 0). */
  | { kind: 'error'; id: number; error: PdfErrorKind; figure?: number; pages: number };

/**
 * The worker's side: reads one document per 'read', as extract.ts does for the panel today (its
 * page text, limits and after-the-fact budget). Each page goes to the analysis worker as soon as
 * it is read: a page held back for a batch would be lost when the panel ends this worker at the
 * budget, and no timer runs here to send a batch while pdf.js reads the next page. The panel
 * hears of them in batches as AnalysisClient sent them (1, 2, 4, then PAGES_PER_MESSAGE, or at
 * the first page after BATCH_WAIT_MS). `open` makes the loading task (unpack check first).
 */
export function createExtractionHost(
  post: (message: FromExtraction) => void,
  open: (bytes: Uint8Array) => Promise<PdfLoadingTaskLike>,
  nextTask?: () => Promise<void>,
  now: () => number = () => performance.now(),
): (message: ToExtraction) => Promise<void> {
  return async (m) => {
    if (m.kind !== 'read') return;
    const { id, pages: sink } = m;
    let sent = 0;
    let told = 0;
    let toldAt = 0;
    const tell = () => {
      if (told === sent) return;
      told = sent;
      toldAt = now();
      post({ kind: 'sent', id, pages: sent });
    };
    const started = now();
    const options: ExtractOptions & { textOnly: true } = { textOnly: true, maxPages: m.maxPages, maxChars: m.maxChars, budget: m.budget };
    try {
      const task = await open(new Uint8Array(m.bytes));
      // extractPages awaits the same promise (within its budget); this only tells the panel.
      void task.promise.then(
        (doc) => {
          toldAt = now();
          post({ kind: 'opened', id, pageCount: doc.numPages, openMs: toldAt - started });
        },
        () => {},
      );
      for await (const p of extractPages(task, options)) {
        sink.postMessage({ kind: 'pages', id, pages: [{ page: p.page, pageCount: p.pageCount, pageLimit: p.pageLimit, text: p.text }] });
        sent++;
        if (sent - told >= Math.min(PAGES_PER_MESSAGE, told + 1) || now() - toldAt >= BATCH_WAIT_MS) tell();
        // A task per page: pdf.js in this thread yields only to microtasks, so a whole document
        // was one task, and the browser ends a worker that the panel terminates (cancel, budget)
        // at its next task, or forcibly seconds later: it went on reading beside the panel.
        await nextTask?.();
      }
      sink.postMessage({ kind: 'end', id });
      post({ kind: 'extracted', id, pages: sent });
    } catch (e) {
      const error = fromPdfJsError(e);
      // The pages read are kept (scanPages marks the result incomplete), as in extract.ts.
      if (error.kind === 'over-budget' && sent > 0) sink.postMessage({ kind: 'end', id, overBudget: true });
      // Only the kind (and its number) crosses: the panel words it in the reader's language.
      post({ kind: 'error', id, error: error.kind, ...(error.figure !== undefined ? { figure: error.figure } : {}), pages: sent });
    } finally {
      sink.close?.();
    }
  };
}

/** What the panel needs of the extraction Worker. */
export interface ExtractionPort {
  postMessage(message: ToExtraction, transfer: unknown[]): void;
  onmessage: ((event: { data: FromExtraction }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate(): void;
}

interface Reading {
  id: number;
  on: (m: FromExtraction) => void;
  reject(e: unknown): void;
}

/**
 * The panel's side of one extraction worker: a lane's resource (ScanPool), one document at a
 * time. `destroy` ends the worker at once, mid-page included.
 */
export class ExtractionLane {
  private reading: Reading | null = null;
  private ended = false;

  constructor(private readonly port: ExtractionPort) {
    port.onmessage = (e) => {
      const m = e.data;
      // pdf.js' worker module greets its own page when loaded ("ready"): not ours.
      if (this.reading && typeof m === 'object' && m !== null && 'kind' in m && m.id === this.reading.id) this.reading.on(m);
    };
    port.onerror = (event) => {
      // Failed to load or died: the document fails, and the lane makes another worker.
      const r = this.reading;
      this.destroy();
      r?.reject(fromPdfJsError(event));
    };
  }

  get destroyed(): boolean {
    return this.ended;
  }

  destroy(): void {
    if (this.ended) return;
    this.ended = true;
    this.port.terminate();
    const r = this.reading;
    this.reading = null;
    r?.reject(pdfErrors.cancelled());
  }

  /** Sends the document; `on` hears its messages until it is extracted or failed (resolves or rejects). */
  read(request: ToExtraction, transfer: unknown[], on: (m: FromExtraction) => void): Promise<void> {
    if (this.ended) return Promise.reject(pdfErrors.cancelled());
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        if (this.reading === reading) this.reading = null;
      };
      const reading: Reading = {
        id: request.id,
        on: (m) => {
          on(m);
          if (m.kind === 'extracted') (done(), resolve());
          else if (m.kind === 'error') (done(), reject(pdfErrorOf(m.error, m.figure)));
        },
        reject: (e) => (done(), reject(e)),
      };
      this.reading = reading;
      this.port.postMessage(request, transfer);
    });
  }
}

/**
 * Documents the analysis worker may still be busy with when the lane's worker starts the next.
 * One held the extraction worker idle while a long report had its statuses read (1.3 s for 418
 * pages under load): the short documents after it were extracted and the next one waited. In the
 * meeting bench's trace (MEETING_GAPS, 2,000 pages, load 8-14, 3 alternating pairs) that was
 * the largest cause of the extraction's idle time, 1.6-2.9 s; with four, 0.3-0.6 s. What waits
 * in the analysis worker is those documents' text, each within the extraction's character limit
 * (DEFAULT_MAX_CHARS); the meeting's added memory did not rise beyond its spread.
 */
const ANALYSIS_BEHIND = 4;

/** A document's channel: one end for the analysis worker, the other for the extraction worker. */
interface PageChannel {
  analysis: PagePort;
  extraction: PageSink;
}

interface OffThreadOptions extends Pick<ExtractOptions, 'signal' | 'maxPages' | 'maxChars' | 'budget'>, Pick<ScanPagesOptions, 'url' | 'title' | 'onPage' | 'onTimes'> {
  analyser: AnalyserOptions;
  /** Every page was read (or the reading stopped): the lane is free while the status reading goes on. */
  onExtracted?: () => void;
}

interface OffThreadResult {
  result: PdfScanResult;
  /** The unpack check and opening, in the extraction worker. */
  openMs: number;
  /** performance.now() when the last page was handed on (0 if never). */
  extractedAt: number;
  /** performance.now() when the document went to the lane's worker (after waiting for the analysis to catch up). */
  postedAt: number;
}

/**
 * One document read off the panel's thread: `bytes` (transferred; the caller must not use them
 * after) to the lane's worker, its pages to the analysis worker through `channel`. The page and
 * document budgets run here: past either the lane's worker is ended and the pages handed on so far
 * make the result (marked incomplete), or, with none, the Dutch over-budget error is thrown. The
 * analysis waits for the pages the worker told of; pages it sent after telling are on their way
 * already (sent long before the panel's end) and are taken too.
 */
export async function readOffThread(lane: ExtractionLane, analysis: AnalysisClient, bytes: Uint8Array, channel: PageChannel, options: OffThreadOptions): Promise<OffThreadResult> {
  const budget = budgetWith(options.budget);
  // The extraction goes ahead of the analysis by a few documents at most (ANALYSIS_BEHIND).
  await untilAborted(analysis.whenBusyAtMost(ANALYSIS_BEHIND), options.signal);
  const doc = analysis.fed(options.analyser, { url: options.url, title: options.title, onPage: options.onPage, onTimes: options.onTimes, signal: options.signal }, channel.analysis);
  let sent = 0;
  let openMs = 0;
  let extractedAt = 0;
  let postedAt = 0;
  let over: PdfError | null = null;
  const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));
  let stopReading: (e: PdfError) => void = () => {};
  const overBudget = (seconds: number) => {
    over = pdfErrors.overBudget(seconds);
    lane.destroy();
    stopReading(over);
  };
  // A page's time runs from the last word of the worker; pages it told of together (within
  // BATCH_WAIT_MS) count against the page after them, so the panel gives that much more.
  let pageClock: IdleTimer | null = null;
  const docTimer = setTimeout(() => overBudget(seconds(budget.documentMs)), budget.documentMs);
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  try {
    pageClock = idleTimer(budget.pageMs + BATCH_WAIT_MS, () => overBudget(seconds(budget.pageMs)));
    postedAt = now();
    const reading = lane.read(
      { kind: 'read', id: doc.id, bytes: buffer as ArrayBuffer, pages: channel.extraction, maxPages: options.maxPages, maxChars: options.maxChars, budget: options.budget },
      [buffer, channel.extraction],
      (m) => {
        if (m.kind === 'opened') openMs = m.openMs;
        if (m.kind === 'sent' || m.kind === 'extracted' || m.kind === 'error') sent = m.pages;
        if (m.kind === 'sent' || m.kind === 'extracted') extractedAt = now();
        pageClock?.touch();
      },
    );
    await untilAborted(
      new Promise<void>((resolve, reject) => {
        stopReading = reject;
        reading.then(resolve, reject);
      }),
      options.signal,
    );
  } catch (e) {
    const error = over ?? (e instanceof PdfError ? e : fromPdfJsError(e));
    if (error.kind !== 'over-budget' || sent === 0) {
      doc.fail(error);
      throw error;
    }
    // The worker said the end itself after an overrun it saw; ended from here, the analysis
    // waits for the pages the worker said it handed on.
    if (over) doc.overBudget(error, sent);
    else doc.expectOverBudget(error);
  } finally {
    clearTimeout(docTimer);
    pageClock?.stop();
    options.onExtracted?.();
  }
  return { result: await doc.result, openMs, extractedAt, postedAt };
}

function now(): number {
  return performance.now();
}
