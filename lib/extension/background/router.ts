// The background's whole job: keep each tab's latest scan (or the PDF it shows), show the count
// on the toolbar icon, and inject the scanner into a tab when the reader asks for it (activeTab).
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '../messages/protocol';
import { injectScanner } from './inject';
import { clearTabReport, savePdfTab, saveTabReport } from '../tabs/tab-state';

export interface Sender {
  tabId?: number;
}

export function senderOf(sender: unknown): Sender {
  const tab = (sender as { tab?: { id?: number } } | undefined)?.tab;
  return { tabId: typeof tab?.id === 'number' ? tab.id : undefined };
}

async function setBadge(tabId: number, count: number) {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  await action.setBadgeBackgroundColor({ tabId, color: '#1a237e' });
}


export async function handleBackgroundRequest(msg: BackgroundRequest, sender: Sender): Promise<unknown> {
  switch (msg.type) {
    case 'scan-report': {
      if (sender.tabId === undefined) throw new Error('Scanresultaat zonder tabblad');
      await saveTabReport(sender.tabId, msg.report);
      await setBadge(sender.tabId, msg.report.matchCount).catch(() => {});
      return msg.report.matchCount;
    }
    case 'scan-tab': {
      await injectScanner(msg.tabId);
      return true;
    }
    case 'pdf-tab': {
      if (sender.tabId === undefined) throw new Error('PDF-melding zonder tabblad');
      await savePdfTab(sender.tabId, msg.url);
      await setBadge(sender.tabId, 0).catch(() => {});
      return true;
    }
  }
}

/** Forget a tab's results when it closes or starts loading another document. */
export function forgetTabsOnNavigation() {
  browser.tabs.onRemoved.addListener((tabId) => void clearTabReport(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTabReport(tabId);
  });
}
