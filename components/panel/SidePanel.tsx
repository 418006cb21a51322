import type { CategoryId } from '@/lib/core/rules/schema';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { useChecklist } from '@/lib/extension/ui/use-checklist';
import { documentLetterInput } from '@/lib/extension/ui/letter-input';
import { documentFacts } from '@/lib/record/document-meta';
import type { LetterChoice } from './ExportLetter';
import { matchesInCategories, t } from '@/lib/extension/i18n';
import { loadBuiltinRules } from '@/lib/core/rules';
import { sentenceInWindow } from '@/lib/core/questions/reading';
import type { MatchSummary, Anchor, ScanReport } from '@/lib/extension/messages/protocol';
import { sendToTab, sendToBackground } from '@/lib/extension/messages/send';
import { useDocumentReport, useTabInfo, useTargetTab, useUnkeptReport } from '@/lib/extension/ui/hooks';
import { GriffieHostOffer } from '../common/GriffieHosts';
import { useDocumentNotes } from '@/lib/extension/ui/use-document-notes';
import { errorText } from '@/lib/extension/ui/error-text';
import { watchPendingNote, type PendingNote } from '@/lib/extension/background/menus';
import { attachmentsOf } from '@/lib/surface/pdf/detect';
import { complete, coverageOf, type Coverage } from '@/lib/surface/pdf/coverage';
import { DocumentView } from './DocumentView';
import { AttachmentCoverage } from './Attachments';
import { PdfTabView, useTabReading } from './PdfTab';
import { pdfResultSummary } from './PdfResults';
import { usePdfScans } from './PdfScanState';
import { NotesView } from './NotesView';
import { AllView } from './AllView';
import { preloadRecord } from '@/lib/extension/ui/use-record';
import type { FlagTarget } from './FlagForm';
import { Tabs } from './Tabs';
import { DocTitle } from './DocTitle';
import { ErrorBoundary } from '../common/ErrorBoundary';

const rules = loadBuiltinRules();

type PanelView = 'document' | 'notes' | 'all';
const VIEW_KEY = 'raadslens:view';

/**
 * What was found on a page: the count, or that there was no text to read. While attachments are
 * unread the count is said to be the page's; attachments read add theirs.
 */
function pageSummary(report: ScanReport, coverage: Coverage): string {
  if (report.chars === 0 && report.matchCount === 0) return t('panelNoText');
  const categories = new Set(report.matches.map((m) => m.category)).size;
  const [found, within] = matchesInCategories(report.matchCount, categories);
  const line = complete(coverage) ? t('panelSummary', found, within) : t('panelSummaryThisPage', found, within);
  return coverage.read > 0 ? `${line} · ${t('panelSummaryAttachments', coverage.matches)}` : line;
}

/** The panel reopens on the view the reader left it on (per panel session). */
function rememberedView(): PanelView {
  const v = sessionStorage.getItem(VIEW_KEY);
  return v === 'notes' || v === 'all' ? v : 'document';
}

export function SidePanel() {
  const tabId = useTargetTab();
  const tab = useTabInfo(tabId);
  const report = useDocumentReport(tabId, tab);
  const unkept = useUnkeptReport(tabId);
  // A PDF tab: the panel reads the PDF itself (no content script can), as soon as it may.
  const scans = usePdfScans(rules);
  const reading = useTabReading(tabId, tab, report, scans);
  const pdf = reading.document.kind === 'pdf' ? reading.document : null;
  const pdfState = pdf ? scans.states[pdf.url] : undefined;
  const pdfResult = pdfState?.status === 'done' ? pdfState.result : null;
  // A page: its own text is read; each of its attachments only when the reader asks.
  const attachments = report && !pdf ? attachmentsOf(report) : [];
  const coverage = coverageOf(attachments.map((a) => scans.states[a.url]));
  const emptyText = report && report.chars === 0 ? t('matchesNoText') : complete(coverage) ? undefined : t('matchesNoneOnPage');
  // Fetching an unexplained address failed (not "it is a web page"): say why beside "not read".
  const tabScan = tab && !pdf ? scans.states[tab.url] : undefined;
  const probeError = tabScan?.status === 'error' && !['not-pdf', 'cancelled'].includes(tabScan.error.kind) ? tabScan.error.message : null;
  const notes = useDocumentNotes(tab, report?.portal);
  const checklist = useChecklist(tab, report?.assessment, rules, report?.portal);
  // "Alles" reads every note: done while the panel is idle, so the tab opens at once.
  useEffect(() => preloadRecord(), []);
  const [view, setViewState] = useState<PanelView>(rememberedView);
  const setView = (v: PanelView) => {
    setViewState(v);
    sessionStorage.setItem(VIEW_KEY, v);
  };
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [found, setFound] = useState<ReadonlyMap<string, boolean> | null>(null);
  const [flagTarget, setFlagTarget] = useState<FlagTarget | null>(null);
  const [letterOpen, setLetterOpen] = useState(false);
  /** The whole sentence of each anchored note and flag, asked of the page when the letter opens. */
  const [sentences, setSentences] = useState<Map<string, string> | null>(null);

  // Which notes' passages are still in the page, by entry (a late answer for another tab is dropped).
  const { anchored } = notes;
  useEffect(() => {
    setFound(null);
    if (tabId === null || !report) return;
    let cancelled = false;
    sendToTab(tabId, { type: 'locate-anchors', entries: anchored })
      .then((list) => !cancelled && setFound(new Map(list.map((x) => [x.id, x.found]))))
      .catch(() => !cancelled && setFound(null));
    return () => {
      cancelled = true;
    };
  }, [tabId, report, anchored]);

  /** Runs a request to the page; a page that does not answer gets one Dutch message. */
  const ask = useCallback(async <T,>(p: Promise<T>): Promise<T | undefined> => {
    try {
      const value = await p;
      setMessage(null);
      return value;
    } catch {
      setMessage(t('pageUnreachable'));
      return undefined;
    }
  }, []);

  const startNote = (a: Anchor | null | undefined) => {
    if (a === undefined) return;
    if (a) setAnchor(a);
    else setMessage(t('noSelection'));
    setView('notes');
    setFocusKey((k) => k + 1);
  };

  // Context menu on a selection ("Notitie bij deze passage", "Markeer als aandachtspunt"): the
  // background leaves the passage in storage.session; taken once the tab's document is known.
  const [pending, setPending] = useState<PendingNote | null>(null);
  useEffect(() => (tabId === null ? undefined : watchPendingNote(tabId, setPending)), [tabId]);
  useEffect(() => {
    if (!pending || !tab) return;
    setPending(null);
    if (pending.action === 'flag' && pending.anchor) {
      void notes
        .addFlag({ kind: 'passage', anchor: pending.anchor, reason: '' })
        .then(() => {
          setView('notes');
          setMessage(t('flagAddedFromMenu'));
        })
        // A failed save is a storage problem (quota, private window): say that, in its own words.
        .catch((e: unknown) => setMessage(errorText(e)));
    } else startNote(pending.anchor);
  }, [pending, tab]);

  // The letter quotes whole sentences: the page finds the sentence each note or flag stands in.
  useEffect(() => {
    setSentences(null);
    if (!letterOpen) return;
    const anchored = notes.entries.filter((e) => e.anchor);
    if (tabId === null || !report || anchored.length === 0) {
      setSentences(new Map());
      return;
    }
    let cancelled = false;
    sendToTab(tabId, { type: 'anchor-sentences', anchors: anchored.map((e) => e.anchor!) })
      .then((found) => !cancelled && setSentences(new Map(anchored.flatMap((e, i) => (found[i] ? [[e.id, sentenceInWindow(found[i]!, rules)] as const] : [])))))
      .catch(() => !cancelled && setSentences(new Map()));
    return () => {
      cancelled = true;
    };
  }, [letterOpen, tabId, report, notes.entries]);
  const letter = useMemo((): LetterChoice[] | null => {
    if (!letterOpen || !sentences || !tab) return null;
    // An unstored document: what the portal and the address say about it (gemeente, soort, datum).
    const document = notes.document ?? documentFacts(tab.url, report?.title || tab.title, report?.portal);
    const input = documentLetterInput(
      { document, notes: notes.list, flags: notes.flags, checklist: checklist.items, assessment: report?.assessment, sentences },
      rules,
    );
    return [{ label: document.gemeente ?? '', input }];
  }, [letterOpen, sentences, tab, notes.document, notes.list, notes.flags, checklist.items, report]);
  const openLetter = () => {
    setLetterOpen(true);
    setView('notes');
  };

  const onShow = (m: MatchSummary) => tabId !== null && void ask(sendToTab(tabId, { type: 'scroll-to-match', index: m.index }));
  const [noteCategory, setNoteCategory] = useState<CategoryId | undefined>(undefined);
  const onNote = async (m: MatchSummary) => {
    if (tabId === null) return;
    const a = await ask(sendToTab(tabId, { type: 'anchor-for-match', index: m.index }));
    setNoteCategory(a ? m.category : undefined);
    startNote(a);
  };
  const onFlag = async (m: MatchSummary) => {
    const a = tabId === null ? undefined : await ask(sendToTab(tabId, { type: 'anchor-for-match', index: m.index }));
    if (!a) return;
    setFlagTarget({ kind: 'match', anchor: a, termId: m.termId, category: m.category, term: m.text });
    setView('notes');
  };
  const onPickSelection = async () => {
    if (tabId === null) return;
    setNoteCategory(undefined);
    startNote(await ask(sendToTab(tabId, { type: 'get-selection' })));
  };
  const onShowAnchor = (a: Anchor) => tabId !== null && void ask(sendToTab(tabId, { type: 'scroll-to-anchor', anchor: a }));
  const scanNow = () => tabId !== null && void ask(sendToBackground({ type: 'scan-tab', tabId }));

  // Skip links: the view they need, then focus on the heading (once the view is drawn).
  const [skipTo, setSkipTo] = useState<string | null>(null);
  useEffect(() => {
    if (!skipTo) return;
    setSkipTo(null);
    const target = document.getElementById(skipTo);
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [skipTo]);
  const skip = (v: PanelView, id: string) => {
    setView(v);
    setSkipTo(id);
  };

  const coverageLine = attachments.length > 0 ? <AttachmentCoverage attachments={attachments} coverage={coverage} scans={scans} pageUrl={report?.url ?? tab?.url ?? ''} /> : undefined;
  return (
    <div class="panel">
      <nav class="skip-links" aria-label={t('skipLinks')}>
        {report && !pdf && !report.page && (
          <>
            {report.matches.length > 0 && (
            <a href="#h-matches" data-testid="skip-findings" onClick={(e) => (e.preventDefault(), skip('document', 'h-matches'))}>
              {t('skipFindings')}
            </a>
            )}
            <a href="#h-questions" data-testid="skip-questions" onClick={(e) => (e.preventDefault(), skip('document', 'h-questions'))}>
              {t('skipQuestions')}
            </a>
          </>
        )}
        <a href="#panel-notes" data-testid="skip-notes" onClick={(e) => (e.preventDefault(), skip('notes', 'panel-notes'))}>
          {t('skipNotes')}
        </a>
      </nav>
      <header class="panel-header">
        {/* The browser's own side panel bar names Raadslens: the first line visible is the document. */}
        <h1 class="visually-hidden">Raadslens</h1>
        <DocTitle title={pdf ? reading.name : report?.title || tab?.title || t('panelNoTab')} />
        {pdfResult && (
          <p class="summary-line" data-testid="panel-summary">
            {pdfResultSummary(pdfResult)}
          </p>
        )}
        {/* A page that is not a document (bot check, error page) has no findings to count: DocumentView says what it is. */}
        {report && !pdf && !report.page && (
          <p class="summary-line" data-testid="panel-summary">
            {pageSummary(report, coverage)}
            {report.truncated && <strong class="warning"> {t('panelTruncated')}</strong>}
          </p>
        )}
        {/* The Document view says what was read in its verdict; the other views keep the line here. */}
        {report && !pdf && attachments.length > 0 && (view !== 'document' || report.page) && coverageLine}
      </header>
      <GriffieHostOffer url={tab?.url} />
      {message && (
        <p class="notice" role="alert">
          {message}
        </p>
      )}
      {report === null && !pdf && (
        <section class="card empty" data-testid="tab-unread">
          {reading.probing ? (
            <p>{t('pdfPhaseFetching')}</p>
          ) : (
            <>
              <p>{t('panelNotScanned')}</p>
              {unkept && (
                <p class="small" role="status" data-testid="report-unkept">
                  {t(unkept === 'too-large' ? 'reportUnkeptTooLarge' : 'reportUnkeptQuota')}
                </p>
              )}
              {probeError && <p class="small">{probeError}</p>}
              <button type="button" class="primary" onClick={scanNow} data-testid="scan-page">
                {t('scanThisPage')}
              </button>
            </>
          )}
        </section>
      )}
      <Tabs
        label={t('panelViews')}
        current={view}
        onSelect={setView}
        tabs={[
          { id: 'document', label: t('tabDocument'), badge: pdf ? pdfResult?.matchCount : report?.matchCount },
          { id: 'notes', label: t('tabNotes'), badge: notes.entries.length },
          { id: 'all', label: t('tabAll') },
        ]}
      >
        {view === 'document' && pdf && (
          <ErrorBoundary>
            <PdfTabView url={pdf.url} name={reading.name} doc={reading.doc} scans={scans} rules={rules} />
          </ErrorBoundary>
        )}
        {view === 'document' && report && !pdf && (
          <ErrorBoundary>
            <DocumentView
              report={report}
              rules={rules}
              emptyText={emptyText}
              onShow={onShow}
              onNote={(m) => void onNote(m)}
              onFlag={(m) => void onFlag(m)}
              checklist={checklist}
              onLetter={openLetter}
              scope={{ pageRead: report.chars > 0, attachments: coverage.total, attachmentsRead: coverage.read, attachmentMatches: coverage.matches }}
              coverage={coverageLine}
            />
          </ErrorBoundary>
        )}
        {view === 'notes' && tab && (
          <ErrorBoundary>
            <NotesView
              notes={notes}
              found={found}
              anchor={anchor}
              setAnchor={setAnchor}
              focusKey={focusKey}
              onPickSelection={() => void onPickSelection()}
              onShowAnchor={onShowAnchor}
              report={report}
              flagTarget={flagTarget}
              setFlagTarget={setFlagTarget}
              tab={tab}
              letter={letter}
              letterOpen={letterOpen}
              onLetter={() => setLetterOpen(true)}
              onCloseLetter={() => setLetterOpen(false)}
              noteCategory={noteCategory}
            />
          </ErrorBoundary>
        )}
        {view === 'all' && (
          <ErrorBoundary>
            <AllView />
          </ErrorBoundary>
        )}
      </Tabs>
    </div>
  );
}
