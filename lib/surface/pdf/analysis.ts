// A PDF's text analysed beside the panel rather than in it: the pages' text comes to the analysis
// — in the lane's extraction worker, from pdf.js in the same thread (./extraction.ts, the panel's
// way), or by message from a thread that extracted them (a test's, here) — and it runs scanPages
// as it is: matching per page, then the status reading of the whole
// document, the one step that took seconds of the panel's main thread on a long report. Results
// come back to the panel per page and at the end. Both sides are here, without browser APIs, so a
// test can join them without a worker; the lane's extraction worker (./extraction.ts) hosts the
// one side, its ExtractionLane holds the other.
import type { Analyser, AnalyserOptions } from '../../core/analyse';
import { fromPdfJsError, PdfError, pdfErrors, type PdfErrorKind } from './errors';
import type { PdfScanResult } from './result';
import { scanPages, type PageProgress, type ScannedPage, type ScanPagesOptions, type ScanTimes } from './scan';


export type ToAnalysis =
  | { kind: 'begin'; id: number; options: AnalyserOptions; url: string; title?: string }
  /** Pages in order, a few to a message (see PAGES_PER_MESSAGE). */
  | { kind: 'pages'; id: number; pages: ScannedPage[] }
  /**
   * The last page was sent; `overBudget`: reading stopped at the time budget (scanPages keeps what
   * was read).
   */
  | { kind: 'end'; id: number; overBudget?: boolean }
  /** Cancelled or failed in the panel: forget the document, answer nothing more about it. */
  | { kind: 'drop'; id: number };

export type FromAnalysis =
  /** The pages matched since the last message, in order: one message per batch the worker was given. */
  | { kind: 'pages'; id: number; progress: PageProgress[] }
  | { kind: 'done'; id: number; result: PdfScanResult; times?: ScanTimes }
  | { kind: 'error'; id: number; error: PdfErrorKind };

/** How one document's text is analysed: in the panel's thread or in the worker. */
export type PageAnalysis = (pages: AsyncIterable<ScannedPage>, options: ScanPagesOptions & { signal?: AbortSignal }) => Promise<PdfScanResult>;

export function inThreadAnalysis(analyser: Analyser): PageAnalysis {
  return (pages, options) => scanPages(pages, analyser, options);
}

/**
 * Pages sent to the worker in one message at most, once the first pages went one by one (first
 * results at once): each message is a task on both threads and its progress reply another, and
 * a meeting's 2,000 pages one by one cost the panel's main thread more than the pages' text.
 */
export const PAGES_PER_MESSAGE = 8;
/** A batch not full after this long goes anyway (a slow page does not hold back the ones before it). */
export const BATCH_WAIT_MS = 50;

/** Pages as they arrive by message, for scanPages to iterate. */
class PageQueue implements AsyncIterable<ScannedPage> {
  private readonly pages: ScannedPage[] = [];
  private ended: { overBudget: boolean } | null = null;
  private wake: (() => void) | null = null;

  /** `idle`: called when every page received so far was taken, before waiting for more. */
  constructor(private readonly idle?: () => void) {}

  push(page: ScannedPage) {
    this.pages.push(page);
    this.wake?.();
  }

  /** The first end said holds (the worker's own and the panel's budget may both say one). */
  end(overBudget: boolean) {
    this.ended ??= { overBudget };
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ScannedPage> {
    for (;;) {
      const page = this.pages.shift();
      if (page) {
        yield page;
        continue;
      }
      if (this.ended) {
        // Its message is the panel's to word (see AnalysisClient): only the kind crosses back.
        if (this.ended.overBudget) throw new PdfError('over-budget', '');
        return;
      }
      this.idle?.();
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/**
 * The worker's side: one scanPages per document, as many as the panel reads at once. `analyserFor`
 * compiles (and keeps) the analyser for the reader's settings. With `nextTask` a document's status
 * reading runs in slices and ends at the first pause after its 'drop'.
 */
export function createAnalysisHost(
  post: (message: FromAnalysis) => void,
  analyserFor: (options: AnalyserOptions) => Analyser,
  /** A new task (the worker's): the status reading pauses in it, so a 'drop' is read and stops it. */
  nextTask?: () => Promise<void>,
): (message: ToAnalysis) => void {
  const docs = new Map<number, PageQueue>();
  const receive = (m: ToAnalysis) => {
    if (m.kind === 'begin') {
      // The pages' progress goes back once the pages received so far are matched: one reply per
      // batch, and at most one each BATCH_WAIT_MS after the first (pages that come one by one, from
      // an extraction worker, would make a reply each: a task of the panel's per page). The
      // document's first matches go at once: they are the reader's first results.
      let progress: PageProgress[] = [];
      let repliedAt = -Infinity;
      let found = false;
      let later: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        if (later !== null) clearTimeout(later);
        later = null;
        if (progress.length > 0 && live()) post({ kind: 'pages', id: m.id, progress });
        found ||= progress.some((p) => p.matches.length > 0);
        progress = [];
        repliedAt = performance.now();
      };
      const idle = () => {
        if (progress.length === 0) return;
        const wait = repliedAt + BATCH_WAIT_MS - performance.now();
        if (wait <= 0 || (!found && progress.some((p) => p.matches.length > 0))) flush();
        else later ??= setTimeout(flush, wait);
      };
      const queue = new PageQueue(idle);
      docs.set(m.id, queue);
      const live = () => docs.get(m.id) === queue;
      let times: ScanTimes | undefined;
      scanPages(queue, analyserFor(m.options), {
        url: m.url,
        title: m.title,
        onPage: (p) => void progress.push(p),
        onTimes: (t) => (times = t),
        ...(nextTask ? { readSlices: { pause: nextTask, stopped: () => !live() } } : {}),
      }).then(
        (result) => {
          flush();
          if (live()) post({ kind: 'done', id: m.id, result, ...(times ? { times } : {}) });
        },
        (e: unknown) => {
          flush();
          if (live()) post({ kind: 'error', id: m.id, error: e instanceof PdfError ? e.kind : 'unknown' });
        },
      ).finally(() => {
        if (live()) docs.delete(m.id);
      });
      return;
    }
    const queue = docs.get(m.id);
    if (!queue) return;
    if (m.kind === 'pages') m.pages.forEach((p) => queue.push(p));
    else if (m.kind === 'end') queue.end(!!m.overBudget);
    else {
      docs.delete(m.id);
      // Ends its scanPages without a result (nobody listens any more).
      queue.end(false);
    }
  };
  return receive;
}

/** A document analysed from pages another thread sends (AnalysisClient.fed). */
interface FedDocument {
  id: number;
  result: Promise<PdfScanResult>;
  /** Cancelled or failed before its pages were all sent: the worker forgets it. */
  fail(error: unknown): void;
  /** The writer said an over-budget end itself: its error is the one the reader sees. */
  expectOverBudget(error: PdfError): void;
}

/** What the panel needs of a Worker (a test joins a host to it directly). */
export interface AnalysisPort {
  postMessage(message: ToAnalysis): void;
  onmessage: ((event: { data: FromAnalysis }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate?(): void;
}

interface Waiting {
  onPage?: (progress: PageProgress) => void;
  onTimes?: (times: ScanTimes) => void;
  resolve(result: PdfScanResult): void;
  reject(error: unknown): void;
  /** The budget error the extraction threw: rethrown as it was when the worker finds no page to keep. */
  overBudget?: PdfError;
}

/**
 * The panel's side of an analysis host in a worker (a lane's: ExtractionLane.analysis).
 * `fed(…)`: the worker writes the pages itself; `analysis(options)` reads a document whose pages
 * go to the worker by message as another thread extracts them (text only), their matches
 * come back per page, the result once the status reading is done. The panel words the errors.
 */
export class AnalysisClient {
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();
  private broken = false;

  constructor(private readonly port: AnalysisPort) {
    port.onmessage = (e) => this.receive(e.data);
    port.onerror = (event) => {
      // A worker that failed to load or died: every document waiting on it fails, and the panel
      // starts another for the next (usable is false).
      this.broken = true;
      for (const [id, w] of this.waiting) {
        this.waiting.delete(id);
        w.reject(unknownError(event));
      }
      this.checkSettled();
    };
  }

  get usable(): boolean {
    return !this.broken;
  }

  /** Documents being analysed. */
  get busy(): number {
    return this.waiting.size;
  }

  private settled: Array<() => boolean> = [];
  /** Resolves once at most `n` documents are being analysed (at once if so already). */
  whenBusyAtMost(n: number): Promise<void> {
    if (this.waiting.size <= n || this.broken) return Promise.resolve();
    return new Promise((resolve) =>
      this.settled.push(() => {
        if (this.waiting.size > n && !this.broken) return false;
        resolve();
        return true;
      }),
    );
  }

  private checkSettled() {
    this.settled = this.settled.filter((check) => !check());
  }

  /** Ends the worker at once (a status reading under way included); documents still waiting are cancelled. */
  terminate(): void {
    this.broken = true;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    this.port.terminate?.();
    for (const w of waiting) w.reject(pdfErrors.cancelled());
    this.checkSettled();
  }

  /**
   * A document whose pages the worker's own thread writes into its analysis (the lane's
   * extraction, ./extraction.ts): its progress and result come here as for `analysis`; the writer
   * says the end.
   */
  fed(options: AnalyserOptions, scan: ScanPagesOptions & { signal?: AbortSignal }): FedDocument {
    const { id, waiting, result, mine, fail } = this.begin(options, scan);
    return {
      id,
      result,
      fail,
      expectOverBudget: (error) => {
        if (mine()) waiting.overBudget = error;
      },
    };
  }

  analysis(options: AnalyserOptions): PageAnalysis {
    return (pages, scan) => this.analyse(pages, options, scan);
  }

  /**
   * A document announced to the worker ('begin'), waiting for its result; `fail` forgets it on both sides. Cancelled while the
   * worker reads the statuses, the panel does not wait for it.
   */
  private begin(options: AnalyserOptions, scan: ScanPagesOptions & { signal?: AbortSignal }) {
    const id = ++this.next;
    let waiting!: Waiting;
    const result = new Promise<PdfScanResult>((resolve, reject) => {
      waiting = { onPage: scan.onPage, onTimes: scan.onTimes, resolve, reject };
    });
    result.catch(() => {}); // the caller may fail before it awaits the result
    this.waiting.set(id, waiting);
    const mine = () => this.waiting.get(id) === waiting;
    const fail = (e: unknown) => {
      if (!mine()) return;
      this.waiting.delete(id);
      this.post({ kind: 'drop', id });
      waiting.reject(e);
      this.checkSettled();
    };
    scan.signal?.addEventListener('abort', () => fail(pdfErrors.cancelled()), { once: true });
    this.post({ kind: 'begin', id, options, url: scan.url, ...(scan.title !== undefined ? { title: scan.title } : {}) });
    return { id, waiting, result, mine, fail };
  }

  private analyse(pages: AsyncIterable<ScannedPage>, options: AnalyserOptions, scan: ScanPagesOptions & { signal?: AbortSignal }): Promise<PdfScanResult> {
    const { id, waiting, result, mine, fail } = this.begin(options, scan);
    // Pages go in batches of 1, 2, 4, then PAGES_PER_MESSAGE, and a batch waits BATCH_WAIT_MS at most.
    let batch: ScannedPage[] = [];
    let sent = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (batch.length === 0 || !mine()) return;
      this.post({ kind: 'pages', id, pages: batch });
      sent += batch.length;
      batch = [];
    };
    void (async () => {
      try {
        for await (const p of pages) {
          if (!mine()) return;
          batch.push({ page: p.page, pageCount: p.pageCount, pageLimit: p.pageLimit, text: p.text });
          if (batch.length >= Math.min(PAGES_PER_MESSAGE, sent + 1)) {
            flush();
            await scan.yieldTask?.();
          } else timer ??= setTimeout(flush, BATCH_WAIT_MS);
        }
        flush();
        this.post({ kind: 'end', id });
      } catch (e) {
        flush();
        if (e instanceof PdfError && e.kind === 'over-budget' && mine()) {
          waiting.overBudget = e;
          this.post({ kind: 'end', id, overBudget: true });
        } else fail(e);
      }
    })();
    return result;
  }

  private post(message: ToAnalysis) {
    if (!this.broken) this.port.postMessage(message);
  }

  private receive(m: FromAnalysis) {
    const w = this.waiting.get(m.id);
    if (!w) return;
    if (m.kind === 'pages') {
      for (const p of m.progress) w.onPage?.(p);
      return;
    }
    this.waiting.delete(m.id);
    this.checkSettled();
    if (m.kind === 'done') {
      if (m.times) w.onTimes?.(m.times);
      w.resolve(m.result);
    }
    else w.reject(m.error === 'over-budget' && w.overBudget ? w.overBudget : m.error === 'no-text' ? pdfErrors.noText() : unknownError(m.error));
  }
}

/** The worker failed in a way the reader cannot act on: pdf.js' "unknown" wording, the cause kept. */
function unknownError(cause: unknown): PdfError {
  return fromPdfJsError(cause);
}
