// The side panel's PDF scans: one state per document URL, scans run one after another, each
// cancellable. The state lives in this module, not in a component, so a scan goes on (and its
// result stays) while the reader switches between the panel's views. pdf.js is loaded on the
// first scan only.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { mayReadUrl, sitePatternFor } from '@/lib/extension/permissions';
import type { RuleSet } from '@/lib/core/rules';
import { analyserForSettings } from '@/lib/extension/settings/analyser';
import { loadEffectiveSettings, watchEffectiveSettings, type EffectiveSettings } from '@/lib/extension/settings';
import { PdfError, pdfErrors, fromPdfJsError, type PdfScanResult } from '@/lib/surface/pdf';
import type { ScanPhase } from '@/lib/surface/pdf/browser';
import { documentName } from '@/lib/surface/pdf/name';

export type PdfScanState =
  | { status: 'queued' }
  | { status: 'running'; phase: ScanPhase; page: number; pageLimit: number; pageCount: number; liveMatches: number }
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

export interface ScanOptions {
  /** Read again, not from the stored result. */
  fresh?: boolean;
  /**
   * Started by the panel, not by a click: no permission prompt (the browser refuses one outside
   * a click); a host Raadslens may not read yet is left 'blocked', for the reader to allow.
   */
  auto?: boolean;
}

export interface PdfScans {
  states: Record<string, PdfScanState>;
  /** Call straight from the click: asks for the hosts' permission within the reader's gesture. */
  scan(docs: PdfDoc[], options?: ScanOptions): void;
  cancel(url: string): void;
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

/** Opens the Raadslens PDF viewer on `url` at `page` (and the match starting at `at` in that page's text) in a new tab. */
export function openPdfViewer(url: string, page?: number, at?: number): void {
  const hash = page ? `#page=${page}${at !== undefined ? `&at=${at}` : ''}` : '';
  const target = `${browser.runtime.getURL('/pdf-viewer.html')}?file=${encodeURIComponent(url)}${hash}`;
  void browser.tabs.create({ url: target });
}

let states: Record<string, PdfScanState> = {};
const listeners = new Set<() => void>();
const controllers = new Map<string, AbortController>();
let queue = Promise.resolve();
let settings: EffectiveSettings | null = null;
let settingsWatched = false;
/** A scan waits for the settings: the first one would otherwise miss the griffie's terms, and its stored result would carry another variant. */
let settingsLoaded: Promise<void> = Promise.resolve();

function set(url: string, s: PdfScanState) {
  states = { ...states, [url]: s };
  listeners.forEach((l) => l());
}

async function run(rules: RuleSet, doc: PdfDoc, fresh: boolean, expanded: boolean) {
  const { url } = doc;
  const controller = controllers.get(url);
  if (!controller || controller.signal.aborted) return;
  set(url, { status: 'running', phase: 'checking', page: 0, pageLimit: 0, pageCount: 0, liveMatches: 0 });
  try {
    const { scanPdfUrl } = await import('@/lib/surface/pdf/browser');
    await settingsLoaded;
    // The reader's own terms, switched-off categories and the griffie's terms count in PDFs too.
    const a = analyserForSettings(settings, rules);
    let live = 0;
    let lastPaint = 0;
    const { result, fromCache } = await scanPdfUrl(url, {
      analyser: a.analyser,
      variant: a.variant,
      title: (disposition) => documentName({ url, portalName: doc.name, disposition, tabTitle: doc.tabTitle }),
      signal: controller.signal,
      useCache: !fresh,
      mayRead: (u) => mayReadUrl(u),
      onPhase: (phase) => set(url, { status: 'running', phase, page: 0, pageLimit: 0, pageCount: 0, liveMatches: 0 }),
      onPage: (p) => {
        live += p.matches.length;
        // Repaint at most every 100 ms: a 1 000-page document must not re-render 1 000 times.
        const now = performance.now();
        if (p.page === 1 || p.page === p.pageLimit || now - lastPaint > 100) {
          lastPaint = now;
          set(url, { status: 'running', phase: 'reading', page: p.page, pageLimit: p.pageLimit, pageCount: p.pageCount, liveMatches: live });
        }
      },
    });
    if (!controller.signal.aborted) set(url, { status: 'done', result, fromCache, expanded });
  } catch (e) {
    if (!controller.signal.aborted || (e instanceof PdfError && e.kind === 'cancelled')) {
      set(url, { status: 'error', error: e instanceof PdfError ? e : fromPdfJsError(e) });
    }
  } finally {
    if (controllers.get(url) === controller) controllers.delete(url);
  }
}

/** The permission each document's host needs; asked for in the click, only checked when automatic. */
function permitted(urls: string[], auto: boolean): Promise<boolean> {
  const origins = originsOf(urls);
  const api = browser.permissions;
  return (auto ? api.contains({ origins }) : api.request({ origins })).catch(() => false);
}

function scan(rules: RuleSet, docs: PdfDoc[], options: ScanOptions = {}) {
  const todo = docs.filter((d) => !controllers.has(d.url));
  if (todo.length === 0) return;
  for (const d of todo) {
    controllers.set(d.url, new AbortController());
    set(d.url, { status: 'queued' });
  }
  // permissions.request must be called synchronously in the click; for hosts the extension
  // already may read it answers true without asking.
  const granted = permitted(todo.map((d) => d.url), options.auto ?? false);
  queue = queue.then(async () => {
    const ok = await granted;
    for (const d of todo) {
      if (!ok) {
        controllers.delete(d.url);
        const host = new URL(d.url).host;
        set(d.url, options.auto ? { status: 'blocked', host } : { status: 'error', error: pdfErrors.permission(host) });
        continue;
      }
      await run(rules, d, options.fresh ?? false, todo.length === 1);
    }
  });
}

function cancel(url: string) {
  const c = controllers.get(url);
  if (!c) return;
  c.abort();
  controllers.delete(url);
  set(url, { status: 'error', error: pdfErrors.cancelled() });
}

export function usePdfScans(rules: RuleSet): PdfScans {
  const [current, setCurrent] = useState(states);
  useEffect(() => {
    const listener = () => setCurrent(states);
    listeners.add(listener);
    listener();
    if (!settingsWatched) {
      settingsWatched = true;
      settingsLoaded = loadEffectiveSettings().then(
        (l) => void (settings = l),
        () => {},
      );
      watchEffectiveSettings((l) => (settings = l));
      // Closing the panel stops what is running.
      addEventListener('pagehide', () => controllers.forEach((c) => c.abort()));
    }
    return () => void listeners.delete(listener);
  }, []);
  return { states: current, scan: (docs, options) => scan(rules, docs, options), cancel };
}
