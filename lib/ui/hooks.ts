import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ScanReport } from '../messages/protocol';
import { readTabReport, watchTabReport } from '../tabs/tab-state';
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
        .then((tab) => live && setInfo({ url: tab.url ?? '', title: tab.title ?? '' }))
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

/** The latest scan of the tab, live. `undefined` while loading, null when there is none. */
export function useTabReport(tabId: number | null): ScanReport | null | undefined {
  const [report, setReport] = useState<ScanReport | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    setReport(undefined);
    void readTabReport(tabId).then((r) => live && setReport(r));
    const stop = watchTabReport(tabId, (r) => live && setReport(r));
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);
  return report;
}
