// Accessibility of every extension page: axe-core (WCAG 2.x A/AA) reports no serious or critical
// violation — colour contrast ≥ 4.5:1 included — in light AND dark mode; keyboard-only use with
// a visible focus; motion off under prefers-reduced-motion. Screenshots of each page in both
// schemes go to test-results/screenshots/ for a person to look at.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

const SCHEMES = ['light', 'dark'] as const;

async function audit(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`),
  }));
  await testInfo.attach(`axe-${name}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  expect(summary, `axe: serious/critical violations on ${name}`).toEqual([]);
  // axe really looked: it ran its checks on something.
  expect(results.passes.length, `axe passes on ${name}`).toBeGreaterThan(5);
}

/** Tabs through the page; every element that receives focus must show a focus ring. Returns what was reached. */
async function tabThrough(page: Page, max = 60): Promise<string[]> {
  const reached: string[] = [];
  await page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => {});
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || (el as HTMLInputElement).value || el.id || el.tagName;
      return { key: `${el.tagName.toLowerCase()}:${el.dataset.testid ?? ''}:${el.id}:${name}`, ring };
    });
    if (!info) continue;
    if (reached.includes(info.key)) break; // wrapped around
    expect(info.ring, `visible focus on ${info.key}`).toBe(true);
    reached.push(info.key);
  }
  return reached;
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} mode`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test(`zijpaneel (elk tabblad) zonder ernstige axe-fouten — ${scheme}`, async ({ openScanned, openPanel }, testInfo) => {
      const { tabId } = await openScanned();
      const panel = await openPanel(tabId);
      await panel.emulateMedia({ colorScheme: scheme });
      await expect(panel.getByTestId('panel-summary')).toBeVisible();
      await expect(panel.locator('[data-testid=question-card]').first()).toBeVisible();
      await panel.locator('[data-testid=match-group] summary').first().click();
      await audit(panel, `sidepanel-document-${scheme}`, testInfo);
      await screenshot(panel, `a11y-sidepanel-document-${scheme}`);
      // The verdict opened, and a skip link focused: it shows itself over the header and must read
      // as well as the rest (the first thing a keyboard reader sees).
      await panel.getByTestId('verdict-categories').locator('summary').click();
      await panel.getByTestId('verdict-point').first().locator('summary').click();
      await panel.evaluate(() => window.scrollTo(0, 0));
      await panel.getByTestId('skip-findings').focus();
      await expect(panel.getByTestId('skip-findings')).toBeVisible();
      await audit(panel, `sidepanel-skip-link-${scheme}`, testInfo);
      await screenshot(panel, `a11y-sidepanel-skip-link-${scheme}`);
      // A status corrected, so "Alles" shows a corrected document (its marks and links) to audit too.
      await panel.locator('[data-testid=safeguard-correct]').first().click();
      await expect(panel.getByTestId('safeguard-corrected')).toHaveCount(1);
      const tabs = await panel.getByRole('tab').all();
      expect(tabs.length).toBeGreaterThanOrEqual(2);
      for (const tab of tabs.slice(1)) {
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        const id = (await tab.getAttribute('data-testid')) ?? 'tab';
        if (id === 'tab-all') await expect(panel.getByTestId('correction-item')).toHaveCount(1);
        await audit(panel, `sidepanel-${id}-${scheme}`, testInfo);
        await screenshot(panel, `a11y-sidepanel-${id}-${scheme}`);
      }
    });

    test(`popup met opzoekresultaat zonder ernstige axe-fouten — ${scheme}`, async ({ openScanned, openPopup }, testInfo) => {
      const { tabId } = await openScanned();
      const popup = await openPopup(tabId);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.getByTestId('popup-count')).toBeVisible();
      await popup.getByTestId('lookup-input').fill('lantaarnpaal');
      await expect(popup.getByTestId('lookup-result').first()).toBeVisible();
      await audit(popup, `popup-${scheme}`, testInfo);
      await screenshot(popup, `a11y-popup-${scheme}`);
    });

    test(`instellingen zonder ernstige axe-fouten — ${scheme}`, async ({ context, extensionId }, testInfo) => {
      const options = await context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.setViewportSize({ width: 900, height: 1000 });
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      // Enabled once the browser said whether a griffie policy applies (seconds in a fresh profile).
      await expect(options.getByTestId('category-toggle').first()).toBeEnabled();
      // An error state on screen too: it must be readable as well.
      await options.getByTestId('own-term-add').click();
      await expect(options.getByTestId('own-term-error')).toBeVisible();
      await audit(options, `options-${scheme}`, testInfo);
      await screenshot(options, `a11y-options-${scheme}`);
      await options.getByTestId('options-about').scrollIntoViewIfNeeded();
      await screenshot(options, `a11y-options-about-${scheme}`);
    });

    test(`PDF-viewer zonder ernstige axe-fouten — ${scheme}`, async ({ context, extensionId }, testInfo) => {
      const viewer = await context.newPage();
      await viewer.emulateMedia({ colorScheme: scheme });
      await viewer.goto(
        `chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent('http://utrecht.raadsinformatie.nl/pdf/raadsvoorstel-3p.pdf')}`,
      );
      await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
      await audit(viewer, `pdf-viewer-${scheme}`, testInfo);
      await screenshot(viewer, `a11y-pdf-viewer-${scheme}`);
    });
  });
}

test('alleen met het toetsenbord: instellingen en zijpaneel, met zichtbare focus', async ({ context, extensionId, openScanned, openPanel }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // Disabled controls are skipped by Tab: wait until the browser said whether a policy locks them.
  await expect(options.getByTestId('category-toggle').first()).toBeEnabled();
  const reached = await tabThrough(options, 80);
  expect(reached.some((k) => k.includes('category-toggle'))).toBe(true);
  expect(reached.some((k) => k.includes('own-term-input'))).toBe(true);
  expect(reached.some((k) => k.includes('own-term-add'))).toBe(true);
  // Add an own term with the keyboard alone.
  await options.getByTestId('own-term-input').focus();
  await options.keyboard.type('zakkenrollerij');
  await options.keyboard.press('Enter');
  await expect(options.getByTestId('own-term')).toHaveCount(1);
  // Switch a category off with the space bar.
  await options.locator('[data-testid=category-toggle][data-category=pilot]').focus();
  await options.keyboard.press('Space');
  await expect(options.locator('[data-testid=category-toggle][data-category=pilot]')).not.toBeChecked();

  const { tabId } = await openScanned();
  const panel = await openPanel(tabId);
  await expect(panel.getByTestId('panel-summary')).toBeVisible();
  const inPanel = await tabThrough(panel, 40);
  expect(inPanel.length).toBeGreaterThan(3);
  // Arrow keys move between the tabs (ARIA tabs pattern).
  await panel.getByTestId('tab-document').focus();
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByTestId('tab-notes')).toBeFocused();
});

test('prefers-reduced-motion: geen overgangen of animaties', async ({ openScanned, openPopup, openPanel }) => {
  const { tabId } = await openScanned();
  for (const page of [await openPanel(tabId), await openPopup(tabId)]) {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .map((el) => ({ el: el.tagName + (el.className ? '.' + String(el.className) : ''), s: getComputedStyle(el) }))
        .filter(({ s }) => parseFloat(s.transitionDuration) > 0 || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0))
        .map(({ el }) => el),
    );
    expect(moving).toEqual([]);
  }
});
