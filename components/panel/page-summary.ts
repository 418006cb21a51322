import { matchesInCategories, t, tCount } from '@/lib/extension/i18n';
import type { ScanReport } from '@/lib/extension/messages/protocol';
import { complete, type Coverage } from '@/lib/surface/pdf/coverage';

/**
 * The header's line for a page: its count, or that there was no text to read. The count is said to
 * be the page's whenever attachments are beside it, read or not: '10 vondsten in 4 categorieën ·
 * 7 in de gelezen bijlagen' read as ten in all, seven of them in the attachments.
 */
export function pageSummary(report: Pick<ScanReport, 'chars' | 'matchCount' | 'matches' | 'documentsLater'>, coverage: Coverage): string {
  if (report.chars === 0 && report.matchCount === 0) return t('panelNoText');
  const pageOnly = !complete(coverage) || !!report.documentsLater || coverage.read > 0;
  let line: string;
  if (report.matchCount === 0) line = t(pageOnly ? 'panelSummaryNoneThisPage' : 'panelSummaryNone');
  else {
    const [found, within] = matchesInCategories(report.matchCount, new Set(report.matches.map((m) => m.category)).size);
    line = t(pageOnly ? 'panelSummaryThisPage' : 'panelSummary', found, within);
  }
  if (coverage.read === 0) return line;
  // "geen", as the page's own "geen vondsten" says it, not "0 vondsten in de gelezen bijlagen".
  return `${line} · ${coverage.matches === 0 ? t('panelSummaryAttachmentsNone') : t('panelSummaryAttachments', tCount(coverage.matches, 'matchCountLabel', 'matchCountLabelOne'))}`;
}
