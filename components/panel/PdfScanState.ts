// The side panel's PDF scans: one state per document URL, read by a small pool of lanes (one
// document extracted at a time, the next downloaded meanwhile), each result shown as its document
// finishes, each scan cancellable and all of them at once. A lane keeps an extraction worker
// between documents: pdf.js runs there, off this thread, and the pages' matching and status
// reading beside it (lib/surface/pdf/extraction.ts); this thread fetches, checks and renders. The
// state lives in this module, not in a component, so a scan goes on (and its result stays) while
// the reader switches between the panel's views. Only without workers (or with other rules than
// the built-in ones) is pdf.js loaded here.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { documentPromptProblem, holdGrant, isKnownPortal, mayReadUrl, noteDocumentGrant, releaseGrant, sitePatternFor } from '@/lib/extension/permissions';
import { loadBuiltinRules, type RuleSet } from '@/lib/core/rules';
import { analyserForSettings, settingsVariant } from '@/lib/extension/settings/analyser';
import { loadEffectiveSettings, watchEffectiveSettings, type EffectiveSettings } from '@/lib/extension/settings';
import { pdfFetchAllowed } from '@/lib/extension/settings/managed';
import { PdfError, pdfErrors, fromPdfJsError, LIVE_MATCHES, type PdfMatch, type PdfScanResult } from '@/lib/surface/pdf';
import type { OffThread, ScanPhase } from '@/lib/surface/pdf/browser';
import type { ExtractionLane } from '@/lib/surface/pdf/extraction';
import { ScanPool, type PoolJob } from '@/lib/surface/pdf/pool';
import { inThreadAnalysis } from '@/lib/surface/pdf/analysis';
import { documentName } from '@/lib/surface/pdf/name';

export type PdfScanState =
  | { status: 'queued' }
  /** live: the first matches of the pages read so far (LIVE_SHOWN at most), shown before the document is done. */
  | { status: 'running'; phase: ScanPhase; page: number; pageLimit: number; pageCount: number; liveMatches: number; live?: PdfMatch[]; expanded?: boolean }
  /** expanded: the results open at once (one document scanned); after "Scan alle" they start folded. */
  | { status: 'done'; result: PdfScanResult; fromCache: boolean; expanded: boolean }
  | { status: 'error'; error: PdfError }
  /** Not read: Raadslens may not fetch from this host until the reader allows it (a click, not on its own). */
  | { status: 'blocked'; host: string };

/** A document to read: its address, the portal's name for it if known, and the tab's title (last resort). */
export interface PdfDoc {
  url: string;
  name?: string;
  tabTitle?: string;
}

interface ScanOptions {
  /** Read again, not from the stored result. */
  fresh?: boolean;
  /**
   * Started by the panel, not by a click: no permission prompt (the browser refuses one outside
   * a click); a host Raadslens may not read yet is left 'blocked', for the reader to allow.
   */
  auto?: boolean;
  /**
   * The page the reader is reading (the one linking the documents; a PDF tab is its own page):
   * a prompt asks only for its site, a known portal or a host the griffie named.
   */
  page?: string;
}

export interface PdfScans {
  states: Record<string, PdfScanState>;
  /** Call straight from the click: asks for the hosts' permission within the reader's gesture. */
  scan(docs: PdfDoc[], options?: ScanOptions): void;
  cancel(url: string): void;
  /** Stops every scan queued or running (their fetches aborted, their workers ended). */
  cancelAll(): void;
}

/** The hosts' patterns, without ports: Firefox never answers a request for a pattern with a port. */
function originsOf(urls: string[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    // Not a web URL: the fetch will say so.
    const pattern = sitePatternFor(u);
    if (pattern) out.add(pattern);
  }
  return [...out];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Opens the Raadslens PDF viewer on `url` at `page` (and the match starting at `at` in that page's text) in a new tab. */
export function openPdfViewer(url: string, page?: number, at?: number): void {
  const hash = page ? `#page=${page}${at !== undefined ? `&at=${at}` : ''}` : '';
  const target = `${browser.runtime.getURL('/pdf-viewer.html')}?file=${encodeURIComponent(url)}${hash}`;
  void browser.tabs.create({ url: target });
}

let states: Record<string, PdfScanState> = {};
const listeners = new Set<() => void>();
let settings: EffectiveSettings | null = null;
let settingsWatched = false;
/** A scan waits for the settings: the first one would otherwise miss the griffie's terms, and its stored result would carry another variant. */
let settingsLoaded: Promise<void> = Promise.resolve();

/**
 * Documents extracted at once: one. The extraction worker shares two cores with the panel (and
 * then with an analysis worker of its own); a second lane only made them compete and held a second document's pages (meeting
 * bench, issue 17: 1 lane 2.01–2.07× bare, 2 lanes 2.19–2.83×, ~60 MB more). What a second lane
 * was for on a real portal, hiding one document's download behind another's extraction, comes
 * from PDF_AHEAD instead.
 */
const PDF_LANES = 1;
/**
 * Documents checked (permission, stored result) and downloaded while the lane extracts: two, so
 * the lane goes on at once after a short document too. With one, the next download started only
 * when the document before took the lane, and a document of a page or two was extracted before
 * it was in: the meeting bench's trace (MEETING_GAPS) put the extraction worker idle for the
 * next download 21–43 times per 400-page meeting (0.8–6.0 s under load 10), 9–16 times
 * (0.4–1.1 s) with two. Two documents' bytes held.
 */
const PDF_AHEAD = 2;
let newWorker: (() => ExtractionLane) | null = null;
const pool = new ScanPool<ExtractionLane>({
  size: PDF_LANES,
  ahead: PDF_AHEAD,
  create: () => newWorker!(),
  end: (w) => w.destroy(),
  usable: (w) => !w.destroyed,
});

/**
 * Renders are batched: a status change shows on the next turn (40 rows queued at once are one
 * render), a page of progress at most every PROGRESS_MS. Each render draws the whole panel.
 */
const PROGRESS_MS = 250;
let notifyTimer: ReturnType<typeof setTimeout> | null = null;
let notifyUrgent = false;
function notify(urgent: boolean) {
  if (notifyTimer !== null) {
    if (!urgent || notifyUrgent) return;
    clearTimeout(notifyTimer);
  }
  notifyUrgent = urgent;
  notifyTimer = setTimeout(
    () => {
      notifyTimer = null;
      listeners.forEach((l) => l());
    },
    urgent ? 0 : PROGRESS_MS,
  );
}

/** Renders what is pending now (a batched render waiting on its timer goes with it). */
function flushNow() {
  if (notifyTimer === null) return;
  clearTimeout(notifyTimer);
  notifyTimer = null;
  listeners.forEach((l) => l());
}

/** Counts changes of a document's status (not of its progress): see usePdfScans' `progress`. */
let statusVersion = 0;

/** Matches shown per document while it is read (the extraction worker sends no more); the result brings them all. */
const LIVE_SHOWN = LIVE_MATCHES;

function set(url: string, s: PdfScanState) {
  const before = states[url];
  const progress = s.status === 'running' && before?.status === 'running';
  // A document's first matches show at once, not at the next progress tick.
  const firstFound = progress && !!s.live?.length && !(before.status === 'running' && before.live?.length);
  states = { ...states, [url]: s };
  if (!progress && !startedFromQueue(before, s)) statusVersion++;
  notify(!progress || firstFound);
}

/**
 * Queued → running (checking) is news for the document's own row, not for the rest of the panel:
 * both count as busy, and neither has a phase of reading yet (see usePdfScans' `progress`). Each
 * was a render of the whole side panel, forty per meeting.
 */
export function startedFromQueue(before: PdfScanState | undefined, after: PdfScanState): boolean {
  return before?.status === 'queued' && after.status === 'running' && after.phase !== 'reading';
}

let pdfModule: Promise<typeof import('@/lib/surface/pdf/browser')> | null = null;
/**
 * The panel's PDF module (small; pdf.js itself is loaded by the extraction workers, or by
 * loadPdfJs where the pages are read in this thread), and the lanes able to make their workers.
 */
function pdfSurface(): Promise<typeof import('@/lib/surface/pdf/browser')> {
  pdfModule ??= import('@/lib/surface/pdf/browser').then((m) => {
    newWorker ??= m.newExtractionLane;
    return m;
  });
  pdfModule.catch(() => (pdfModule = null));
  return pdfModule;
}

/**
 * Whether the lanes' extraction workers read the documents' text too (matching and status
 * reading, see lib/surface/pdf/extraction.ts). They compile the built-in rules themselves, so
 * other rules (none in the extension today) are read in this thread.
 */
function offThreadFor(rules: RuleSet): boolean {
  return rules === loadBuiltinRules() && typeof Worker === 'function';
}

let prepared = false;
/**
 * Gets the first scan's start-up out of its way while the reader looks at the list: the lanes'
 * extraction workers started (each loads pdf.js in its own thread), the analyser for the reader's
 * settings compiled and a page of the workers' own read through pdf.js and the analysis
 * (lib/surface/pdf/warm-pdf.ts: the first document's first page no longer waits for V8 to compile
 * the code on its way). All from inside the extension (no request); each step its own task, soon
 * after the list is drawn (a reader clicks "Scan alle" within a second or two; with idle callbacks
 * of up to 1 s each the first document still waited for pdf.js, its worker and the analyser after
 * the click).
 */
export function preparePdfScans(rules: RuleSet): void {
  if (prepared) return;
  prepared = true;
  const idle = (): Promise<void> => new Promise((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 100 }) : setTimeout(r, 0)));
  void idle()
    .then(pdfSurface)
    .then(async (m) => {
      if (!offThreadFor(rules)) {
        // Read in this thread: pdf.js loaded here.
        await m.loadPdfJs();
        return;
      }
      await idle();
      pool.warm(PDF_LANES);
    })
    .then(() => settingsLoaded)
    .then(idle)
    .then(async () => {
      const { options } = settingsVariant(settings, rules);
      if (offThreadFor(rules)) for (const lane of pool.resources()) lane.warm(options);
      else void analyserForSettings(settings, rules);
    })
    .catch(() => {
      // Only a head start: the first scan loads what is missing.
      prepared = false;
    });
}

async function run(rules: RuleSet, doc: PdfDoc, fresh: boolean, expanded: boolean, job: PoolJob<ExtractionLane>, fetchAllowed: () => Promise<boolean>) {
  const { url } = doc;
  const { signal } = job;
  if (signal.aborted) return;
  set(url, { status: 'running', phase: 'checking', page: 0, pageLimit: 0, pageCount: 0, liveMatches: 0 });
  try {
    const pdf = await pdfSurface();
    await settingsLoaded;
    // The reader's own terms, switched-off categories and the griffie's terms count in PDFs too.
    // Compiled in this thread only where no extraction worker can read them; there pdf.js reads
    // the pages in this thread too (it loads while the document is checked and downloaded).
    const a = settingsVariant(settings, rules);
    const offThread: OffThread | undefined = offThreadFor(rules) ? { lane: job.resource, options: a.options } : undefined;
    if (!offThread) void pdf.loadPdfJs().catch(() => {});
    let live = 0;
    let shown: PdfMatch[] = [];
    const { result, fromCache } = await pdf.scanPdfUrl(url, {
      ...(offThread ? { offThread } : { analysis: inThreadAnalysis(analyserForSettings(settings, rules).analyser) }),
      variant: a.variant,
      title: (disposition) => documentName({ url, portalName: doc.name, disposition, tabTitle: doc.tabTitle }),
      signal,
      useCache: !fresh,
      mayRead: (u) => mayReadUrl(u),
      lane: job.lane,
      // The row stays busy until its statuses are read; the lane reads the next document meanwhile.
      onExtracted: job.release,
      fetchAllowed,
      // A step that was under way when the scan was stopped (a cache read, a page) reports
      // after it: the row stays stopped, not busy again with nothing left to end it.
      onPhase: (phase) => {
        if (!signal.aborted) set(url, { status: 'running', phase, page: 0, pageLimit: 0, pageCount: 0, liveMatches: 0 });
      },
      onPage: (p) => {
        if (signal.aborted) return;
        live += p.found ?? p.matches.length;
        // A new array only when it grows: the row's list is drawn again only then.
        if (p.matches.length > 0 && shown.length < LIVE_SHOWN) shown = [...shown, ...p.matches.slice(0, LIVE_SHOWN - shown.length)];
        set(url, { status: 'running', phase: 'reading', page: p.page, pageLimit: p.pageLimit, pageCount: p.pageCount, liveMatches: live, live: shown, expanded });
      },
    });
    if (!signal.aborted) set(url, { status: 'done', result, fromCache, expanded });
  } catch (e) {
    if (!signal.aborted) set(url, { status: 'error', error: e instanceof PdfError ? e : fromPdfJsError(e) });
  }
}

/** Host patterns this page knows to be granted, kept in step, so a click can tell at once which hosts need a prompt. */
const grantedNow = new Set<string>();
let grantsWatched = false;
function watchGrants() {
  if (grantsWatched) return;
  grantsWatched = true;
  // Only a shortcut: without it a granted host is asked for again, and the browser answers at once.
  try {
    void browser.permissions.getAll().then(
      (p) => p.origins?.forEach((o) => grantedNow.add(o)),
      () => {},
    );
    browser.permissions.onAdded.addListener((p) => p.origins?.forEach((o) => grantedNow.add(o)));
    browser.permissions.onRemoved.addListener((p) => p.origins?.forEach((o) => grantedNow.delete(o)));
  } catch {
    // An API without permission events: every host not known to be granted is asked for.
  }
}

/**
 * The permission each document's host needs, per pattern; asked for in the click (only checked
 * when automatic). One prompt, for one host: the first host not granted yet. Documents on
 * further hosts stay 'blocked' until the reader asks for them; a grant asked for here is a
 * document grant, given back when its documents are read.
 */
function permitted(urls: string[], auto: boolean): Map<string, Promise<boolean>> {
  const patterns = originsOf(urls);
  const api = browser.permissions;
  const out = new Map<string, Promise<boolean>>();
  if (auto) {
    for (const p of patterns) out.set(p, api.contains({ origins: [p] }).catch(() => false));
    return out;
  }
  const known = (p: string) => grantedNow.has(p) || isKnownPortal(p.slice(0, -1));
  const ask = patterns.find((p) => !known(p));
  const asked = ask
    ? api.request({ origins: [ask] }).then(
        async (ok) => {
          if (ok) await noteDocumentGrant(ask).catch(() => {});
          return ok;
        },
        () => false,
      )
    : null;
  // A host this page saw granted needs no round trip to the browser before its first document.
  const contains = (p: string) => (grantedNow.has(p) ? Promise.resolve(true) : api.contains({ origins: [p] }).catch(() => false));
  for (const p of patterns) out.set(p, p === ask ? asked! : known(p) ? contains(p) : Promise.resolve(false));
  return out;
}

function scan(rules: RuleSet, docs: PdfDoc[], options: ScanOptions = {}) {
  const todo = docs.filter((d) => !pool.has(d.url));
  if (todo.length === 0) return;
  // A link may point anywhere: no prompt for this computer, the local network, look-alike names
  // or another site than the portal's (one the reader already granted is read as before).
  const griffieHosts = settings?.griffie.policy.portalHosts;
  const refusal = (url: string): PdfError | null => {
    const problem = documentPromptProblem(url, { pageUrl: options.page, griffieHosts, isKnownPortal });
    if (problem === null) return null;
    if (problem !== 'other-site') return pdfErrors.hostRefused(hostOf(url));
    const pattern = sitePatternFor(url);
    return pattern && grantedNow.has(pattern) ? null : pdfErrors.otherSite(hostOf(url));
  };
  const readable: PdfDoc[] = [];
  for (const d of todo) {
    const refused = refusal(d.url);
    if (refused) set(d.url, { status: 'error', error: refused });
    else readable.push(d);
  }
  // permissions.request must be called synchronously in the click; for hosts the extension
  // already may read it answers true without asking.
  const granted = permitted(
    readable.map((d) => d.url),
    options.auto ?? false,
  );
  // The lanes' workers (and pdf.js in them) load while the first documents are fetched (when the
  // list appeared they were prepared already, see preparePdfScans()).
  void pdfSurface()
    .then((m) => {
      if (offThreadFor(rules) && pool.pending > 0) pool.warm();
    })
    .catch(() => {});
  // The griffie's policy asked once for the documents of one click, not per document, from the
  // click on (no request: it is the extension's own storage).
  const policy = pdfFetchAllowed();
  policy.catch(() => {});
  const fetchAllowed = () => policy;
  for (const d of readable) {
    set(d.url, { status: 'queued' });
    const pattern = sitePatternFor(d.url);
    // The grant is held from the click until the document is read, so a document grant is not
    // given back while later documents of the same host still wait in the queue.
    const allowed = (pattern ? (granted.get(pattern) ?? Promise.resolve(false)) : Promise.resolve(false)).then((ok) => {
      if (ok && pattern) holdGrant(pattern);
      return ok;
    });
    void pool
      .add(d.url, async (job) => {
        const ok = await allowed;
        if (job.signal.aborted) return;
        if (!ok || !pattern) {
          const host = hostOf(d.url);
          set(d.url, options.auto || (pattern && granted.size > 1) ? { status: 'blocked', host } : { status: 'error', error: pdfErrors.permission(host) });
          return;
        }
        await run(rules, d, options.fresh ?? false, todo.length === 1, job, fetchAllowed);
      })
      .finally(async () => {
        if (pattern && (await allowed)) await releaseGrant(pattern).catch(() => {});
      });
  }
}

function cancel(url: string) {
  if (!pool.cancel(url)) return;
  set(url, { status: 'error', error: pdfErrors.cancelled() });
}

function cancelAll() {
  // A status reading under way (its document let go of the lane, and no document holds it) ends
  // with its worker in the pool's cancel: the next scan starts another. (Asked here after the
  // cancel, as before, it found the worker idle: the cancel had already forgotten the document.)
  for (const url of pool.cancelAll()) set(url, { status: 'error', error: pdfErrors.cancelled() });
  // Drawn in the click's own task, not a timer's after it: the next frame shows no row busy
  // (the timer came after a frame, and after worker messages already queued).
  flushNow();
}

/**
 * `progress: false`: drawn again only when a document's status changes (not when a queued one
 * starts, see startedFromQueue), not for each page read
 * (the side panel as a whole: its rows and a PDF tab follow the pages themselves). A whole-panel
 * render every 250 ms while a meeting was read kept the panel's main thread busy.
 */
export function usePdfScans(rules: RuleSet, { progress = true }: { progress?: boolean } = {}): PdfScans {
  const [current, setCurrent] = useState(states);
  useEffect(() => {
    let seen = -1;
    const listener = () => {
      if (!progress && seen === statusVersion) return;
      seen = statusVersion;
      setCurrent(states);
    };
    listeners.add(listener);
    listener();
    watchGrants();
    if (!settingsWatched) {
      settingsWatched = true;
      settingsLoaded = loadEffectiveSettings().then(
        (l) => void (settings = l),
        () => {},
      );
      watchEffectiveSettings((l) => (settings = l));
      // Closing the panel stops what is running.
      addEventListener('pagehide', () => {
        pool.close();
      });
    }
    return () => void listeners.delete(listener);
  }, []);
  return { states: current, scan: (docs, options) => scan(rules, docs, options), cancel, cancelAll };
}
