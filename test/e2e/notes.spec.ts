// Notes: written in the panel on a passage, stored in IndexedDB, still there after reloads.
import { expandGroup, expect, screenshot, test } from './fixtures';

test('een notitie bij een treffer blijft bewaard na herladen', async ({ page, openScanned, scanMeasure, openPanel, errors }) => {
  const panel = await openPanel((await openScanned()).tabId);

  const group = panel.locator('[data-testid=match-group][data-category=camera]');
  await expect(group).toBeVisible();
  await expandGroup(group);

  const item = group.getByTestId('match-item').first();
  await item.getByTestId('match-note').click();

  const editor = panel.getByTestId('note-editor');
  await expect(editor).toBeVisible();
  const text = 'Vragen: is de FG om advies gevraagd? Welke alternatieven zijn overwogen?';
  await editor.fill(text);
  await panel.getByTestId('note-save').click();

  const note = panel.getByTestId('note-item').filter({ hasText: text });
  await expect(note).toHaveCount(1);

  await page.reload();
  await scanMeasure(page);
  await panel.reload();
  await expect(panel.getByTestId('note-item').filter({ hasText: text })).toHaveCount(1);
  await panel.getByTestId('note-item').filter({ hasText: text }).scrollIntoViewIfNeeded();
  await screenshot(panel, 'sidepanel-note');
  expect(errors).toEqual([]);
});

// The reader's actions (finding a passage again, describing a match's sentence or the selection)
// are not in content.js, which every portal page compiles: the background puts reader.js into the
// page at the first request for one (lib/surface/page/session/reader-load.ts).
test('de leesfuncties komen pas in de pagina bij de eerste notitie, niet bij het scannen', async ({ page, openScanned, openPanel, errors }) => {
  const cdp = await page.context().newCDPSession(page);
  const worlds: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof worlds)[number] }) => void worlds.push(e.context));
  const { tabId } = await openScanned();
  await cdp.send('Runtime.enable');
  const isolated = worlds.find((w) => w.auxData?.type === 'isolated' && !w.name.startsWith('__playwright'));
  expect(isolated, 'de wereld van het inhoudsscript').toBeTruthy();
  const readerHere = async () =>
    (await cdp.send('Runtime.evaluate', { contextId: isolated!.id, expression: "Object.keys(globalThis).some((k) => k.startsWith('__raadslensReader'))", returnByValue: true })).result.value as boolean;
  // The scan is done and reported: no reader yet.
  expect(await readerHere()).toBe(false);

  const panel = await openPanel(tabId);
  const group = panel.locator('[data-testid=match-group][data-category=camera]');
  await expandGroup(group);
  await group.getByTestId('match-item').first().getByTestId('match-note').click();
  // The note's passage is the match's sentence, which the page described with the reader's code.
  await expect(panel.getByTestId('note-editor')).toBeVisible();
  await expect.poll(readerHere).toBe(true);
  await panel.getByTestId('note-editor').fill('Is hier een DPIA voor?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item').filter({ hasText: 'Is hier een DPIA voor?' })).toHaveCount(1);
  expect(errors).toEqual([]);
});
