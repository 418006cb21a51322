import { Fragment } from 'preact';
import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import { attachmentsOf, type Attachment } from '@/lib/surface/pdf';
import { isUnread, type Coverage } from '@/lib/surface/pdf/coverage';
import { attachmentSections } from '@/lib/extension/ui/attachment-groups';
import { ScanRowInList } from './PdfScan';
import { useEffect } from 'preact/hooks';
import { drawnPerGroup, useProgressive } from '@/lib/extension/ui/use-progressive';
import { preparePdfScans, usePdfScans, type PdfScans } from './PdfScanState';

/**
 * Rows drawn at once, then as many more per task: the 1 MB council page's 500 attachment rows
 * were most of the panel's longest task at its first open (sw17's profile). A meeting's forty
 * come at once; the list ends the same as drawn in one go. No more per task after them than at
 * once: a step's work is then no more than the first's on a busy machine (issue 17 target 2).
 */
const ROWS_FIRST = 60;
const ROWS_STEP = ROWS_FIRST;
/** A row's height with its margin, a one-line name (PdfScan.css .pdf-row): what a list not laid out yet counts per row. */
const ROW_REM = 2.9;
/** Each further line of a row's bold name (15 px × 1.45). */
const NAME_LINE_REM = 1.45;

/**
 * Characters of a bold name on one line beside its button in a panel this wide: ~27 at 400 px, ~18 at
 * 320 (the row's padding and the button take ~150 px, a character ~9). A list counted a line a row
 * was 3,400 px short at 320 px with agenda-length names: End (or the scroll bar pulled down) stopped
 * halfway down the list, which grew as it came in sight.
 */
function nameCharsPerLine(): number {
  return Math.max(16, Math.floor((document.documentElement.clientWidth - 150) / 9));
}

/** The lines a name takes with `perLine` characters a line, broken between words as the panel breaks it. */
function nameLines(name: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of name.split(/\s+/)) {
    if (used > 0 && used + 1 + word.length > perLine) {
      lines += 1;
      used = 0;
    }
    used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

/** What a list not laid out yet counts for its rows: each name on as many lines as it needs at this width. */
function listRem(names: readonly string[], perLine: number): number {
  return names.reduce((sum, name) => sum + ROW_REM + NAME_LINE_REM * (nameLines(name, perLine) - 1), 0);
}

/** "Bijlagen (n)": the PDF attachments the portal page links, each scannable here in the panel. */
export function Attachments({ report, rules, pageUrl }: { report: unknown; rules: RuleSet; pageUrl: string }) {
  const list = attachmentsOf(report);
  const scans = usePdfScans(rules);
  const any = list.length > 0;
  const shown = useProgressive(list.length, { first: ROWS_FIRST, step: ROWS_STEP });
  useEffect(() => {
    if (any) preparePdfScans(rules);
  }, [any, rules]);
  if (!any) return null;
  const busy = list.some((a) => scans.states[a.url]?.status === 'running' || scans.states[a.url]?.status === 'queued');
  // Per agendapunt where the page groups them; one plain list where it does not.
  const sections = attachmentSections(list, report);
  const grouped = sections.some((s) => s.group);
  const drawnRows = drawnPerGroup(sections.map((s) => s.items), shown);
  const perLine = nameCharsPerLine();
  return (
    <section aria-labelledby="h-attachments" data-testid="attachments" class={busy ? 'attachments scanning' : 'attachments'}>
      <h2 id="h-attachments">{t('attachmentsHeading', list.length)}</h2>
      {list.length > 1 && (
        <p class="row">
          <button type="button" class="primary" onClick={() => scans.scan(list, { page: pageUrl })} data-testid="pdf-scan-all">
            {t('pdfScanAll')}
          </button>
          {busy && (
            <button type="button" onClick={scans.cancelAll} data-testid="pdf-cancel-all">
              {t('pdfCancelAll')}
            </button>
          )}
        </p>
      )}
      {sections.map((section, i) => {
        const drawn = drawnRows[i]!;
        // A group's heading waits for its first row, so no heading stands over an empty list.
        if (drawn.length === 0) return null;
        return (
          <Fragment key={section.group ?? ''}>
            {grouped && (
              <h3 class="attachment-group" data-testid="attachment-group">
                {section.group ?? t('attachmentsUngrouped')}
              </h3>
            )}
            {/* Laid out and painted only near the view (theme.css .pdf-list): its size meanwhile about its rows'. */}
            <ul class="pdf-list" style={{ containIntrinsicSize: `auto ${listRem(drawn.map((a) => a.name), perLine).toFixed(1)}rem` }}>
              {drawn.map((a) => (
                <ScanRowInList
                  key={a.url}
                  name={a.name}
                  url={a.url}
                  pageUrl={pageUrl}
                  state={scans.states[a.url]}
                  rules={rules}
                  onScan={(fresh) => scans.scan([a], { fresh, page: pageUrl })}
                  onCancel={() => scans.cancel(a.url)}
                  listed={a.decision}
                />
              ))}
            </ul>
          </Fragment>
        );
      })}
    </section>
  );
}

/** One line under the page's count: what was read (the page, which attachments) and the action for the rest. */
export function AttachmentCoverage({ attachments, coverage: c, scans, pageUrl, later = 0 }: { attachments: Attachment[]; coverage: Coverage; scans: PdfScans; pageUrl: string; later?: number }) {
  const parts = [c.total > 0 && c.read === c.total ? t('coverageAll', c.total) : c.read > 0 ? t('coveragePageAnd', c.read, c.total) : t('coveragePage')];
  if (c.busy > 0) parts.push(t('coverageBusy', c.busy));
  if (c.unread > 0) parts.push(c.unread === 1 ? t('coverageUnreadOne') : t('coverageUnread', c.unread));
  if (c.failed > 0) parts.push(c.failed === 1 ? t('coverageFailedOne') : t('coverageFailed', c.failed));
  // Documents the page has not shown yet are not in the list: said, so none of the above covers them.
  if (later > 0) parts.push(later === 1 ? t('coverageLaterOne') : t('coverageLater', later));
  // Only what was never read: a failed one is retried in its own row, where its reason stands.
  const unread = attachments.filter((a) => isUnread(scans.states[a.url]));
  return (
    <p class="coverage small" data-testid="read-coverage" data-unread={c.unread} data-later={later}>
      {parts.join('; ')}.{' '}
      {unread.length > 0 && (
        <button type="button" class="link-button" onClick={() => scans.scan(unread, { page: pageUrl })} data-testid="pdf-scan-unread">
          {/* The same name as the list's button: one action, "Lees de bijlagen" (singular when one is left). */}
          {unread.length === 1 ? t('coverageActionOne') : t('pdfScanAll')}
        </button>
      )}
    </p>
  );
}
