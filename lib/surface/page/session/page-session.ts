// Everything the content script does on one page: scan the main content of the page and of the
// same-origin iframes that carry the document, keep up with changes and client-side
// navigation, paint the matches, report to the background, and answer the panel. Errors stay
// here: the page never sees them.
import { pageBrowser } from '../../../extension/page-browser';
import type { Scanner } from '../../../core/analyse/scanner';
import { isDefault, type AnalyserOptions } from '../../../core/analyse/scan-rules';
import type { PageScanner } from '../../../core/analyse/match-service';
import { framesPainter, scrollToRange } from '../frames-painter';
import { createGuardedListener } from '../../../extension/messages/listen';
import type { ContentRequest, ReportDetails, SentScanReport } from '../../../extension/messages/protocol';
import { isContentRequest } from '../../../extension/messages/content-guard';
import { sendToBackground } from '../../../extension/messages/send-background';
import type { CreateReader, PageReader } from './reader';
import { isReaderRequest, readerLoader, type ReaderRequest } from './reader-load';
import { remoteScannerFor, warmBackground } from './remote-match';
import { DEFAULT_MAX_CHARS } from '../scan/text-index';
import { followSettings } from '../../../extension/settings/content';
import { afterRender } from './after-render';
import { FrameScanner, type ScanEvent } from './frame-scanner';
import { createPagePainter } from '../highlight/page-painter';
import { blockTexts, composeReportSteps, mergeAttachments, portalSummary, type MatchRef } from './report';
import { openingBlocks, PAGE_WINDOW } from '../../../core/questions/page-window';
import type { SentReading } from '../../../core/questions/reading-wire';
import type { Detection } from '../portals';
import { runSliced, type SliceOptions, type SliceRun } from '../../../core/steps';
import { postTask } from '../../../core/tasks';
import { browserInputPending } from './input-pending';
import { PAGE_MEASURES_ON, clearPageMeasures, pageMeasure } from './measure';

export const SCAN_MEASURE = 'raadslens:scan';
/** Handing the latest report to the browser (its serialisation), in a task of its own; only the latest is kept. */
const SEND_MEASURE = 'raadslens:send';
/** Loading the rules (the matcher is the background's): once per page load, before the first scan. */
export const SETUP_MEASURE = 'raadslens:setup';
/** Our measures are cleared after this many, so a page open all day does not pile them up. */
const MAX_KEPT_MEASURES = 500;
/** After a client-side navigation, give the app this long to render before the fresh scan. */
const NAVIGATION_SETTLE_MS = 150;

interface PageSessionOptions {
  /** What the page scans with by default: a scanner compiled here (tests), else scannerFor({}). */
  analyser?: Scanner | PageScanner;
  /** The page scanner for the reader's settings; by default the background matches (remote-match.ts). */
  scannerFor?: (options: AnalyserOptions) => PageScanner;
  /** Readies the matcher for these settings ahead of the first scan; by default wakes the background's (remote-match.ts). */
  warm?: (options: AnalyserOptions) => void;
  /** Highlight CSS for iframe documents and shadow roots (the page has the manifest's CSS). */
  css?: string | null;
  /** False once the extension is gone: the session stops itself. */
  alive?: () => boolean;
  onReport?: (report: SentScanReport) => void;
  maxChars?: number;
  maxBlockChars?: number;
  slice?: SliceOptions;
  /** The reader's actions (reader.ts), loaded at the first request for one; by default injected by the background (reader-load.ts). */
  reader?: () => Promise<CreateReader>;
}

export interface PageSession {
  /** Scans every frame from scratch; resolves with the tab's report once the page is done. */
  scan(): Promise<SentScanReport | null>;
  handle(msg: ContentRequest): unknown;
  /** A client-side navigation: a fresh document, no highlights of the old one. */
  navigate(): void;
  stop(): void;
  /** Loads the rules and compiles the analyser now (measured as SETUP_MEASURE), unless done. */
  prepare(): void;
  /** Swaps the analyser (the reader's settings changed); the next scan uses it. */
  setAnalyser(analyser: Scanner | PageScanner): void;
  /** The analyser for these settings (scannerFor; the default one for the built-in rules); the next scan uses it. */
  useOptions(options: AnalyserOptions): void;
  /** Readies the matcher for the settings in use, ahead of the first scan (see warmBackground). */
  warm(): void;
  /** The reader's highlight style, for the same-origin frames and shadow roots we style ourselves. */
  setHighlightCss(css: string): void;
  readonly report: SentScanReport | null;
}

export function createPageSession(doc: Document = document, options: PageSessionOptions = {}): PageSession {
  // Compiled when the first scan needs it, not when the script starts: that is before the
  // page's full layout (see after-render.ts), which it would hold up.
  const scannerFor = options.scannerFor ?? remoteScannerFor(sendToBackground);
  const builtIn = (): Scanner | PageScanner => options.analyser ?? scannerFor({});
  let analyserNow: Scanner | PageScanner | null = options.analyser ?? null;
  let optionsNow: AnalyserOptions = {};
  const analyser = (): Scanner | PageScanner => (analyserNow ??= builtIn());
  const alive = options.alive ?? (() => true);
  // The page's slices run longer while the browser says no input waits.
  const slice: SliceOptions = { inputPending: browserInputPending(), ...options.slice };
  const css = options.css ?? null;
  let stopped = false;
  let current = -1;
  let refs: MatchRef[] = [];
  let lastReport: SentScanReport | null = null;
  /** What the last report left in the page, and the answer once made. */
  let details: { make: () => Generator<void, ReportDetails, void>; answer?: Promise<ReportDetails | null> } | null = null;
  let waiters: Array<(r: SentScanReport | null) => void> = [];
  let measured = 0;
  const iframes = new Map<HTMLIFrameElement, { frame: FrameScanner | null; abort: AbortController }>();

  let highlightOverride = '';
  const makeFrame = (d: Document, isTop: boolean) => {
    const layer = createPagePainter(d, css);
    layer.setOverride(highlightOverride);
    if (!isTop) layer.style(d);
    return new FrameScanner(d, {
      analyser,
      layer,
      maxChars: options.maxChars ?? DEFAULT_MAX_CHARS,
      maxBlockChars: options.maxBlockChars,
      slice,
      alive,
      onScanned: onScanned,
      onFramesChanged: isTop ? () => syncIframes() : undefined,
    });
  };
  const top = makeFrame(doc, true);
  const painter = framesPainter(frames);
  const loadReader = options.reader ?? readerLoader(pageBrowser, () => sendToBackground({ type: 'load-reader' }));
  let reader: PageReader | null = null;

  function frames(): FrameScanner[] {
    const out = [top];
    for (const { frame } of iframes.values()) if (frame) out.push(frame);
    return out;
  }

  // Scans that ended since the report was last composed. The report is composed in a task of
  // its own after the scan's last one (on a long page each was tens of milliseconds), once for
  // all scans that ended meanwhile: it reads every frame as it is then.
  let ended: Array<{ frame: FrameScanner; event: ScanEvent }> = [];

  function onScanned(frame: FrameScanner, event: ScanEvent) {
    if (stopped) return;
    if (frame === top && !event.incremental) {
      syncIframes();
    }
    ended.push({ frame, event });
    if (ended.length === 1 && !composing) postTask(composeNow);
  }

  let composing: SliceRun | null = null;

  /** Composes the report for the scans that ended (sliced: see composeReportSteps), then again if more ended meanwhile. */
  function composeNow() {
    const done = ended;
    ended = [];
    if (stopped || done.length === 0) return;
    const all = frames();
    const detection = top.detection;
    // What only the panel and popup show (the portal's facts, the attachments named from
    // thousands of links on a long agenda, the text around the safeguards) stays here until
    // asked for: the report carries a `pending` key for it (detailsFor).
    function* steps() {
      return yield* composeReportSteps({
        frames: all,
        analyser: analyser(),
        url: doc.location?.href ?? '',
        title: doc.title,
        ms: done.at(-1)!.event.busyMs,
        truncated: all.some((f) => f.index?.truncated),
        page: detection?.page,
      });
    }
    const run = runSliced(
      steps(),
      ({ value: { report, refs: nextRefs, reading }, busyMs: reportMs, longestSliceMs }) => {
        composing = null;
        if (stopped) return;
        refs = nextRefs;
        if (current >= refs.length) current = -1;
        // Tells this report's details from any other's, of this page load or another (a key only: no secret).
        report.pending = String(Math.random());
        details = { make: () => detailsSteps(all, detection, reading) };
        lastReport = report;
        for (const { event } of done) measureScan(event, report, all.length, reportMs, longestSliceMs);
        options.onReport?.(report);
        if (done.some(({ frame, event }) => frame === top && !event.incremental)) {
          const w = waiters;
          waiters = [];
          for (const resolve of w) resolve(report);
        }
        if (ended.length) composeNow();
      },
      () => {
        // Our failure must never reach the page: the next scan composes again.
        composing = null;
        if (ended.length) composeNow();
      },
      slice,
    );
    // A report composed within its first slice is done already (and may have started the next).
    if (!run.done) composing = run;
  }

  function measureScan(event: ScanEvent, report: SentScanReport, frameCount: number, reportMs: number, reportTaskMs: number) {
    if (!PAGE_MEASURES_ON) return;
    if (++measured > MAX_KEPT_MEASURES) {
      clearPageMeasures(SCAN_MEASURE);
      measured = 1;
    }
    pageMeasure(SCAN_MEASURE, {
      start: event.start,
      end: event.end,
      detail: {
        chars: report.chars,
        nodes: report.nodes,
        matches: report.matchCount,
        incremental: event.incremental,
        changedChars: event.changedChars,
        changedNodes: event.changedNodes,
        busyMs: event.busyMs,
        /** Where the busy time went: detect, walk, match, ranges, paint (ms). */
        phases: event.phases,
        frames: frameCount,
        truncated: report.truncated,
        /** Composing the tab's report after the scan, in tasks of its own (proportional to the matches). */
        reportMs,
        /** The scan's longest task (ms), the report's included. */
        longestTaskMs: Math.max(event.longestTaskMs, reportTaskMs),
        /** The longest task per phase (the report's apart), so a long one is named. */
        tasks: { ...event.tasks, reportMs: reportTaskMs },
      },
    });
  }

  function dropIframe(el: HTMLIFrameElement) {
    const entry = iframes.get(el);
    entry?.abort.abort();
    entry?.frame?.stop();
    iframes.delete(el);
  }

  /** Same-origin iframes in the main content get their own scanner; gone ones are stopped. */
  function syncIframes() {
    if (stopped) return;
    const main = top.detection?.main;
    const present = new Set<HTMLIFrameElement>(main ? [...main.querySelectorAll('iframe')] : []);
    for (const el of [...iframes.keys()]) if (!present.has(el) || !el.isConnected) dropIframe(el);
    for (const el of present) if (!iframes.has(el)) attachIframe(el);
  }

  function attachIframe(el: HTMLIFrameElement) {
    const entry = { frame: null as FrameScanner | null, abort: new AbortController() };
    iframes.set(el, entry);
    const tryStart = () => {
      if (stopped) return;
      let d: Document | null = null;
      try {
        d = el.contentDocument; // null for another origin: not ours to read
      } catch {
        d = null;
      }
      if (!d?.documentElement || d.readyState === 'loading') return;
      const src = el.getAttribute('src');
      if (src && src !== 'about:blank' && d.location?.href === 'about:blank') return; // the real one is coming
      entry.frame?.stop();
      entry.frame = makeFrame(d, false);
      entry.frame.start();
    };
    el.addEventListener('load', tryStart, { signal: entry.abort.signal });
    tryStart();
  }

  /** What the last report left out, read from the blocks and the detection its scan made. */
  function* detailsSteps(all: readonly FrameScanner[], detection: Detection | null, reading: (() => Generator<void, SentReading, void>) | null): Generator<void, ReportDetails, void> {
    const out: ReportDetails = { attachments: mergeAttachments(all.map((f) => f.attachments())) };
    const documentsLater = detection && !detection.page ? detection.detector.documentsLater?.(detection.main) : undefined;
    yield;
    if (reading) out.reading = yield* reading();
    if (detection) {
      out.portal = portalSummary(detection.meta);
      // A motie's page says what it is and what became of it in its text or fields, as its PDF
      // would: the background reads that from the opening (lib/extension/background/portal-opening.ts).
      if (!detection.page) out.opening = [...openingBlocks(blockTexts(all), PAGE_WINDOW)];
    }
    if (documentsLater) out.documentsLater = documentsLater;
    return out;
  }

  /**
   * Made once per report, sliced as the report was; null when `key` is not the last report's (a
   * newer one is on its way). Answered in a task after the last slice's: the browser serialises
   * the reply (1.3 MB on the 1 MB council page) in the task that answers.
   */
  function detailsFor(key: string): Promise<ReportDetails | null> | null {
    const d = details;
    // A stop and a navigation drop `details`: no answer after them.
    if (!d || lastReport?.pending !== key) return null;
    return (d.answer ??= new Promise((resolve) => {
      // A stop, a navigation or a newer report meanwhile: nothing to answer for this key.
      runSliced(d.make(), ({ value }) => postTask(() => resolve(details === d ? value : null)), () => resolve(null), slice);
    }));
  }

  function rangeOf(ref: MatchRef | undefined): AbstractRange | null {
    const r = ref?.segment.block.data?.ranges[ref.local] ?? null;
    return r && r.startContainer.isConnected ? r : null;
  }

  /** `mark`: show it as the active match. A note's passage is scrolled to but never marked. */
  function scrollTo(range: AbstractRange | null, mark = true): boolean {
    return scrollToRange(painter, range, mark);
  }

  /** Shows the next (or previous) match after the current one, wrapping around. */
  function step(delta: 1 | -1): { index: number; total: number } | null {
    const n = refs.length;
    const from = current === -1 ? (delta > 0 ? -1 : n) : current;
    for (let k = 1; k <= n; k++) {
      const i = (((from + delta * k) % n) + n) % n;
      if (scrollTo(rangeOf(refs[i]))) {
        current = i;
        return { index: i, total: n };
      }
    }
    return null;
  }

  function scan(): Promise<SentScanReport | null> {
    if (stopped) return Promise.resolve(null);
    return new Promise((resolve) => {
      waiters.push(resolve);
      for (const f of frames()) f.full();
    });
  }

  /** A reader's action, once its code is here (the first one loads it). */
  async function read(msg: ReaderRequest): Promise<unknown> {
    if (!reader) {
      const create = await loadReader();
      if (stopped) return null;
      reader ??= create(frames, painter);
    }
    return reader.handle(msg, (i) => refs[i] ?? null);
  }

  function handle(msg: ContentRequest): unknown {
    if (isReaderRequest(msg)) return read(msg);
    switch (msg.type) {
      case 'ping':
        return 'pong';
      case 'stop':
        stop();
        return true;
      case 'rescan':
        return scan().then((r) => r?.matchCount ?? 0);
      case 'report-details':
        return detailsFor(msg.key);
      case 'scroll-to-match': {
        const shown = scrollTo(rangeOf(refs[msg.index]));
        if (shown) current = msg.index;
        return shown;
      }
      case 'next-match':
        return step(1);
      case 'prev-match':
        return step(-1);
    }
  }

  function navigate() {
    if (stopped) return;
    // A report still being composed is of the document that went.
    composing?.cancel();
    composing = null;
    ended = [];
    current = -1;
    refs = [];
    // Its report is of the document that went: the next one is asked for instead.
    details = null;
    for (const el of [...iframes.keys()]) dropIframe(el);
    top.reset(NAVIGATION_SETTLE_MS);
  }

  return {
    scan,
    handle,
    navigate,
    prepare() {
      if (analyserNow) return;
      const t0 = performance.now();
      analyser();
      pageMeasure(SETUP_MEASURE, { start: t0, end: performance.now() });
    },
    setAnalyser(next) {
      analyserNow = next;
    },
    useOptions(next) {
      optionsNow = next;
      analyserNow = isDefault(next) ? builtIn() : scannerFor(next);
    },
    warm() {
      (options.warm ?? ((o) => warmBackground(sendToBackground, o)))(optionsNow);
    },
    setHighlightCss(next) {
      highlightOverride = next;
      for (const f of frames()) f.layer.setOverride(next);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      composing?.cancel();
      composing = null;
      details = null;
      top.stop();
      for (const el of [...iframes.keys()]) dropIframe(el);
      refs = [];
      reader?.reset();
      for (const resolve of waiters) resolve(null);
      waiters = [];
    },
    get report() {
      return lastReport;
    },
  };
}

export interface ContentContext {
  onInvalidated(cb: () => void): void;
  /** WXT's ctx.isValid: false once the extension was updated or removed. */
  readonly isValid: boolean;
  /** Client-side navigations (WXT's 'wxt:locationchange'). */
  onLocationChange(cb: () => void): void;
  /** This page's session ended for good (access taken back): a later injection may start anew. */
  release?(): void;
}

/** Wires a session to the extension: scans, reports, panel requests, SPA navigation, clean stop. */
export function runPageSession(ctx: ContentContext, css: string | null = null): PageSession {
  let session: PageSession | null = null;
  const stopAll = () => session?.stop();
  session = createPageSession(document, {
    css,
    alive: () => ctx.isValid,
    onReport(report) {
      // In a task of its own: the browser serialises a message in the sender's task. The report
      // carries no window text (its details stay here until asked for), so it goes whole.
      clearPageMeasures(SEND_MEASURE);
      postTask(() => {
        const t0 = performance.now();
        sendToBackground({ type: 'scan-report', report }).catch((e: unknown) => {
          // An orphaned content script (the extension was updated) cannot reach anyone: stop.
          if (/context invalidated|Extension context/i.test(String(e))) stopAll();
        });
        pageMeasure(SEND_MEASURE, { start: t0, end: performance.now() });
      });
    },
  });
  const s = session;
  let teardown = () => {};
  const listener = createGuardedListener(
    isContentRequest,
    (msg) => {
      if (msg.type !== 'stop') return s.handle(msg);
      teardown();
      ctx.release?.();
      return true;
    },
    () => undefined,
  );
  pageBrowser.runtime.onMessage.addListener(listener as never);
  ctx.onLocationChange(() => s.navigate());
  // The reader's settings (own terms, categories off, highlight style) come first, then the scan.
  // The first scan once the page has rendered (after-render.ts); later ones (settings changed) at once.
  let first: 'waiting' | 'pending' | 'done' = 'waiting';
  const stopSettings = followSettings(s, () => {
    if (first === 'done') return void s.scan();
    if (first === 'pending') return;
    first = 'pending';
    // The background's matcher wakes while the page renders, not when the first part is waiting.
    s.warm();
    afterRender(window, () => {
      first = 'done';
      s.prepare();
      // Compiling the rules is a task of its own, the scan's first slice another.
      postTask(() => void s.scan());
    });
  });
  teardown = () => {
    try {
      pageBrowser.runtime.onMessage.removeListener(listener as never);
    } catch {
      // The runtime is already gone.
    }
    stopSettings();
    s.stop();
  };
  ctx.onInvalidated(() => teardown());
  return s;
}
