import { useEffect, useMemo, useState } from 'preact/hooks';
import { useChecklist } from '@/lib/extension/ui/use-checklist';
import { documentLetterInput } from '@/lib/extension/ui/letter-input';
import { documentFacts, documentTitle } from '@/lib/record/document-meta';
import { addresseeRead } from '@/lib/core/questions/addressee';
import type { LetterChoice } from './ExportLetter';
import { t } from '@/lib/extension/i18n';
import { loadBuiltinRules } from '@/lib/core/rules';
import type { ScanReport } from '@/lib/extension/messages/protocol';
import { PanelContext, PanelStore, usePanel, usePanelStore } from '@/lib/extension/ui/panel-store';
import { connectPanel } from '@/lib/extension/ui/panel-connect';
import { GriffieHostOffer } from '../common/GriffieHosts';
import { attachmentsOf } from '@/lib/surface/pdf/detect';
import { complete, coverageOf } from '@/lib/surface/pdf/coverage';
import { DocumentView } from './DocumentView';
import { pageSummary } from './page-summary';
import { AttachmentCoverage } from './Attachments';
import { PdfTabView, useTabReading } from './PdfTab';
import { pdfResultSummary } from './PdfResults';
import { pdfAsks, pdfDecision, pdfKind } from '@/lib/extension/ui/use-pdf-checklist';
import { usePdfScans } from './PdfScanState';
import { NotesView } from './NotesView';
import { AllView } from './AllView';
import { preloadRecord } from '@/lib/extension/ui/use-record';
import { Tabs } from './Tabs';
import { DocTitle } from './DocTitle';
import { ErrorBoundary } from '../common/ErrorBoundary';

const rules = loadBuiltinRules();

/** The side panel: its store, kept current by the browser, for every view inside. */
export function SidePanel() {
  const [panel] = useState(() => new PanelStore());
  useEffect(() => connectPanel(panel), [panel]);
  return (
    <PanelContext.Provider value={panel}>
      <PanelLayout />
    </PanelContext.Provider>
  );
}

function PanelLayout() {
  const panel = usePanelStore();
  const tabId = usePanel((s) => s.tabId);
  const tab = usePanel((s) => s.tab);
  const report = usePanel((s) => s.report);
  const unkept = usePanel((s) => s.unkept);
  const view = usePanel((s) => s.view);
  const message = usePanel((s) => s.message);
  const notes = usePanel((s) => s.notes);
  const letterOpen = usePanel((s) => s.letterOpen);
  const sentences = usePanel((s) => s.sentences);
  const skipTo = usePanel((s) => s.skipTo);
  // A PDF tab: the panel reads the PDF itself (no content script can), as soon as it may.
  const scans = usePdfScans(rules, { progress: false });
  const reading = useTabReading(tabId, tab, report, scans);
  const pdf = reading.document.kind === 'pdf' ? reading.document : null;
  const pdfState = pdf ? scans.states[pdf.url] : undefined;
  const pdfResult = pdfState?.status === 'done' ? pdfState.result : null;
  // A page: its own text is read; each of its attachments only when the reader asks.
  const attachments = report && !pdf ? attachmentsOf(report) : [];
  const coverage = coverageOf(attachments.map((a) => scans.states[a.url]));
  // Agenda items whose documents the page shows only once opened (GO): not in the list, not read.
  const later = report && !pdf ? (report.documentsLater ?? 0) : 0;
  const emptyText = report && report.chars === 0 ? t('matchesNoText') : complete(coverage) && !later ? undefined : t('matchesNoneOnPage');
  // Fetching an unexplained address failed (not "it is a web page"): say why beside "not read".
  const tabScan = tab && !pdf ? scans.states[tab.url] : undefined;
  const probeError = tabScan?.status === 'error' && !['not-pdf', 'cancelled'].includes(tabScan.error.kind) ? tabScan.error.message : null;
  // The document the tab shows, as the notes, the checklist and the letter name it: a PDF tab's
  // from its address and portal name (reading.meta), a page's from its scan.
  const assessment = pdf ? pdfResult?.assessment : report?.assessment;
  const facts = pdf ? reading.meta : report?.portal;
  const pdfTitle = pdf ? reading.name : null;
  // Whom its questions go to and what the raad did with it, once its text is read: kept with the
  // stored document, for "Alles".
  const addressee = pdf ? (pdfResult ? addresseeRead(pdfResult.opening ?? {}) : undefined) : addresseeRead(report?.portal);
  // A list's word about a PDF: a list open in another tab, else the one the reader's kept copy
  // learnt from a list seen since (lib/record/writer.ts learnListedOutcomes).
  const kept = notes.document;
  const listed = reading.listed ?? (kept?.decisionFrom === 'list' ? kept.decision : undefined);
  const decision = pdf ? (pdfResult ? pdfDecision(pdfResult, pdfKind(pdfResult, reading.meta?.documentType), listed) : undefined) : report?.portal?.decision;
  const decisionFrom = decision && pdf && !pdfResult?.opening?.decision ? 'list' : 'text';
  const checklist = useChecklist(tab, assessment, rules, facts, pdfTitle ?? undefined, addressee, decision, decisionFrom, pdf ? pdfAsks(pdfResult) : undefined);
  // The header names the document as its "Titel" row, the notes and the letter do: one cleaning.
  const headerTitle = documentTitle(facts, pdfTitle ?? (report?.title || tab?.title || '')) || t('panelNoTab');
  useEffect(
    () => panel.setPdfFacts(pdf && pdfTitle ? { url: pdf.url, title: pdfTitle, portal: reading.meta, ...(addressee ? { addressee } : {}), ...(decision ? { decision, decisionFrom } : {}) } : null),
    [pdf?.url, pdfTitle, reading.meta, addressee, decision, decisionFrom],
  );
  // "Alles" reads every note: done while the panel is idle, so the tab opens at once.
  useEffect(() => preloadRecord(), []);

  // A PDF's opening, with the outcome the list that links it gives where its text says none (a motie only).
  const pdfOpening = () => {
    if (!pdfResult) return undefined;
    return decision && !pdfResult.opening?.decision ? { ...pdfResult.opening, decision } : pdfResult.opening;
  };
  const letter = useMemo((): LetterChoice[] | null => {
    if (!letterOpen || !sentences || !tab) return null;
    // An unstored document: what the portal and the address say about it (gemeente, soort, datum).
    // Its portal as the tab shows it now: a document kept before the portal was stored has none.
    const known = notes.document ?? documentFacts(tab.url, pdfTitle ?? (report?.title || tab.title), facts);
    const document = facts?.portal ? { ...known, portal: facts.portal } : known;
    // What the text says it is, became of it and whom it asks: a PDF's opening, a page's portal facts.
    const portal = pdf ? undefined : report?.portal;
    const opening = pdf ? pdfOpening() : portal && (portal.decision || portal.addressee) ? { ...(portal.decision ? { decision: portal.decision } : {}), ...(portal.addressee ? { addressee: portal.addressee } : {}) } : undefined;
    const input = documentLetterInput({ document, notes: notes.list, flags: notes.flags, checklist: checklist.items, assessment, sentences, ...(opening ? { opening } : {}), decisionFrom }, rules);
    return [{ label: document.gemeente ?? '', input }];
  }, [letterOpen, sentences, tab, notes, checklist.items, assessment, facts, pdfTitle, report, pdfResult, listed, decisionFrom]);

  // Skip links: the view they need, then focus on the heading (once the view is drawn).
  // A view drawn for the first time draws its later parts a task or a few after its first screen
  // (DocumentView): the heading is looked for again until it is there.
  useEffect(() => {
    if (!skipTo) return;
    panel.skipDone();
    let tries = 0;
    const go = () => {
      const target = document.getElementById(skipTo);
      if (!target && tries++ < 10) return void setTimeout(go, 0);
      target?.scrollIntoView({ block: 'start' });
      target?.focus();
    };
    go();
  }, [skipTo]);
  const skip = panel.skip;
  const setView = panel.setView;
  const scanNow = panel.scanNow;

  const onDocument = view === 'document';
  const coverageLine =
    attachments.length > 0 || later > 0 ? <AttachmentCoverage attachments={attachments} coverage={coverage} scans={scans} pageUrl={report?.url ?? tab?.url ?? ''} later={later} /> : undefined;
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
        <DocTitle title={headerTitle} />
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
        {report && !pdf && coverageLine && (view !== 'document' || report.page) && coverageLine}
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
        // The Document view of a long page is thousands of elements: drawn again at each switch
        // back from Notities or Alles it cost the panel ~15-20 ms removing and as much redrawing
        // (panel-tasks bench, tab switch). Kept, it still follows the report, the checklist and
        // the notes while hidden. What it would show twice beside the view on show (the letter's
        // button, the line on the attachments) it shows only while on show.
        keep={['document']}
        subject={tab?.url}
        panels={{
          document: (
            <>
              {pdf && (
                <ErrorBoundary>
                  <PdfTabView url={pdf.url} name={reading.name} meta={reading.meta} doc={reading.doc} scans={scans} rules={rules} checklist={checklist} onLetter={onDocument ? panel.openLetter : undefined} listed={listed} />
                </ErrorBoundary>
              )}
              {report && !pdf && (
                <ErrorBoundary>
                  <DocumentView
                    report={report}
                    rules={rules}
                    emptyText={emptyText}
                    onShow={panel.showMatch}
                    onNote={(m) => void panel.noteOnMatch(m)}
                    onFlag={(m) => void panel.flagMatch(m)}
                    checklist={checklist}
                    onLetter={onDocument ? panel.openLetter : undefined}
                    scope={{ pageRead: report.chars > 0, attachments: coverage.total, attachmentsRead: coverage.read, attachmentMatches: coverage.matches, later }}
                    coverage={onDocument ? coverageLine : undefined}
                  />
                </ErrorBoundary>
              )}
            </>
          ),
          notes: view === 'notes' && tab && (
            <ErrorBoundary>
              <NotesView letter={letter} corrections={checklist.corrections} />
            </ErrorBoundary>
          ),
          all: view === 'all' && (
            <ErrorBoundary>
              <AllView />
            </ErrorBoundary>
          ),
        }}
      />
    </div>
  );
}
