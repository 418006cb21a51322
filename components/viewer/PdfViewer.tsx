// The Raadslens PDF viewer: pdf.js pages (canvas + text layer) rendered as they scroll into view,
// every match painted with the CSS Custom Highlight API under the same names as on web pages,
// and notes and flags on passages, anchored by page + quote, shown again when the PDF is reopened.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { documentName } from '@/lib/surface/pdf/name';
import { portalNameFor } from '@/lib/extension/ui/tab-report';
import { newExtractionLane, type OwnedLoadingTask } from '@/lib/surface/pdf/browser';
import type { ExtractionLane } from '@/lib/surface/pdf/extraction';
import { browser } from 'wxt/browser';
import type { Anchor } from '@/lib/core/anchor';
import { flagsRepo, notesRepo, normaliseDocumentUrl } from '@/lib/record/db';
import { addFlag, addNote, removeEntry } from '@/lib/record/writer';
import { documentFacts } from '@/lib/record/document-meta';
import { pdfTabMeta } from '@/lib/surface/pdf/tab-meta';
import { createHighlightLayer } from '@/lib/surface/page/highlight/css-highlights';
import { showAnchor } from '@/lib/surface/document-surface';
import { ViewerDocument } from '@/lib/surface/pdf/viewer-document';
import { t, tCount } from '@/lib/extension/i18n';
import { DEFAULT_MAX_PAGES, extractPages, MIN_CHARS_PER_PAGE, PdfError, fromPdfJsError } from '@/lib/surface/pdf';
import { openForViewer } from '@/lib/surface/pdf/viewer-open';
import { noteDocumentGrant } from '@/lib/extension/permissions';
import { highlightCss, loadEffectiveSettings, watchEffectiveSettings, type EffectiveSettings } from '@/lib/extension/settings';
import { analyserForSettings, settingsVariant } from '@/lib/extension/settings/analyser';
import { documentOpening } from '@/lib/core/questions/document-kind';
import { addresseeRead, type Addressee } from '@/lib/core/questions/addressee';
import { proposalName, type ProposalDecision } from '@/lib/core/questions/proposal';
import { documentKindRules, type ProposalKind } from '@/lib/core/rules/document-kind';
import { loadBuiltinRules } from '@/lib/core/rules';
import type { ScannedPage } from '@/lib/surface/pdf/scan';
import type { PdfScanResult } from '@/lib/surface/pdf/result';
import { assessViewedPages } from '@/lib/surface/pdf/viewer-assess';
import { createNextTask } from '@/lib/surface/pdf/next-task';
import { usePdfChecklist } from '@/lib/extension/ui/use-pdf-checklist';
import { PdfViewerNotes, type PdfPassage } from './PdfViewerNotes';

/** Pages are drawn within this distance of the view… */
const RENDER_MARGIN_PX = 600;
/** …and taken down beyond this one (larger, so a page near the edge does not flicker). */
const KEEP_MARGIN_PX = 3000;

type ViewState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; grant?: { pattern: string; host: string } }
  | { kind: 'ready'; pageCount: number; width: number; height: number; scale: number };

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

/** The rules the panel's checklist reads with: the viewer keeps the same snapshot for its PDF. */
const rules = loadBuiltinRules();

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
  // The PDF read as the panel reads it, once every page is in: its checklist snapshot, technology
  // and signals are kept with the stored document (the panel's writer), for the letter from "Alles".
  const [result, setResult] = useState<PdfScanResult | undefined>(undefined);
  usePdfChecklist(documentId ? file : null, name, result, rules);
  const state = useRef<ViewerDocument | null>(null);
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
    setResult(undefined);
    // Every page read, for the panel's reading of the whole PDF once they are in.
    const scanned: ScannedPage[] = [];
    // The reading's worker (the panel's extraction worker entry), made once the pages are in and
    // ended with the reading or the viewer: nothing of it runs on after the viewer closes.
    let lane: ExtractionLane | null = null;
    const assess = async (incomplete: boolean, loaded: EffectiveSettings) => {
      if (controller.signal.aborted) return;
      const own = (lane = newExtractionLane());
      try {
        const read = await assessViewedPages(scanned, own.analysis, { url: file, title: name, analyser: settingsVariant(loaded).options, incomplete, signal: controller.signal, nextTask: createNextTask() });
        if (controller.signal.aborted) return;
        if (read) setResult(read);
        document.body.dataset.assessed = read ? 'done' : 'none';
      } finally {
        own.destroy();
      }
    };
    let settings: EffectiveSettings | null = null;
    void (async () => {
      try {
        const opened = await openForViewer(file, controller.signal, (loading) => (task = loading));
        if (opened.kind === 'no-file') return setView({ kind: 'error', message: t('viewerNoFile') });
        // No prompt for this computer, the local network or a look-alike name (see permissions/hosts.ts).
        if (opened.kind === 'refused') return setView({ kind: 'error', message: t('pdfErrorHostRefused', opened.host) });
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
        const at = startMatch();
        const s = new ViewerDocument(doc, {
          root: () => pagesRef.current,
          painter,
          pageCount: shown,
          clicked: at === null ? null : { page: startPage(), at },
          onCount: setMatchCount,
        });
        s.setEntries(passagesRef.current);
        state.current = s;
        setView({ kind: 'ready', pageCount: shown, width: base.width * scale, height: base.height * scale, scale });

        settings = await loadEffectiveSettings();
        followSettings(s, settings);
        let visible = 0;
        // The opening's first pages, to know a motie named "document 12345" as one (its stored kind).
        let opening = '';
        const openingSize = Math.max(documentKindRules().window, documentKindRules().addressee.window);
        // Past the time budget the worker is ended: the pages read so far stay, marked incomplete.
        for await (const p of extractPages(doc, { signal: controller.signal, maxPages: shown, terminate: () => task?.terminate() })) {
          s.addPage(p.page, { text: p.text, map: p.map });
          // Every page's text: a motie's outcome may stand anywhere in it (its stamp, the vote at its end).
          scanned.push({ page: p.page, pageCount: p.pageCount, pageLimit: p.pageLimit, text: p.text });
          if (opening.length < openingSize) {
            const read = documentOpening((opening += `${p.text}\n\n`), documentKindRules());
            openingKind.current = read.kind;
            // Whom it asks is known once the opening is read as far as the rules look (or the document ends).
            openingAddressee.current = opening.length >= openingSize || p.page === p.pageLimit ? addresseeRead(read) : undefined;
          }
          visible += p.text.replace(/\s+/g, '').length;
          if (p.page % 10 === 0 || p.page === p.pageLimit) setExtracted(p.page);
        }
        // What the raad did with a motie or amendement, read from its whole text as the panel's scan
        // reads it (lib/surface/pdf/scan.ts), once every page is read; other documents have none.
        openingDecision.current = proposalName(openingKind.current) ? documentOpening(scanned.map((x) => x.text).join('\n\n'), documentKindRules()).decision : undefined;
        setMatchCount(s.total);
        setPassages((list) => list.map((x) => located(x)));
        // A scan: the pages show, but there is nothing to find or to select.
        setNoText(visible < MIN_CHARS_PER_PAGE * shown);
        document.body.dataset.extracted = 'done';
        // Our error stays ours: the pages, highlights and notes work without the checklist.
        await assess(false, settings).catch(() => {});
      } catch (e) {
        const err = e instanceof PdfError ? e : fromPdfJsError(e);
        const read = state.current?.pagesRead ?? 0;
        if (err.kind === 'over-budget' && read > 0) {
          setCapped(t('pdfIncomplete', read, state.current?.doc.numPages ?? read));
          // What was read is assessed, marked incomplete, as the panel does.
          if (settings) await assess(true, settings).catch(() => {});
        } else if (err.kind !== 'cancelled') setView({ kind: 'error', message: err.message });
      }
    })();
    return () => {
      controller.abort();
      lane?.destroy();
      void task?.destroy();
    };
  }, [file, documentId, attempt]);

  /** The reader's highlight style and terms, as on web pages: applied now and on every later change. */
  const sheet = useMemo(() => new CSSStyleSheet(), []);
  useEffect(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, [sheet]);
  function followSettings(s: ViewerDocument, loaded: EffectiveSettings) {
    sheet.replaceSync(highlightCss(loaded.settings.highlight));
    s.setAnalyser(analyserForSettings(loaded).analyser);
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
    const span = state.current?.located(p.anchor);
    return span === undefined ? p : { ...p, found: !!span, at: span ? { start: span.start, end: span.end } : undefined };
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
          void state.current?.draw(page, e.target as HTMLElement, view.scale);
        }
      },
      { rootMargin: `${RENDER_MARGIN_PX}px 0px` },
    );
    const far = new IntersectionObserver(
      (entries) => {
        for (const e of entries) if (!e.isIntersecting) state.current?.release(Number((e.target as HTMLElement).dataset.page), e.target as HTMLElement);
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
    state.current?.setEntries(shown);
  }
  useEffect(() => {
    void loadPassages().catch(() => {});
  }, [documentId]);

  // The last selection in a text layer, kept so a click on a toolbar button still knows it.
  const selection = useRef<Anchor | null>(null);
  // What the PDF's opening shows it is (./lib/core/questions/document-kind.ts), once its first pages are read.
  const openingKind = useRef<ProposalKind | undefined>(undefined);
  /** Whom its questions go to (lib/core/questions/addressee.ts), once the opening is read. */
  const openingAddressee = useRef<Addressee | undefined>(undefined);
  /** What the raad did with it (a motie's or amendement's own text), once every page is read. */
  const openingDecision = useRef<ProposalDecision | undefined>(undefined);
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
    // Gemeente and kind as the panel gives them for this PDF (its address and name), so a letter
    // written later from "Alles" names the gemeente and "de motie", not "[gemeente]" and "het raadsstuk".
    const doc = documentFacts(file, name, pdfTabMeta(file, name, document.implementation.createHTMLDocument(''), { kind: openingKind.current }), openingAddressee.current, openingDecision.current);
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
          {t('viewerPageOf', view.pageCount)} · {tCount(matchCount, 'matchCountLabel', 'matchCountLabelOne')}
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
