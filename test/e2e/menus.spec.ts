// Context menu and keyboard commands, as far as automation reaches: Playwright cannot click a
// browser context menu or press a browser-level shortcut, so the test drives each handler's two
// ends — the page's answers (get-selection, next-match, prev-match) and the panel picking up
// what the menu click leaves in storage.session. The click handlers themselves are unit-tested.
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, rangeTexts, selectText, test } from './fixtures';

declare const chrome: WxtBrowser;

const activeText = async (page: Page) => (await rangeTexts(page, 'raadslens-active')).join('|');

test('volgende en vorige term: de actieve markering loopt door de pagina en gaat rond', async ({ page, openScanned, serviceWorker, errors }) => {
  const { tabId, scan } = await openScanned();
  const send = (type: string) => serviceWorker.evaluate(async ([id, t]) => chrome.tabs.sendMessage(id, { type: t }), [tabId, type] as const);
  expect(await send('next-match')).toEqual({ ok: true, value: { index: 0, total: scan.matches } });
  const first = await activeText(page);
  expect(first).not.toBe('');
  expect(await send('next-match')).toEqual({ ok: true, value: { index: 1, total: scan.matches } });
  expect(await send('prev-match')).toEqual({ ok: true, value: { index: 0, total: scan.matches } });
  expect(await activeText(page)).toBe(first);
  // Before the first one comes the last one.
  expect(await send('prev-match')).toEqual({ ok: true, value: { index: scan.matches - 1, total: scan.matches } });
  expect(errors).toEqual([]);
});

test('de selectie in de pagina komt als passage in het paneel (Notitie bij deze passage)', async ({ page, openScanned, openPanel, serviceWorker, errors }) => {
  const { tabId } = await openScanned();
  await selectText(page, 'twaalf vaste camera');
  // What the menu handler asks the page…
  const reply = await serviceWorker.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'get-selection' }), tabId);
  expect(reply).toMatchObject({ ok: true, value: { exact: 'twaalf vaste camera' } });
  const anchor = (reply as { value: unknown }).value;
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('panel-summary')).toBeVisible();
  // …and what it leaves for the panel, which opens on the notes with the passage ready.
  await serviceWorker.evaluate(
    async ([id, a]) => chrome.storage.session.set({ 'pending-note': { tabId: id, action: 'note', anchor: a, createdAt: Date.now() } }),
    [tabId, anchor] as const,
  );
  await expect(panel.getByTestId('note-editor')).toBeVisible();
  await expect(panel.locator('.anchor-quote')).toContainText('twaalf vaste camera');
  await expect(panel.getByTestId('note-editor')).toBeFocused();
  expect(await serviceWorker.evaluate(async () => (await chrome.storage.session.get('pending-note'))['pending-note'])).toBeUndefined();
  expect(errors).toEqual([]);
});

test('Markeer als aandachtspunt: het paneel bewaart de passage als aandachtspunt', async ({ page, openScanned, openPanel, serviceWorker, errors }) => {
  const { tabId } = await openScanned();
  await selectText(page, 'bodycams');
  const anchor = await serviceWorker.evaluate(async (id) => ((await chrome.tabs.sendMessage(id, { type: 'get-selection' })) as { value: unknown }).value, tabId);
  // Stored before the panel opens, as when the menu opens the panel itself.
  await serviceWorker.evaluate(
    async ([id, a]) => chrome.storage.session.set({ 'pending-note': { tabId: id, action: 'flag', anchor: a, createdAt: Date.now() } }),
    [tabId, anchor] as const,
  );
  const panel = await openPanel(tabId);
  await expect(panel.getByRole('alert')).toContainText('Aandachtspunt toegevoegd');
  await expect(panel.getByTestId('flag-item')).toHaveCount(1);
  await expect(panel.getByTestId('flag-item')).toContainText('bodycams');
  expect(errors).toEqual([]);
});
