// Which tab an extension page shows: `?tabId=N` when given (tests, "open in a tab"), otherwise
// the active tab of the page's own window, followed as the reader switches tabs.
import { browser } from 'wxt/browser';

export function tabIdFromUrl(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export async function currentTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Calls back with the new active tab id of this window; returns unsubscribe. */
export function followActiveTab(onChange: (tabId: number) => void): () => void {
  let windowId: number | undefined;
  void browser.windows?.getCurrent().then((w) => (windowId = w.id)).catch(() => {});
  const listener = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) onChange(info.tabId);
  };
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}
