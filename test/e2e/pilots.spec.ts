// Pilots count only where technology is at stake in that part of the document: on a page whose
// raadsvoorstel has pilots about fines, tenancy and rats beside a camera pilot, and in the viewer
// where the technology of a pilot stands on the next page.
import type { WxtBrowser } from 'wxt/browser';
import { expandGroup, expect, portalUrl, rangeTexts, screenshot, test } from './fixtures';

declare const chrome: WxtBrowser;

const PAGE = 'pages/handhavingsprogramma-pilots.html';

test('pagina: alleen de pilot met camera’s is gemarkeerd en geteld, niet die met boetes, huurcontracten of ratten', async ({
  page,
  openScanned,
  openPanel,
  errors,
}) => {
  const { tabId } = await openScanned(PAGE);
  const pilots = await rangeTexts(page, 'raadslens-pilot');
  const pilotBlocks = await page.evaluate(() =>
    [...(CSS.highlights.get('raadslens-pilot') ?? [])].map((r) => (r.startContainer.parentElement?.textContent ?? '').slice(0, 40)),
  );
  expect(pilots).toEqual(['pilot', 'pilot']);
  expect(pilotBlocks).toEqual(['Het college stelt voor een pilot met fle', 'De burgemeester besluit over de aanwijzi']);
  // The other pilots are in the page, and not marked.
  for (const text of ['pilot met directe boetes', 'proef uit met een standaardclausule', 'experiment met voorlichting']) {
    await expect(page.getByText(text, { exact: false })).toHaveCount(1);
  }
  expect(await rangeTexts(page, 'raadslens-camera')).toEqual(['flexibel cameratoezicht']);

  const panel = await openPanel(tabId);
  const group = panel.locator('[data-testid=match-group][data-category=pilot]');
  await expect(group).toHaveCount(1);
  await expandGroup(group);
  await expect(group.getByTestId('match-item')).toHaveCount(2);
  await expect(panel.getByTestId('match-item')).toHaveCount(3);
  await group.scrollIntoViewIfNeeded();
  await screenshot(panel, 'panel-pilots-in-context');
  expect(errors).toEqual([]);
});

test('viewer: een pilot telt mee zodra de techniek op de volgende pagina gelezen is; de pilot met boetes niet', async ({ context, extensionId, errors }) => {
  const viewer = await context.newPage();
  const file = encodeURIComponent('http://utrecht.raadsinformatie.nl/generated/pilots-2-paginas.pdf');
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${file}`);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  await expect(viewer.locator('section[data-page="1"][data-rendered=true]')).toHaveCount(1);
  // Page 1: the second pilot only, painted again once page 2 with the bodycams was read.
  await expect.poll(() => rangeTexts(viewer, 'raadslens-pilot')).toEqual(['pilot']);
  const marked = await viewer.evaluate(() => {
    const r = [...(CSS.highlights.get('raadslens-pilot') ?? [])][0]!;
    return r.startContainer.textContent ?? '';
  });
  expect(marked).toContain('Daarnaast start een pilot');
  await screenshot(viewer, 'pdf-viewer-pilots');
  await viewer.locator('section[data-page="2"]').scrollIntoViewIfNeeded();
  await expect(viewer.locator('section[data-page="2"][data-rendered=true]')).toHaveCount(1);
  await expect.poll(() => rangeTexts(viewer, 'raadslens-camera')).toEqual(['bodycams']);
  expect(errors).toEqual([]);
});

test('viewer: volgt de instellingen zoals een pagina, zonder herladen (een categorie uit en weer aan)', async ({ context, extensionId, errors }) => {
  const viewer = await context.newPage();
  const file = encodeURIComponent('http://utrecht.raadsinformatie.nl/generated/pilots-2-paginas.pdf');
  await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${file}`);
  await expect(viewer.locator('body[data-extracted=done]')).toHaveCount(1);
  await viewer.locator('section[data-page="2"]').scrollIntoViewIfNeeded();
  await expect(viewer.locator('section[data-page="2"][data-rendered=true]')).toHaveCount(1);
  await expect.poll(() => rangeTexts(viewer, 'raadslens-camera')).toEqual(['bodycams']);
  const status = viewer.getByTestId('viewer-status');
  const before = await status.textContent();
  const setCategoriesOff = (off: string[]) =>
    viewer.evaluate(async (disabledCategories) => {
      const defaults = { version: 1, disabledCategories: [], ownTerms: [], highlight: { mode: 'background', palette: 'standard', colours: {} } };
      const stored = ((await chrome.storage.local.get('settings')).settings ?? defaults) as Record<string, unknown>;
      await chrome.storage.local.set({ settings: { ...stored, disabledCategories } });
    }, off);
  await setCategoriesOff(['camera']);
  await expect.poll(() => rangeTexts(viewer, 'raadslens-camera')).toEqual([]);
  await expect(status).not.toHaveText(before ?? '');
  await setCategoriesOff([]);
  await expect.poll(() => rangeTexts(viewer, 'raadslens-camera')).toEqual(['bodycams']);
  await expect(status).toHaveText(before ?? '');
  expect(errors).toEqual([]);
});
