import { Fragment } from 'preact';
import { t } from '@/lib/i18n';
import type { RuleSet } from '@/lib/rules';
import { attachmentsOf, fileNameOf } from '@/lib/pdf';
import { attachmentSections } from '@/lib/ui/attachment-groups';
import { PdfScanRow } from './PdfScan';
import { usePdfScans } from './PdfScanState';

/** "Bijlagen (n)": the PDF attachments the portal page links, each scannable here in the panel. */
export function Attachments({ report, rules }: { report: unknown; rules: RuleSet }) {
  const list = attachmentsOf(report);
  const scans = usePdfScans(rules);
  if (list.length === 0) return null;
  // Per agendapunt where the page groups them; one plain list where it does not.
  const sections = attachmentSections(list, report);
  const grouped = sections.some((s) => s.group);
  return (
    <section aria-labelledby="h-attachments" data-testid="attachments" class="attachments">
      <h2 id="h-attachments">{t('attachmentsHeading', list.length)}</h2>
      {list.length > 1 && (
        <p>
          <button type="button" class="primary" onClick={() => scans.scan(list)} data-testid="pdf-scan-all">
            {t('pdfScanAll')}
          </button>
        </p>
      )}
      {sections.map((section) => (
        <Fragment key={section.group ?? ''}>
          {grouped && (
            <h3 class="attachment-group" data-testid="attachment-group">
              {section.group ?? t('attachmentsUngrouped')}
            </h3>
          )}
          <ul class="pdf-list">
            {section.items.map((a) => (
              <PdfScanRow
                key={a.url}
                name={a.name}
                url={a.url}
                state={scans.states[a.url]}
                rules={rules}
                onScan={(fresh) => scans.scan([a], { fresh })}
                onCancel={() => scans.cancel(a.url)}
              />
            ))}
          </ul>
        </Fragment>
      ))}
    </section>
  );
}

/** The active tab shows a PDF itself: no content script runs there, so the panel reads it. */
export function PdfTabScan({ url, title, rules }: { url: string; title: string; rules: RuleSet }) {
  const scans = usePdfScans(rules);
  const name = title && title !== url ? title : fileNameOf(url);
  const state = scans.states[url];
  return (
    <section class="card attachments" data-testid="pdf-tab">
      <p>{t('pdfThisIsPdf')}</p>
      {!state && (
        <button type="button" class="primary" onClick={() => scans.scan([{ url, name }])} data-testid="pdf-scan-this">
          {t('pdfScanThis')}
        </button>
      )}
      {state && (
        <ul class="pdf-list">
          <PdfScanRow name={name} url={url} state={state} rules={rules} onScan={(fresh) => scans.scan([{ url, name }], { fresh })} onCancel={() => scans.cancel(url)} />
        </ul>
      )}
    </section>
  );
}
