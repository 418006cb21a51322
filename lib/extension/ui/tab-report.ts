// The tab's report as the extension pages read it, checked against the protocol (storage is a
// boundary between contexts) and unpacked, in slices. A report whose panel-only parts are still in
// its page (`pending`, lib/extension/background/complete.ts) is either completed first (the panel:
// readWholeReport, watchWholeReport) or handed on at once with its completion asked for meanwhile
// (the popup, whose count is whole from the start: readReportAtOnce, watchReportAtOnce). A page
// that does not answer (it went away) leaves no whole report: the panel shows its state for a page
// not scanned.
import { PackedScanReportSchema, unpackReportSteps, type ScanReport } from '../messages/protocol';
import { sendToBackground } from '../messages/send';
import { portalNameFor as storedPortalNameFor, portalLinkFor as storedPortalLinkFor, readStoredReport as readStored, watchStoredReport as watchStored } from '../tabs/tab-state';
import { sliced, SlicesStopped, type Steps } from '../../core/steps';

/** Asks the background to make the tab's report whole; resolves whether it is whole now. */
type Complete = (tabId: number) => Promise<boolean>;

/** Whether the tab's report is whole now (false when it could not be made so). */
const completeTabReport: Complete = (tabId) => sendToBackground<boolean>({ type: 'complete-report', tabId }).catch(() => false);

/** A stored value checked and unpacked, in steps: the check, then the matches a few hundred at a time. */
function* reportSteps(value: unknown): Steps<ScanReport | null> {
  const parsed = PackedScanReportSchema.safeParse(value);
  if (!parsed.success) return null;
  yield;
  return yield* unpackReportSteps(parsed.data);
}

/** The longest an extension page spends on a report's check and unpacking at a time (ms). */
const CHECK_SLICE_MS = 10;

/**
 * A stored value checked and unpacked in slices, tasks of their own after the task that read it. A 5,000-match report's check and unpacking took 25-50 ms, in the same task as the
 * browser's conversion of the storage event that carried it (panel-tasks bench). Null when it
 * does not have the expected shape, or when `moot` said so at a pause (nobody wants it any more).
 */
async function checkReport(value: unknown, moot?: () => boolean): Promise<ScanReport | null> {
  try {
    return await sliced(reportSteps(value), { budgetMs: CHECK_SLICE_MS, stop: moot });
  } catch (e) {
    if (e instanceof SlicesStopped) return null;
    throw e;
  }
}

/**
 * Checks stored values as they come and hands on the report of the last one: a value still being
 * checked when a newer one comes is dropped (it would be replaced at once). `skip` drops them too,
 * for a newer value not to be checked here (a report whose details are still in its page).
 */
function checkLatest(onChange: (report: ScanReport | null) => void): { check: (value: unknown) => void; skip: () => void; stop: () => void } {
  let latest = 0;
  let live = true;
  return {
    check(value) {
      const mine = ++latest;
      const current = () => live && mine === latest;
      void checkReport(value, () => !current()).then((report) => current() && onChange(report));
    },
    skip: () => void ++latest,
    stop: () => void (live = false),
  };
}

/** A newer report may come while one is completed: it is completed in turn, this many times at most. */
const TRIES = 3;

/**
 * The key under which a stored value's details are still in its page, looked at before the value
 * is checked: a pending report is asked for again, so it is not checked and unpacked first (5,000
 * matches on a long page). What is kept is checked when it is read (checkReport).
 */
function pendingOf(value: unknown): string | undefined {
  const pending = (value as { pending?: unknown } | null | undefined)?.pending;
  return typeof pending === 'string' ? pending : undefined;
}

/**
 * The tab's report, whole, or null when there is none (or its page did not answer). `moot`: the
 * caller no longer wants it (a newer report came to it meanwhile); null then, unchecked.
 */
export async function readWholeReport(tabId: number, complete: Complete = completeTabReport, moot?: () => boolean): Promise<ScanReport | null> {
  for (let i = 0; i < TRIES; i++) {
    const value = await readStored(tabId);
    if (pendingOf(value) === undefined) return checkReport(value, moot);
    await complete(tabId);
  }
  return null;
}

/** Calls back with the tab's report, whole, whenever it changes (null when cleared or not completed). Returns unsubscribe. */
export function watchWholeReport(tabId: number, onChange: (report: ScanReport | null) => void, complete: Complete = completeTabReport): () => void {
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
 * The tab's report at once, as it is kept, pending or whole (its count and matches are whole from
 * the start), or null. A pending one is completed meanwhile by `complete` (null: not asked for, as
 * when only its address matters); the whole one follows as a change. The popup: what needs the
 * details (the line on the attachments) shows when they are there.
 */
export async function readReportAtOnce(tabId: number, complete: Complete | null = completeTabReport): Promise<ScanReport | null> {
  const value = await readStored(tabId);
  if (complete && pendingOf(value) !== undefined) void complete(tabId);
  return checkReport(value);
}

/** Calls back with every report as it is kept (see readReportAtOnce), null when cleared. Returns unsubscribe. */
export function watchReportAtOnce(tabId: number, onChange: (report: ScanReport | null) => void, complete: Complete | null = completeTabReport): () => void {
  const reports = checkLatest(onChange);
  const stop = watchStored(tabId, (value) => {
    if (complete && pendingOf(value) !== undefined) void complete(tabId);
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
