// The report intake: a content script's report with its safeguards unread is completed by the
// background before it is kept; the text sent for that is not kept; an older report passes as it is.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAnalyser, createScanner } from '@/lib/core/analyse';
import { loadBuiltinRules, loadScanRules } from '@/lib/core/rules';
import { handleBackgroundRequest } from '@/lib/extension/background/router';
import { settleReport } from '@/lib/extension/background/settle';
import { BackgroundRequestSchema, SentScanReportSchema, type PackedScanReport, type PortalSummary, type SentScanReport } from '@/lib/extension/messages/protocol';
import { textOutcome } from '@/lib/core/questions/document-kind';
import { documentKindRules } from '@/lib/core/rules/document-kind';
import { wholeMotie } from '../../support/whole-proposals';
import { tabKey } from '@/lib/extension/tabs/tab-state';
import { sampleReport, sentReadingOf } from '../../support/scan-report';
import { restCategories, strongCategoriesOf } from '@/lib/core/questions';

const TEXT =
  'Het college wil het cameratoezicht in de binnenstad uitbreiden met slimme camera’s. Voor de camera’s is nog geen DPIA uitgevoerd. ' +
  'De beelden worden 28 dagen bewaard. De functionaris gegevensbescherming wordt om advies gevraagd.';

/** A report as the content script sends it for `text` (one block). */
function pageReport(text = TEXT): SentScanReport {
  const scanner = createScanner(loadScanRules());
  const { matches, safeguardHits } = scanner.find(text);
  const found = scanner.findings(matches, safeguardHits, text);
  const ids = new Set(loadScanRules().safeguards.safeguards.map((s) => s.id));
  const mentions = safeguardHits.filter((h) => ids.has(h.group));
  const { assessment: _complete, ...report } = sampleReport();
  return { ...report, found, reading: sentReadingOf(text, mentions, matches, restCategories(matches, strongCategoriesOf(found))) };
}

describe('settleReport (the report intake)', () => {
  it('completes the assessment as the whole text reads it, and drops the text', () => {
    const sent = SentScanReportSchema.parse(pageReport());
    expect(sent).not.toHaveProperty('assessment');
    const settled = settleReport(sent);
    expect(settled).not.toHaveProperty('reading');
    expect(settled).not.toHaveProperty('found');
    expect(settled.assessment).toEqual(createAnalyser(loadBuiltinRules()).analyse(TEXT, 'wrapped').assessment);
    expect(Object.fromEntries(settled.assessment.safeguards.found.map((f) => [f.id, f.status]))).toMatchObject({ dpia: 'negated', bewaartermijn: 'stated', fg: 'planned' });
  });

  it('reads a motie’s page with what its portal facts say the raad did with it (round 21b)', () => {
    // The vote stands beyond the windows the page sends: the portal facts carry it (read from the page's opening).
    const text = wholeMotie('verworpen');
    const statuses = (portal?: PortalSummary) => {
      const settled = settleReport(SentScanReportSchema.parse({ ...pageReport(text), ...(portal ? { portal } : {}) }));
      return Object.fromEntries(settled.assessment.safeguards.found.map((f) => [f.id, f.status]));
    };
    const portal: PortalSummary = { portal: 'ibabs', portalLabel: 'iBabs', documentType: 'motie' };
    expect(statuses({ ...portal, decision: 'verworpen' })).toMatchObject({ iama: 'negated', algoritmeregister: 'negated', informeren: 'negated', fg: 'stated' });
    for (const open of [undefined, portal, { ...portal, decision: 'aangenomen' as const }, { ...portal, documentType: 'raadsvoorstel', decision: 'verworpen' as const }]) {
      expect(statuses(open)).toMatchObject({ iama: 'planned', algoritmeregister: 'planned', informeren: 'planned' });
    }
    // The same as the whole text read with the outcome its opening says.
    expect(settleReport(SentScanReportSchema.parse({ ...pageReport(text), portal: { ...portal, decision: 'verworpen' } })).assessment).toEqual(
      createAnalyser(loadBuiltinRules()).analyse(text, 'wrapped', textOutcome(text, documentKindRules())).assessment,
    );
  });

  it('passes a report of the older shape (assessment complete, no reading) as it is', () => {
    const old = sampleReport();
    expect(settleReport(old)).toBe(old);
  });

  it('the router keeps the settled report, without the page text sent for reading', async () => {
    fakeBrowser.reset();
    await handleBackgroundRequest({ type: 'scan-report', report: SentScanReportSchema.parse(pageReport()) }, { tabId: 4 });
    const kept = (await fakeBrowser.storage.session.get(tabKey(4)))[tabKey(4)] as PackedScanReport;
    expect(kept).not.toHaveProperty('reading');
    expect(kept.assessment.safeguards.found.map((f) => f.id)).toContain('dpia');
  });

  it('the protocol refuses a malformed reading', () => {
    const good = pageReport();
    expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report: good }).success).toBe(true);
    for (const reading of [
      { ...good.reading!, windows: [{ start: -1, text: 'x' }] },
      { ...good.reading!, mentions: [{ group: 'dpia', start: 0, end: 4, text: 'DPIA' }] },
      { ...good.reading!, tech: [{ start: 0, end: 4, category: 'geen-categorie' }] },
      { ...good.reading!, extra: true },
      'tekst',
    ]) {
      expect(BackgroundRequestSchema.safeParse({ type: 'scan-report', report: { ...good, reading } }).success).toBe(false);
    }
  });

  it('the protocol refuses a report with both or neither of assessment and found, and a malformed found', () => {
    const good = pageReport();
    const { found, ...neither } = good;
    const scan = (report: unknown) => BackgroundRequestSchema.safeParse({ type: 'scan-report', report }).success;
    expect(scan(neither)).toBe(false);
    expect(scan({ ...good, assessment: sampleReport().assessment })).toBe(false);
    expect(scan({ ...good, found: { ...found!, categories: [{ category: 'weer', count: 1, weakOnly: false, termIds: [] }] } })).toBe(false);
    expect(scan({ ...good, found: { ...found!, signals: [{ id: 'kinderen', count: -1, passage: { start: 0, end: 1, text: 'x', snippet: 'x' } }] } })).toBe(false);
    expect(scan({ ...good, found: { ...found!, labels: [] } })).toBe(false);
  });
});
