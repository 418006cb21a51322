// The match list crosses from the page to the panel packed (lib/extension/messages/match-table.ts): the
// panel must still show every match with the words around it, as the page has them.
import { expandGroup, expect, test } from './fixtures';

test('het paneel toont elke treffer met de woorden eromheen uit de pagina', async ({ page, openScanned, openPanel, errors }) => {
  const { tabId, scan } = await openScanned();
  const panel = await openPanel(tabId);
  const groups = panel.getByTestId('match-group');
  await expect(groups.first()).toBeVisible();
  for (const group of await groups.all()) await expandGroup(group);
  const items = panel.getByTestId('match-item');
  await expect(items).toHaveCount(scan.matches);
  const shown = await items.evaluateAll((els) =>
    els.map((el) => ({ text: el.querySelector('strong')?.textContent ?? '', snippet: el.querySelector('.snippet')?.textContent ?? '' })),
  );
  const pageText = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const { text, snippet } of shown) {
    expect(snippet, text).toContain(text);
    // Word for word from the page, between the "…" where it was cut.
    expect(pageText, snippet).toContain(snippet.replace(/^… /, '').replace(/ …$/, ''));
  }
  expect(errors).toEqual([]);
});
