// Permissions that respect the reader, in a real Chromium: on a site that is not a portal,
// nothing runs until the reader asks; "Scan deze pagina" works through activeTab (granted the
// way a click on the toolbar icon grants it); "Deze site altijd scannen" asks for exactly that
// one origin, from the click itself. Chromium's permission prompt cannot be clicked by
// automation: what happens after a real grant (registration, re-registration at start-up,
// revoking) is covered with an in-memory browser in test/unit/extension/permissions/sites.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { EXTENSION_DIR, hostResolverRules } from '../tools/fixture-server.mjs';
import { RAADSVOORSTEL, expect, portalUrl, recordPermissionRequests, screenshot, test as base } from './fixtures';

// The shared launch recipe, plus the one switch that lets CDP press the toolbar button
// (Extensions.triggerAction, which grants activeTab like a real click).
const test = base.extend<{ context: BrowserContext }>({
  context: async ({ fixtureServer, errors }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-perm-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 720 },
      locale: 'nl-NL',
      env: { ...process.env, LANGUAGE: 'nl', LANG: 'nl_NL.UTF-8' },
      args: [
        '--lang=nl',
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--enable-unsafe-extension-debugging',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        `--host-resolver-rules=${hostResolverRules(fixtureServer.port)}`,
      ],
    });
    const watch = (page: Page) => page.on('pageerror', (err) => errors.push({ source: 'pageerror', url: page.url(), text: String(err) }));
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(context);
    await context.close();
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  },
});

declare const chrome: typeof import('wxt/browser').browser;

const UNKNOWN = portalUrl(RAADSVOORSTEL, 'onbekend.example');

/** What a click on the toolbar icon does for the tab showing `url`: grant activeTab. */
async function pressToolbarButton(context: BrowserContext, extensionId: string, url: string) {
  const session = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
  if (!tab) throw new Error(`no tab target for ${url}`);
  await session.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  await session.detach();
}

const measureCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').length);

test('een onbekende site: niets draait, tot "Scan deze pagina" via activeTab', async ({ context, page, extensionId, tabIdFor, openPopup, openPanel, scanMeasure, highlightedTexts, serviceWorker, errors }) => {
  await page.goto(UNKNOWN);
  await page.waitForTimeout(800);
  expect(await measureCount(page)).toBe(0);
  const tabId = await tabIdFor(UNKNOWN);

  // Without the reader's click the extension cannot even read the page.
  const before = await serviceWorker.evaluate(
    (id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => 1 }).then(() => 'ok', (e: unknown) => String(e)),
    tabId,
  );
  expect(before).toMatch(/permission|Cannot access/i);

  await pressToolbarButton(context, extensionId, UNKNOWN);
  const popup = await openPopup(tabId);
  await popup.getByTestId('scan-page').click();
  const scan = await scanMeasure(page);
  expect(scan.matches).toBeGreaterThan(5);
  expect((await highlightedTexts(page)).map((t) => t.toLowerCase())).toContain('cameratoezicht');

  // The generic detector: the page's title, "Webpagina", the PDF links of the content.
  const panel = await openPanel(tabId);
  const meta = panel.getByTestId('document-meta');
  await expect(meta.locator('[data-field="portaal"] dd')).toHaveText('Webpagina');
  await expect(meta.locator('[data-field="titel"] dd')).toContainText('cameratoezicht');

  // What the background sends when the reader takes a site back: the page stops reading at once,
  // its highlights go, and a later click starts a fresh scanner.
  const stopped = await serviceWorker.evaluate(async (id) => {
    const reply = await chrome.tabs.sendMessage(id, { type: 'stop' });
    await chrome.storage.session.remove(`tab:${id}`); // stopRevokedTabs drops the tab's report too
    return reply;
  }, tabId);
  expect(stopped).toEqual({ ok: true, value: true });
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
  await pressToolbarButton(context, extensionId, UNKNOWN);
  const again = await openPopup(tabId);
  await again.getByTestId('scan-page').click();
  await expect.poll(async () => (await highlightedTexts(page)).map((t) => t.toLowerCase())).toContain('cameratoezicht');
  expect(errors).toEqual([]);
});

test('"Deze site altijd scannen" vraagt precies deze ene site, vanuit de klik zelf', async ({ page, tabIdFor, openPopup, errors }) => {
  await page.goto(UNKNOWN);
  const tabId = await tabIdFor(UNKNOWN);
  const popup = await openPopup(tabId);
  const button = popup.getByTestId('always-scan');
  await expect(button).toBeVisible();
  await expect(button).toHaveText('Deze site altijd scannen');
  await screenshot(popup, 'popup-always-scan');

  // Chromium's prompt cannot be answered by automation: record the request instead, with
  // whether it came from a user gesture, and answer "no".
  const requested = await recordPermissionRequests(popup);
  await button.click();
  const requests = await requested();
  expect(requests).toEqual([{ origins: ['http://onbekend.example/*'], gesture: true }]);
  await expect(popup.getByTestId('always-scan-result')).toContainText('Geen toestemming gekregen');
  await screenshot(popup, 'popup-always-scan-denied');
  expect(errors).toEqual([]);
});

test('zonder toestemming wordt niets geregistreerd, en op een bekend portaal is de knop er niet', async ({ page, openScanned, openPopup, serviceWorker, errors }) => {
  // A fresh browser: no grants, so no dynamic content scripts, and no broad host access.
  const registered = await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  expect(registered).toEqual([]);
  const perms = await serviceWorker.evaluate(() => chrome.permissions.getAll());
  expect(perms.origins).not.toContain('<all_urls>');
  expect(perms.origins).not.toContain('https://*/*');
  expect(perms.origins).not.toContain('http://*/*');

  const { tabId } = await openScanned(RAADSVOORSTEL); // a NotuBiz host from the manifest
  const popup = await openPopup(tabId);
  await expect(popup.getByTestId('popup-count')).toBeVisible();
  await expect(popup.getByTestId('always-scan')).toHaveCount(0);
  expect(page.url()).toContain('raadsinformatie.nl');
  expect(errors).toEqual([]);
});

test('een bijlage op een andere site wordt zonder vraag geweigerd; een op de eigen site wordt gevraagd', async ({ context, page, extensionId, tabIdFor, openPopup, openPanel, scanMeasure, errors }) => {
  const url = portalUrl('pages/bijlagen-andere-site.html', 'onbekend.example');
  const own = portalUrl('pdf/raadsvoorstel-3p.pdf', 'onbekend.example');
  const foreign = 'http://bestanden.elders.example/pdf/raadsvoorstel-3p.pdf';
  await page.goto(url);
  const tabId = await tabIdFor(url);
  await pressToolbarButton(context, extensionId, url);
  const popup = await openPopup(tabId);
  await popup.getByTestId('scan-page').click();
  await scanMeasure(page);

  const panel = await openPanel(tabId);
  const attachments = panel.getByTestId('attachments');
  const row = (u: string) => attachments.locator(`[data-testid=pdf-doc][data-url="${u}"]`);
  await expect(row(foreign)).toBeVisible();
  const requested = await recordPermissionRequests(panel);

  await row(foreign).getByTestId('pdf-scan').click();
  const refused = row(foreign).getByTestId('pdf-error');
  await expect(refused).toHaveAttribute('data-kind', 'host-refused');
  await expect(refused).toContainText('bestanden.elders.example');
  await expect(refused).toContainText('andere site dan het portaal');
  // Trying again would refuse again: the row offers no button, only the link.
  await expect(row(foreign).getByTestId('pdf-scan')).toHaveCount(0);
  expect(await requested()).toEqual([]);

  await row(own).getByTestId('pdf-scan').click();
  await expect(row(own).getByTestId('pdf-error')).toHaveAttribute('data-kind', 'permission');
  expect(await requested()).toEqual([{ origins: ['http://onbekend.example/*'], gesture: true }]);
  await panel.setViewportSize({ width: 400, height: 900 });
  await screenshot(panel, 'panel-attachment-other-site');
  expect(errors).toEqual([]);
});
