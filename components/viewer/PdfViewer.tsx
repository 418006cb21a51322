// The Raadslens PDF viewer: pdf.js pages (canvas + text layer) rendered as they scroll into view,
// every match painted with the CSS Custom Highlight API under the same names as on web pages,
// and notes and flags on passages, anchored by page + quote, shown again when the PDF is reopened.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { documentName } from '@/lib/surface/pdf/name';
import { portalNameFor } from '@/lib/extension/tabs/tab-state';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { browser } from 'wxt/browser';
import { createAnalyser, PartsSoFar } from '@/lib/core/analyse';
import { describeQuote, reanchor, type Anchor } from '@/lib/core/anchor';
import { flagsRepo, notesRepo, normaliseDocumentUrl } from '@/lib/record/db';
import { addFlag, addNote, removeEntry } from '@/lib/record/writer';
import { HIGHLIGHT_PREFIX, highlightName } from '@/lib/surface/page/highlight/engine';
import { t } from '@/lib/extension/i18n';
import type { TermMatch } from '@/lib/core/match';
import { DEFAULT_MAX_PAGES, extractPages, fetchPdf, MIN_CHARS_PER_PAGE, PdfError, pdfErrors, fromPdfJsError, textOffsetOf, type PageText } from '@/lib/surface/pdf';
import { openPdf, type OwnedLoadingTask } from '@/lib/surface/pdf/browser';
import { dropRangesWithin, itemIndexOf, rangesFor, releasePdfPage, renderPdfPage, type RenderedPage } from '@/lib/surface/pdf/render';
import { loadBuiltinRules } from '@/lib/core/rules';
import { documentHostProblem, mayReadUrl, noteDocumentGrant, releaseGrant, sitePatternFor } from '@/lib/extension/permissions';
import { effectiveAnalyserOptions, highlightCss, loadEffectiveSettings, pdfFetchAllowed } from '@/lib/extension/settings';
import { PdfViewerNotes, type PdfPassage } from './PdfViewerNotes';

const rules = loadBuiltinRules();
const NOTE_HIGHLIGHT = highlightName('note');
const FLAG_HIGHLIGHT = highlightName('flag');
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
  texts: (PageText | undefined)[];
  matches: (readonly TermMatch[] | undefined)[];
  rendered: Map<number, RenderedPage>;
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
 * The CSS Custom Highlight API (Chrome 105+, Firefox 140+). Without it the pages still show and
 * notes still work; only the marks are missing.
 */
const canHighlight = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** A Highlight that collects nothing, for browsers without the API. */
const NO_HIGHLIGHT = { add: () => undefined } as unknown as Highlight;

function registryHighlight(name: string): Highlight {
  if (!canHighlight) return NO_HIGHLIGHT;
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    CSS.highlights.set(name, h);
  }
  return h;
}

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
    let task: OwnedLoadingTask | null = null;
    void (async () => {
      try {
        // Host patterns without the port: Firefox never grants (nor answers a request for) one with a port.
        const pattern = sitePatternFor(file);
        // Denied on error: a failing check must not read a document nobody allowed.
        const allowed = pattern ? await mayReadUrl(file) : false;
        if (!allowed && !pattern) {
          setView({ kind: 'error', message: t('viewerNoFile') });
          return;
        }
        if (!allowed && pattern) {
          const host = new URL(file).hostname;
          // No prompt for this computer, the local network or a look-alike name (see hosts.ts).
          if (documentHostProblem(file)) setView({ kind: 'error', message: t('pdfErrorHostRefused', host) });
          else setView({ kind: 'error', message: t('pdfErrorPermission', host), grant: { pattern, host } });
          return;
        }
        if (!(await pdfFetchAllowed())) throw pdfErrors.blocked();
        const fetched = fetchPdf(file, { signal: controller.signal, mayRead: (u) => mayReadUrl(u) });
        // A grant asked for this document only is given back once it is fetched.
        if (pattern) void fetched.finally(() => releaseGrant(pattern).catch(() => {})).catch(() => {});
        const { bytes, disposition: named } = await fetched;
        setDisposition(named);
        task = await openPdf(bytes);
        const doc = await task.promise;
        const first = await doc.getPage(1);
        const base = first.getViewport({ scale: 1 });
        const available = Math.max(320, window.innerWidth - 380);
        const scale = Math.min(1.5, available / base.width);
        state.current = { doc, texts: [], matches: [], rendered: new Map(), pending: new Set() };
        // The same page cap as the panel's scan and the CLI: a PDF claiming 20,000 pages made as
        // many page sections.
        const shown = Math.min(doc.numPages, DEFAULT_MAX_PAGES);
        if (shown < doc.numPages) setCapped(t('pdfTruncated', doc.numPages, shown));
        setView({ kind: 'ready', pageCount: shown, width: base.width * scale, height: base.height * scale, scale });

        const loaded = await loadEffectiveSettings();
        const { settings } = loaded;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(highlightCss(settings.highlight));
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        const analyser = createAnalyser(rules, effectiveAnalyserOptions(loaded));
        // Pilots count only near technology, which may stand on the next page: the pages read so
        // far are one document, and a page whose matches change with a new page is painted again.
        const read = new PartsSoFar(analyser);
        let visible = 0;
        // Past the time budget the worker is ended: the pages read so far stay, marked incomplete.
        for await (const p of extractPages(doc, { signal: controller.signal, maxPages: shown, terminate: () => task?.terminate() })) {
          const s = state.current;
          s.texts[p.page - 1] = { text: p.text, map: p.map };
          visible += p.text.replace(/\s+/g, '').length;
          const changed = read.add({ text: p.text, matches: analyser.find(p.text).matches });
          s.matches[p.page - 1] = read.counted(p.page - 1);
          paint(p.page);
          for (const i of changed) {
            s.matches[i] = read.counted(i);
            repaint(i + 1);
          }
          if (p.page % 10 === 0 || p.page === p.pageLimit) {
            setMatchCount(read.total);
            setExtracted(p.page);
          }
        }
        setPassages((list) => list.map((x) => locate(x)));
        // A scan: the pages show, but there is nothing to find or to select.
        setNoText(visible < MIN_CHARS_PER_PAGE * shown);
        document.body.dataset.extracted = 'done';
      } catch (e) {
        const err = e instanceof PdfError ? e : fromPdfJsError(e);
        const read = state.current?.texts.filter(Boolean).length ?? 0;
        if (err.kind === 'over-budget' && read > 0) setCapped(t('pdfIncomplete', read, state.current?.doc.numPages ?? read));
        else if (err.kind !== 'cancelled') setView({ kind: 'error', message: err.message });
      }
    })();
    return () => {
      controller.abort();
      void task?.destroy();
    };
  }, [file, documentId, attempt]);

  /** Where a note's passage is now (reanchored on its page's current text). */
  function locate(p: PdfPassage): PdfPassage {
    const page = p.anchor.page ?? 1;
    const text = state.current?.texts[page - 1];
    if (!text) return p;
    const hit = reanchor(text.text, p.anchor);
    return { ...p, found: !!hit, at: hit ? { start: hit.start, end: hit.end } : undefined };
  }

  /** Paints matches and passages of `page` once both its text and its text layer exist. */
  function paint(page: number) {
    const s = state.current;
    const text = s?.texts[page - 1];
    const rendered = s?.rendered.get(page);
    if (!s || !text || !rendered) return;
    let count = 0;
    for (const m of s.matches[page - 1] ?? []) {
      const h = registryHighlight(highlightName(m.category));
      for (const r of rangesFor(rendered, text.map, m.start, m.end)) {
        h.add(r);
        count++;
      }
    }
    paintPassages(page);
    const host = pagesRef.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
    if (host) host.dataset.highlights = String(count);
    showClickedMatch(page);
  }

  /** Paints a drawn page again, its highlights taken down first (its matches changed). */
  function repaint(page: number) {
    const host = pagesRef.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
    if (!host || !state.current?.rendered.has(page)) return;
    if (canHighlight) dropRangesWithin(host, CSS.highlights, HIGHLIGHT_PREFIX);
    paint(page);
  }

  /** Marks the match the reader clicked in the panel and brings it to the middle of the view, once. */
  const clickedShown = useRef(false);
  function showClickedMatch(page: number) {
    const at = startMatch();
    const s = state.current;
    if (clickedShown.current || at === null || page !== startPage() || !s) return;
    const text = s.texts[page - 1];
    const rendered = s.rendered.get(page);
    const m = s.matches[page - 1]?.find((x) => x.start === at);
    if (!text || !rendered || !m) return;
    clickedShown.current = true;
    const ranges = rangesFor(rendered, text.map, m.start, m.end);
    if (ranges.length === 0) return;
    if (canHighlight) CSS.highlights.set(highlightName('active'), new Highlight(...ranges));
    ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }

  function paintPassages(page: number) {
    const s = state.current;
    const text = s?.texts[page - 1];
    const rendered = s?.rendered.get(page);
    if (!s || !text || !rendered) return;
    for (const p of passagesRef.current) {
      if ((p.anchor.page ?? 1) !== page) continue;
      const hit = reanchor(text.text, p.anchor);
      // Notes and flags (aandachtspunten) each in their own style.
      const h = registryHighlight(p.kind === 'flag' ? FLAG_HIGHLIGHT : NOTE_HIGHLIGHT);
      if (hit) for (const r of rangesFor(rendered, text.map, hit.start, hit.end)) h.add(r);
    }
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
    if (!s || !s.rendered.has(page) || s.pending.has(page)) return;
    s.rendered.delete(page);
    if (canHighlight) dropRangesWithin(host, CSS.highlights, HIGHLIGHT_PREFIX);
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
    if (!s || s.rendered.has(page) || s.pending.has(page)) return;
    s.pending.add(page);
    try {
      const rendered = await renderPdfPage(await s.doc.getPage(page), host.querySelector<HTMLElement>('.pdf-canvas-host') ?? host, scale);
      s.rendered.set(page, rendered);
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
    const located = list.map((p) => locate(p));
    passagesRef.current = located;
    setPassages(located);
    if (canHighlight) {
      CSS.highlights.delete(NOTE_HIGHLIGHT);
      CSS.highlights.delete(FLAG_HIGHLIGHT);
    }
    state.current?.rendered.forEach((_, page) => paintPassages(page));
  }
  useEffect(() => {
    void loadPassages().catch(() => {});
  }, [documentId]);

  // The last selection in a text layer, kept so a click on a toolbar button still knows it.
  const selection = useRef<Anchor | null>(null);
  useEffect(() => {
    const onChange = () => {
      const anchor = selectionAnchor();
      if (anchor) selection.current = anchor;
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  function selectionAnchor(): Anchor | null {
    const s = state.current;
    const sel = document.getSelection();
    if (!s || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const pageEl = (range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : (range.startContainer as Element))?.closest<HTMLElement>('[data-page]');
    if (!pageEl) return null;
    const page = Number(pageEl.dataset.page);
    const rendered = s.rendered.get(page);
    const text = s.texts[page - 1];
    if (!rendered || !text) return null;
    const startItem = itemIndexOf(rendered, range.startContainer);
    if (startItem < 0) return null;
    const start = textOffsetOf(text.map, startItem, range.startOffset);
    const endItem = pageEl.contains(range.endContainer) ? itemIndexOf(rendered, range.endContainer) : -1;
    const end = endItem < 0 ? text.text.length : textOffsetOf(text.map, endItem, range.endOffset);
    if (end <= start) return null;
    return describeQuote(text.text, start, end, { page });
  }

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
                    .then(async (ok) => {
                      if (!ok) return;
                      await noteDocumentGrant(view.grant!.pattern).catch(() => {});
                      setAttempt((n) => n + 1);
                    })
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
          takeSelection={() => selectionAnchor() ?? selection.current}
          onSave={savePassage}
          onRemove={removePassage}
          onShow={(p) => showPage(p.anchor.page ?? 1)}
        />
      </div>
    </div>
  );
}
