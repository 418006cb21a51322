// Notes: written in the panel on a passage, stored in IndexedDB, still there after reloads.
import { RAADSVOORSTEL, expect, portalUrl, screenshot, test } from './fixtures';

test('een notitie bij een treffer blijft bewaard na herladen', async ({ page, scanMeasure, tabIdFor, openPanel, errors }) => {
  await page.goto(portalUrl(RAADSVOORSTEL));
  await scanMeasure(page);
  const panel = await openPanel(await tabIdFor(page.url()));

  const group = panel.locator('[data-testid=match-group][data-category=camera]');
  await expect(group).toBeVisible();
  // Groups are collapsed <details>: open the first one as a reader would.
  const isOpen = await group.evaluate((el) => (el instanceof HTMLDetailsElement ? el.open : true));
  if (!isOpen) await group.locator('summary').first().click();

  const item = group.getByTestId('match-item').first();
  const passage = (await item.locator('strong').first().textContent())?.trim() ?? '';
  await item.getByTestId('match-note').click();

  const editor = panel.getByTestId('note-editor');
  await expect(editor).toBeVisible();
  const text = 'Vragen: is de FG om advies gevraagd? Welke alternatieven zijn overwogen?';
  await editor.fill(text);
  await panel.getByTestId('note-save').click();

  const note = panel.getByTestId('note-item').filter({ hasText: text });
  await expect(note).toHaveCount(1);
  if (passage) await expect(note).toContainText(passage);

  await page.reload();
  await scanMeasure(page);
  await panel.reload();
  await expect(panel.getByTestId('note-item').filter({ hasText: text })).toHaveCount(1);
  await screenshot(panel, 'sidepanel-note');
  expect(errors).toEqual([]);
});
