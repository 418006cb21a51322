// The side panel as a raadslid sees it at 400 × 900: the pictures in the README and the figures
// of issue 14 (where the verdict, the checklist and the first match stand in the Document view).
// `RAADSLENS_README_SHOTS=1 npx playwright test --config test/e2e/playwright.config.ts screenshots`
// writes the README's set to .github/screenshots/; otherwise they go to test-results/screenshots/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

test('"Eerst vragen naar" en de AP-vragen heel: elke waarborg met zijn volle naam, geen vraag weggevallen, op 320, 400 en 500 px', async ({ openScanned, openPanel, errors }) => {
  const labels = new Map<string, string>(
    (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'rules', 'safeguards.json'), 'utf8')) as { safeguards: { id: string; label: string }[] }).safeguards.map((s) => [s.id, s.label]),
  );
  const panel = await openPanel((await openScanned()).tabId);
  const points = panel.getByTestId('verdict-point');
  await expect(points.first()).toBeVisible();
  for (const width of [320, 400, 500]) {
    await panel.setViewportSize({ width, height: 900 });
    const seen = await panel.evaluate(() => {
      const inside = (a: DOMRect, b: DOMRect) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      const verdict = document.querySelector('[data-testid=verdict]')!.getBoundingClientRect();
      return {
        points: [...document.querySelectorAll<HTMLElement>('[data-testid=verdict-point]')].map((li) => {
          const name = li.querySelector<HTMLElement>('summary strong')!;
          const says = li.querySelector<HTMLElement>('summary .says')!;
          const box = name.getBoundingClientRect();
          return {
            id: li.dataset.safeguard!,
            text: name.textContent,
            // Nothing cut off: no overflow past its box, no "…", inside the verdict, clear of the status.
            whole: name.scrollWidth <= name.clientWidth && getComputedStyle(name).textOverflow !== 'ellipsis' && inside(box, verdict) && apart(box, says.getBoundingClientRect()),
            // And no word broken over two lines ("gegevensbescher-ming").
            brokenWords: [...name.textContent!.matchAll(/\S+/g)]
              .filter((w) => {
                const r = document.createRange();
                r.setStart(name.firstChild!, w.index);
                r.setEnd(name.firstChild!, w.index + w[0].length);
                return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1;
              })
              .map((w) => w[0]),
          };
        }),
        // Every question's link stands within the verdict and within every box around it that clips.
        questions: [...document.querySelectorAll<HTMLElement>('[data-testid=verdict] [data-question]')].map((q) => {
          const box = q.getBoundingClientRect();
          let clipped = false;
          for (let el = q.parentElement; el && !el.matches('[data-testid=verdict]'); el = el.parentElement) {
            if (getComputedStyle(el).overflowX !== 'visible' && !inside(box, el.getBoundingClientRect())) clipped = true;
          }
          return inside(box, verdict) && !clipped;
        }),
      };
    });
    expect(seen.points.length, `${width} px`).toBeGreaterThan(0);
    for (const p of seen.points) expect(p, `${width} px`).toEqual({ id: p.id, text: labels.get(p.id), whole: true, brokenWords: [] });
    expect(seen.questions, `${width} px`).toEqual([true, true, true]);
  }
  expect(errors).toEqual([]);
});

test('een paneel van 320 px: niets loopt over de rand (tabbladen, vondsten met hun knoppen, de knop "Markeer het hele document")', async ({ openScanned, openPanel, errors }) => {
  const panel = await openPanel((await openScanned()).tabId);
  await panel.setViewportSize({ width: 320, height: 900 });
  await expect(panel.getByTestId('verdict')).toBeVisible();
  /** What stands (partly) past the panel's right edge, by its text. */
  const beyond = () =>
    panel.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role=tab], button, summary, [data-testid=match-item]')]
        .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => el.textContent!.trim().slice(0, 50)),
    );
  // Every group open: its matches with "Notitie" and "⚑ Markeer" beside a long word.
  await panel.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('[data-testid=match-group]').forEach((d) => (d.open = true)));
  await expect(panel.getByTestId('match-item').first()).toBeVisible();
  expect(await beyond()).toEqual([]);
  // The tab "Notities" with its count: "Alles" ran off the edge.
  await panel.getByTestId('match-note').first().click();
  await panel.getByTestId('note-editor').fill('Hoe lang worden de beelden bewaard?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  await expect(panel.getByTestId('tab-notes')).toContainText('1');
  await expect(panel.getByTestId('flag-start')).toBeVisible();
  expect(await beyond()).toEqual([]);
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

test('Notities en Alles op 320 en 400 px: de lijn onder de kop loopt onder "Exporteer" door tot de rand, niets afgesneden', async ({ openScanned, openPanel, errors }) => {
  const panel = await openPanel((await openScanned()).tabId);
  const camera = panel.locator('[data-testid=match-group][data-category=camera]');
  await camera.locator('summary').click();
  await camera.getByTestId('match-note').first().click();
  await panel.getByTestId('note-editor').fill('Hoe lang worden de beelden bewaard?');
  await panel.getByTestId('note-save').click();
  await expect(panel.getByTestId('note-item')).toHaveCount(1);
  for (const tab of ['tab-notes', 'tab-all']) {
    await panel.getByTestId(tab).click();
    for (const width of [320, 400]) {
      await panel.setViewportSize({ width, height: 900 });
      const heading = panel.locator('[aria-labelledby] h2:visible').first();
      await expect(heading).toBeVisible();
      await expect(panel.getByTestId('export-menu').first()).toBeVisible();
      await shot(panel, `kop-${tab}-${width}`);
      const seen = await heading.evaluate((h) => {
        // The line under the heading: the bottom border of the heading or of the row it stands in.
        const lined = [h, h.parentElement!].find((el) => parseFloat(getComputedStyle(el).borderBottomWidth) > 0)!;
        const menu = h.parentElement!.querySelector('[data-testid=export-menu] > summary')!.getBoundingClientRect();
        const line = lined.getBoundingClientRect();
        const head = h.getBoundingClientRect();
        return {
          lineLeft: Math.round(line.left), lineRight: Math.round(line.right), lineBottom: Math.round(line.bottom),
          headLeft: Math.round(head.left), headBottom: Math.round(head.bottom),
          menuRight: Math.round(menu.right), menuBottom: Math.round(menu.bottom),
          edge: document.documentElement.clientWidth,
          headingClipped: h.scrollWidth > h.clientWidth + 1,
        };
      });
      // The line runs from the heading's start to past "Exporteer" (it stopped at ~190 px beside it
      // at 320 px), under both; the menu and the heading stay inside the panel.
      expect(seen.lineLeft, `${tab} ${width}`).toBeLessThanOrEqual(seen.headLeft);
      expect(seen.lineRight, `${tab} ${width}`).toBeGreaterThanOrEqual(seen.menuRight);
      expect(seen.lineBottom, `${tab} ${width}`).toBeGreaterThanOrEqual(Math.max(seen.headBottom, seen.menuBottom));
      expect(seen.menuRight, `${tab} ${width}`).toBeLessThanOrEqual(seen.edge);
      expect(seen.headingClipped, `${tab} ${width}`).toBe(false);
    }
  }
  expect(errors).toEqual([]);
});
