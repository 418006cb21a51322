// The side panel for a tab (opened as sidepanel.html?tabId=N in a tab of its own).
import type { Page } from '@playwright/test';
import { RAADSVOORSTEL, expect, portalUrl, screenshot, test } from './fixtures';

/** Opens every collapsed match group, as a reader would by clicking its summary. */
async function expandGroups(panel: Page): Promise<void> {
  const groups = panel.getByTestId('match-group');
  await expect(groups.first()).toBeVisible();
  for (const group of await groups.all()) {
    const isOpen = await group.evaluate((el) => (el instanceof HTMLDetailsElement ? el.open : true));
    if (!isOpen) await group.locator('summary').first().click();
  }
}

test.describe('zijpaneel', () => {
  test.beforeEach(async ({ page, scanMeasure }) => {
    await page.goto(portalUrl(RAADSVOORSTEL));
    await scanMeasure(page);
  });

  test('toont treffers per categorie en de drie AP-vragen', async ({ page, tabIdFor, openPanel, errors }) => {
    const panel = await openPanel(await tabIdFor(page.url()));

    const camera = panel.locator('[data-testid=match-group][data-category=camera]');
    await expect(camera).toBeVisible();
    await expect(camera).toContainText(/\d+/);

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
      await expect(card).toContainText(/Autoriteit Persoonsgegevens/);
    }

    await screenshot(panel, 'sidepanel');
    expect(errors).toEqual([]);
  });

  test('een klik op een treffer ver onderaan scrolt de pagina', async ({ page, tabIdFor, openPanel, errors }) => {
    const tabId = await tabIdFor(page.url());
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const panel = await openPanel(tabId);
    await expandGroups(panel);
    const items = panel.getByTestId('match-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(5);

    // Matches are listed per category; find the one lowest in the page among each group's last.
    // Simplest robust choice: click the last item of the camera group (the fixture ends with
    // "cameratoezicht" in bijlage 2, thousands of pixels below the first screen).
    const last = panel.locator('[data-testid=match-group][data-category=camera] [data-testid=match-item]').last();
    await last.locator('button').first().click();
    // In the real side panel the page stays visible; here the page is another tab, so show it
    // (a smooth scroll does not run in a hidden tab).
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 5_000 }).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
  });
});
