// The side panel's PDF scans: one state per document URL, scans run one after another, each
// cancellable. pdf.js is loaded on the first scan only.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createAnalyser, type Analyser } from '@/lib/analyse';
import type { RuleSet } from '@/lib/rules';
import { analyserOptionsFrom, loadSettings, watchSettings } from '@/lib/settings';
import { PdfError, pdfErrors, fromPdfJsError, type PdfScanResult } from '@/lib/pdf';
import type { ScanPhase } from '@/lib/pdf/browser';

export type PdfScanState =
  | { status: 'queued' }
  | { status: 'running'; phase: ScanPhase; page: number; pageLimit: number; pageCount: number; liveMatches: number }
  /** expanded: the results open at once (one document scanned); after "Scan alle" they start folded. */
  | { status: 'done'; result: PdfScanResult; fromCache: boolean; expanded: boolean }
  | { status: 'error'; error: PdfError };

export interface PdfScans {
  states: Record<string, PdfScanState>;
  /** Call straight from the click: asks for the hosts' permission within the reader's gesture. */
  scan(docs: { url: string; name: string }[], options?: { fresh?: boolean }): void;
  cancel(url: string): void;
}

function originsOf(urls: string[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    try {
      out.add(`${new URL(u).origin}/*`);
    } catch {
      // not a URL: the fetch will say so
    }
  }
  return [...out];
}

/** Opens the Raadslens PDF viewer on `url` at `page` in a new tab. */
export function openPdfViewer(url: string, page?: number): void {
  const target = `${browser.runtime.getURL('/pdf-viewer.html')}?file=${encodeURIComponent(url)}${page ? `#page=${page}` : ''}`;
  void browser.tabs.create({ url: target });
}

export function usePdfScans(rules: RuleSet): PdfScans {
  const [states, setStates] = useState<Record<string, PdfScanState>>({});
  const analyser = useRef<{ analyser: Analyser; variant: string } | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  const queue = useRef(Promise.resolve());

  const set = useCallback((url: string, s: PdfScanState) => setStates((prev) => ({ ...prev, [url]: s })), []);

  // The reader's own terms and switched-off categories count in PDFs too.
  useEffect(() => {
    const apply = (settings: Awaited<ReturnType<typeof loadSettings>>['settings']) => {
      const options = analyserOptionsFrom(settings);
      analyser.current = { analyser: createAnalyser(rules, options), variant: JSON.stringify(options) };
    };
    void loadSettings().then((l) => apply(l.settings));
    return watchSettings((l) => apply(l.settings));
  }, [rules]);

  const run = useCallback(
    async (url: string, name: string, fresh: boolean, expanded: boolean) => {
      const controller = controllers.current.get(url);
      if (!controller || controller.signal.aborted) return;
      set(url, { status: 'running', phase: 'checking', page: 0, pageLimit: 0, pageCount: 0, liveMatches: 0 });
      try {
        const { scanPdfUrl } = await import('@/lib/pdf/browser');
        const a = analyser.current ?? { analyser: createAnalyser(rules), variant: JSON.stringify({}) };
        let live = 0;
        let lastPaint = 0;
        const { result, fromCache } = await scanPdfUrl(url, {
          analyser: a.analyser,
          variant: a.variant,
          title: name,
          signal: controller.signal,
          useCache: !fresh,
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
        set(url, { status: 'done', result, fromCache, expanded });
      } catch (e) {
        set(url, { status: 'error', error: e instanceof PdfError ? e : fromPdfJsError(e) });
      } finally {
        controllers.current.delete(url);
      }
    },
    [rules, set],
  );

  const scan = useCallback(
    (docs: { url: string; name: string }[], options: { fresh?: boolean } = {}) => {
      const todo = docs.filter((d) => !controllers.current.has(d.url));
      if (todo.length === 0) return;
      for (const d of todo) {
        controllers.current.set(d.url, new AbortController());
        set(d.url, { status: 'queued' });
      }
      // permissions.request must be called synchronously in the click; for hosts the extension
      // already may read it answers true without asking.
      const granted = browser.permissions.request({ origins: originsOf(todo.map((d) => d.url)) }).catch(() => false);
      queue.current = queue.current.then(async () => {
        const ok = await granted;
        for (const d of todo) {
          if (!ok) {
            controllers.current.delete(d.url);
            set(d.url, { status: 'error', error: pdfErrors.permission(new URL(d.url).host) });
            continue;
          }
          await run(d.url, d.name, options.fresh ?? false, todo.length === 1);
        }
      });
    },
    [run, set],
  );

  const cancel = useCallback(
    (url: string) => {
      const c = controllers.current.get(url);
      if (!c) return;
      c.abort();
      controllers.current.delete(url);
      set(url, { status: 'error', error: pdfErrors.cancelled() });
    },
    [set],
  );

  // Closing the panel stops what is running.
  useEffect(() => () => controllers.current.forEach((c) => c.abort()), []);

  return { states, scan, cancel };
}
