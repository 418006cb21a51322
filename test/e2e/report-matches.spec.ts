// The match list crosses from the page to the panel packed (lib/extension/messages/match-table.ts): the
// panel must still show every match with the words around it, as the page has them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

// A long page: its report goes without the text around the safeguards, which the page sends
// when the panel asks (lib/extension/background/complete.ts); the checklist reads what it reads
// on the short page.
test('een lange pagina: het rapport zonder de tekst rond de waarborgen, de checklist zoals op de korte', async ({ page, openScanned, openPanel, errors }) => {
  const PAGE = 'pages/raadsvoorstel-geen-dpia.html';
  const HOST = 'zwolle.raadsinformatie.nl';
  const short = readFileSync(fileURLToPath(new URL(`../fixtures/${PAGE}`, import.meta.url)), 'utf8');
  const filler = Array.from({ length: 70 }, (_, i) =>
    `<p>Wijk ${i + 1}: de evaluatie van het groenbeleid volgt in het voorjaar. ${'De buurt is tevreden over de speeltuinen en het groen. '.repeat(55)}</p>`,
  ).join('\n');
  const long = short.replace('</main>', `${filler}</main>`);
  expect(long.length).toBeGreaterThan(short.length + 200_000);
  await page.route(`http://${HOST}/${PAGE}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: long }));
  const { tabId } = await openScanned(PAGE, HOST);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('raadslens:send', 'measure').length)).toBe(1);
  const panel = await openPanel(tabId);
  const dpia = panel.locator('[data-testid=safeguard-found][data-safeguard=dpia]');
  await expect(dpia).toHaveAttribute('data-status', 'negated');
  await expect(dpia.locator('blockquote')).toHaveText("Voor de slimme camera's is geen DPIA uitgevoerd, omdat de leverancier de software al bij andere gemeenten gebruikt.");
  await expect(panel.locator('[data-testid=safeguard-found][data-safeguard=fg]')).toHaveAttribute('data-status', 'planned');
  expect(errors).toEqual([]);
});
