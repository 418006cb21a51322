// The side panel's store kept current by the browser: the tab followed as the reader switches,
// its address and title, the report and the unkept reason the background keeps for it, a passage
// left by the context menu, and every change to the record (from this or any other page).
// Each answer names the tab it is about; the store drops answers about a tab it has left.
import { browser } from 'wxt/browser';
import type { ScanReport } from '../messages/protocol';
import { watchPendingNote } from '../background/menus';
import { readUnkept, watchUnkept } from '../tabs/tab-state';
import { readWholeReport, watchWholeReport } from './tab-report';
import { currentTabId, followActiveTab, tabIdFromUrl } from './active-tab';
import type { PanelStore } from './panel-store';
import { followRecordChanges } from './use-record-changes';

/** Subscriptions about one tab; returns what ends them. */
function followTab(panel: PanelStore, tabId: number): () => void {
  const loadTab = () =>
    void browser.tabs
      .get(tabId)
      .then((tab) => panel.setTab(tabId, { url: tab.url ?? '', title: tab.title ?? '', status: tab.status }))
      .catch(() => panel.setTab(tabId, null));
  loadTab();
  const onUpdated = (id: number) => id === tabId && loadTab();
  browser.tabs.onUpdated.addListener(onUpdated);
  // A report whose page is asked for the rest first (tab-report.ts) may be read after a newer one was watched.
  let watched = false;
  // Drawn in a task after the one that read and checked it: a long page's report (5,000 matches)
  // took tens of ms to check, and checked and drawn in one task it was the panel's longest
  // (panel-tasks bench). Tasks run in order: the last report received is still the last drawn.
  const receive = (r: ScanReport | null) => void setTimeout(() => panel.receiveReport(tabId, r), 0);
  // Not checked at all once a watched one came (it would be dropped).
  void readWholeReport(tabId, undefined, () => watched).then((r) => watched || receive(r));
  void readUnkept(tabId).then((u) => panel.setUnkept(tabId, u));
  const stops = [
    watchWholeReport(tabId, (r) => {
      watched = true;
      receive(r);
    }),
    watchUnkept(tabId, (u) => panel.setUnkept(tabId, u)),
    watchPendingNote(tabId, (p) => panel.receivePending(tabId, p)),
    () => browser.tabs.onUpdated.removeListener(onUpdated),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Connects the panel's store to the browser; returns the disconnect. */
export function connectPanel(panel: PanelStore, search = location.search): () => void {
  let stopTab = () => {};
  const show = (tabId: number | null) => {
    if (tabId === panel.state.tabId) return;
    stopTab();
    stopTab = () => {};
    panel.setTabId(tabId);
    if (tabId !== null) stopTab = followTab(panel, tabId);
  };
  const fixed = tabIdFromUrl(search);
  let stopFollow = () => {};
  if (fixed !== null) show(fixed);
  else {
    void currentTabId().then((id) => panel.state.tabId === null && show(id));
    stopFollow = followActiveTab(show);
  }
  const stopRecord = followRecordChanges(() => void panel.reloadNotes());
  return () => {
    stopRecord();
    stopFollow();
    stopTab();
  };
}
