import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openSidePanel } from '@/lib/extension/background/menus';
import { t, tCount } from '@/lib/extension/i18n';
import { loadBuiltinRules } from '@/lib/core/rules';
import { sendToBackground } from '@/lib/extension/messages/send';
import { tabDocument } from '@/lib/surface/pdf/tab';
import { groupByCategory } from '@/lib/extension/ui/category-groups';
import { pageKindText } from '@/lib/extension/ui/page-kind-text';
import { useDocumentReport, useTabInfo, useTabPdf, useTargetTab } from '@/lib/extension/ui/hooks';
import { Lookup } from './Lookup';
import { AlwaysScanButton } from '../common/SiteAccess';

const rules = loadBuiltinRules();

export function Popup() {
  const tabId = useTargetTab();
  const tab = useTabInfo(tabId);
  const report = useDocumentReport(tabId, tab);
  const shownAt = useTabPdf(tabId);
  // A PDF has no page to scan: the side panel reads it.
  const pdf = !!tab && tabDocument({ url: tab.url, pageReport: !!report, pdfShownAt: shownAt }).kind === 'pdf';
  const [error, setError] = useState<string | null>(null);

  // In the panel's order (fullest first), so the two name the same category first.
  const counts = groupByCategory(rules.categories, report?.matches ?? []).map(({ cat, items }) => ({ c: cat, n: items.length }));

  return (
    <div class="popup">
      <h1>Raadslens</h1>
      {report?.page ? (
        // Not a document: what it is, as the panel says it, rather than "Geen vondsten" about it.
        <p class="muted" role="status" data-testid="popup-page-kind" data-kind={report.page.kind}>
          {pageKindText(report.page)}
        </p>
      ) : report ? (
        <p class="big-count">
          {/* "Geen vondsten", as the panel says it: "0 vondsten" reads as a count that went wrong. */}
          <span data-testid="popup-count" data-count={report.matchCount}>{report.matchCount === 0 ? t('popupNoneOnPage') : report.matchCount}</span> {t(report.matchCount === 1 ? 'popupTermsOnPageOne' : 'popupTermsOnPage')}
        </p>
      ) : (
        <p class="muted" data-testid={pdf ? 'popup-pdf' : undefined}>
          {pdf ? t('popupPdf') : report === null ? t('popupNotScanned') : t('loading')}
        </p>
      )}
      {/* The count is the page's own text: on an agenda it must not read as the meeting's. */}
      {!!report?.attachments?.length && (
        // "De 2 bijlagen … tellen hierin niet mee", not "Bijlagen van deze pagina (2) …": a count in
        // brackets read as a footnote, and "(1)" made a plural of one attachment.
        <p class="small muted" data-testid="popup-attachments" data-count={report.attachments.length}>
          {tCount(report.attachments.length, 'popupAttachmentsNotCounted', 'popupAttachmentsNotCountedOne')}
        </p>
      )}
      {/* A GemeenteOplossingen agenda shows an agendapunt's documents only when it is opened: without
          this line "Geen vondsten" and "Bijlagen (2)" read as the whole meeting's. */}
      {!report?.page && !!report?.documentsLater && (
        <p class="small muted" data-testid="popup-documents-later" data-later={report.documentsLater}>
          {report.documentsLater === 1 ? t('coverageLaterOne') : t('coverageLater', String(report.documentsLater))}.
        </p>
      )}
      {/* The lookup high up: its answer is what a reader opened the popup for, above the fold at 600 px. */}
      <Lookup rules={rules} />
      {/* The page's categories and the way to the panel, set apart from the lookup by a line: right
          under its search box the chips read as suggestions and "Open zijpaneel" as its button. */}
      <div class="popup-page">
        {counts.length > 0 && (
          <ul class="chips" aria-label={t('popupCategoriesLabel')}>
            {counts.map(({ c, n }) => (
              <li class={`chip cat-${c.id}`} key={c.id}>
                <span class="swatch" aria-hidden="true" />
                {c.label} <strong>{n}</strong>
              </li>
            ))}
          </ul>
        )}
        <div class="stack">
          <button
            type="button"
            class="primary"
            data-testid="open-panel"
            onClick={() => {
              if (tabId === null) return;
              // Inside the click handler: the click is the gesture the side panel needs.
              openSidePanel({ id: tabId })
                .then(() => window.close())
                .catch(() => setError(t('panelOpenFailed')));
            }}
          >
            {t('openPanel')}
          </button>
          {report === null && !pdf && (
            <button
              type="button"
              data-testid="scan-page"
              onClick={() =>
                tabId !== null &&
                sendToBackground({ type: 'scan-tab', tabId }).catch(() => setError(t('scanNotAllowed')))
              }
            >
              {t('scanThisPage')}
            </button>
          )}
          <AlwaysScanButton tabId={tabId} />
        </div>
      </div>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <p class="row small">
        <button type="button" class="link-button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('openOptions')}
        </button>
      </p>
      <p class="privacy small muted">{t('privacyLine')}</p>
    </div>
  );
}
