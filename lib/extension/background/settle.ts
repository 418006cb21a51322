// The report intake: a content script sends what its scan found by the rules' ids (report.found)
// with the safeguards' sentences unread and the text around them (report.reading); here the
// assessment is composed from the whole rule set (labels, reasons, questions: the page carries
// none of them, lib/core/questions/partial.ts composeAssessment), the sentences are read
// (lib/core/questions/reading.ts) and the assessment completed before the report is kept. The
// panel, the popup, the letter and the verdict read the completed report, as they always did;
// neither `found` nor the window text is kept. The reading arrives packed
// (lib/core/questions/reading-wire.ts): unpacked here, with the match table's contexts the
// windows held put back (SentScanReportSchema checked the table with them).
import { composeAssessment } from '../../core/questions/partial';
import { settleAssessmentSteps } from '../../core/questions/reading';
import { outcomeOf } from '../../core/questions/outcome';
import { drain, type Steps } from '../../core/steps';
import type { Assessment } from '../../core/questions/types';
import { loadBuiltinRules } from '../../core/rules/builtin';
import type { RuleSet } from '../../core/rules/load';
import { unpackReading } from '../../core/questions/reading-wire';
import { tableIssue } from '../messages/match-table';
import type { PackedScanReport, SentScanReport } from '../messages/protocol';

/**
 * The report with its assessment composed and completed, `found` and `reading` dropped. A report
 * with an assessment and without `reading` (a content script from before) is returned as it is.
 * Throws a ReadingError (a Dutch message) on a reading no content script sends.
 */
export function settleReport(report: SentScanReport, rules: Omit<RuleSet, 'categories'> & { categories: RuleSet['categories'] } = loadBuiltinRules()): PackedScanReport {
  return drain(settleReportSteps(report, rules));
}

/**
 * settleReport in steps (lib/core/steps.ts): a completion in the service worker reads a large
 * page's mentions in slices (./complete.ts), so no task of it holds the worker for long.
 */
export function* settleReportSteps(report: SentScanReport, rules: Omit<RuleSet, 'categories'> & { categories: RuleSet['categories'] } = loadBuiltinRules()): Steps<PackedScanReport> {
  const { found, reading: sent, assessment, ...rest } = report;
  if (!found && !sent && assessment) return report as PackedScanReport;
  const unpacked = sent ? unpackReading(sent, rest.matches.contexts) : undefined;
  yield;
  if (unpacked) {
    rest.matches = { ...rest.matches, contexts: unpacked.contexts };
    // SentScanReportSchema checks it too, but a report completed from its details (./complete.ts) is put together, not parsed whole.
    const issue = tableIssue(rest.matches);
    if (issue) throw new Error(`Scanresultaat ongeldig (treffers): ${issue}`);
  }
  yield;
  const partial = found ? composeAssessment(found, rules) : (assessment as Assessment);
  // A web page's text: its text nodes keep the HTML source's own line breaks, so a line break there
  // may be a wrap inside a sentence (lib/core/questions/status/segment.ts TextLayout). A motie's
  // page: what the raad did with it (its portal facts, read with its opening: ./portal-opening.ts)
  // decides what its dictum asks, whose vote stands beyond the windows the page sent.
  const outcome = outcomeOf(rest.portal?.documentType, rest.portal?.decision);
  return { ...rest, assessment: unpacked ? yield* settleAssessmentSteps(partial, unpacked.reading, rules, 'wrapped', outcome) : partial };
}
