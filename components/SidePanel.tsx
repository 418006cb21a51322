import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { loadBuiltinRules } from '@/lib/rules';
import type { MatchSummary, QuoteAnchor } from '@/lib/messages/protocol';
import { sendToTab, sendToBackground } from '@/lib/messages/send';
import { useTabInfo, useTabReport, useTargetTab } from '@/lib/ui/hooks';
import { useDocumentNotes } from '@/lib/ui/use-document-notes';
import { MatchGroups } from './MatchGroups';
import { QuestionCard } from './QuestionCard';
import { SafeguardChecklist } from './SafeguardChecklist';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';

const rules = loadBuiltinRules();

export function SidePanel() {
  const tabId = useTargetTab();
  const tab = useTabInfo(tabId);
  const report = useTabReport(tabId);
  const notes = useDocumentNotes(tab);
  const [anchor, setAnchor] = useState<QuoteAnchor | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [found, setFound] = useState<boolean[] | null>(null);

  // Paint the notes' passages in the page and learn which ones are still there.
  const anchors = useMemo(() => notes.list.flatMap((n) => (n.anchor ? [n.anchor] : [])), [notes.list]);
  useEffect(() => {
    setFound(null);
    if (tabId === null || !report) return;
    sendToTab<boolean[]>(tabId, { type: 'locate-anchors', anchors })
      .then(setFound)
      .catch(() => setFound(null));
  }, [tabId, report, anchors]);

  const tell = useCallback((p: Promise<unknown>) => {
    p.then(() => setMessage(null)).catch(() => setMessage(t('pageUnreachable')));
  }, []);

  const showMatch = (m: MatchSummary) => tabId !== null && tell(sendToTab(tabId, { type: 'scroll-to-match', index: m.index }));
  const noteOnMatch = async (m: MatchSummary) => {
    if (tabId === null) return;
    try {
      setAnchor(await sendToTab<QuoteAnchor | null>(tabId, { type: 'anchor-for-match', index: m.index }));
      setFocusKey((k) => k + 1);
    } catch {
      setMessage(t('pageUnreachable'));
    }
  };
  const pickSelection = async () => {
    if (tabId === null) return;
    try {
      const sel = await sendToTab<QuoteAnchor | null>(tabId, { type: 'get-selection' });
      if (sel) setAnchor(sel);
      else setMessage(t('noSelection'));
      setFocusKey((k) => k + 1);
    } catch {
      setMessage(t('pageUnreachable'));
    }
  };
  const scanNow = () => tabId !== null && tell(sendToBackground({ type: 'scan-tab', tabId }));

  let anchoredIndex = 0;
  const noteViews = notes.list.map((n) => {
    const isAnchored = !!n.anchor;
    const f = isAnchored && found ? found[anchoredIndex++] : undefined;
    return { id: n.id, text: n.text, quote: n.anchor?.exact, status: n.status, updatedAt: n.updatedAt, found: f };
  });

  return (
    <div class="panel">
      <header class="panel-header">
        <h1>Raadslens</h1>
        <p class="doc-title" title={tab?.url}>
          {report?.title || tab?.title || t('panelNoTab')}
        </p>
        {report && (
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
      {report === null && (
        <section class="card empty">
          <p>{t('panelNotScanned')}</p>
          <button type="button" class="primary" onClick={scanNow} data-testid="scan-page">
            {t('scanThisPage')}
          </button>
        </section>
      )}
      {report && (
        <>
          <section aria-labelledby="h-questions">
            <h2 id="h-questions">{t('headingQuestions')}</h2>
            {rules.questions.questions.map((q) => (
              <QuestionCard
                key={q.id}
                question={q}
                assessment={report.assessment.questions.find((a) => a.id === q.id)}
                source={rules.questions.source}
              />
            ))}
          </section>
          <section aria-labelledby="h-safeguards">
            <h2 id="h-safeguards">{t('headingSafeguards')}</h2>
            <SafeguardChecklist safeguards={report.assessment.safeguards} />
          </section>
          <section aria-labelledby="h-matches">
            <h2 id="h-matches">{t('headingMatches')}</h2>
            <MatchGroups matches={report.matches} categories={rules.categories} onShow={showMatch} onNote={noteOnMatch} />
          </section>
        </>
      )}
      {tab && (
        <section aria-labelledby="h-notes">
          <h2 id="h-notes">{t('headingNotes')}</h2>
          <NoteEditor
            anchor={anchor}
            focusKey={focusKey}
            onClearAnchor={() => setAnchor(null)}
            onPickSelection={pickSelection}
            onSave={async (text) => {
              await notes.add(text, anchor);
              setAnchor(null);
            }}
          />
          {notes.error && (
            <p class="notice" role="alert">
              {notes.error}
            </p>
          )}
          <NoteList
            notes={noteViews}
            onDelete={(id) => void notes.remove(id)}
            onShow={(id) => {
              const a = notes.list.find((n) => n.id === id)?.anchor;
              if (a && tabId !== null) tell(sendToTab(tabId, { type: 'scroll-to-anchor', anchor: a }));
            }}
          />
        </section>
      )}
    </div>
  );
}
