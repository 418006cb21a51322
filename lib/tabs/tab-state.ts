// Per-tab scan results live in storage.session: they survive the MV3 service worker going to
// sleep, vanish with the browser session, and every extension page can read and watch them.
// They are kept as the content script sent them (matches packed) and unpacked when read.
import { browser } from 'wxt/browser';
import { PackedScanReportSchema, unpackReport, type PackedScanReport, type ScanReport } from '../messages/protocol';

const KEY_PREFIX = 'tab:';
export const tabKey = (tabId: number) => `${KEY_PREFIX}${tabId}`;

export async function saveTabReport(tabId: number, report: PackedScanReport): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: report });
}

export async function clearTabReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** The stored report, or null when there is none or it does not have the expected shape. */
export async function readTabReport(tabId: number): Promise<ScanReport | null> {
  const key = tabKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  const parsed = PackedScanReportSchema.safeParse(stored);
  return parsed.success ? unpackReport(parsed.data) : null;
}

/** Calls back with the tab's report whenever it changes (null when cleared). Returns unsubscribe. */
export function watchTabReport(tabId: number, onChange: (report: ScanReport | null) => void): () => void {
  const key = tabKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    const parsed = PackedScanReportSchema.safeParse(changes[key]?.newValue);
    onChange(parsed.success ? unpackReport(parsed.data) : null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
