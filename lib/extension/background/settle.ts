// The report intake: a content script sends its scan with the safeguards' sentences unread and the
// text around them (report.reading); here they are read (lib/core/questions/reading.ts) and the
// assessment completed before the report is kept. The panel, the popup, the letter and the
// verdict read the completed report, as they always did; the window text is not kept.
import { settleAssessment } from '../../core/questions/reading';
import type { Assessment } from '../../core/questions/types';
import { loadBuiltinRules } from '../../core/rules/builtin';
import type { RuleSet } from '../../core/rules/load';
import type { PackedScanReport } from '../messages/protocol';

/**
 * The report with its assessment completed and `reading` dropped. A report without `reading` (a
 * content script from before, its assessment complete) is returned as it is.
 */
export function settleReport(report: PackedScanReport, rules: Pick<RuleSet, 'status' | 'safeguards'> = loadBuiltinRules()): PackedScanReport {
  if (!report.reading) return report;
  const settled: PackedScanReport = { ...report, assessment: settleAssessment(report.assessment as Assessment, report.reading, rules) };
  delete settled.reading;
  return settled;
}
