// A tab's report with `pending` made whole on request: the content script sends at its start only
// what the toolbar count and the highlights need, and keeps what only the panel and popup show
// (portal facts, attachments, documentsLater, the text around the safeguards). An extension page
// that reads such a report asks for the rest (lib/extension/ui/tab-report.ts); the page answers
// from what its scan kept, the safeguards' sentences are read here as for a whole report
// (./settle.ts), and the whole report is kept as it would have been had it come whole.
// A page that went away, or a report that a newer one replaced meanwhile, completes nothing.
import { browser } from 'wxt/browser';
import { PackedScanReportSchema, type PackedScanReport, type ReportDetails, type SentScanReport } from '../messages/protocol';
import { sendToTab } from '../messages/send';
import { saveTabReport, tabKey } from '../tabs/tab-state';
import { sliced, type SliceOptions, type Steps } from '../../core/steps';
import { settleReportSteps } from './settle';
import { attachmentsOfDetails, portalOfDetails } from './portal-opening';

/** Asks the tab's page for the details of its report `key`: null when that is not its latest report. */
export type AskDetails = (tabId: number, key: string) => Promise<ReportDetails | null>;

const askPage: AskDetails = (tabId, key) => sendToTab(tabId, { type: 'report-details', key });

// One change to a tab's report at a time: a report that arrives while another is completed is
// not overwritten by the older one's completion.
const queues = new Map<number, Promise<unknown>>();

/**
 * Runs `fn` after every earlier change of the tab's report. `superseded` tells `fn`, while it
 * runs, whether a later change has been queued behind it.
 */
export function withTabReport<T>(tabId: number, fn: (superseded: () => boolean) => Promise<T>): Promise<T> {
  // The queue's last entry is this change's until a later one is queued behind it.
  const superseded = () => queues.get(tabId) !== settled;
  const go = () => fn(superseded);
  const before = queues.get(tabId) ?? Promise.resolve();
  const run = before.then(go, go);
  const settled: Promise<unknown> = run.catch(() => {});
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return run;
}

async function storedReport(tabId: number): Promise<PackedScanReport | null> {
  const key = tabKey(tabId);
  const parsed = PackedScanReportSchema.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : null;
}

/**
 * The report as the content script would have sent it whole (the same keys in the same order),
 * with the assessment the background composed from `found`, and its safeguards read: what
 * settleReport made of a whole report. In steps (lib/core/steps.ts): a completion runs in slices.
 */
export function completedReportSteps(stored: PackedScanReport, details: ReportDetails): Steps<PackedScanReport> {
  const { pending: _pending, assessment, portal: _p, attachments: _a, documentsLater: _d, page, reading: _r, ...head } = stored;
  // A list's rows say what became of the documents they link: read here, as the opening is.
  const sent: SentScanReport = { ...head, attachments: attachmentsOfDetails(details.attachments) };
  if (details.reading) sent.reading = details.reading;
  // The page sent its opening rather than reading it (it carries no document-kind rules): read here.
  const portal = portalOfDetails(details.portal, details.opening);
  if (portal) sent.portal = portal;
  if (page) sent.page = page;
  if (details.documentsLater) sent.documentsLater = details.documentsLater;
  sent.assessment = assessment;
  return settleReportSteps(sent);
}

const inFlight = new Map<string, Promise<boolean>>();

/**
 * Completes the tab's report if it is pending; resolves whether the tab's report is whole now
 * (false: no report, the page did not answer, or a newer report came meanwhile).
 */
export function completeReport(tabId: number, ask: AskDetails = askPage, slices: SliceOptions = {}): Promise<boolean> {
  return storedReport(tabId).then((stored) => {
    if (!stored) return false;
    const key = stored.pending;
    if (key === undefined) return true;
    // The panel and the popup (or the panel's first read and its watch) ask at once: one answer.
    const id = `${tabId}:${key}`;
    let run = inFlight.get(id);
    if (!run) {
      run = complete(tabId, key, ask, slices).finally(() => inFlight.delete(id));
      inFlight.set(id, run);
    }
    return run;
  });
}

/** `slices`: how the reading is sliced (the tests' clock and pauses); the stop is the queue's. */
async function complete(tabId: number, key: string, ask: AskDetails, slices: SliceOptions): Promise<boolean> {
  let details: ReportDetails | null;
  try {
    details = await ask(tabId, key);
  } catch {
    // No content script answered (the page went away, or its extension context did).
    return false;
  }
  if (!details) return false;
  return withTabReport(tabId, async (superseded) => {
    const now = await storedReport(tabId);
    if (now?.pending !== key) return now !== null && now.pending === undefined;
    // Reading a large page's mentions takes the worker hundreds of ms: in slices, so that other
    // messages (another tab's scan, the panel's requests) are answered between them. A change of
    // the tab's report queued meanwhile (a newer scan) makes this one moot: it stops there.
    let whole: PackedScanReport;
    try {
      whole = await sliced(completedReportSteps(now, details), { budgetMs: SLICE_MS, ...slices, stop: superseded });
    } catch {
      return false;
    }
    // The tab may have been cleared (it navigated, or closed) while the slices paused: not brought back.
    if ((await storedReport(tabId))?.pending !== key) return false;
    return saveTabReport(tabId, whole);
  });
}

/** The longest a completion holds the worker at a time (ms); a task's own overhead comes on top. */
const SLICE_MS = 25;
