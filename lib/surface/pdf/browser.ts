// pdf.js in extension pages (side panel, PDF viewer): the modern build with its worker as a
// file inside the extension, so no remote code and the default CSP. The side panel's scans read
// in extraction workers (pdf.js loaded there, see ./extraction.ts); the viewer, and the panel
// only where it has no workers, load pdf.js here. Never import this from the service worker or a
// content script (no nested workers there, and a content script would load the worker cross-origin).
import type * as PdfJs from 'pdfjs-dist';
import { pdfFetchAllowed } from '../../extension/settings/managed';
import { pdfCache } from './cache';
import { pdfErrors } from './errors';
import { checkUnpackedSize, MAX_IMAGE_PIXELS } from './budget';
import { decoderUrl } from './decoders';
import { extractPages, type ExtractOptions, type PdfLoadingTaskLike } from './extract';
import { fetchPdf, headValidators, sameVersion, type FetchOptions } from './fetch';
import type { PdfScanResult } from './result';
import type { PageProgress, ScanTimes } from './scan';
import type { PageAnalysis } from './analysis';
import type { AnalyserOptions } from '../../core/analyse';
import { ExtractionLane, readOffThread, type ExtractionPort } from './extraction';

const PDF_SCAN_MEASURE = 'raadslens:pdf-scan';

let loaded: Promise<typeof PdfJs> | null = null;
let ready: typeof PdfJs | null = null;

/** pdf.js, loaded on first use (it is ~450 KB; the viewer loads it when it opens a PDF). */
export function loadPdfJs(): Promise<typeof PdfJs> {
  // The polyfill before pdf.js (it calls Map.prototype.getOrInsertComputed; see ./map-upsert.ts);
  // the worker is ./pdf-worker.ts, which loads it before pdf.js' own worker.
  loaded ??= import('./map-upsert')
    .then(() => Promise.all([import('pdfjs-dist'), import('./pdf-worker?worker&url')]))
    .then(([pdfjs, worker]) => {
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      ready = pdfjs;
      return pdfjs;
    });
  return loaded;
}

/**
 * A lane's extraction worker (./extraction.ts): pdf.js and its parser in a thread of their own,
 * loaded there (the panel's thread never loads pdf.js for a scan), with the analysis of the pages
 * it reads (`lane.analysis`). Made ahead of the first document.
 */
export function newExtractionLane(): ExtractionLane {
  const worker = new Worker(new URL('./extraction.worker.ts', import.meta.url), { type: 'module', name: 'raadslens-extraction' });
  return new ExtractionLane(worker as unknown as ExtractionPort);
}

/** A loading task with its own worker, which terminate() ends at once (see PdfLoadingTaskLike). */
export type OwnedLoadingTask = PdfJs.PDFDocumentLoadingTask & { terminate(): void };

/** A pdf.js worker as a lane keeps it between documents. */
type PdfWorkerLike = Pick<PdfJs.PDFWorker, 'destroy' | 'destroyed'>;

/**
 * A loading task for `bytes`, after the check that no stream unpacks beyond the memory budget.
 * WebAssembly is off: the default extension CSP forbids it, and text needs none of it. Scanned
 * pages in JPEG 2000 or JBIG2 are drawn by pdf.js' JS decoders, which its worker imports from
 * inside the extension (`wasmUrl` names their folder). Each document gets a worker of its own or
 * of its lane (`lane`, reused between documents one after another), so ending one (a bomb, a page
 * past its time, a cancel) never stops another document's reading; a lane whose worker was ended
 * makes a new one.
 */
export async function openPdf(bytes: Uint8Array, lane?: () => PdfWorkerLike): Promise<OwnedLoadingTask> {
  const pdfjs = await loadPdfJs();
  await checkUnpackedSize(bytes);
  const shared = lane?.() as PdfJs.PDFWorker | undefined;
  const worker = shared ?? new pdfjs.PDFWorker();
  const task = pdfjs.getDocument({
    data: bytes,
    worker,
    useWasm: false,
    wasmUrl: decoderUrl(globalThis.location.href),
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  const destroy = task.destroy.bind(task);
  return Object.assign(task, {
    // A worker passed in is not the task's: it is ended here, after the document, unless the
    // lane keeps it. An ended worker never answers the task's goodbye, so nobody waits for it.
    destroy: () => {
      if (worker.destroyed) {
        void destroy().catch(() => {});
        return Promise.resolve();
      }
      return shared ? destroy() : destroy().finally(() => worker.destroy());
    },
    terminate: () => {
      void destroy().catch(() => {});
      worker.destroy();
    },
  });
}

interface TaskScheduler {
  postTask?: (fn: () => void, options: { priority: 'user-visible' }) => Promise<unknown>;
}

/**
 * Resolves in a new task of ordinary priority: scheduler.postTask where the browser has it (no
 * timer clamping), else a timer. Not scheduler.yield: its continuations go ahead of the panel's
 * own rendering, and a click on a result waited for the scan to give way (meeting bench, A/B:
 * click → paint max 176 against 72 ms before).
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' }).then(() => {});
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const PDF_STORE_MEASURE = 'raadslens:pdf-store';

let storing: Promise<unknown> = Promise.resolve();
/** Documents being checked, fetched or read now. */
let reading = 0;
let quiet: Array<() => void> = [];
/** Resolves once no document is being read. */
function whenQuiet(): Promise<void> {
  return reading === 0 ? Promise.resolve() : new Promise((resolve) => quiet.push(resolve));
}
function readingDone() {
  reading--;
  if (reading > 0) return;
  const waiting = quiet;
  quiet = [];
  waiting.forEach((resolve) => resolve());
}

/**
 * One write after another (each put counts and evicts for the LRU), and none while other
 * documents are read: when the cache was in storage.local, a write was serialised in the
 * browser's process and announced to every extension page, and the next documents' permission
 * and cache checks and downloads waited behind it (meeting bench: 40 writes of 0.4 s each under
 * load, the checks 0.3 s per document). Its IndexedDB (cache.ts) is announced to no one, but a
 * 1 MB result is still structured-cloned on this thread: kept off the reading path.
 */
function storeLater(put: () => Promise<unknown>): void {
  storing = storing
    .then(whenQuiet)
    .then(async () => {
      const start = performance.now();
      await put();
      performance.measure(PDF_STORE_MEASURE, { start, end: performance.now() });
    })
    .catch(() => {});
}

/**
 * The pages as pdf.js gives them, adding up how long the panel waited for each; `ended` once
 * pdf.js is done with the document (read, failed or stopped; extractPages has destroyed it).
 */
async function* timedPages<T>(pages: AsyncIterable<T>, waited: { ms: number; lastAt: number }, ended?: () => void): AsyncGenerator<T> {
  let since = performance.now();
  try {
    for await (const page of pages) {
      waited.ms += performance.now() - since;
      yield page;
      since = performance.now();
    }
    waited.ms += performance.now() - since;
    waited.lastAt = performance.now();
  } finally {
    ended?.();
  }
}

/** 'waiting': downloaded ahead, waiting for a lane (the document before it is still extracted). */
export type ScanPhase = 'checking' | 'fetching' | 'waiting' | 'reading';

/**
 * The panel's way: the lane's extraction worker reads the pages and analyses them itself
 * (./extraction.ts); this thread fetches and renders.
 */
export interface OffThread {
  lane: () => ExtractionLane;
  options: AnalyserOptions;
}

interface ScanUrlOptions extends ExtractOptions, Pick<FetchOptions, 'idleTimeoutMs' | 'maxBytes' | 'mayRead'> {
  /**
   * Where the pages' text is analysed when they are extracted in this thread (no `offThread`):
   * this thread (inThreadAnalysis).
   */
  analysis?: PageAnalysis;
  offThread?: OffThread;
  /** Identifies the analyser's settings; a stored result made with other settings is not used. */
  variant?: string;
  /** The document's name; a function to name it from the response's Content-Disposition too. */
  title?: string | ((disposition: string | null) => string);
  /** false: ignore a stored result (the reader asked to scan again). */
  useCache?: boolean;
  onPhase?: (phase: ScanPhase) => void;
  onPage?: (progress: PageProgress) => void;
  /** Whether the griffie lets Raadslens fetch PDFs (default: asks the policy); a batch asks once. */
  fetchAllowed?: () => Promise<boolean>;
  /** The reading lane's pdf.js worker (see openPdf), for a document extracted in this thread; without it the document gets one of its own. */
  worker?: () => PdfWorkerLike;
  /**
   * Resolves when the document may use its lane's worker: a document checked and downloaded
   * ahead waits here with its bytes until the document before it is extracted.
   */
  lane?: () => Promise<void>;
  /**
   * pdf.js is done with the document (its worker is free for the next one) while the status
   * reading may still go on: a lane takes its next document here, not at the result.
   */
  onExtracted?: () => void;
}

interface ScanUrlResult {
  result: PdfScanResult;
  fromCache: boolean;
}

/**
 * Scans the PDF at `url`: a stored result when the server says the document is unchanged,
 * otherwise fetch → extract page by page → analyse, and store the result. Errors are PdfError.
 */
export async function scanPdfUrl(url: string, options: ScanUrlOptions): Promise<ScanUrlResult> {
  reading++;
  try {
    return await readPdfUrl(url, options);
  } finally {
    readingDone();
  }
}

async function readPdfUrl(url: string, options: ScanUrlOptions): Promise<ScanUrlResult> {
  const { signal } = options;
  const started = performance.now();
  // The stored result is read (in the extension, no request) while the policy is asked.
  const stored = options.useCache !== false ? pdfCache.get(url, options.variant).catch(() => null) : null;
  // Before the cache's check too: asking whether a stored result is current is a request as well.
  if (!(await (options.fetchAllowed ?? pdfFetchAllowed)())) throw pdfErrors.blocked();
  if (stored) {
    options.onPhase?.('checking');
    const cached = await stored;
    if (cached) {
      const current = await headValidators(url, { signal, idleTimeoutMs: options.idleTimeoutMs });
      if (current && sameVersion(cached.validators, current)) return { result: cached.result, fromCache: true };
    }
  }
  options.onPhase?.('fetching');
  const t0 = performance.now();
  const { bytes, validators, disposition } = await fetchPdf(url, { signal, idleTimeoutMs: options.idleTimeoutMs, maxBytes: options.maxBytes, mayRead: options.mayRead });
  const fetched = performance.now();
  if (options.lane) {
    options.onPhase?.('waiting');
    await options.lane();
  }
  options.onPhase?.('reading');
  const laned = performance.now();
  let firstPage = 0;
  let times: ScanTimes = { matchMs: 0, readMs: 0 };
  const title = typeof options.title === 'function' ? options.title(disposition) : options.title;
  const onPage = (p: PageProgress) => {
    if (p.page === 1) firstPage = performance.now() - t0;
    options.onPage?.(p);
  };
  const byteLength = bytes.byteLength;
  let opened: number;
  let posted = laned;
  const extraction = { ms: 0, lastAt: 0 };
  let result: PdfScanResult;
  if (options.offThread) {
    const { lane, options: analyser } = options.offThread;
    const read = await readOffThread(lane(), bytes, {
      ...options,
      analyser,
      url,
      title,
      onPage,
      onTimes: (t) => (times = t),
    });
    result = read.result;
    posted = read.postedAt || laned;
    opened = posted + read.openMs;
    extraction.lastAt = read.extractedAt;
    extraction.ms = read.extractedAt ? read.extractedAt - opened : 0;
  } else {
    const task: PdfLoadingTaskLike = await openPdf(bytes, options.worker);
    opened = performance.now();
    result = await options.analysis!(timedPages(extractPages(task, { ...options, textOnly: true }), extraction, options.onExtracted), {
      url,
      signal,
      title,
      onPage,
      yieldTask: nextTask,
      onTimes: (t) => (times = t),
    });
  }
  const end = performance.now();
  performance.measure(PDF_SCAN_MEASURE, {
    start: t0,
    end,
    // Where a document's time went (the meeting bench adds them up): permission and cache check
    // before t0, the download, waiting for a lane (downloaded ahead), the unpack check and opening,
    // waiting for pdf.js' pages (off this thread: opening to the last page handed on), waiting
    // after the last page for the result; and the analysis' own time (in its worker, alongside).
    detail: {
      url,
      pages: result.scannedPages,
      firstPageMs: firstPage,
      matches: result.matchCount,
      bytes: byteLength,
      checkMs: t0 - started,
      fetchMs: fetched - t0,
      laneMs: laned - fetched,
      // Off thread: held back until the lane's worker has analysed the document before this one.
      aheadMs: posted - laned,
      openMs: opened - posted,
      extractMs: extraction.ms,
      tailMs: extraction.lastAt ? end - extraction.lastAt : 0,
      ...times,
    },
  });
  // Stored behind the reader's back: the next document of a meeting does not wait for the write.
  if (validators.etag || validators.lastModified) storeLater(() => pdfCache.put(url, validators, result, options.variant));
  return { result, fromCache: false };
}
