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

test('"Instellingen van de griffie worden geladen…" verschuift niets: de instellingen blijven staan als de regel komt en gaat', async ({ page, extensionId, errors }) => {
  // storage.managed answers only when the test says so (a fresh profile's first answer takes 2–6 s).
  await page.addInitScript(() => {
    const area = chrome.storage.managed;
    const get = area.get.bind(area) as (...a: unknown[]) => Promise<unknown>;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    (window as unknown as { releasePolicy: () => void }).releasePolicy = release;
    (area as unknown as { get: unknown }).get = (...args: unknown[]) => {
      const callback = typeof args.at(-1) === 'function' ? (args.pop() as (v: unknown) => void) : null;
      const answer = gate.then(() => get(...args));
      if (!callback) return answer;
      void answer.then(callback, () => callback({}));
      return undefined;
    };
    // Every frame from the first: is the line there, and where do the settings start (the
    // categories' heading and first toggle, the highlight section's heading)?
    const w = window as unknown as { frames: { line: boolean; tops: (number | null)[] }[] };
    w.frames = [];
    const look = () => {
      const tops = ['#opt-categories', '[data-testid=category-toggle]', '#opt-highlight'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? null);
      if (tops.every((t) => t !== null)) w.frames.push({ line: !!document.querySelector('[data-testid=setting-pending]'), tops });
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const frames = () => page.evaluate(() => (window as unknown as { frames: { line: boolean; tops: number[] }[] }).frames);
  for (const width of [320, 400, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByTestId('category-toggle').first()).toBeDisabled();
    // The line comes after 0.4 s, in the page's live status line (a screen reader hears it).
    const pending = page.getByTestId('setting-pending');
    await expect(pending).toHaveText('Instellingen van de griffie worden geladen…');
    await expect(page.getByRole('status').filter({ has: pending })).toHaveCount(1);
    await expect(page.locator('main.options')).toHaveAttribute('data-policy', 'pending');
    // The policy answers (none here): the line goes, the settings can be changed.
    await page.evaluate(() => (window as unknown as { releasePolicy: () => void }).releasePolicy());
    await expect(page.locator('main.options')).toHaveAttribute('data-policy', 'answered');
    await expect(pending).toHaveCount(0);
    await expect(page.getByTestId('category-toggle').first()).toBeEnabled();
    await expect.poll(async () => (await frames()).filter((f) => !f.line).length).toBeGreaterThan(2);
    // Frames with the line and without it (after the answer, and before 0.4 s unless the page
    // drew late): the settings stood in one place in all of them.
    const seen = await frames();
    expect(seen.some((f) => f.line), `${width} px`).toBe(true);
    expect(new Set(seen.map((f) => f.tops.join(','))), `${width} px`).toEqual(new Set([seen[0]!.tops.join(',')]));
    // And nothing runs past the page's right edge (the colour samples did at 320 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBe(0);
  }
  expect(errors).toEqual([]);
});

test('na vergeefs wachten op de griffie: één regel in de statusregel, en ook die verschuift niets (320 px)', async ({ page, extensionId, errors }) => {
  test.slow(); // the page waits its 10 s for storage.managed before it says no policy applies
  // storage.managed never answers; every frame records which line shows and where the settings start.
  await page.addInitScript(() => {
    const area = chrome.storage.managed;
    (area as unknown as { get: unknown }).get = () => new Promise(() => undefined);
    const w = window as unknown as { frames: { line: string; tops: (number | null)[] }[] };
    w.frames = [];
    const look = () => {
      const tops = ['#opt-categories', '[data-testid=category-toggle]', '#opt-highlight'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? null);
      const line = document.querySelector('[data-testid=setting-no-policy]') ? 'none' : document.querySelector('[data-testid=setting-pending]') ? 'pending' : '';
      if (tops.every((t) => t !== null)) w.frames.push({ line, tops });
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.locator('main.options')).toHaveAttribute('data-policy', 'timeout', { timeout: 20_000 });
  const none = page.getByTestId('setting-no-policy');
  await expect(none).toHaveCount(1);
  await expect(none).toHaveText('Geen instellingen van de griffie ontvangen: u stelt dit zelf in.');
  await expect(page.getByRole('status').filter({ has: none })).toHaveCount(1);
  await expect(page.getByTestId('category-toggle').first()).toBeEnabled();
  const seen = await page.evaluate(() => (window as unknown as { frames: { line: string; tops: number[] }[] }).frames);
  expect(seen.some((f) => f.line === 'pending')).toBe(true);
  expect(seen.some((f) => f.line === 'none')).toBe(true);
  expect(new Set(seen.map((f) => f.tops.join(',')))).toEqual(new Set([seen[0]!.tops.join(',')]));
  expect(errors).toEqual([]);
});

test('de kleurvoorbeelden op 320 en 400 px: elk woord heel op één regel, de naam van de categorie erboven, niets over de rand', async ({ page, extensionId, errors }) => {
  for (const width of [320, 400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByTestId('colour-preview')).toHaveCount(10);
    const seen = await page.evaluate(() => {
      /** The words of `el` that stand on more than one line ("ca|me|ra"). */
      const broken = (el: Element) =>
        [...el.textContent!.matchAll(/\S+/g)]
          .filter((w) => {
            const r = document.createRange();
            r.setStart(el.firstChild!, w.index);
            r.setEnd(el.firstChild!, w.index + w[0].length);
            return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1;
          })
          .map((w) => w[0]);
      return [...document.querySelectorAll('.colour-table tr')].map((tr) => ({
        broken: [...broken(tr.querySelector('th')!), ...broken(tr.querySelector('[data-testid=colour-preview]')!)],
        inside: tr.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5,
      }));
    });
    expect(seen, `${width} px`).toEqual(seen.map(() => ({ broken: [], inside: true })));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${width} px`).toBe(0);
    // Still a table to a screen reader: the colour field named by its row's header.
    await expect(page.getByRole('rowheader', { name: 'Biometrie en gezichtsherkenning' })).toHaveCount(1);
  }
  expect(errors).toEqual([]);
});
