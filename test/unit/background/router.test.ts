import { sampleReadReport, sampleReport } from '../support/scan-report';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundRequest, senderOf } from '@/lib/background/router';
import { createListener } from '@/lib/messages/listen';
import { BackgroundRequestSchema } from '@/lib/messages/protocol';
import { readTabReport } from '@/lib/tabs/tab-state';

const report = sampleReport();

describe('background router', () => {
  it('stores a scan report under the sending tab', async () => {
    await handleBackgroundRequest({ type: 'scan-report', report }, { tabId: 7 });
    expect(await readTabReport(7)).toEqual(sampleReadReport());
    expect(await readTabReport(8)).toBeNull();
  });

  it('refuses a report that does not come from a tab', async () => {
    await expect(handleBackgroundRequest({ type: 'scan-report', report }, {})).rejects.toThrow(/zonder tabblad/);
  });

  it('reads the tab id from a runtime sender and ignores junk senders', () => {
    expect(senderOf({ tab: { id: 3 } })).toEqual({ tabId: 3 });
    expect(senderOf(undefined)).toEqual({ tabId: undefined });
    expect(senderOf({ tab: { id: '3' } })).toEqual({ tabId: undefined });
  });

  it('answers a malformed message with an error and stores nothing', async () => {
    const listener = createListener(BackgroundRequestSchema, handleBackgroundRequest, senderOf);
    const reply = await listener({ type: 'scan-report', report: { ...report, matchCount: 'veel' } }, { tab: { id: 9 } });
    expect(reply).toMatchObject({ ok: false });
    expect(await readTabReport(9)).toBeNull();
  });

  it('treats a stored value of the wrong shape as no report', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { matches: 'kapot' } });
    expect(await readTabReport(5)).toBeNull();
  });
});
