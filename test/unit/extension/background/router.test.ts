import { sampleReadReport, sampleReport } from '../../support/scan-report';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundRequest, senderOf } from '@/lib/extension/background/router';
import { createListener } from '@/lib/extension/messages/listen';
import { BackgroundRequestSchema } from '@/lib/extension/messages/protocol';
import { readReportAtOnce } from '@/lib/extension/ui/tab-report';
import { clearTabReport, portalLinkFor, portalNameFor, readPdfTab, reportIsFor, watchPdfTab } from '@/lib/extension/tabs/tab-state';

const report = sampleReport();

describe('background router', () => {
  it('stores a scan report under the sending tab', async () => {
    await handleBackgroundRequest({ type: 'scan-report', report }, { tabId: 7 });
    expect(await readReportAtOnce(7, null)).toEqual(sampleReadReport());
    expect(await readReportAtOnce(8, null)).toBeNull();
  });

  it('refuses a report that does not come from a tab', async () => {
    await expect(handleBackgroundRequest({ type: 'scan-report', report }, {})).rejects.toThrow(/zonder tabblad/);
  });

  it('reads the tab id from a runtime sender and ignores junk senders', () => {
    expect(senderOf({ tab: { id: 3 } })).toMatchObject({ tabId: 3, extensionPage: false });
    expect(senderOf(undefined)).toMatchObject({ tabId: undefined, extensionPage: false });
    expect(senderOf({ tab: { id: '3' } })).toMatchObject({ tabId: undefined });
  });

  it('takes scan-tab only from our own pages, not from a content script in a web page', async () => {
    const base = 'chrome-extension://abc/';
    const page = senderOf({ tab: { id: 3 }, url: 'https://evil.example/raad' }, base);
    expect(page.extensionPage).toBe(false);
    // A page whose address merely contains the extension's URL is still a page.
    expect(senderOf({ url: 'https://evil.example/?chrome-extension://abc/' }, base).extensionPage).toBe(false);
    await expect(handleBackgroundRequest({ type: 'scan-tab', tabId: 5 }, page)).rejects.toThrow(/alleen vanuit het paneel/);
    expect(senderOf({ url: 'chrome-extension://abc/sidepanel.html?tabId=3' }, base).extensionPage).toBe(true);
  });

  it("puts the reader's actions into the asking content script's frame only, never for an extension page", async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const base = 'chrome-extension://abc/';
    expect(await handleBackgroundRequest({ type: 'load-reader' }, senderOf({ tab: { id: 3 }, frameId: 2, url: 'https://almelo.bestuurlijkeinformatie.nl/x' }, base))).toBe(true);
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [2] }, files: ['/content-scripts/reader.js'] });
    await expect(handleBackgroundRequest({ type: 'load-reader' }, senderOf({ url: 'chrome-extension://abc/sidepanel.html' }, base))).rejects.toThrow(/Leesfuncties/);
    await expect(handleBackgroundRequest({ type: 'load-reader' }, senderOf({ tab: { id: 3 }, url: 'chrome-extension://abc/popup.html' }, base))).rejects.toThrow(/Leesfuncties/);
    expect(inject).toHaveBeenCalledTimes(1);
    inject.mockRestore();
  });

  it('answers a malformed message with an error and stores nothing', async () => {
    const listener = createListener(BackgroundRequestSchema, handleBackgroundRequest, senderOf);
    const reply = await listener({ type: 'scan-report', report: { ...report, matchCount: 'veel' } }, { tab: { id: 9 } });
    expect(reply).toMatchObject({ ok: false });
    expect(await readReportAtOnce(9, null)).toBeNull();
  });

  it('treats a stored value of the wrong shape as no report', async () => {
    await fakeBrowser.storage.session.set({ 'tab:5': { matches: 'kapot' } });
    expect(await readReportAtOnce(5, null)).toBeNull();
  });

  it('keeps the address at which a tab shows a PDF, and forgets it with the tab’s report', async () => {
    const url = 'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie';
    const seen: Array<string | null> = [];
    const stop = watchPdfTab(4, (u) => seen.push(u));
    await handleBackgroundRequest({ type: 'scan-report', report }, { tabId: 4 });
    expect(await handleBackgroundRequest({ type: 'pdf-tab', url }, { tabId: 4 })).toBe(true);
    expect(await readPdfTab(4)).toBe(url);
    expect(await readPdfTab(5)).toBeNull();
    await clearTabReport(4);
    expect(await readPdfTab(4)).toBeNull();
    expect(await readReportAtOnce(4, null)).toBeNull();
    stop();
    expect(seen).toEqual([url, null]);
    await expect(handleBackgroundRequest({ type: 'pdf-tab', url }, {})).rejects.toThrow(/zonder tabblad/);
  });

  it('finds the name an open portal page gives a document in its attachments', async () => {
    const url = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/6b0e52a1?documentId=0c9d7e12';
    await handleBackgroundRequest(
      { type: 'scan-report', report: { ...report, attachments: [{ name: 'Raadsvoorstel cameratoezicht', url }, { name: 'https://x.nl/a', url: 'https://x.nl/a' }] } },
      { tabId: 6 },
    );
    await fakeBrowser.storage.session.set({ 'pdf-tab:6': { url: 'https://x.nl/b' }, 'tab:7': { attachments: 'kapot' } });
    expect(await portalNameFor(url)).toBe('Raadsvoorstel cameratoezicht');
    // A link listed under its own address has no name.
    expect(await portalNameFor('https://x.nl/a')).toBeUndefined();
    expect(await portalNameFor('https://x.nl/b')).toBeUndefined();
  });

  it('finds what a list open in another tab says became of a document: its row’s outcome, with its name', async () => {
    const motie = 'https://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302';
    await handleBackgroundRequest(
      { type: 'scan-report', report: { ...report, attachments: [{ name: 'Motie 302 Register van sensoren', url: motie, decision: 'verworpen' }, { name: 'Bijlage', url: 'https://x.nl/c' }] } },
      { tabId: 8 },
    );
    // Written by hand into the session: a word that is no outcome counts for nothing.
    await fakeBrowser.storage.session.set({ 'tab:9': { attachments: [{ name: 'Motie 303', url: 'https://x.nl/d', decision: 'aangehouden' }] } });
    expect(await portalLinkFor(motie)).toEqual({ name: 'Motie 302 Register van sensoren', decision: 'verworpen' });
    expect(await portalNameFor(motie)).toBe('Motie 302 Register van sensoren');
    expect(await portalLinkFor('https://x.nl/c')).toEqual({ name: 'Bijlage' });
    expect(await portalLinkFor('https://x.nl/d')).toEqual({ name: 'Motie 303' });
    expect(await portalLinkFor('https://x.nl/e')).toBeUndefined();
  });

  it('tells a report about the tab’s document from one the previous document sent late', () => {
    const page = { url: 'https://utrecht.raadsinformatie.nl/vergadering/1?utm_source=nieuwsbrief#punt-3' };
    expect(reportIsFor(page, 'https://utrecht.raadsinformatie.nl/vergadering/1')).toBe(true);
    expect(reportIsFor(page, 'https://utrecht.raadsinformatie.nl/vergadering/1/#punt-4')).toBe(true);
    expect(reportIsFor(page, 'https://utrecht.raadsinformatie.nl/document/90001/1/Raadsvoorstel')).toBe(false);
    expect(reportIsFor(page, '')).toBe(true);
    expect(reportIsFor({ url: 'kapot' }, 'kapot')).toBe(true);
  });
});
