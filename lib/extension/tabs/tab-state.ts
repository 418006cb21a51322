// Per-tab scan results live in storage.session: they survive the MV3 service worker going to
// sleep, vanish with the browser session, and every extension page can read and watch them.
// They are kept as the content script sent them (matches packed); the extension pages check and
// unpack them as they read them (lib/extension/ui/tab-report.ts).
// Beside a tab's report: the address of the PDF the tab shows, when the content script found the
// browser showing one there (a PDF has no page text; the panel reads it itself).
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { normaliseDocumentUrl } from '../../record/db/url';
import type { PackedScanReport, ScanReport } from '../messages/protocol';
import { isProposalDecision, type ProposalDecision } from '../../core/rules/decisions';

const KEY_PREFIX = 'tab:';
export const tabKey = (tabId: number) => `${KEY_PREFIX}${tabId}`;
const pdfTabKey = (tabId: number) => `pdf-tab:${tabId}`;

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

function parsePdfTab(value: unknown): string | null {
  const parsed = PdfTabSchema.safeParse(value);
  return parsed.success ? parsed.data.url : null;
}

/**
 * storage.session holds 10 MB for all tabs together; a busy page's report is ~2 MB. Reports are
 * kept within this budget: the tabs reported longest ago make room, and a report that cannot be
 * kept leaves a note (`tab-unkept:<id>`) the panel shows instead of a stale or empty result.
 */
export const SESSION_BUDGET_BYTES = 8 * 1024 * 1024;
/** The most one tab's report may take. */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;
const SIZES_KEY = 'tab-sizes';
const unkeptKey = (tabId: number) => `tab-unkept:${tabId}`;

const SizesSchema = z.record(z.string(), z.strictObject({ bytes: z.number().nonnegative(), at: z.number() }));
type Sizes = z.infer<typeof SizesSchema>;

/** Roughly what storage.session counts for a value: its JSON in UTF-16. */
function bytesOf(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

export type UnkeptReason = 'too-large' | 'quota';
const UnkeptSchema = z.strictObject({ reason: z.enum(['too-large', 'quota']) });

async function markUnkept(tabId: number, reason: UnkeptReason): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId)).catch(() => {});
  await browser.storage.session.set({ [unkeptKey(tabId)]: { reason } }).catch(() => {});
}

/**
 * Keeps a tab's report, dropping the reports of the tabs reported longest ago when the budget
 * would be exceeded. Resolves false (and leaves the panel a note) when it could not be kept.
 */
export async function saveTabReport(tabId: number, report: PackedScanReport, now = Date.now()): Promise<boolean> {
  const bytes = bytesOf(report);
  if (bytes > MAX_REPORT_BYTES) {
    await markUnkept(tabId, 'too-large');
    return false;
  }
  const parsed = SizesSchema.safeParse((await browser.storage.session.get(SIZES_KEY))[SIZES_KEY]);
  const sizes: Sizes = parsed.success ? parsed.data : {};
  delete sizes[String(tabId)];
  let total = bytes + Object.values(sizes).reduce((n, s) => n + s.bytes, 0);
  const dropped: number[] = [];
  for (const [id, s] of Object.entries(sizes).sort((a, b) => a[1].at - b[1].at)) {
    if (total <= SESSION_BUDGET_BYTES) break;
    total -= s.bytes;
    delete sizes[id];
    dropped.push(Number(id));
  }
  sizes[String(tabId)] = { bytes, at: now };
  try {
    if (dropped.length) {
      await browser.storage.session.remove(dropped.map(tabKey));
      await browser.storage.session.set(Object.fromEntries(dropped.map((id) => [unkeptKey(id), { reason: 'quota' }])));
    }
    await browser.storage.session.set({ [tabKey(tabId)]: report, [SIZES_KEY]: sizes });
    await browser.storage.session.remove(unkeptKey(tabId));
    return true;
  } catch {
    // Over the quota all the same (other keys, another browser's accounting).
    await markUnkept(tabId, 'quota');
    return false;
  }
}

/** Why the tab's report could not be kept, or null. */
export async function readUnkept(tabId: number): Promise<UnkeptReason | null> {
  const key = unkeptKey(tabId);
  const parsed = UnkeptSchema.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data.reason : null;
}

export function watchUnkept(tabId: number, onChange: (reason: UnkeptReason | null) => void): () => void {
  return watchKey(
    unkeptKey(tabId),
    (v) => {
      const parsed = UnkeptSchema.safeParse(v);
      return parsed.success ? parsed.data.reason : null;
    },
    onChange,
  );
}

/** Forgets what the tab showed: its report and its PDF. */
export async function clearTabReport(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabKey(tabId), pdfTabKey(tabId), unkeptKey(tabId)]);
  const parsed = SizesSchema.safeParse((await browser.storage.session.get(SIZES_KEY))[SIZES_KEY]);
  if (parsed.success && String(tabId) in parsed.data) {
    delete parsed.data[String(tabId)];
    await browser.storage.session.set({ [SIZES_KEY]: parsed.data });
  }
}

/** The stored report as it is kept, not checked yet (undefined when there is none). */
export async function readStoredReport(tabId: number): Promise<unknown> {
  const key = tabKey(tabId);
  return (await browser.storage.session.get(key))[key];
}

/** Calls back with the stored report, not checked yet, whenever it changes. Returns unsubscribe. */
export function watchStoredReport(tabId: number, onChange: (value: unknown) => void): () => void {
  return watchKey(tabKey(tabId), (value) => value, onChange);
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
export async function portalNameFor(url: string, complete?: (tabId: number) => Promise<unknown>): Promise<string | undefined> {
  return (await portalLinkFor(url, complete))?.name;
}

/**
 * The document at `url` as a portal page in any open tab links it: its name (portalNameFor) and
 * what the list's row that links it says the raad did with it (a list of moties opened in a tab
 * of its own), or undefined when no open page links it.
 */
export async function portalLinkFor(url: string, complete?: (tabId: number) => Promise<unknown>): Promise<{ name?: string; decision?: ProposalDecision } | undefined> {
  let all = await browser.storage.session.get(null);
  // Reports whose attachments are still in their page (`pending`) are made whole first.
  const pending = Object.entries(all).filter(([key, value]) => key.startsWith(KEY_PREFIX) && typeof (value as { pending?: unknown } | null)?.pending === 'string');
  if (complete && pending.length) {
    await Promise.all(pending.map(([key]) => complete(Number(key.slice(KEY_PREFIX.length))).catch(() => {})));
    all = await browser.storage.session.get(null);
  }
  let name: string | undefined;
  let decision: ProposalDecision | undefined;
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(KEY_PREFIX)) continue;
    const list = (value as { attachments?: unknown } | null)?.attachments;
    if (!Array.isArray(list)) continue;
    for (const a of list as Array<{ url?: unknown; name?: unknown; decision?: unknown } | null>) {
      if (a?.url !== url) continue;
      const text = typeof a.name === 'string' ? a.name.trim() : '';
      // A link without a name is listed under its address: that is no name.
      if (!name && text && text !== url) name = text.slice(0, 500);
      if (!decision && isProposalDecision(a.decision)) decision = a.decision;
      if (name && decision) break;
    }
  }
  return name || decision ? { ...(name ? { name } : {}), ...(decision ? { decision } : {}) } : undefined;
}
