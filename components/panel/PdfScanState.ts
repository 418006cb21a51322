// The side panel's PDF scans: one state per document URL, scans run one after another, each
// cancellable. The state lives in this module, not in a component, so a scan goes on (and its
// result stays) while the reader switches between the panel's views. pdf.js is loaded on the
// first scan only.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { documentPromptProblem, holdGrant, isKnownPortal, mayReadUrl, noteDocumentGrant, releaseGrant, sitePatternFor } from '@/lib/extension/permissions';
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
  for (const p of patterns) out.set(p, p === ask ? asked! : known(p) ? api.contains({ origins: [p] }).catch(() => false) : Promise.resolve(false));
  return out;
}

function scan(rules: RuleSet, docs: PdfDoc[], options: ScanOptions = {}) {
  const todo = docs.filter((d) => !controllers.has(d.url));
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
  for (const d of readable) {
    controllers.set(d.url, new AbortController());
    set(d.url, { status: 'queued' });
  }
  // permissions.request must be called synchronously in the click; for hosts the extension
  // already may read it answers true without asking.
  const granted = permitted(
    readable.map((d) => d.url),
    options.auto ?? false,
  );
  queue = queue.then(async () => {
    for (const d of readable) {
      const pattern = sitePatternFor(d.url);
      const ok = pattern ? await granted.get(pattern) : false;
      if (!ok || !pattern) {
        controllers.delete(d.url);
        const host = hostOf(d.url);
        set(d.url, options.auto || (pattern && granted.size > 1) ? { status: 'blocked', host } : { status: 'error', error: pdfErrors.permission(host) });
        continue;
      }
      holdGrant(pattern);
      try {
        await run(rules, d, options.fresh ?? false, todo.length === 1);
      } finally {
        await releaseGrant(pattern).catch(() => {});
      }
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
    watchGrants();
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
