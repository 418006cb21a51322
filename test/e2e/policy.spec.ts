// Roll-out by the griffie with the real policy engine: Chromium reads a policy file from its
// managed policy directory at start-up and hands it to the extension through storage.managed.
// Each test gets its own copy of the build (its own extension id), so the policy reaches no other
// test's browser; the policy file and the copy are removed afterwards, also when a test fails.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { EXTENSION_DIR, PROJECT_ROOT } from '../tools/fixture-server.mjs';
import { chromiumArgs } from '../tools/extension-browser.mjs';
import { STADSOOG_PACK, installManagedPolicy, policyUnavailable } from '../tools/managed-policy.mjs';
import { RAADSVOORSTEL, SCREENSHOT_DIR, expect, portalUrl, rangeTexts, recordPermissionRequests, test as base } from './fixtures';

declare const chrome: typeof import('wxt/browser').browser;

const STADSOOG = 'pages/raadsinformatiebrief-stadsoog.html';
const GRIFFIE_HOST = 'onbekend.example';
/** With RAADSLENS_README_SHOTS=1 the pictures of the README's griffie section, else test-results. */
const SHOTS = process.env.RAADSLENS_README_SHOTS === '1' ? path.join(PROJECT_ROOT, '.github', 'screenshots') : SCREENSHOT_DIR;

/**
 * `upTo`: only the page's column from the top down to that element's bottom (at 1280 px the
 * options' column is 600 px wide, and the rest would be white margin in the README).
 */
async function screenshot(page: Page, name: string, upTo?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const box = upTo ? await upTo.boundingBox() : null;
  const clip = box ? { x: Math.max(0, box.x - 24), y: 0, width: box.width + 48, height: box.y + box.height + 16 } : undefined;
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), clip });
}

const GOOD_POLICY = {
  portalHosts: [GRIFFIE_HOST],
  termPacks: [STADSOOG_PACK],
  settings: { highlight: { mode: 'underline' } },
  locked: ['highlight'],
  letter: { gemeente: 'Voorbeeldstad', griffieAddress: 'Postbus 1\n1234 AB Voorbeeldstad', fracties: ['VVD', 'D66'], reglementArtikel: '41' },
  fetchPdfs: false,
};

const test = base.extend<{ policy: unknown; context: BrowserContext }>({
  policy: [GOOD_POLICY, { option: true }],
  context: async ({ fixtureServer, errors, policy }, use, testInfo) => {
    const why = policyUnavailable();
    testInfo.skip(why !== null, why ?? '');
    if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`${EXTENSION_DIR}/manifest.json ontbreekt: run \`npx wxt build\` first`);
    const installed = await installManagedPolicy(EXTENSION_DIR, policy);
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-policy-'));
    try {
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1280, height: 720 },
        locale: 'nl-NL',
        env: { ...process.env, LANGUAGE: 'nl', LANG: 'nl_NL.UTF-8' },
        args: chromiumArgs({ extensionDir: installed.extensionDir, port: fixtureServer.port, lang: 'nl' }),
      });
      const watch = (page: Page) => page.on('pageerror', (err) => errors.push({ source: 'pageerror', url: page.url(), text: String(err) }));
      context.pages().forEach(watch);
      context.on('page', watch);
      try {
        await use(context);
      } finally {
        await context.close();
      }
    } finally {
      await installed.remove();
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    }
  },
});

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  // A browser tab at a laptop's width, tall enough for the griffie's section and the categories.
  await options.setViewportSize({ width: 1280, height: 1400 });
  // Every frame from the first: was the highlight style's control ever editable? In a fresh
  // profile storage.managed answers seconds after the page shows the stored settings.
  await options.addInitScript(() => {
    const w = window as unknown as { editableFrames: number };
    w.editableFrames = 0;
    const look = () => {
      const mode = document.querySelector('[data-testid=mode-background]');
      if (mode?.matches(':enabled')) w.editableFrames++;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  return options;
}

/** Frames in which the options page let the reader change the highlight style. */
const editableFrames = (options: Page) => options.evaluate(() => (window as unknown as { editableFrames: number }).editableFrames);

test.describe('een beleid van de griffie', () => {
  test('komt aan via storage.managed: host aangeboden, eigen term gemarkeerd, stijl vastgezet, geen PDF', async ({
    context,
    page,
    extensionId,
    serviceWorker,
    scanMeasure,
    tabIdFor,
    openPanel,
    errors,
  }) => {
    // The policy engine delivered it, validated against the manifest's managed_schema.
    const managed = await serviceWorker.evaluate(() => chrome.storage.managed.get(null));
    expect(managed).toMatchObject({ portalHosts: [GRIFFIE_HOST], locked: ['highlight'], fetchPdfs: false });

    const options = await openOptions(context, extensionId);
    const griffie = options.getByTestId('options-griffie');
    await expect(griffie).toContainText('Van uw griffie');
    await expect(griffie.getByTestId('policy-invalid')).toHaveCount(0);
    const host = griffie.locator(`[data-testid=griffie-host][data-host="${GRIFFIE_HOST}"]`);
    await expect(host).toContainText('Ingesteld door uw griffie');
    await expect(host).toHaveAttribute('data-granted', 'false');
    await expect(griffie.getByTestId('griffie-hosts')).toContainText('Een browser laat geen extensie zelf toegang tot een site nemen');
    await expect(griffie.getByTestId('griffie-term')).toHaveText([/Stadsoog.*Van de griffie/]);
    await expect(griffie.getByTestId('griffie-letter')).toContainText('41');
    await expect(griffie.getByTestId('griffie-no-pdfs')).toContainText("ophalen van PDF's uitgezet");
    // The griffie's highlight style applies and cannot be changed; the categories stay the reader's.
    await expect(options.locator('[data-testid=setting-locked][data-setting=highlight]')).toHaveText(/Vastgezet door uw griffie/);
    await expect(options.getByTestId('mode-underline')).toBeChecked();
    await expect(options.getByTestId('mode-background')).toBeDisabled();
    await expect(options.getByTestId('colour-input').first()).toBeDisabled();
    await expect(options.locator('[data-testid=setting-locked][data-setting=disabledCategories]')).toHaveCount(0);
    await expect(options.getByTestId('category-toggle').first()).toBeEnabled();
    // Locked from the first frame, also before the policy arrived; the waiting line has gone.
    expect(await editableFrames(options)).toBe(0);
    await expect(options.locator('main.options')).toHaveAttribute('data-policy', 'answered');
    await expect(options.getByTestId('setting-pending')).toHaveCount(0);
    await screenshot(options, 'policy-options', griffie);

    // The griffie's own term is found on a portal page; the built-in packs do not know it.
    const brief = portalUrl(STADSOOG);
    await page.goto(brief);
    await scanMeasure(page);
    await expect.poll(() => rangeTexts(page)).toContain('Stadsoog');
    // The panel lists it under the category of the griffie's pack.
    const termPanel = await openPanel(await tabIdFor(brief));
    const group = termPanel.locator('[data-testid=match-group][data-category=camera]');
    await expect(group).toContainText('Stadsoog');
    await group.locator('summary').first().click();
    await expect(group.getByTestId('match-item').first()).toBeVisible();
    await screenshot(termPanel, 'policy-panel-term');
    await termPanel.close();

    // The griffie's host is offered in the panel; the click asks for exactly that host.
    const unknown = portalUrl(RAADSVOORSTEL, GRIFFIE_HOST);
    const other = await context.newPage();
    await other.goto(unknown);
    const panel = await openPanel(await tabIdFor(unknown));
    const offer = panel.getByTestId('griffie-host-offer');
    await expect(offer).toContainText('Ingesteld door uw griffie');
    await expect(offer).toContainText(GRIFFIE_HOST);
    await screenshot(panel, 'policy-panel-offer');
    const requested = await recordPermissionRequests(panel);
    await offer.getByTestId('griffie-host-grant').click();
    const requests = await requested();
    expect(requests).toEqual([{ origins: [`https://${GRIFFIE_HOST}/*`, `http://${GRIFFIE_HOST}/*`], gesture: true }]);
    await expect(offer.getByRole('alert')).toContainText('Geen toestemming gekregen');

    // fetchPdfs: false — the PDF viewer fetches nothing and says why.
    const pdf = portalUrl('document/90001/1/Raadsvoorstel++Cameratoezicht+en+slimme+sensoren');
    const viewer = await context.newPage();
    const fetched: string[] = [];
    viewer.on('request', (r) => fetched.push(r.url()));
    await viewer.goto(`chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdf)}`);
    await expect(viewer.getByRole('alert').first()).toContainText('Uw griffie heeft het ophalen van PDF');
    expect(fetched).not.toContain(pdf);
    expect(errors).toEqual([]);
  });
});

test.describe('een kapot beleid', () => {
  test.use({ policy: { portalHosts: ['https://geen host/'], settings: { highlight: { mode: 'knipperen' } }, locked: ['highlight'] } });

  test('geeft een Nederlandse melding; Raadslens werkt verder', async ({ context, extensionId, openScanned, highlightedTexts, page, errors }) => {
    const options = await openOptions(context, extensionId);
    const problem = options.getByTestId('policy-invalid');
    await expect(problem).toContainText('De instellingen van uw griffie bevatten fouten');
    await expect(problem).toContainText('portalHosts[0]: een hostnaam zoals raad.gemeente.nl');
    await expect(problem).toContainText('settings.highlight.mode: kies uit background of underline');
    // The valid key still applies: highlight locked (to the default style, as no valid style came).
    await expect(options.getByTestId('mode-background')).toBeChecked();
    await expect(options.getByTestId('mode-background')).toBeDisabled();
    expect(await editableFrames(options)).toBe(0);
    await screenshot(options, 'policy-options-invalid', options.getByTestId('options-griffie'));

    await openScanned(RAADSVOORSTEL);
    await expect.poll(async () => (await highlightedTexts(page)).map((t) => t.toLowerCase())).toContain('cameratoezicht');
    expect(errors).toEqual([]);
  });
});
