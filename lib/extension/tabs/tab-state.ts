// Per-tab scan results live in storage.session: they survive the MV3 service worker going to
// sleep, vanish with the browser session, and every extension page can read and watch them.
// They are kept as the content script sent them (matches packed) and unpacked when read.
// Beside a tab's report: the address of the PDF the tab shows, when the content script found the
// browser showing one there (a PDF has no page text; the panel reads it itself).
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { normaliseDocumentUrl } from '../../record/db/url';
import { PackedScanReportSchema, unpackReport, type PackedScanReport, type ScanReport } from '../messages/protocol';

const KEY_PREFIX = 'tab:';
export const tabKey = (tabId: number) => `${KEY_PREFIX}${tabId}`;
export const pdfTabKey = (tabId: number) => `pdf-tab:${tabId}`;

const PdfTabSchema = z.strictObject({ url: z.string().max(8192) });

/** Calls back with `parse(value)` whenever storage.session's `key` changes. Returns unsubscribe. */
function watchKey<T>(key: string, parse: (value: unknown) => T, onChange: (value: T) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    onChange(parse(changes[key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function parseReport(value: unknown): ScanReport | null {
  const parsed = PackedScanReportSchema.safeParse(value);
  return parsed.success ? unpackReport(parsed.data) : null;
}

function parsePdfTab(value: unknown): string | null {
  const parsed = PdfTabSchema.safeParse(value);
  return parsed.success ? parsed.data.url : null;
}

export async function saveTabReport(tabId: number, report: PackedScanReport): Promise<void> {
  await browser.storage.session.set({ [tabKey(tabId)]: report });
}

/** Forgets what the tab showed: its report and its PDF. */
export async function clearTabReport(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabKey(tabId), pdfTabKey(tabId)]);
}

/** The stored report, or null when there is none or it does not have the expected shape. */
export async function readTabReport(tabId: number): Promise<ScanReport | null> {
  const key = tabKey(tabId);
  return parseReport((await browser.storage.session.get(key))[key]);
}

/** Calls back with the tab's report whenever it changes (null when cleared). Returns unsubscribe. */
export function watchTabReport(tabId: number, onChange: (report: ScanReport | null) => void): () => void {
  return watchKey(tabKey(tabId), parseReport, onChange);
}

/**
 * Is a stored report about the document the tab shows now? A page's last report can arrive after
 * the tab started loading the next document (the reader clicked on before the scan was done), and
 * is then kept for a tab that shows something else — a PDF, say, whose panel would read "0 vondsten".
 * The fragment and tracking parameters do not make another document; a tab without a known address
 * takes the report.
 */
export function reportIsFor(report: Pick<ScanReport, 'url'>, tabUrl: string): boolean {
  if (!tabUrl) return true;
  try {
    return normaliseDocumentUrl(report.url) === normaliseDocumentUrl(tabUrl);
  } catch {
    return report.url === tabUrl;
  }
}

export async function savePdfTab(tabId: number, url: string): Promise<void> {
  await browser.storage.session.set({ [pdfTabKey(tabId)]: { url } });
}

/** The address at which the browser showed the tab a PDF, or null. */
export async function readPdfTab(tabId: number): Promise<string | null> {
  const key = pdfTabKey(tabId);
  return parsePdfTab((await browser.storage.session.get(key))[key]);
}

export function watchPdfTab(tabId: number, onChange: (url: string | null) => void): () => void {
  return watchKey(pdfTabKey(tabId), parsePdfTab, onChange);
}

/**
 * The name a portal page in any open tab gives the document at `url` (its link text in the
 * page's attachments), or undefined. A PDF opened from an agenda is named as the agenda named it.
 */
export async function portalNameFor(url: string): Promise<string | undefined> {
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(KEY_PREFIX)) continue;
    const list = (value as { attachments?: unknown } | null)?.attachments;
    if (!Array.isArray(list)) continue;
    for (const a of list as Array<{ url?: unknown; name?: unknown } | null>) {
      const name = typeof a?.name === 'string' ? a.name.trim() : '';
      // A link without a name is listed under its address: that is no name.
      if (a?.url === url && name && name !== url) return name.slice(0, 500);
    }
  }
  return undefined;
}
