// The extension pages read the tab's report checked and unpacked in slices (tab-report.ts): the same report as the one-task check and unpacking gave, a pending report not
// unpacked only to be asked for again, and only the last of several quick changes handed on.
import { drain } from '@/lib/core/steps';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { unpackReportSteps, PackedScanReportSchema, type PackedScanReport } from '@/lib/extension/messages/protocol';
import * as protocol from '@/lib/extension/messages/protocol';
import * as send from '@/lib/extension/messages/send';
import { tabKey } from '@/lib/extension/tabs/tab-state';
import { readReportAtOnce, readWholeReport, watchReportAtOnce, watchWholeReport } from '@/lib/extension/ui/tab-report';
import { sampleReport } from '../../support/scan-report';

/** A report with `n` matches, one context each: enough for several slices of unpacking. */
function longReport(n: number, overrides: Partial<PackedScanReport> = {}): PackedScanReport {
  const spans: number[] = [];
  const contexts: { at: number; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const at = i * 100;
    contexts.push({ at, text: `Over de camera nummer ${i} met gezichtsherkenning in de straat.` });
    spans.push(at + 9, at + 15, i % 2);
  }
  const terms = [
    { termId: 'camera.camera', category: 'camera' as const },
    { termId: 'camera.gezichtsherkenning', category: 'camera' as const },
  ];
  return sampleReport({ matchCount: n, matches: { terms, spans, contexts }, ...overrides });
}

const store = (value: unknown) => fakeBrowser.storage.session.set({ [tabKey(4)]: value });

beforeEach(() => fakeBrowser.reset());

describe('a report read by an extension page', () => {
  it('is the report the one-task check and unpacking gave, and null for a value of another shape', async () => {
    const packed = longReport(1200);
    await store(structuredClone(packed));
    expect(await readReportAtOnce(4, null)).toEqual(drain(unpackReportSteps(PackedScanReportSchema.parse(packed))));
    await store({ ...packed, chars: -1 });
    expect(await readReportAtOnce(4, null)).toBeNull();
    await fakeBrowser.storage.session.remove(tabKey(4));
    expect(await readReportAtOnce(4, null)).toBeNull();
  });

  it('is not unpacked while its details are still in its page: it is asked for whole first', async () => {
    const unpack = vi.spyOn(protocol, 'unpackReportSteps');
    await store(longReport(600, { pending: 'k1' }));
    const complete = vi.fn(async () => {
      await store(longReport(600, { title: 'Heel' }));
      return true;
    });
    const report = await readWholeReport(4, complete);
    expect(complete).toHaveBeenCalledOnce();
    expect(report?.title).toBe('Heel');
    expect(report?.matches).toHaveLength(600);
    expect(unpack).toHaveBeenCalledOnce();
    unpack.mockRestore();
  });

  it('read by a caller that no longer wants it: null, not checked', async () => {
    await store(longReport(10));
    expect(await readWholeReport(4, async () => true, () => true)).toBeNull();
  });

  it('the popup reads a pending report at once, and asks for the rest', async () => {
    await store(longReport(3, { pending: 'k2' }));
    const complete = vi.fn(async () => true);
    expect((await readReportAtOnce(4, complete))?.matches).toHaveLength(3);
    expect(complete).toHaveBeenCalledOnce();
  });

  it('watched: of changes that come while one is checked, only the last is handed on', async () => {
    const seen: (string | null)[] = [];
    const stop = watchWholeReport(4, (r) => seen.push(r?.title ?? null), async () => false);
    await store(longReport(3000, { title: 'eerste' }));
    await store(longReport(5, { title: 'tweede' }));
    await vi.waitFor(() => expect(seen).toEqual(['tweede']));
    // A pending report is not handed on (it is completed), and drops an older one still checked.
    await store(longReport(3000, { title: 'derde' }));
    await store(longReport(5, { title: 'vierde', pending: 'k3' }));
    await new Promise((r) => setTimeout(r, 50));
    await vi.waitFor(() => expect(seen.at(-1)).toBeNull());
    expect(seen).toEqual(['tweede', null]);
    stop();
    await store(longReport(5, { title: 'na het einde' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['tweede', null]);
  });

  it('read at once without asking for the rest (open at a passage): a pending report as it is, nothing asked, also when watched', async () => {
    const ask = vi.spyOn(send, 'sendToBackground');
    const seen: (string | null)[] = [];
    const stop = watchReportAtOnce(4, (r) => seen.push(r?.title ?? null), null);
    await store(longReport(3, { title: 'half', pending: 'k4' }));
    await vi.waitFor(() => expect(seen).toEqual(['half']));
    expect((await readReportAtOnce(4, null))?.pending).toBe('k4');
    stop();
    expect(ask).not.toHaveBeenCalled();
    // By default the popup's reading asks the background for the rest.
    await readReportAtOnce(4);
    expect(ask).toHaveBeenCalledWith({ type: 'complete-report', tabId: 4 });
    ask.mockRestore();
  });
});
