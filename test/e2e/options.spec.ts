// The options page: categories off, own terms, highlight style — and the content script follows
// each change in an open page without a reload.
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, rangeTexts, screenshot, test } from './fixtures';

declare const chrome: WxtBrowser;

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The rules of the stylesheet the content script adopted (or put in a <style>). */
function pageHighlightCss(page: Page): Promise<string> {
  return page.evaluate(() => {
    const adopted = [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText));
    const el = document.getElementById('raadslens-highlight-style');
    return adopted.join('\n') + (el?.textContent ?? '');
  });
}

test('een categorie uitzetten haalt haar markeringen uit de open pagina', async ({ context, extensionId, openScanned, page, errors }) => {
  await openScanned();
  expect(await page.evaluate(() => CSS.highlights.has('raadslens-camera'))).toBe(true);
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const camera = options.locator('[data-testid=category-toggle][data-category=camera]');
  await expect(camera).toBeChecked();
  await expect(camera).toHaveAccessibleName(/Camera/);
  await camera.uncheck();
  await expect(options.getByTestId('options-status')).toHaveText('Opgeslagen.');
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('raadslens-camera'))).toBe(false);
  expect(await page.evaluate(() => CSS.highlights.has('raadslens-sensor'))).toBe(true);

  // Still off after a reload of the options page; back on brings the highlights back.
  await options.reload();
  await expect(camera).not.toBeChecked();
  await camera.check();
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('raadslens-camera'))).toBe(true);
  expect(errors).toEqual([]);
});

test('een eigen term wordt gecontroleerd, bewaard en in de pagina gemarkeerd', async ({ context, extensionId, openScanned, page, highlightedTexts, errors }) => {
  await openScanned();
  expect(await highlightedTexts(page)).not.toContain('zakkenrollerij');
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const input = options.getByTestId('own-term-input');
  await expect(input).toHaveAccessibleName('Term');

  // Refused, in Dutch, and nothing saved.
  for (const bad of ['   ', '?!?!', 'x'.repeat(61)]) {
    await input.fill(bad);
    await options.getByTestId('own-term-add').click();
    await expect(options.getByTestId('own-term-error')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(options.getByTestId('own-term-error')).toContainText('hoogstens 60 tekens');
  await expect(options.getByTestId('own-term')).toHaveCount(0);

  await input.fill('Zakkenrollerij');
  await options.getByTestId('own-term-category').selectOption('data');
  await input.press('Enter');
  await expect(options.getByTestId('own-term')).toHaveCount(1);
  await expect(options.getByTestId('own-term-error')).toHaveCount(0);
  await expect(options.getByTestId('options-status')).toContainText('Zakkenrollerij');
  await expect.poll(() => highlightedTexts(page)).toContain('zakkenrollerij');
  expect(await rangeTexts(page, 'raadslens-data')).toContain('zakkenrollerij');

  // A duplicate is refused; removing it takes the highlight away.
  await input.fill('zakkenrollerij');
  await options.getByTestId('own-term-add').click();
  await expect(options.getByTestId('own-term-error')).toContainText('staat al');
  await options.getByRole('button', { name: 'Verwijder ‘Zakkenrollerij’' }).click();
  await expect(options.getByTestId('own-term')).toHaveCount(0);
  await expect.poll(() => highlightedTexts(page)).not.toContain('zakkenrollerij');
  expect(errors).toEqual([]);
});

test('de markeerstijl (onderstrepen, hoog contrast, eigen kleur) komt in de pagina', async ({ context, extensionId, openScanned, page, errors }) => {
  await openScanned();
  // The built-in style is the manifest's CSS: no sheet of ours in the page, which would restyle every element.
  expect(await page.evaluate(() => CSS.highlights.has('raadslens-camera'))).toBe(true);
  expect(await pageHighlightCss(page)).not.toContain('raadslens-camera');
  const options = await context.newPage();
  await openOptions(options, extensionId);

  await options.getByTestId('mode-underline').check();
  await expect.poll(() => pageHighlightCss(page)).toMatch(/raadslens-camera\)\s*\{[^}]*background-color: transparent/);
  await options.getByTestId('palette-high-contrast').check();
  await expect.poll(() => pageHighlightCss(page)).toContain('underline 4px');
  await options.getByTestId('mode-background').check();
  await expect.poll(() => pageHighlightCss(page)).toMatch(/raadslens-camera\)\s*\{[^}]*background-color: rgb\(255, 235, 59\)/);
  await options.locator('[data-testid=colour-input][data-category=camera]').fill('#336699');
  await expect.poll(() => pageHighlightCss(page)).toMatch(/raadslens-camera\)\s*\{[^}]*background-color: rgb\(51, 102, 153\)/);
  await screenshot(page, 'page-high-contrast');
  await options.getByRole('button', { name: /Standaardkleur voor Camera/ }).click();
  await expect(options.locator('[data-testid=colour-input][data-category=camera]')).toHaveValue('#ffeb3b');
  expect(errors).toEqual([]);
});

test('onleesbare opgeslagen instellingen: standaardwaarden en een melding, de pagina wordt gewoon gescand', async ({ context, extensionId, serviceWorker, openScanned, page, highlightedTexts, errors }) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, ownTerms: 'kapot' } }));
  await openScanned();
  expect((await highlightedTexts(page)).length).toBeGreaterThan(0);
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await expect(options.getByTestId('settings-invalid')).toBeVisible();
  await expect(options.locator('[data-testid=category-toggle][data-category=camera]')).toBeChecked();
  expect(errors).toEqual([]);
});

test('Over: versie, de AP-documenten en de privacyverklaring', async ({ page, extensionId, errors }) => {
  await openOptions(page, extensionId);
  const about = page.getByTestId('options-about');
  await expect(about).toContainText(/Versie \d+\.\d+\.\d+/);
  await expect(about).toContainText('Gemeenten en privacy: wat kunt u als raadslid doen bij de inzet van technologie?');
  await expect(about).toContainText('basisdocument mei 2022');
  await expect(page.getByTestId('privacy-statement')).toContainText('verstuurt niets');
  // The sites the reader granted, each with a way to withdraw it.
  await expect(page.getByTestId('options-sites').getByTestId('site-access')).toBeVisible();
  // Export, import and delete everything live on the options page too.
  await expect(page.getByTestId('options-data').getByTestId('data-export')).toBeVisible();
  await expect(page.getByTestId('options-data').getByTestId('data-delete')).toBeVisible();
  // One heading for it, at the level of the page's other sections ("Gegevens" above "Gegevens: …" said it twice).
  await expect(page.getByTestId('options-data').getByRole('heading')).toHaveText(['Gegevens: back-up en verwijderen']);
  await expect(page.getByTestId('options-data').getByRole('heading', { level: 2 })).toHaveCount(1);
  // The council file's export looks like the backup's buttons, not the browser's grey default.
  const look = (id: string) => page.getByTestId(id).evaluate((b) => { const s = getComputedStyle(b); return [s.borderColor, s.color, s.backgroundColor, s.borderRadius]; });
  expect(await look('council-export')).toEqual(await look('data-export'));
  // Its import too: a button in the page's words, not the browser's file control ("Bestand kiezen").
  expect(await look('council-import-open')).toEqual(await look('data-import'));
  await expect(page.getByTestId('council-import-open')).toHaveText('Importeer instellingen van de griffie…');
  await expect(page.getByTestId('council-import')).toHaveAttribute('tabindex', '-1');
  await screenshot(page, 'options');
  expect(errors).toEqual([]);
});
