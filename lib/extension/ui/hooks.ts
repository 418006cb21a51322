import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ScanReport } from '../messages/protocol';
import { readPdfTab, reportIsFor, watchPdfTab } from '../tabs/tab-state';
import { readReportAtOnce, watchReportAtOnce } from './tab-report';
import { currentTabId, followActiveTab, tabIdFromUrl } from './active-tab';

/** The tab this page is about (null until known). */
export function useTargetTab(): number | null {
  const fixed = tabIdFromUrl(location.search);
  const [tabId, setTabId] = useState<number | null>(fixed);
  useEffect(() => {
    if (fixed !== null) return;
    void currentTabId().then(setTabId);
    return followActiveTab(setTabId);
  }, [fixed]);
  return tabId;
}

export interface TabInfo {
  url: string;
  title: string;
  /** 'loading' or 'complete' (a document's content script is there once it is complete). */
  status?: string;
}

/** The tab's URL and title, kept current across navigations. */
export function useTabInfo(tabId: number | null): TabInfo | null {
  const [info, setInfo] = useState<TabInfo | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    const load = () =>
      void browser.tabs
        .get(tabId)
        .then((tab) => live && setInfo({ url: tab.url ?? '', title: tab.title ?? '', status: tab.status }))
        .catch(() => live && setInfo(null));
    load();
    const onUpdated = (id: number) => id === tabId && load();
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);
  return info;
}

/** A value kept in storage.session for the tab, live. `undefined` while loading. */
function useTabValue<T>(
  tabId: number | null,
  read: (tabId: number) => Promise<T>,
  watch: (tabId: number, onChange: (value: T) => void) => () => void,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    // A read that takes a while (a report completed first: tab-report.ts) must not undo a newer change watched meanwhile.
    let watched = false;
    setValue(undefined);
    void read(tabId).then((v) => live && !watched && setValue(() => v));
    const stop = watch(tabId, (v) => {
      watched = true;
      if (live) setValue(() => v);
    });
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);
  return value;
}

/**
 * The latest scan of the tab, live. `undefined` while loading, null when there is none. A report
 * whose details are still in its page comes at once and again when whole (tab-report.ts
 * readReportAtOnce): the popup shows its count without waiting for them.
 */
function useTabReport(tabId: number | null): ScanReport | null | undefined {
  return useTabValue(tabId, readReportAtOnce, watchReportAtOnce);
}

/**
 * The report about the document the tab shows now: `undefined` while either is loading, null when
 * there is none or it is about the document the tab showed before (reportIsFor).
 */
export function useDocumentReport(tabId: number | null, tab: TabInfo | null): ScanReport | null | undefined {
  return reportForTab(useTabReport(tabId), tabId, tab);
}

/** The tab's stored report taken as the report about its document now (see useDocumentReport). */
export function reportForTab(report: ScanReport | null | undefined, tabId: number | null, tab: TabInfo | null): ScanReport | null | undefined {
  if (report === undefined || (tabId !== null && tab === null)) return undefined;
  return report && tab && !reportIsFor(report, tab.url) ? null : report;
}

/** The address at which the browser showed the tab a PDF (the content script saw it), live; null when not. */
export function useTabPdf(tabId: number | null): string | null | undefined {
  return useTabValue(tabId, readPdfTab, watchPdfTab);
}
