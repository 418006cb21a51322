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
