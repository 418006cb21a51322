// The background's whole job: keep each tab's latest scan (or the PDF it shows), show the count
// on the toolbar icon, and inject the scanner into a tab when the reader asks for it (activeTab).
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '../messages/protocol';
import { completeReport, withTabReport } from './complete';
import { injectReader, injectScanner } from './inject';
import { matchTexts, matchTextsByKey } from './match';
import { settleReport } from './settle';
import { clearTabReport, savePdfTab, saveTabReport } from '../tabs/tab-state';

interface Sender {
  tabId?: number;
  /** The frame of the content script that sent it (0: the tab's top document). */
  frameId?: number;
  /** Sent by one of our own pages (panel, popup), not by a content script in a web page. */
  extensionPage?: boolean;
}

function extensionBase(): string {
  try {
    return browser.runtime.getURL('/');
  } catch {
    return '';
  }
}

/** `base`: the extension's own origin (runtime.getURL('/')); a content script's sender URL is the web page's. */
export function senderOf(sender: unknown, base: string = extensionBase()): Sender {
  const s = sender as { tab?: { id?: number }; frameId?: unknown; url?: unknown } | undefined;
  const tab = s?.tab;
  const url = typeof s?.url === 'string' ? s.url : '';
  return {
    tabId: typeof tab?.id === 'number' ? tab.id : undefined,
    frameId: typeof s?.frameId === 'number' ? s.frameId : undefined,
    extensionPage: base !== '' && url.startsWith(base),
  };
}

async function setBadge(tabId: number, count: number) {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  await action.setBadgeBackgroundColor({ tabId, color: '#1a237e' });
}


export async function handleBackgroundRequest(msg: BackgroundRequest, sender: Sender): Promise<unknown> {
  switch (msg.type) {
    case 'match-texts':
      return msg.optionsKey !== undefined && !msg.options ? matchTextsByKey(msg.texts, msg.optionsKey) : matchTexts(msg.texts, msg.options);
    case 'scan-report': {
      const tabId = sender.tabId;
      if (tabId === undefined) throw new Error('Scanresultaat zonder tabblad');
      const report = settleReport(msg.report);
      await withTabReport(tabId, () => saveTabReport(tabId, report));
      await setBadge(tabId, msg.report.matchCount).catch(() => {});
      return msg.report.matchCount;
    }
    case 'scan-tab': {
      // Only the reader's click in our own panel or popup; a page (a content script) may not
      // have the scanner put into another tab.
      if (!sender.extensionPage) throw new Error('Scannen kan alleen vanuit het paneel of de popup');
      await injectScanner(msg.tabId);
      return true;
    }
    case 'complete-report':
      // Only our own pages read reports; a page may not have another tab's page asked.
      if (!sender.extensionPage) throw new Error('Aanvullen kan alleen vanuit het paneel of de popup');
      return completeReport(msg.tabId);
    case 'pdf-tab': {
      if (sender.tabId === undefined) throw new Error('PDF-melding zonder tabblad');
      await savePdfTab(sender.tabId, msg.url);
      await setBadge(sender.tabId, 0).catch(() => {});
      return true;
    }
    case 'load-reader': {
      // Only into the frame of the content script that asks, never another tab's.
      if (sender.tabId === undefined || sender.extensionPage) throw new Error('Leesfuncties alleen voor een pagina met Raadslens');
      await injectReader(sender.tabId, sender.frameId ?? 0);
      return true;
    }
  }
}

/** Forget a tab's results when it closes or starts loading another document. */
export function forgetTabsOnNavigation() {
  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabReport(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTabReport(tabId);
  });
}
