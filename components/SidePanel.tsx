import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { useChecklist } from '@/lib/ui/use-checklist';
import { documentLetterInput } from '@/lib/ui/letter-input';
import { documentFacts } from '@/lib/record/document-meta';
import type { LetterChoice } from './ExportLetter';
import { t } from '@/lib/i18n';
import { loadBuiltinRules } from '@/lib/rules';
import type { MatchSummary, QuoteAnchor } from '@/lib/messages/protocol';
import { sendToTab, sendToBackground } from '@/lib/messages/send';
import { useTabInfo, useTabReport, useTargetTab } from '@/lib/ui/hooks';
import { useDocumentNotes } from '@/lib/ui/use-document-notes';
import { errorText } from '@/lib/ui/error-text';
import { watchPendingNote, type PendingNote } from '@/lib/background/menus';
import { DocumentView } from './DocumentView';
import { PdfTabScan } from './Attachments';
import { isPdfUrl } from '@/lib/pdf/detect';
import { NotesView } from './NotesView';
import { AllView } from './AllView';
import { preloadRecord } from '@/lib/ui/use-record';
import type { FlagTarget } from './FlagForm';
import { Tabs } from './Tabs';

const rules = loadBuiltinRules();

type PanelView = 'document' | 'notes' | 'all';
const VIEW_KEY = 'raadslens:view';

/** The panel reopens on the view the reader left it on (per panel session). */
function rememberedView(): PanelView {
  const v = sessionStorage.getItem(VIEW_KEY);
  return v === 'notes' || v === 'all' ? v : 'document';
}

export function SidePanel() {
  const tabId = useTargetTab();
  const tab = useTabInfo(tabId);
  const report = useTabReport(tabId);
  // A PDF tab: the panel reads the PDF itself; the browser's PDF wrapper page has nothing to show.
  const pdfTab = !!tab && isPdfUrl(tab.url);
  const emptyPdfPage = pdfTab && report?.matchCount === 0;
  const notes = useDocumentNotes(tab, report?.portal);
  const checklist = useChecklist(tab, report?.assessment, rules, report?.portal);
  // "Alles" reads every note: done while the panel is idle, so the tab opens at once.
  useEffect(() => preloadRecord(), []);
  const [view, setViewState] = useState<PanelView>(rememberedView);
  const setView = (v: PanelView) => {
    setViewState(v);
    sessionStorage.setItem(VIEW_KEY, v);
  };
  const [anchor, setAnchor] = useState<QuoteAnchor | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [found, setFound] = useState<boolean[] | null>(null);
  const [flagTarget, setFlagTarget] = useState<FlagTarget | null>(null);
  const [letterOpen, setLetterOpen] = useState(false);
  /** The whole sentence of each anchored note and flag, asked of the page when the letter opens. */
  const [sentences, setSentences] = useState<Map<string, string> | null>(null);

  // Paint the notes' passages in the page and learn which ones are still there.
  const { anchors, anchorKinds } = notes;
  useEffect(() => {
    setFound(null);
    if (tabId === null || !report) return;
    sendToTab(tabId, { type: 'locate-anchors', anchors, kinds: anchorKinds })
      .then(setFound)
      .catch(() => setFound(null));
  }, [tabId, report, anchors, anchorKinds]);

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

  const startNote = (a: QuoteAnchor | null | undefined) => {
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
      .then((found) => !cancelled && setSentences(new Map(anchored.flatMap((e, i) => (found[i] ? [[e.id, found[i]!] as const] : [])))))
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
  const onNote = async (m: MatchSummary) =>
    tabId !== null && startNote(await ask(sendToTab(tabId, { type: 'anchor-for-match', index: m.index })));
  const onFlag = async (m: MatchSummary) => {
    const a = tabId === null ? undefined : await ask(sendToTab(tabId, { type: 'anchor-for-match', index: m.index }));
    if (!a) return;
    setFlagTarget({ kind: 'match', anchor: a, termId: m.termId, category: m.category, term: m.text });
    setView('notes');
  };
  const onPickSelection = async () =>
    tabId !== null && startNote(await ask(sendToTab(tabId, { type: 'get-selection' })));
  const onShowAnchor = (a: QuoteAnchor) => tabId !== null && void ask(sendToTab(tabId, { type: 'scroll-to-anchor', anchor: a }));
  const scanNow = () => tabId !== null && void ask(sendToBackground({ type: 'scan-tab', tabId }));

  return (
    <div class="panel">
      <header class="panel-header">
        <h1>Raadslens</h1>
        <p class="doc-title" title={tab?.url}>
          {report?.title || tab?.title || t('panelNoTab')}
        </p>
        {report && !emptyPdfPage && (
          <p class="summary-line" data-testid="panel-summary">
            {t('panelSummary', report.matchCount, new Set(report.matches.map((m) => m.category)).size)}
            {report.truncated && <strong class="warning"> {t('panelTruncated')}</strong>}
          </p>
        )}
      </header>
      {message && (
        <p class="notice" role="alert">
          {message}
        </p>
      )}
      {/* A PDF tab has no content script: the panel reads the PDF itself. */}
      {pdfTab && <PdfTabScan url={tab.url} title={tab.title} rules={rules} />}
      {report === null && !pdfTab && (
        <section class="card empty">
          <p>{t('panelNotScanned')}</p>
          <button type="button" class="primary" onClick={scanNow} data-testid="scan-page">
            {t('scanThisPage')}
          </button>
        </section>
      )}
      <Tabs
        label={t('panelViews')}
        current={view}
        onSelect={setView}
        tabs={[
          { id: 'document', label: t('tabDocument'), badge: report?.matchCount },
          { id: 'notes', label: t('tabNotes'), badge: notes.entries.length },
          { id: 'all', label: t('tabAll') },
        ]}
      >
        {view === 'document' && report && !emptyPdfPage && (
          <DocumentView
            report={report}
            rules={rules}
            onShow={onShow}
            onNote={(m) => void onNote(m)}
            onFlag={(m) => void onFlag(m)}
            checklist={checklist}
            onLetter={openLetter}
          />
        )}
        {view === 'notes' && tab && (
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
          />
        )}
        {view === 'all' && <AllView />}
      </Tabs>
    </div>
  );
}
