// A raadslid with only a keyboard: from the skip links to a match, a note on its sentence, the
// letter and back — Tab, Enter and typing only, and focus always where the reader is.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Presses Tab until `testid` has focus (at most `max` times): the walk fails if it never gets there. */
async function tabTo(panel: Page, testid: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await panel.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testid)) return;
    await panel.keyboard.press('Tab');
  }
  await expect(panel.getByTestId(testid).first(), `${testid} reached with Tab`).toBeFocused();
}

const focusedTestId = (panel: Page) => panel.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');

test('alleen het toetsenbord: overslaan naar vondsten, notitie bij de zin, brief, terug', async ({ openScanned, openPanel, errors }) => {
  const panel = await openPanel((await openScanned()).tabId);
  await expect(panel.getByTestId('verdict')).toBeVisible();

  // The first Tab lands on the skip links, which show themselves when focused.
  await panel.keyboard.press('Tab');
  await expect(panel.getByTestId('skip-findings')).toBeFocused();
  await expect(panel.getByTestId('skip-findings')).toBeVisible();
  await panel.keyboard.press('Enter');
  await expect(panel.locator('#h-matches')).toBeFocused();
  // Nothing lands under the sticky tabs: the heading is below them.
  const [tabsBottom, headingTop] = await panel.evaluate(() => [
    document.querySelector('.tabs')!.getBoundingClientRect().bottom,
    document.getElementById('h-matches')!.getBoundingClientRect().top,
  ]);
  expect(headingTop).toBeGreaterThanOrEqual(tabsBottom);

  // The next Tab: the first category; Enter opens it; its first match, then "Notitie".
  await panel.keyboard.press('Tab');
  const group = panel.getByTestId('match-group').first();
  await expect(group.locator('summary')).toBeFocused();
  await panel.keyboard.press('Enter');
  await tabTo(panel, 'match-note');
  const category = await group.getAttribute('data-category');
  await panel.keyboard.press('Enter');

  // The editor has focus, the note is about the sentence (not the bare word) and its question is chosen.
  const editor = panel.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  const quote = (await panel.locator('.anchor-quote q').textContent()) ?? '';
  expect(quote.split(/\s+/).length, `"${quote}" is a sentence`).toBeGreaterThan(3);
  await expect(panel.getByTestId('note-question')).not.toHaveValue('');
  await expect(panel.locator('.question-full')).toContainText(/AP-vraag \d: .{20,}/);
  expect(category).toBeTruthy();
  await panel.keyboard.type('Hoe lang worden de beelden bewaard?');
  await tabTo(panel, 'note-save');
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await expect(panel.getByTestId('note-item').first()).toContainText('Hoe lang worden de beelden bewaard?');
  // After saving, focus is back in the editor, not at the top of the page.
  await expect(editor).toBeFocused();

  // The letter: focus on its heading when it opens, back on the button after it closes.
  await tabTo(panel, 'letter-open');
  await panel.keyboard.press('Enter');
  await expect(panel.locator('#h-letter')).toBeFocused();
  const letterTop = await panel.evaluate(() => document.getElementById('h-letter')!.getBoundingClientRect().top);
  const tabsBottom2 = await panel.evaluate(() => document.querySelector('.tabs')!.getBoundingClientRect().bottom);
  expect(letterTop).toBeGreaterThanOrEqual(tabsBottom2);

  // Every tab is in the Tab order (no arrow keys needed): Shift+Tab from the view reaches "Alles".
  await panel.getByTestId('tab-all').focus();
  await panel.keyboard.press('Shift+Tab');
  expect(await focusedTestId(panel)).toBe('tab-notes');
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('tab-all')).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);
});
