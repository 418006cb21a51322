import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/extension/i18n';
import type { PortalSummary, ScanReport } from '@/lib/extension/messages/protocol';
import { sendToTab } from '@/lib/extension/messages/send';
import { documentName } from '@/lib/surface/pdf/name';
import { shouldProbe, tabDocument, type TabDocument } from '@/lib/surface/pdf/tab';
import { pdfTabMeta } from '@/lib/surface/pdf/tab-meta';
import { sitePatternFor } from '@/lib/extension/permissions';
import type { RuleSet } from '@/lib/core/rules';
import type { DocumentChecklist } from '@/lib/extension/ui/use-checklist';
import { portalLinkFor } from '@/lib/extension/ui/tab-report';
import type { ProposalDecision } from '@/lib/core/questions/proposal';
import { useTabPdf, type TabInfo } from '@/lib/extension/ui/hooks';
import { DocumentMeta } from './DocumentMeta';
import { PdfScanRow } from './PdfScan';
import { PDF_TAB_SAFEGUARDS, PdfVerdict } from './PdfResults';
import { openApText } from './Verdict';
import { usePdfScans, type PdfDoc, type PdfScans, type PdfScanState } from './PdfScanState';

/** What a scan of the address says about its response, for tabDocument. */
function responseOf(state: PdfScanState | undefined): 'pdf' | 'not-pdf' | undefined {
  if (!state) return undefined;
  if (state.status === 'done' || (state.status === 'running' && state.phase === 'reading')) return 'pdf';
  if (state.status !== 'error') return undefined;
  if (state.error.kind === 'not-pdf') return 'not-pdf';
  // pdf.js opened it: only a response that was a PDF gets that far.
  return ['no-text', 'password', 'corrupt'].includes(state.error.kind) ? 'pdf' : undefined;
}

export interface TabReading {
  document: TabDocument;
  /** The tab as a document to read (its address, the portal's name, the tab title). */
  doc: PdfDoc | null;
  /** What the panel calls the tab's PDF (before it is read: from the portal and the address). */
  name: string;
  /** The panel is fetching an address nothing has explained yet, to see whether it is a PDF. */
  probing: boolean;
  /**
   * A PDF tab's "Over dit stuk" (portal, gemeente, type, with `name` as its title). A PDF has no
   * page report: the panel's notes, checklist and letter take the document's facts from here, not
   * from the tab title, which is the PDF's own (often stale) title or its raw address.
   */
  meta: PortalSummary | undefined;
  /** What the list's row that links it (a list of moties open in another tab) says the raad did with it. */
  listed?: ProposalDecision;
}

/**
 * What the tab shows, and reading it when it is a PDF: at once when Raadslens may fetch from its
 * host, otherwise the reader is asked (PdfTabView). An address nothing explains is fetched once
 * to look (shouldProbe); no other request is made.
 */
export function useTabReading(tabId: number | null, tab: TabInfo | null, report: ScanReport | null | undefined, scans: PdfScans): TabReading {
  const shownAt = useTabPdf(tabId);
  const url = tab?.url ?? '';
  const state = url ? scans.states[url] : undefined;
  const document = tab ? tabDocument({ url, pageReport: !!report, pdfShownAt: shownAt, response: responseOf(state) }) : ({ kind: 'unknown' } as const);
  // undefined while looking it up, null when no open portal page links this address.
  const [portalName, setPortalName] = useState<string | null | undefined>(undefined);
  const [listed, setListed] = useState<ProposalDecision | undefined>(undefined);
  useEffect(() => {
    setPortalName(undefined);
    setListed(undefined);
    if (!url) return;
    let live = true;
    portalLinkFor(url)
      .catch(() => undefined)
      .then((link) => {
        if (!live) return;
        setPortalName(link?.name ?? null);
        setListed(link?.decision);
      });
    return () => void (live = false);
  }, [url]);
  const doc = url && portalName !== undefined ? { url, name: portalName ?? undefined, tabTitle: tab?.title } : null;
  const settled = report !== undefined && shownAt !== undefined && doc !== null;

  useEffect(() => {
    if (settled && document.kind === 'pdf' && !state) scans.scan([doc], { auto: true, page: url });
  }, [settled, document.kind, url, !!state]);

  useEffect(() => {
    if (!settled || document.kind !== 'unknown' || tab?.status !== 'complete' || state || tabId === null) return;
    let live = true;
    void (async () => {
      const pattern = sitePatternFor(url);
      const mayFetch = !!pattern && (await browser.permissions.contains({ origins: [pattern] }).catch(() => false));
      const scriptAnswers = mayFetch && (await sendToTab(tabId, { type: 'ping' }).then(() => true, () => false));
      const probe = shouldProbe({ document, loaded: true, mayFetch, scriptAnswers, alreadyAsked: !!scans.states[url] });
      if (live && probe) scans.scan([doc], { auto: true, page: url });
    })();
    return () => void (live = false);
  }, [settled, document.kind, url, tab?.status, !!state, tabId]);

  const name = state?.status === 'done' && state.result.title ? state.result.title : documentName({ url, portalName: portalName ?? undefined, tabTitle: tab?.title });
  const probing = document.kind === 'unknown' && (state?.status === 'queued' || state?.status === 'running');
  const isPdf = document.kind === 'pdf';
  const opening = state?.status === 'done' ? state.result.opening : undefined;
  const opened = opening?.kind;
  const openedOn = opening?.date;
  const meta = useMemo(() => (isPdf && url ? pdfTabMeta(url, name, window.document.implementation.createHTMLDocument(''), { kind: opened, date: openedOn }) : undefined), [isPdf, url, name, opened, openedOn]);
  return { document, doc, name, probing, meta, ...(listed ? { listed } : {}) };
}

/** Why the tab's PDF is (not) read, in one sentence above its row. */
function intro(state: PdfScanState | undefined): string {
  if (!state || state.status === 'queued' || state.status === 'running') return t('pdfThisIsPdf');
  if (state.status === 'done') return state.result.matchCount > 0 ? t('pdfTabRead') : t('pdfTabReadNothing');
  if (state.status === 'blocked') return t('pdfTabBlocked', state.host);
  return state.error.kind === 'cancelled' ? t('pdfTabCancelled') : t('pdfTabFailed');
}

interface ViewProps {
  url: string;
  name: string;
  meta: PortalSummary | undefined;
  doc: PdfDoc | null;
  scans: PdfScans;
  rules: RuleSet;
  /**
   * The PDF's checklist with the reader's corrections, as the panel keeps it for its letter: the
   * verdict and the results below show this one (one read of the corrections per change, not two).
   */
  checklist?: DocumentChecklist;
  /** Opens the draft letter about this PDF. */
  onLetter?: () => void;
  /** What the list's row that links it says the raad did with it (TabReading.listed). */
  listed?: ProposalDecision;
}

/** The PDF the tab shows: what the portal's address says about it, and its reading (progress, the reason it was not read, or the results per page). */
export function PdfTabView({ url, name, meta, doc, scans, rules, checklist, onLetter, listed }: ViewProps) {
  // Its own subscription: the page-by-page progress, which the panel around it does not follow.
  const state = usePdfScans(rules).states[url];
  const read = (fresh = false) => scans.scan([doc ?? { url }], { fresh, page: url });
  const blocked = state?.status === 'blocked';
  return (
    <>
      {state?.status === 'done' && <PdfVerdict result={state.result} rules={rules} items={checklist?.items} kind={meta?.documentType} listed={listed} onQuestion={openApText} checklistHref={`#${PDF_TAB_SAFEGUARDS}`} />}
      {meta && <DocumentMeta report={{ portal: meta }} />}
      <section class="card attachments" data-testid="pdf-tab" data-state={state?.status ?? 'waiting'} aria-labelledby="h-pdf-tab">
        <h2 id="h-pdf-tab">{t('pdfTabHeading')}</h2>
        <p class={blocked || state?.status === 'error' ? undefined : 'muted'}>{intro(state)}</p>
        {blocked ? (
          <button type="button" class="primary" onClick={() => read()} data-testid="pdf-scan-this">
            {t('pdfScanThis')}
          </button>
        ) : (
          state && (
            <ul class="pdf-list">
              <PdfScanRow name={name} url={url} state={state} rules={rules} onScan={read} onCancel={() => scans.cancel(url)} verdictAbove onLetter={onLetter} checklist={checklist} listed={listed} />
            </ul>
          )
        )}
      </section>
    </>
  );
}
