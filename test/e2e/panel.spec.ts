// The side panel for a tab (opened as sidepanel.html?tabId=N in a tab of its own).
import type { Page } from '@playwright/test';
import { expandGroup, expect, portalUrl, screenshot, test } from './fixtures';

async function expandGroups(panel: Page): Promise<void> {
  const groups = panel.getByTestId('match-group');
  await expect(groups.first()).toBeVisible();
  for (const group of await groups.all()) await expandGroup(group);
}

test.describe('zijpaneel', () => {
  test('toont treffers per categorie en de drie AP-vragen', async ({ page, openScanned, openPanel, errors }) => {
    const panel = await openPanel((await openScanned()).tabId);

    const camera = panel.locator('[data-testid=match-group][data-category=camera]');
    await expect(camera).toBeVisible();
    await expect(camera).toContainText(/\d+/);
    await screenshot(panel, 'sidepanel');

    await expandGroups(panel);
    const items = panel.getByTestId('match-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(5);
    await expect(items.first()).toBeVisible();

    for (const id of ['ap-1', 'ap-2', 'ap-3']) {
      const card = panel.locator(`[data-testid=question-card][data-question=${id}]`);
      await expect(card, id).toBeVisible();
      await expect(card).toContainText('Toelichting');
      await expect(card).toContainText('Uitgangspunt');
      await expect(card).toContainText('Observatie');
    }
    // The source is named once, under the three cards.
    await expect(panel.locator('.source', { hasText: /Autoriteit Persoonsgegevens/ })).toHaveCount(1);
    // A card's heading starts at its padding, not a blank line further down.
    const gap = await panel.getByTestId('document-meta').evaluate((card) => card.querySelector('h2')!.getBoundingClientRect().top - card.getBoundingClientRect().top);
    expect(gap).toBeLessThan(16);

    await camera.scrollIntoViewIfNeeded();
    await screenshot(panel, 'sidepanel-matches');
    await panel.locator('[data-testid=question-card][data-question=ap-1]').scrollIntoViewIfNeeded();
    await screenshot(panel, 'sidepanel-questions');
    await screenshot(page, 'page-highlights');
    expect(errors).toEqual([]);
  });

  // The fixture names a DPIA once and never the FG, alternatives or informing inwoners
  // (safeguard ids from rules/safeguards.json).
  test('zegt wat het stuk wel en niet noemt', async ({ openScanned, openPanel, errors }) => {
    const panel = await openPanel((await openScanned()).tabId);
    await expect(panel.locator('[data-testid=safeguard-found][data-safeguard=dpia]')).toHaveCount(1);
    for (const id of ['fg', 'alternatieven', 'informeren']) {
      await expect(panel.locator(`[data-testid=safeguard-missing][data-safeguard=${id}]`), id).toHaveCount(1);
      await expect(panel.locator(`[data-testid=safeguard-found][data-safeguard=${id}]`), id).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });

  // The Document view is kept while the reader is in Notities or Alles (Tabs keep): back on it,
  // the groups they opened are open and the view is where they left it.
  test('terug naar Document: de geopende groepen en de plek in het overzicht blijven', async ({ openScanned, openPanel, errors }) => {
    const panel = await openPanel((await openScanned()).tabId);
    await expandGroups(panel);
    const state = () =>
      panel.evaluate(() => ({
        y: Math.round(scrollY),
        open: [...document.querySelectorAll('[data-testid=match-group]')].map((g) => (g as HTMLDetailsElement).open),
      }));
    await panel.getByTestId('document-meta').scrollIntoViewIfNeeded();
    await panel.evaluate(() => window.scrollBy(0, -200));
    const before = await state();
    expect(before.y).toBeGreaterThan(300);
    expect(before.open.every(Boolean)).toBe(true);
    // Each tab chosen with Enter, focused without scrolling: Playwright's click and focus() first
    // scroll the page to the sticky tab's place (here 458 px up), which is not where the reader was.
    const choose = async (id: string) => {
      await panel.getByTestId(id).evaluate((tab: HTMLElement) => tab.focus({ preventScroll: true }));
      await panel.keyboard.press('Enter');
    };
    await choose('tab-notes');
    await expect(panel.locator('#h-notes')).toBeVisible();
    await choose('tab-all');
    await expect(panel.getByTestId('all-search')).toBeVisible();
    await choose('tab-document');
    await expect(panel.getByTestId('match-group').first()).toBeVisible();
    await expect.poll(state).toEqual(before);
    // Scrolled and left in the same frame, before the page's scroll event came (a busy panel, a key
    // pressed just after scrolling): back at the new place, not the one before it.
    const moved = await panel.evaluate(() => {
      window.scrollBy(0, -500);
      document.getElementById('tab-notes')!.click();
      return Math.round(scrollY);
    });
    await expect(panel.locator('#h-notes')).toBeVisible();
    await choose('tab-document');
    await expect.poll(state).toEqual({ ...before, y: moved });
    expect(errors).toEqual([]);
  });

  test('een klik op een treffer ver onderaan scrolt de pagina', async ({ page, openScanned, openPanel, errors }) => {
    const { tabId } = await openScanned();
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const panel = await openPanel(tabId);
    const camera = panel.locator('[data-testid=match-group][data-category=camera]');
    await expandGroup(camera);

    // The last item of the camera group: the fixture ends with "cameratoezicht" in bijlage 2,
    // thousands of pixels below the first screen.
    const last = camera.getByTestId('match-item').last();
    await last.locator('button').first().click();
    // In the real side panel the page stays visible; here the page is another tab, so show it
    // (a smooth scroll does not run in a hidden tab).
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });
});

test('een lange bijlagenlijst met lange namen, op 320 en 400 px: End brengt de lezer aan het eind, ook voor de lijst is getoond', async ({ context, page, scanMeasure, tabIdFor, openPanel, errors }) => {
  // Sixty agenda-length names (two to five lines each at 320 px), the list not laid out until near
  // the view: counted a line a row, End stopped halfway down the list.
  const names = ['Raadsinformatiebrief evaluatie proef kentekenherkenning parkeergarages Noord en Zuid', 'Bijlage 1 Data Protection Impact Assessment mobiel cameratoezicht binnenstad 2026', 'Advies Functionaris Gegevensbescherming'];
  const rows = Array.from({ length: 60 }, (_, i) => `<li><a href="/pdf/lang-${i}.pdf">${names[i % 3]} (${i + 1})</a></li>`).join('');
  const url = portalUrl('pages/bijlagen-lang.html');
  await context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="nl"><head><title>Raadsvoorstel cameratoezicht</title></head><body><main><h1>Raadsvoorstel cameratoezicht</h1><p>Het college stelt cameratoezicht voor.</p><h2>Bijlagen</h2><ul>${rows}</ul></main></body></html>` }),
  );
  await page.goto(url);
  await scanMeasure(page);
  const panel = await openPanel(await tabIdFor(url));
  for (const width of [320, 400]) {
    await panel.setViewportSize({ width, height: 900 });
    await panel.reload();
    await expect(panel.getByTestId('pdf-doc')).toHaveCount(60);
    await panel.locator('body').press('End');
    // Where End took the reader once the page has come to rest (End scrolls smoothly, and a list that
    // comes in sight is laid out then): at the bottom. At rest = the same place and height twice.
    let previous = '';
    await expect
      .poll(async () => {
        const now = await panel.evaluate(() => `${scrollY} ${document.documentElement.scrollHeight}`);
        const still = now === previous;
        previous = now;
        return still;
      })
      .toBe(true);
    const left = await panel.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY);
    expect(left, `${width} px`).toBeLessThanOrEqual(300);
  }
  expect(errors).toEqual([]);
});
