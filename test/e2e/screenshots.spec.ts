// The side panel as a raadslid sees it at 400 × 900: the pictures in the README and the figures
// of issue 14 (where the verdict, the checklist and the first match stand in the Document view).
// `RAADSLENS_README_SHOTS=1 npx playwright test --config test/e2e/playwright.config.ts screenshots`
// writes the README's set to .github/screenshots/; otherwise they go to test-results/screenshots/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PROJECT_ROOT } from '../tools/fixture-server.mjs';
import { SCREENSHOT_DIR, expect, portalUrl, test } from './fixtures';

const README_SHOTS = process.env.RAADSLENS_README_SHOTS === '1';
const DIR = README_SHOTS ? path.join(PROJECT_ROOT, '.github', 'screenshots') : SCREENSHOT_DIR;
const NOTUBIZ_PDF = portalUrl('document/90001/1/Raadsvoorstel++Cameratoezicht+en+slimme+sensoren');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: path.join(DIR, `${name}.png`) });
}

/** Top of an element in the Document view, in CSS pixels from the top of the panel page. */
function topOf(panel: Page, selector: string): Promise<number | null> {
  return panel.evaluate((s) => {
    const el = document.querySelector(s);
    return el ? Math.round(el.getBoundingClientRect().top + scrollY) : null;
  }, selector);
}

test('het Document-overzicht van een raadsvoorstel: het oordeel bovenaan, de eerste vondst binnen 900 px', async ({ openScanned, openPanel, errors }, testInfo) => {
  const panel = await openPanel((await openScanned()).tabId);
  await expect(panel.getByTestId('verdict')).toBeVisible();
  await expect(panel.getByTestId('safeguards')).toBeVisible();
  const figures = {
    height: await panel.evaluate(() => document.documentElement.scrollHeight),
    verdict: await topOf(panel, '[data-testid=verdict]'),
    verdictBottom: await panel.evaluate(() => Math.round(document.querySelector('[data-testid=verdict]')!.getBoundingClientRect().bottom + scrollY)),
    safeguards: await topOf(panel, '[data-testid=safeguards]'),
    firstMatchGroup: await topOf(panel, '[data-testid=match-group]'),
  };
  await testInfo.attach('figures', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(path.join(SCREENSHOT_DIR, 'figures.json'), JSON.stringify(figures, null, 2) + '\n');
  await shot(panel, 'document-raadsvoorstel');
  // The whole verdict is within the first 250 px (a layout figure, the same on every run: fonts and
  // width are fixed) and the first match is on the first screen.
  expect(figures.verdictBottom).toBeLessThanOrEqual(250);
  expect(figures.firstMatchGroup).not.toBeNull();
  expect(figures.firstMatchGroup!).toBeLessThan(900);
  expect(errors).toEqual([]);
});

test('een ✓ waar Raadslens niet zeker van is: "Genoemd — lees de passage", met de zin, zonder ✓', async ({ openScanned, openPanel, errors }) => {
  // The demo raadsvoorstel cites an evaluation of the cameras already there, not of the new ones.
  const panel = await openPanel((await openScanned()).tabId);
  const unsure = panel.locator('[data-testid=safeguards] [data-certain=false]').first();
  await expect(unsure).toHaveAttribute('data-status', 'stated');
  await expect(unsure).toContainText('Genoemd — lees de passage');
  await expect(unsure).not.toContainText('✓');
  await expect(unsure).toContainText('Uit de evaluatie blijkt');
  // The status stands apart from the safeguard's bold name, in its own colour.
  const [name, says] = await Promise.all(['strong', '.says'].map((s) => unsure.locator(s).first().evaluate((el) => getComputedStyle(el).color)));
  expect(says).not.toBe(name);
  await unsure.scrollIntoViewIfNeeded();
  await shot(panel, 'checklist-genoemd');
  expect(errors).toEqual([]);
});

test('een agenda zonder technologie: één rustige regel en wat er gelezen is, geen lege vraagkaarten', async ({ openScanned, openPanel, errors }) => {
  const panel = await openPanel((await openScanned('pages/agenda-zonder-termen.html')).tabId);
  const verdict = panel.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'none');
  // Its attachment is not read yet: "no technology" is said of the page's text only.
  await expect(verdict.locator('.verdict-none')).toHaveText('Geen technologie in de tekst van deze pagina.');
  await expect(verdict).toContainText(/Gelezen: de tekst van deze pagina/);
  await expect(panel.locator('[data-testid=question-card]').first()).toBeHidden();
  await expect(panel.getByText('Genoemd: —')).toHaveCount(0);
  await shot(panel, 'document-zonder-technologie');
  expect(errors).toEqual([]);
});

test('schermafdrukken: PDF, Notities, Alles en opzoeken in de popup', async ({ page, context, openScanned, openPanel, openPopup, tabIdFor }) => {
  const { tabId } = await openScanned();
  const panel = await openPanel(tabId);
  const camera = panel.locator('[data-testid=match-group][data-category=camera]');
  await camera.locator('summary').click();
  await camera.getByTestId('match-note').nth(1).click();
  await expect(panel.getByTestId('note-editor')).toBeFocused();
  await panel.getByTestId('note-editor').fill('Waarom is cameratoezicht hier nodig, en hoe lang worden de beelden bewaard?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await shot(panel, 'notities');
  await panel.getByTestId('tab-all').click();
  await expect(panel.getByTestId('note-item').or(panel.locator('[data-testid=record-entry]')).first()).toBeVisible();
  await shot(panel, 'alles');

  const popup = await openPopup(tabId);
  await popup.getByTestId('lookup-input').fill('dpia');
  await expect(popup.getByTestId('lookup-result').first()).toBeVisible();
  // The answer is what the popup was opened for: it starts above the fold of a 600 px popup.
  const answerTop = await topOf(popup, '[data-testid=lookup-result]');
  expect(answerTop).not.toBeNull();
  expect(answerTop!).toBeLessThanOrEqual(200);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(path.join(SCREENSHOT_DIR, 'figures-popup.json'), JSON.stringify({ lookupAnswer: answerTop }, null, 2) + '\n');
  await shot(popup, 'popup-lookup');

  const pdfPage = await context.newPage();
  await pdfPage.goto(portalUrl('pages/lege-pagina.html'));
  await pdfPage.evaluate((u) => (location.href = u), NOTUBIZ_PDF).catch(() => {});
  await expect.poll(() => pdfPage.url()).toBe(NOTUBIZ_PDF);
  const pdfPanel = await openPanel(await tabIdFor(NOTUBIZ_PDF));
  await expect(pdfPanel.getByTestId('panel-summary')).toContainText('vondsten');
  await shot(pdfPanel, 'pdf-resultaat');
  void page;
});
