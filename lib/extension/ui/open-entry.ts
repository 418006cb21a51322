// "Open at the passage" from the record: bring the document's tab forward (or open it), wait for
// its content script to report a scan, then ask it to scroll to the anchor. Runs in the panel,
// so it needs no new background message: the scan report in storage.session is the signal.
import { browser } from 'wxt/browser';
import type { Anchor } from '../messages/protocol';
import { sendToTab } from '../messages/send';
import { normaliseDocumentUrl, webUrl } from '../../record/db/url';
import { t } from '../i18n';
import { readReportAtOnce, watchReportAtOnce } from './tab-report';

const SCAN_WAIT_MS = 15_000;

function sameDocument(a: string | undefined, documentId: string): boolean {
  if (!a) return false;
  try {
    return normaliseDocumentUrl(a) === documentId;
  } catch {
    return false;
  }
}

/** Resolves when the tab has a scan report of the document (or after the wait, false): pending or whole, its address is the same. */
function scanned(tabId: number, documentId: string): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      resolve(ok);
    };
    const stop = watchReportAtOnce(tabId, (r) => r && sameDocument(r.url, documentId) && finish(true), null);
    const timer = setTimeout(() => finish(false), SCAN_WAIT_MS);
    void readReportAtOnce(tabId, null).then((r) => r && sameDocument(r.url, documentId) && finish(true));
  });
}

type OpenResult = 'scrolled' | 'opened' | 'not-found';

/**
 * Opens `url` (the stored document address, if it is a web address) and, with an anchor, scrolls
 * to the passage. Throws, with a Dutch message, for any other address.
 * 'opened': the document is shown but the passage was not found (or the page gave no scan).
 */
export async function openAtPassage(url: string, anchor: Anchor | undefined): Promise<OpenResult> {
  // Stored addresses come from pages and backup files: a data: or javascript: address would run
  // its script, a file: or browser address would show what no document should.
  if (!webUrl(url)) throw new Error(t('openNotWebAddress'));
  const documentId = normaliseDocumentUrl(url);
  const tabs = await browser.tabs.query({});
  let tab = tabs.find((t) => sameDocument(t.url, documentId));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows?.update(tab.windowId, { focused: true }).catch(() => undefined);
  } else {
    tab = await browser.tabs.create({ url, active: true });
  }
  const tabId = tab.id;
  if (tabId === undefined || !anchor) return 'opened';
  if (!(await scanned(tabId, documentId))) return 'opened';
  // The report is sent right after the scan, so the page can answer now.
  const found = await sendToTab(tabId, { type: 'scroll-to-anchor', anchor }).catch(() => false);
  return found ? 'scrolled' : 'not-found';
}
