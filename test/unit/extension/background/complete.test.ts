// A report whose panel-only parts stay in its page until an extension page reads it: completed
// from the page's answer, kept whole, never over a newer report; the extension pages see only
// whole reports (lib/extension/ui/tab-report.ts).
import { drain } from '@/lib/core/steps';
import { sampleReadReport, sampleReport, sentReadingOf } from '../../support/scan-report';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { completedReportSteps, completeReport, type AskDetails } from '@/lib/extension/background/complete';
import { handleBackgroundRequest } from '@/lib/extension/background/router';
import { PackedScanReportSchema, type ReportDetails } from '@/lib/extension/messages/protocol';
import { clearTabReport } from '@/lib/extension/tabs/tab-state';
import { readReportAtOnce, readWholeReport, watchReportAtOnce, watchWholeReport } from '@/lib/extension/ui/tab-report';

const details: ReportDetails = {
  attachments: [{ name: 'Raadsvoorstel', url: 'https://utrecht.raadsinformatie.nl/document/1.pdf', group: '7. Cameratoezicht' }],
  portal: { portal: 'notubiz', portalLabel: 'NotuBiz', gemeente: 'Utrecht' },
  documentsLater: 2,
};

const send = (tabId: number, pending: string) => handleBackgroundRequest({ type: 'scan-report', report: sampleReport({ pending }) }, { tabId });

beforeEach(() => fakeBrowser.reset());

describe('completing a pending report', () => {
  it('keeps the report whole, as the page would have sent it whole, once the page answered', async () => {
    await send(7, 'k1');
    expect(await readReportAtOnce(7, null)).toMatchObject({ pending: 'k1' });
    const ask = vi.fn<AskDetails>(async () => details);
    expect(await completeReport(7, ask)).toBe(true);
    expect(ask).toHaveBeenCalledWith(7, 'k1');
    const whole = await readReportAtOnce(7, null);
    expect(whole).toEqual(sampleReadReport({ ...details }));
    expect(whole).not.toHaveProperty('pending');
    // The same keys in the same order as a settled report that came whole (storage here does not keep the order).
    expect(Object.keys(drain(completedReportSteps(sampleReport({ pending: 'k1', page: { kind: 'empty' } }), details)))).toEqual(
      ['url', 'title', 'scannedAt', 'chars', 'nodes', 'ms', 'truncated', 'matchCount', 'matches', 'attachments', 'portal', 'page', 'documentsLater', 'assessment'],
    );
    // Whole already: nothing more is asked.
    expect(await completeReport(7, ask)).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('reads the opening the page sent into the portal facts, and keeps no opening (a motie’s page; a list stays a list)', async () => {
    const opening = ['De raad van de gemeente Utrecht, in vergadering bijeen op 12 juni 2025,', 'Overwegende dat cameratoezicht inbraken voorkomt;', 'Verzoekt de burgemeester:', 'camera’s te plaatsen.', 'Status', 'Aangenomen'];
    const whole = drain(completedReportSteps(sampleReport({ pending: 'k1' }), { ...details, opening }));
    expect(whole.portal).toEqual({ portal: 'notubiz', portalLabel: 'NotuBiz', gemeente: 'Utrecht', documentType: 'motie', date: '12 juni 2025', decision: 'aangenomen', addressee: 'burgemeester' });
    expect(Object.keys(whole)).not.toContain('opening');
    const list = drain(completedReportSteps(sampleReport({ pending: 'k1' }), { ...details, portal: { ...details.portal!, documentType: 'documentenlijst' }, opening }));
    expect(list.portal).toEqual({ portal: 'notubiz', portalLabel: 'NotuBiz', gemeente: 'Utrecht', documentType: 'documentenlijst', date: '12 juni 2025' });
  });

  it('reads each list row the page sent into its attachment’s outcome, and keeps no row', async () => {
    const attachments: ReportDetails['attachments'] = [
      { name: 'Motie 301', url: 'https://denhaag.raadsinformatie.nl/document/13400001/1/Motie+301', row: '5 februari 2026\nAangenomen' },
      { name: 'Motie 302', url: 'https://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302', row: '5 februari 2026\nVerworpen' },
      { name: 'Bijlage', url: 'https://denhaag.raadsinformatie.nl/document/13400003/1/Bijlage', row: '5 februari 2026' },
      { name: 'Raadsvoorstel', url: 'https://denhaag.raadsinformatie.nl/document/13400004/1/Raadsvoorstel', group: '7. Cameratoezicht' },
    ];
    const whole = drain(completedReportSteps(sampleReport({ pending: 'k1' }), { ...details, attachments }));
    expect(whole.attachments).toEqual([
      { name: 'Motie 301', url: 'https://denhaag.raadsinformatie.nl/document/13400001/1/Motie+301', decision: 'aangenomen' },
      { name: 'Motie 302', url: 'https://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302', decision: 'verworpen' },
      { name: 'Bijlage', url: 'https://denhaag.raadsinformatie.nl/document/13400003/1/Bijlage' },
      { name: 'Raadsvoorstel', url: 'https://denhaag.raadsinformatie.nl/document/13400004/1/Raadsvoorstel', group: '7. Cameratoezicht' },
    ]);
    // Through the stored report's schema: an outcome is one of three words, a row is not kept.
    expect(PackedScanReportSchema.safeParse(whole).success).toBe(true);
    expect(PackedScanReportSchema.safeParse({ ...whole, attachments: [{ ...whole.attachments![0]!, decision: 'aangehouden' }] }).success).toBe(false);
    expect(PackedScanReportSchema.safeParse({ ...whole, attachments: [attachments[0]] }).success).toBe(false);
  });

  it('asks the page once when the panel and the popup ask at the same time', async () => {
    await send(7, 'k1');
    const ask = vi.fn<AskDetails>(async () => details);
    expect(await Promise.all([completeReport(7, ask), completeReport(7, ask)])).toEqual([true, true]);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('completes nothing when the page does not answer, or answers that a newer report replaced it', async () => {
    await send(7, 'k1');
    expect(await completeReport(7, async () => null)).toBe(false);
    expect(await completeReport(7, async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))).toBe(false);
    expect(await readReportAtOnce(7, null)).toMatchObject({ pending: 'k1' });
    expect(await completeReport(8, async () => details)).toBe(false);
  });

  it('never puts an older report over one that arrived while the page was asked', async () => {
    await send(7, 'k1');
    const ask: AskDetails = async () => {
      await send(7, 'k2');
      return details;
    };
    expect(await completeReport(7, ask)).toBe(false);
    expect(await readReportAtOnce(7, null)).toMatchObject({ pending: 'k2' });
  });

  it('stops reading when a newer report comes while it pauses between slices, and keeps the newer one', async () => {
    await send(7, 'k1');
    let pauses = 0;
    // A reading, so that the completion has slices to pause between (none of its mentions: the sample page has none).
    const withReading: ReportDetails = { ...details, reading: sentReadingOf('De camera', [], [], []) };
    const post = (next: () => void) => {
      if (pauses++ === 0) void send(7, 'k2');
      void Promise.resolve().then(next);
    };
    expect(await completeReport(7, async () => withReading, { budgetMs: 0, post })).toBe(false);
    expect(pauses).toBe(1);
    await vi.waitFor(async () => expect(await readReportAtOnce(7, null)).toMatchObject({ pending: 'k2' }));
    // Unhindered, the same answer completes the report.
    await send(7, 'k3');
    expect(await completeReport(7, async () => withReading, { budgetMs: 0 })).toBe(true);
    expect(await readReportAtOnce(7, null)).not.toHaveProperty('pending');
  });

  it('does not bring back a report cleared while it paused (the tab navigated)', async () => {
    await send(7, 'k1');
    const withReading: ReportDetails = { ...details, reading: sentReadingOf('De camera', [], [], []) };
    expect(await completeReport(7, async () => withReading, { budgetMs: 0, post: (next) => void clearTabReport(7).then(next) })).toBe(false);
    expect(await readReportAtOnce(7, null)).toBeNull();
  });

  it('is asked for only by our own pages', async () => {
    await expect(handleBackgroundRequest({ type: 'complete-report', tabId: 7 }, { tabId: 3, extensionPage: false })).rejects.toThrow(/alleen vanuit het paneel/);
  });
});

describe('the extension pages read whole reports', () => {
  it('reads a pending report once it is completed, and null when its page does not answer', async () => {
    await send(7, 'k1');
    expect(await readWholeReport(7, (id) => completeReport(id, async () => details))).toEqual(sampleReadReport({ ...details }));
    await send(8, 'k1');
    expect(await readWholeReport(8, (id) => completeReport(id, async () => null))).toBeNull();
  });

  it('watches only whole reports: a pending one is completed and comes back whole', async () => {
    const seen: unknown[] = [];
    const stop = watchWholeReport(7, (r) => seen.push(r), (id) => completeReport(id, async () => details));
    await send(7, 'k1');
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual(sampleReadReport({ ...details }));
    stop();
  });

  it('watches a report whose page does not answer as none', async () => {
    const seen: unknown[] = [];
    const stop = watchWholeReport(7, (r) => seen.push(r), (id) => completeReport(id, async () => null));
    await send(7, 'k1');
    await vi.waitFor(() => expect(seen).toEqual([null]));
    stop();
  });

  it('gives the popup a pending report at once (its count is whole) and the whole one when it is kept', async () => {
    await send(7, 'k1');
    const seen: unknown[] = [];
    const complete = (id: number) => completeReport(id, async () => details);
    const stop = watchReportAtOnce(7, (r) => seen.push(r), complete);
    expect(await readReportAtOnce(7, complete)).toMatchObject({ pending: 'k1', matchCount: 1 });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(sampleReadReport({ ...details })));
    stop();
  });
});
