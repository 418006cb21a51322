import { sampleReport } from '../../support/scan-report';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PackedScanReportSchema } from '@/lib/extension/messages/protocol';
import { readReportAtOnce } from '@/lib/extension/ui/tab-report';
import { clearTabReport, MAX_REPORT_BYTES, readUnkept, saveTabReport, SESSION_BUDGET_BYTES } from '@/lib/extension/tabs/tab-state';

/** A valid report of about `bytes` in storage (UTF-16), padded with 500 long attachment addresses. */
function reportOf(bytes: number, url = 'https://x.nl/a') {
  const r = sampleReport();
  const n = Math.max(0, Math.floor(bytes / 2) - JSON.stringify(r).length);
  const per = Math.ceil(n / 500);
  return { ...r, url, attachments: Array.from({ length: 500 }, (_, i) => ({ name: 'b', url: `https://x.nl/${i}/${'p'.repeat(per)}.pdf` })) };
}

beforeEach(() => fakeBrowser.reset());

describe('tab reports in storage.session stay under the quota', () => {
  it('a page cannot make its title or address huge: the protocol refuses it', () => {
    const r = sampleReport();
    expect(PackedScanReportSchema.safeParse({ ...r, title: 'x'.repeat(9_400_000) }).success).toBe(false);
    expect(PackedScanReportSchema.safeParse({ ...r, url: `https://x.nl/${'a'.repeat(10_000)}` }).success).toBe(false);
  });

  it('drops the tabs reported longest ago to keep a new report, and says so for them', async () => {
    const each = Math.floor(SESSION_BUDGET_BYTES / 3.5);
    for (const tab of [1, 2, 3]) expect(await saveTabReport(tab, reportOf(each) as never, tab)).toBe(true);
    expect(await saveTabReport(4, reportOf(each) as never, 4)).toBe(true);
    expect(await readReportAtOnce(1, null)).toBeNull();
    expect(await readUnkept(1)).toBe('quota');
    for (const tab of [2, 3, 4]) expect(await readReportAtOnce(tab, null)).not.toBeNull();
    // A tab reporting again replaces its own share rather than adding to it.
    expect(await saveTabReport(4, reportOf(each) as never, 5)).toBe(true);
    expect(await readReportAtOnce(2, null)).not.toBeNull();
  });

  it('keeps no report larger than its share, and leaves the panel a note instead of an old result', async () => {
    expect(await saveTabReport(7, sampleReport(), 1)).toBe(true);
    expect(await saveTabReport(7, reportOf(MAX_REPORT_BYTES + 100_000) as never, 2)).toBe(false);
    expect(await readReportAtOnce(7, null)).toBeNull();
    expect(await readUnkept(7)).toBe('too-large');
    // A later report that fits clears the note; closing the tab forgets both.
    expect(await saveTabReport(7, sampleReport(), 3)).toBe(true);
    expect(await readUnkept(7)).toBeNull();
    await clearTabReport(7);
    expect(await readReportAtOnce(7, null)).toBeNull();
  });

  it('a storage error (quota after all) is a note for the panel, not a silent loss', async () => {
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    fakeBrowser.storage.session.set = async (items: Record<string, unknown>) => {
      if ('tab:9' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    };
    expect(await saveTabReport(9, sampleReport(), 1)).toBe(false);
    expect(await readUnkept(9)).toBe('quota');
  });
});
