// A PDF's pages extracted off the panel's main thread: one "extraction worker" per lane runs
// pdf.js' display API in its own thread (pdf.js' fake worker: parsing and getTextContent in one
// thread, no hop between them), builds each page's text there and analyses it there too
// (./analysis.ts' host: matching per page, the status reading per document). The panel only
// fetches (and transfers the bytes) and renders what the analysis sends back. On the panel's thread,
// pdf.js' own side, its messages and the pages' hand-over had cost ~2 s CPU over a meeting of 40
// PDFs that bare pdf.js spends ~1.2 s on (issue 17, target 5).
//
// A worker busy in pdf.js runs no timer and reads no message until its document is done (pdf.js
// in-thread only yields to microtasks): the time budget is kept by the panel, which ends the
// worker on time (a lane makes a new one) and words the error as extract.ts does; the pages read
// so far end with the worker. Cancelling ends the worker as well. Both sides are here without browser APIs,
// so tests join them without threads; extraction.worker.ts and browser.ts wire real ones.
import type { Analyser, AnalyserOptions } from '../../core/analyse';
import { AnalysisClient, BATCH_WAIT_MS, createAnalysisHost, type AnalysisPort, type FromAnalysis, PAGES_PER_MESSAGE, type ToAnalysis } from './analysis';
import { budgetWith, type PdfBudget } from './budget';
import { fromPdfJsError, PdfError, pdfErrorOf, pdfErrors, type PdfErrorKind } from './errors';
import { extractPages, untilAborted, type ExtractOptions, type PdfLoadingTaskLike } from './extract';
import { idleTimer, type IdleTimer } from './idle-timer';
import type { PdfScanResult } from './result';
import { LIVE_MATCHES, scanPages, type ScannedPage, type ScanPagesOptions } from './scan';
import { warmPdf } from './warm-pdf';

export type ToExtraction =
  | {
      kind: 'read';
      id: number;
      /** The PDF file, transferred. */
      bytes: ArrayBuffer;
      maxPages?: number;
      maxChars?: number;
      budget?: Partial<Pick<PdfBudget, 'pageMs' | 'documentMs'>>;
    }
  /**
   * For the analysis in this worker (./analysis.ts' protocol, as it is): on the same channel as
   * 'read', so a document's 'begin' is always there before its first page.
   */
  | { kind: 'analysis'; message: ToAnalysis }
  /**
   * Before the first document: compile the analyser for these settings and read a page of our
   * own (./warm-pdf.ts) through pdf.js and the analysis, answering nothing, so the reader's first
   * document does not pay for the first call of every function on its way (see warmUp).
   */
  | { kind: 'warm'; options: AnalyserOptions };

export type FromExtraction =
  /** Opened (after the unpack check): the page budget's clock starts again. */
  | { kind: 'opened'; id: number; pageCount: number; openMs: number }
  /** `pages` pages (in all) read and handed to the analysis. */
  | { kind: 'sent'; id: number; pages: number }
  /** Every page read was handed on, and the end said. */
  | { kind: 'extracted'; id: number; pages: number }
  /** `pages` were handed on before it (an over-budget end was said to the analysis when pages > 0). */
  | { kind: 'error'; id: number; error: PdfErrorKind; figure?: number; pages: number }
  /** The analysis' answer (its own 'error' is not the extraction's). */
  | { kind: 'analysis'; message: FromAnalysis };

/**
 * The worker's side: reads one document per 'read', as extract.ts does for the panel today (its
 * page text, limits and after-the-fact budget), and analyses it in this thread: each page goes to
 * the analysis host (./analysis.ts, the same code a worker of its own ran before) as soon as it
 * is read, by reference — no copy of its text to another isolate — and the host answers the
 * panel with the matches and the result. A thread fewer than an analysis worker of its own: its
 * isolate compiled the matcher and status reading apart from pdf.js, and every page's text was
 * structured-cloned twice on its way (issue 17, target 5). The panel hears of the pages read in
 * batches (1, 2, 4, then PAGES_PER_MESSAGE, or at the first page after BATCH_WAIT_MS), which keep
 * its page budget's clock. `open` makes the loading task (unpack check first); `analyserFor`
 * compiles (and keeps) the analyser for the reader's settings.
 */
export function createExtractionHost(
  post: (message: FromExtraction) => void,
  open: (bytes: Uint8Array) => Promise<PdfLoadingTaskLike>,
  analyserFor: (options: AnalyserOptions) => Analyser,
  nextTask?: () => Promise<void>,
  now: () => number = () => performance.now(),
): (message: ToExtraction) => Promise<void> {
  const live = liveProgress();
  const analyse = createAnalysisHost((message) => post({ kind: 'analysis', message: live(message) }), analyserFor, nextTask);
  /** The warm-up under way: a document waits for it rather than share the thread with it. */
  let warming: Promise<void> = Promise.resolve();
  /** A document arrived: the warm-up stops at its next step (what it compiled so far stays). */
  let wanted = false;
  return async (m) => {
    if (m.kind === 'analysis') return analyse(m.message);
    if (m.kind === 'warm') {
      // A document came first (a click before the panel's idle moment): nothing left to warm, and
      // the warm-up would only share the thread with its pages.
      if (wanted) return;
      warming = warming.then(() => warmUp(open, analyserFor(m.options), () => wanted, nextTask));
      return warming;
    }
    wanted = true;
    await warming;
    const { id } = m;
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
        analyse({ kind: 'pages', id, pages: [{ page: p.page, pageCount: p.pageCount, pageLimit: p.pageLimit, text: p.text }] });
        sent++;
        if (sent - told >= Math.min(PAGES_PER_MESSAGE, told + 1) || now() - toldAt >= BATCH_WAIT_MS) tell();
        // A task per page: pdf.js in this thread yields only to microtasks, so a whole document
        // was one task, and the browser ends a worker that the panel terminates (cancel, budget)
        // at its next task, or forcibly seconds later: it went on reading beside the panel.
        await nextTask?.();
      }
      // The panel hears 'extracted' first: the status reading starts after this task's code.
      analyse({ kind: 'end', id });
      post({ kind: 'extracted', id, pages: sent });
    } catch (e) {
      const error = fromPdfJsError(e);
      // The pages read are kept (scanPages marks the result incomplete), as in extract.ts.
      if (error.kind === 'over-budget' && sent > 0) analyse({ kind: 'end', id, overBudget: true });
      // Only the kind (and its number) crosses: the panel words it in the reader's language.
      post({ kind: 'error', id, error: error.kind, ...(error.figure !== undefined ? { figure: error.figure } : {}), pages: sent });
    }
  };
}

/**
 * The analysis' page progress cut to what the panel shows while a document is read: its first
 * `limit` streamed matches, and of the rest only how many each page had (`found`). Every match
 * comes again in the document's result; the streamed copies beyond the first hundred were
 * structured-cloned here and in the panel only to be counted (meeting bench: 13,336 streamed
 * matches, 5 MB of the panel's garbage per meeting, 3.2 MB of it from the three long reports).
 */
export function liveProgress(limit = LIVE_MATCHES): (message: FromAnalysis) => FromAnalysis {
  const sent = new Map<number, number>();
  return (m) => {
    if (m.kind !== 'pages') {
      sent.delete(m.id);
      return m;
    }
    let n = sent.get(m.id) ?? 0;
    const progress = m.progress.map((p) => {
      const room = Math.max(0, limit - n);
      n += Math.min(room, p.matches.length);
      return p.matches.length <= room ? p : { ...p, matches: p.matches.slice(0, room), found: p.matches.length };
    });
    sent.set(m.id, n);
    return { ...m, progress };
  };
}

/**
 * Reads ./warm-pdf.ts' page as a document is read (open, extractPages, scanPages) and drops the
 * result. V8 compiles a function at its first call and pdf.js builds its glyph and encoding
 * tables at their first use: the reader's first document found all of it to do, ~45 ms of this
 * thread before its first page's matches (meeting bench trace). Nothing is kept that a later
 * document reads: the analyser was compiled for the settings anyway, and pdf.js' tables are the
 * same for every document. Between its steps it gives way (a task of its own, `nextTask`) and
 * stops once `stop()` says a document came: a click right after the panel opened waits at most
 * for the step under way. A failure only means no head start.
 */
async function warmUp(open: (bytes: Uint8Array) => Promise<PdfLoadingTaskLike>, analyser: Analyser, stop: () => boolean, nextTask?: () => Promise<void>): Promise<void> {
  try {
    await nextTask?.();
    if (stop()) return;
    const pages: ScannedPage[] = [];
    for await (const p of extractPages(await open(warmPdf()), { textOnly: true })) pages.push(p);
    await nextTask?.();
    if (stop()) return;
    await scanPages(
      (async function* () {
        yield* pages;
      })(),
      analyser,
      { url: '', title: '' },
    );
  } catch {
    // The first document compiles what is missing.
  }
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
 * time, and `analysis`, the client of the analysis in that worker. `destroy` ends the worker at
 * once, mid-page or mid-reading of the statuses included.
 */
export class ExtractionLane {
  private reading: Reading | null = null;
  private ended = false;
  private readonly analysisPort: AnalysisPort;
  readonly analysis: AnalysisClient;

  constructor(private readonly port: ExtractionPort) {
    this.analysisPort = {
      onmessage: null,
      postMessage: (message) => port.postMessage({ kind: 'analysis', message }, []),
      terminate: () => this.destroy(),
    };
    this.analysis = new AnalysisClient(this.analysisPort);
    port.onmessage = (e) => {
      const m = e.data;
      // pdf.js' worker module greets its own page when loaded ("ready"): not ours.
      if (typeof m !== 'object' || m === null || !('kind' in m)) return;
      if (m.kind === 'analysis') this.analysisPort.onmessage?.({ data: m.message });
      else if (this.reading && m.id === this.reading.id) this.reading.on(m);
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
    // Documents whose statuses were being read there are cancelled with it.
    this.analysis.terminate();
  }

  /** Has the worker read a page of its own and compile the analyser for `options` (see warmUp) before the first document. */
  warm(options: AnalyserOptions): void {
    if (!this.ended) this.port.postMessage({ kind: 'warm', options }, []);
  }

  /** Sends the document; `on` hears its messages until it is extracted or failed (resolves or rejects). */
  read(request: Extract<ToExtraction, { kind: 'read' }>, transfer: unknown[], on: (m: FromExtraction) => void): Promise<void> {
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

interface OffThreadOptions extends Pick<ExtractOptions, 'signal' | 'maxPages' | 'maxChars' | 'budget'>, Pick<ScanPagesOptions, 'url' | 'title' | 'onPage' | 'onTimes'> {
  analyser: AnalyserOptions;
  /** Every page was read (or the reading stopped): the lane may take its next document's bytes. */
  onExtracted?: () => void;
}

interface OffThreadResult {
  result: PdfScanResult;
  /** The unpack check and opening, in the extraction worker. */
  openMs: number;
  /** performance.now() when the last page was handed on (0 if never). */
  extractedAt: number;
  /** performance.now() when the document went to the lane's worker (after the document before was analysed). */
  postedAt: number;
}

/**
 * One document read off the panel's thread: `bytes` (transferred; the caller must not use them
 * after) to the lane's worker, which extracts and analyses it (see createExtractionHost). The
 * page and document budgets run here: past either the lane's worker is ended, and with it the
 * pages it had read, so the Dutch over-budget error is thrown (an overrun the worker sees itself,
 * after a page, still makes a result of the pages read, marked incomplete).
 */
export async function readOffThread(lane: ExtractionLane, bytes: Uint8Array, options: OffThreadOptions): Promise<OffThreadResult> {
  const budget = budgetWith(options.budget);
  const { analysis } = lane;
  // The worker reads the statuses of the document before in the same thread: its page budget's
  // clock starts once that is done, not while this document's 'read' waits behind it.
  await untilAborted(analysis.whenBusyAtMost(0), options.signal);
  const doc = analysis.fed(options.analyser, { url: options.url, title: options.title, onPage: options.onPage, onTimes: options.onTimes, signal: options.signal });
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
      { kind: 'read', id: doc.id, bytes: buffer as ArrayBuffer, maxPages: options.maxPages, maxChars: options.maxChars, budget: options.budget },
      [buffer],
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
    // Ended from here, the worker took the pages read with it.
    if (error.kind !== 'over-budget' || sent === 0 || over) {
      doc.fail(error);
      throw error;
    }
    // The worker said the end itself after an overrun it saw: its pages make the result.
    doc.expectOverBudget(error);
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
