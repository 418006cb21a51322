// The Raadslens PDF viewer: pdf.js pages (canvas + text layer) rendered as they scroll into view,
// every match painted with the CSS Custom Highlight API under the same names as on web pages,
// and notes and flags on passages, anchored by page + quote, shown again when the PDF is reopened.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { documentName } from '@/lib/surface/pdf/name';
import { portalNameFor } from '@/lib/extension/tabs/tab-state';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { browser } from 'wxt/browser';
import { PartsSoFar, type Analyser } from '@/lib/core/analyse';
import type { Anchor } from '@/lib/core/anchor';
import { flagsRepo, notesRepo, normaliseDocumentUrl } from '@/lib/record/db';
import { addFlag, addNote, removeEntry } from '@/lib/record/writer';
import { createHighlightLayer } from '@/lib/surface/page/highlight/css-highlights';
import { locate, paintEntries, paintMatches, showAnchor } from '@/lib/surface/document-surface';
import { createPdfSurface, type PdfSurface } from '@/lib/surface/pdf/pdf-surface';
import { t } from '@/lib/extension/i18n';
import type { TermMatch } from '@/lib/core/match';
import { DEFAULT_MAX_PAGES, extractPages, MIN_CHARS_PER_PAGE, PdfError, fromPdfJsError } from '@/lib/surface/pdf';
import { openForViewer } from '@/lib/surface/pdf/viewer-open';
import { releasePdfPage, renderPdfPage } from '@/lib/surface/pdf/render';
import { highlightCss, loadEffectiveSettings, watchEffectiveSettings, type EffectiveSettings } from '@/lib/extension/settings';
import { analyserForSettings } from '@/lib/extension/settings/analyser';
import { PdfViewerNotes, type PdfPassage } from './PdfViewerNotes';

/** Pages are drawn within this distance of the view… */
const RENDER_MARGIN_PX = 600;
/** …and taken down beyond this one (larger, so a page near the edge does not flicker). */
const KEEP_MARGIN_PX = 3000;

type ViewState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; grant?: { pattern: string; host: string } }
  | { kind: 'ready'; pageCount: number; width: number; height: number; scale: number };

interface DocState {
  doc: PDFDocumentProxy;
  surface: PdfSurface;
  /** Pages read so far, with the matches that count (pilots only near technology, maybe on the next page). */
  analysis: { analyser: Analyser; read: PartsSoFar } | null;
  pageCount: number;
  matches: (readonly TermMatch[] | undefined)[];
  pending: Set<number>;
}

function startPage(): number {
  const n = Number(/(?:^|[#&])page=(\d+)/.exec(location.hash)?.[1] ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** `#page=N&at=S`: the match the reader clicked in the panel starts at S in page N's text. */
function startMatch(): number | null {
  const at = /[#&]at=(\d+)/.exec(location.hash)?.[1];
  return at === undefined ? null : Number(at);
}

/**
 * The viewer's painter: the CSS Custom Highlight API (Chrome 105+, Firefox 140+). Without it the
 * pages still show and notes still work; only the marks are missing.
 */
const painter = createHighlightLayer(document, null);

export function PdfViewer() {
  const file = useMemo(() => new URLSearchParams(location.search).get('file'), []);
  // Named as an open portal page names it, else by its file name (address or Content-Disposition).
  const [portalName, setPortalName] = useState<string | undefined>(undefined);
  const [disposition, setDisposition] = useState<string | null>(null);
  const name = file ? documentName({ url: file, portalName, disposition }) : '';
  useEffect(() => {
    if (file) void portalNameFor(file).then(setPortalName, () => {});
  }, [file]);
  useEffect(() => {
    if (name) document.title = `${name} – Raadslens`;
  }, [name]);
  const documentId = useMemo(() => {
    try {
      return file ? normaliseDocumentUrl(file) : null;
    } catch {
      return null;
    }
  }, [file]);
  const [view, setView] = useState<ViewState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [matchCount, setMatchCount] = useState(0);
  const [extracted, setExtracted] = useState(0);
  const [passages, setPassages] = useState<PdfPassage[]>([]);
  const [noText, setNoText] = useState(false);
  const [capped, setCapped] = useState<string | null>(null);
  const state = useRef<DocState | null>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const passagesRef = useRef<PdfPassage[]>([]);
  passagesRef.current = passages;

  // Load: permission, fetch, open, then read every page's text in the background.
  useEffect(() => {
    if (!file || !documentId) {
      setView({ kind: 'error', message: t('viewerNoFile') });
      return;
    }
    const controller = new AbortController();
    let task: PDFDocumentLoadingTask | null = null;
    void (async () => {
      try {
        const opened = await openForViewer(file, controller.signal, (loading) => (task = loading));
        if (opened.kind === 'no-file') return setView({ kind: 'error', message: t('viewerNoFile') });
        if (opened.kind === 'permission') {
          const { pattern, host } = opened;
          return setView({ kind: 'error', message: t('pdfErrorPermission', host), grant: { pattern, host } });
        }
        const { doc } = opened;
        setDisposition(opened.disposition);
        const first = await doc.getPage(1);
        const base = first.getViewport({ scale: 1 });
        const available = Math.max(320, window.innerWidth - 380);
        const scale = Math.min(1.5, available / base.width);
        // The same page cap as the panel's scan and the CLI: a PDF claiming 20,000 pages made as
        // many page sections.
        const shown = Math.min(doc.numPages, DEFAULT_MAX_PAGES);
        if (shown < doc.numPages) setCapped(t('pdfTruncated', doc.numPages, shown));
        const s: DocState = { doc, surface: createPdfSurface(() => pagesRef.current, painter), analysis: null, pageCount: shown, matches: [], pending: new Set() };
        state.current = s;
        setView({ kind: 'ready', pageCount: shown, width: base.width * scale, height: base.height * scale, scale });

        followSettings(s, await loadEffectiveSettings());
        let visible = 0;
        for await (const p of extractPages(doc, { signal: controller.signal, maxPages: shown })) {
          s.surface.setText(p.page, { text: p.text, map: p.map });
          visible += p.text.replace(/\s+/g, '').length;
          analysePage(s, p.page);
          if (p.page % 10 === 0 || p.page === p.pageLimit) setExtracted(p.page);
        }
        setMatchCount(s.analysis?.read.total ?? 0);
        setPassages((list) => list.map((x) => located(x)));
        // A scan: the pages show, but there is nothing to find or to select.
        setNoText(visible < MIN_CHARS_PER_PAGE * shown);
        document.body.dataset.extracted = 'done';
      } catch (e) {
        const err = e instanceof PdfError ? e : fromPdfJsError(e);
        if (err.kind !== 'cancelled') setView({ kind: 'error', message: err.message });
      }
    })();
    return () => {
      controller.abort();
      void task?.destroy();
    };
  }, [file, documentId, attempt]);

  /**
   * Adds page `page` (its text read) to what was analysed; a page whose matches change with it (a
   * pilot near technology on the next page) is painted again.
   */
  function analysePage(s: DocState, page: number) {
    const text = s.surface.text(page);
    if (!s.analysis || text === null) return;
    const { analyser, read } = s.analysis;
    const changed = read.add({ text, matches: analyser.find(text).matches });
    s.matches[page - 1] = read.counted(page - 1);
    paint(page);
    for (const i of changed) {
      s.matches[i] = read.counted(i);
      repaint(i + 1);
    }
    if (page % 10 === 0) setMatchCount(read.total);
  }

  /** The reader's highlight style and terms, as on web pages: applied now and on every later change. */
  const sheet = useMemo(() => new CSSStyleSheet(), []);
  useEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, [sheet]);
  function followSettings(s: DocState, loaded: EffectiveSettings) {
    sheet.replaceSync(highlightCss(loaded.settings.highlight));
    const { analyser } = analyserForSettings(loaded);
    if (s.analysis?.analyser === analyser) return;
    // Other terms: every page read so far is analysed again, and its highlights painted anew.
    s.analysis = { analyser, read: new PartsSoFar(analyser) };
    s.matches = [];
    for (let page = 1; page <= s.pageCount; page++) {
      const host = s.surface.host(page);
      if (host && s.surface.isDrawn(page)) painter.removeWithin(host);
    }
    for (let page = 1; page <= s.pageCount && s.surface.text(page) !== null; page++) analysePage(s, page);
    setMatchCount(s.analysis.read.total);
  }
  useEffect(
    () =>
      watchEffectiveSettings((loaded) => {
        if (state.current) followSettings(state.current, loaded);
      }),
    [],
  );

  /** Where a note's passage is now (reanchored on its page's current text; unknown while that page is not read). */
  function located(p: PdfPassage): PdfPassage {
    const s = state.current;
    if (!s || s.surface.text(p.anchor.page ?? 1) === null) return p;
    const span = locate(s.surface, p.anchor);
    return { ...p, found: !!span, at: span ? { start: span.start, end: span.end } : undefined };
  }

  /** Paints matches and passages of `page` once both its text and its text layer exist. */
  function paint(page: number) {
    const s = state.current;
    if (!s || s.surface.text(page) === null || !s.surface.isDrawn(page)) return;
    const count = paintMatches(s.surface, s.matches[page - 1] ?? [], page);
    paintEntries(s.surface, passagesRef.current, (a) => (a.page ?? 1) === page);
    const host = s.surface.host(page);
    if (host) host.dataset.highlights = String(count);
    showClickedMatch(page);
  }

  /** Paints a drawn page again, its highlights taken down first (its matches changed). */
  function repaint(page: number) {
    const host = state.current?.surface.host(page);
    if (!host || !state.current?.surface.isDrawn(page)) return;
    painter.removeWithin(host);
    paint(page);
  }

  /** Marks the match the reader clicked in the panel and brings it to the middle of the view, once. */
  const clickedShown = useRef(false);
  function showClickedMatch(page: number) {
    const at = startMatch();
    const s = state.current;
    if (clickedShown.current || at === null || page !== startPage() || !s) return;
    const m = s.matches[page - 1]?.find((x) => x.start === at);
    if (!m) return;
    clickedShown.current = true;
    s.surface.scrollTo({ start: m.start, end: m.end, page }, true);
  }
  // Lazy rendering: a page is drawn when it comes near the viewport, and taken down again when
  // it is far away, so a 500-page bundle holds a few canvases, not 500.
  useEffect(() => {
    if (view.kind !== 'ready' || !pagesRef.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const page = Number((e.target as HTMLElement).dataset.page);
          void renderPage(page, e.target as HTMLElement, view.scale);
        }
      },
      { rootMargin: `${RENDER_MARGIN_PX}px 0px` },
    );
    const far = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (!e.isIntersecting) freePage(Number((e.target as HTMLElement).dataset.page), e.target as HTMLElement);
      },
      { rootMargin: `${KEEP_MARGIN_PX}px 0px` },
    );
    pagesRef.current.querySelectorAll('[data-page]').forEach((el) => {
      observer.observe(el);
      far.observe(el);
    });
    const target = pagesRef.current.querySelector(`[data-page="${Math.min(startPage(), view.pageCount)}"]`);
    target?.scrollIntoView({ block: 'start' });
    const onHash = () => pagesRef.current?.querySelector(`[data-page="${startPage()}"]`)?.scrollIntoView({ block: 'start' });
    window.addEventListener('hashchange', onHash);
    return () => {
      observer.disconnect();
      far.disconnect();
      window.removeEventListener('hashchange', onHash);
    };
  }, [view]);

  /** Takes a far-away page down: its highlights, canvas and text layer go; it is drawn again when it comes near. */
  function freePage(page: number, host: HTMLElement) {
    const s = state.current;
    if (!s || !s.surface.isDrawn(page) || s.pending.has(page)) return;
    s.surface.released(page);
    releasePdfPage(host.querySelector<HTMLElement>('.pdf-canvas-host') ?? host);
    host.dataset.rendered = 'false';
    delete host.dataset.highlights;
    void s.doc
      .getPage(page)
      .then((p) => p.cleanup())
      .catch(() => undefined);
  }

  async function renderPage(page: number, host: HTMLElement, scale: number) {
    const s = state.current;
    if (!s || s.surface.isDrawn(page) || s.pending.has(page)) return;
    s.pending.add(page);
    try {
      const rendered = await renderPdfPage(await s.doc.getPage(page), host.querySelector<HTMLElement>('.pdf-canvas-host') ?? host, scale);
      s.surface.drawn(page, rendered, host);
      host.dataset.rendered = 'true';
      paint(page);
    } catch {
      // A page that fails to draw stays a blank placeholder; the others go on.
    } finally {
      s.pending.delete(page);
    }
  }

  // Notes and flags of this PDF, from IndexedDB.
  async function loadPassages() {
    if (!documentId) return;
    const [notes, flags] = await Promise.all([notesRepo.listByDocument(documentId), flagsRepo.listByDocument(documentId)]);
    const list: PdfPassage[] = [
      ...notes.flatMap((n) => (n.anchor ? [{ id: n.id, kind: 'note' as const, text: n.text, anchor: n.anchor, updatedAt: n.updatedAt }] : [])),
      ...flags.flatMap((f) => (f.anchor ? [{ id: f.id, kind: 'flag' as const, text: f.reason, anchor: f.anchor, updatedAt: f.updatedAt }] : [])),
    ];
    list.sort((a, b) => (a.anchor.page ?? 0) - (b.anchor.page ?? 0) || a.anchor.start - b.anchor.start);
    const shown = list.map((p) => located(p));
    passagesRef.current = shown;
    setPassages(shown);
    painter.set('note', []);
    painter.set('flag', []);
    const s = state.current;
    if (s) paintEntries(s.surface, shown);
  }
  useEffect(() => {
    void loadPassages().catch(() => {});
  }, [documentId]);

  // The last selection in a text layer, kept so a click on a toolbar button still knows it.
  const selection = useRef<Anchor | null>(null);
  useEffect(() => {
    const onChange = () => {
      const anchor = state.current?.surface.selectionAnchor();
      if (anchor) selection.current = anchor;
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  async function savePassage(kind: 'note' | 'flag', anchor: Anchor, text: string) {
    if (!file || !documentId) return;
    const doc = { url: file, title: name };
    if (kind === 'note') await addNote(doc, { text, anchor });
    else await addFlag(doc, { kind: 'passage', anchor, reason: text });
    await loadPassages();
  }

  async function removePassage(p: PdfPassage) {
    await removeEntry(p.kind, p.id);
    await loadPassages();
  }

  const showPage = (page: number) => pagesRef.current?.querySelector(`[data-page="${page}"]`)?.scrollIntoView({ block: 'start' });

  if (view.kind !== 'ready') {
    return (
      <main class="viewer-message">
        <h1>{t('viewerTitle')}</h1>
        {view.kind === 'loading' ? (
          <p aria-live="polite">{t('viewerLoading')}</p>
        ) : (
          <>
            <p role="alert" data-testid="viewer-error">
              {view.message}
            </p>
            {view.grant && (
              <button
                type="button"
                class="primary"
                onClick={() =>
                  void browser.permissions
                    .request({ origins: [view.grant!.pattern] })
                    .then((ok) => ok && setAttempt((n) => n + 1))
                }
              >
                {t('viewerGrant', view.grant.host)}
              </button>
            )}
          </>
        )}
        {file && (
          <p>
            <a href={file} rel="noreferrer noopener">
              {t('viewerOpenOriginal')}
            </a>
          </p>
        )}
      </main>
    );
  }

  return (
    <div class="viewer">
      <header class="viewer-bar">
        <h1 class="viewer-title" title={file ?? ''}>
          {name}
        </h1>
        <span class="small muted" data-testid="viewer-status">
          {t('viewerPageOf', view.pageCount)} · {t('matchCountLabel', matchCount)}
          {extracted < view.pageCount && ` · ${t('pdfProgress', extracted, view.pageCount)}`}
        </span>
        <span class="spacer" />
        {file && (
          <a class="small" href={file} rel="noreferrer noopener">
            {t('viewerOpenOriginal')}
          </a>
        )}
      </header>
      {capped && (
        <p class="notice viewer-notice" role="status" data-testid="viewer-capped">
          {capped}
        </p>
      )}
      {noText && (
        <p class="notice viewer-notice" role="status" data-testid="viewer-notice">
          {t('pdfErrorNoText')}
        </p>
      )}
      <div class="viewer-body">
        <div class="viewer-pages" ref={pagesRef}>
          {Array.from({ length: view.pageCount }, (_, i) => (
            <section
              key={i}
              class="pdf-page"
              data-page={i + 1}
              aria-label={t('viewerPageLabel', i + 1)}
              style={{ minHeight: `${Math.floor(view.height)}px` }}
            >
              <div class="pdf-canvas-host" style={{ width: `${Math.floor(view.width)}px`, height: `${Math.floor(view.height)}px` }} />
            </section>
          ))}
        </div>
        <PdfViewerNotes
          passages={passages}
          takeSelection={() => state.current?.surface.selectionAnchor() ?? selection.current}
          onSave={savePassage}
          onRemove={removePassage}
          onShow={(p) => (state.current && showAnchor(state.current.surface, p.anchor)) || showPage(p.anchor.page ?? 1)}
        />
      </div>
    </div>
  );
}
