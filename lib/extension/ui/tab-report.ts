// The tab's report as the extension pages read it: whole. A report whose panel-only parts are
// still in its page (`pending`, lib/extension/background/complete.ts) is completed first, so the
// panel, the popup and the PDF names see what they saw when every report came whole. A page that
// does not answer (it went away) leaves no report: the pages show their state for a page not scanned.
import type { ScanReport } from '../messages/protocol';
import { sendToBackground } from '../messages/send';
import { checkLatest, checkReport, portalNameFor as storedPortalNameFor, portalLinkFor as storedPortalLinkFor, readStoredReport as readStored, watchStoredReport as watchStored } from '../tabs/tab-state';

/** Whether the tab's report is whole now (false when it could not be made so). */
export const completeTabReport = (tabId: number): Promise<boolean> => sendToBackground<boolean>({ type: 'complete-report', tabId }).catch(() => false);

/** A newer report may come while one is completed: it is completed in turn, this many times at most. */
const TRIES = 3;

/**
 * The key under which a stored value's details are still in its page, looked at before the value
 * is checked: a pending report is asked for again, so it is not checked and unpacked first (5,000
 * matches on a long page). What is kept is checked when it is read (tab-state's checkReport).
 */
function pendingOf(value: unknown): string | undefined {
  const pending = (value as { pending?: unknown } | null | undefined)?.pending;
  return typeof pending === 'string' ? pending : undefined;
}

/**
 * The stored report, whole, or null when there is none (or its page did not answer). `moot`: the
 * caller no longer wants it (a newer report came to it meanwhile); null then, unchecked.
 */
export async function readTabReport(tabId: number, complete = completeTabReport, moot?: () => boolean): Promise<ScanReport | null> {
  for (let i = 0; i < TRIES; i++) {
    const value = await readStored(tabId);
    if (pendingOf(value) === undefined) return checkReport(value, moot);
    await complete(tabId);
  }
  return null;
}

/** Calls back with the tab's report, whole, whenever it changes (null when cleared or not completed). */
export function watchTabReport(tabId: number, onChange: (report: ScanReport | null) => void, complete = completeTabReport): () => void {
  let live = true;
  const reports = checkLatest(onChange);
  const stop = watchStored(tabId, (value) => {
    const key = pendingOf(value);
    if (key === undefined) return reports.check(value);
    reports.skip();
    // Once whole, the report is stored again and comes back here without `pending`.
    void complete(tabId).then(async (whole) => {
      if (whole || !live) return;
      // Not completed: a newer report (it comes here in turn), or a page that did not answer.
      const now = await readStored(tabId).catch(() => null);
      if (live && pendingOf(now) === key) onChange(null);
    });
  });
  return () => {
    live = false;
    reports.stop();
    stop();
  };
}

/**
 * For the popup: the report at once, pending or whole (its count and matches are whole from the
 * start), a pending one completed meanwhile; the whole one follows as a change. What needs the
 * details (the line on the attachments) shows when they are there.
 */
export async function readTabReportNow(tabId: number, complete = completeTabReport): Promise<ScanReport | null> {
  const value = await readStored(tabId);
  if (pendingOf(value) !== undefined) void complete(tabId);
  return checkReport(value);
}

/** watchTabReport for the popup: every report as it is kept, a pending one completed meanwhile. */
export function watchTabReportNow(tabId: number, onChange: (report: ScanReport | null) => void, complete = completeTabReport): () => void {
  const reports = checkLatest(onChange);
  const stop = watchStored(tabId, (value) => {
    if (pendingOf(value) !== undefined) void complete(tabId);
    reports.check(value);
  });
  return () => {
    reports.stop();
    stop();
  };
}

/** tab-state's portalNameFor with the pending reports completed first (their attachments name the PDF). */
export const portalNameFor = (url: string): Promise<string | undefined> => storedPortalNameFor(url, completeTabReport);

/** tab-state's portalLinkFor, the same way: the PDF's name and its list row's outcome. */
export const portalLinkFor = (url: string) => storedPortalLinkFor(url, completeTabReport);
