// Playwright fixtures for Raadslens: a real Chromium with the built extension (.output/chrome-mv3),
// a fresh profile per test, and the portal hosts mapped to a loopback server for test/fixtures/.
// Recipe: /work/shared/research/wxt-spike.md ("Playwright launch").
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, chromium } from '@playwright/test';
import type { BrowserContext, Frame, Locator, Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import {
  EXTENSION_DIR,
  PROJECT_ROOT,
  startFixtureServer,
} from '../tools/fixture-server.mjs';
import { chromiumArgs } from '../tools/extension-browser.mjs';
import type { FixtureServer } from '../tools/fixture-server.mjs';

// `chrome` exists inside sw.evaluate / page.evaluate callbacks, which run in the browser.
declare const chrome: WxtBrowser;

export { expect };

/** Detail of the `raadslens:scan` performance measure written by the content script. */
export interface ScanDetail {
  chars: number;
  nodes: number;
  matches: number;
  [key: string]: unknown;
}

export interface CollectedError {
  source: 'console' | 'pageerror' | 'weberror' | 'worker';
  url: string;
  text: string;
}

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');
export const RAADSVOORSTEL = 'pages/raadsvoorstel-cameratoezicht.html';

/** http://<host>/<path>: the host-resolver MAP sends it to the fixture server (port included). */
export function portalUrl(pagePath: string, host = 'utrecht.raadsinformatie.nl'): string {
  return `http://${host}/${pagePath.replace(/^\//, '')}`;
}

interface WorkerFixtures {
  fixtureServer: FixtureServer;
}

interface TestFixtures {
  /** The browser's UI language, which chrome.i18n follows (needs Debian's chromium-l10n for nl). */
  uiLanguage: 'nl' | 'en';
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Console errors, uncaught page errors and worker errors of this test, from every page. */
  errors: CollectedError[];
  /** Every URL any page of the context requested (for the "nothing leaves the machine" check). */
  requestedUrls: string[];
  tabIdFor: (url: string) => Promise<number>;
  openPanel: (tabId: number) => Promise<Page>;
  openPopup: (tabId?: number) => Promise<Page>;
  /**
   * The tab's report as the background keeps it once whole: a report's panel-only parts stay in
   * its page until an extension page reads it (lib/extension/background/complete.ts), so a popup
   * for the tab is opened (and closed) to have it completed, as a reader's click would.
   */
  wholeReport: (tabId: number) => Promise<Record<string, any>>;
  scanMeasure: (page: Page, timeout?: number) => Promise<ScanDetail>;
  highlightedTexts: (page: Page) => Promise<string[]>;
  /** Opens a portal page in `page`, waits for its scan, and finds its tab id. */
  openScanned: (pagePath?: string, host?: string) => Promise<{ tabId: number; scan: ScanDetail }>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fixtureServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  errors: async ({}, use) => {
    await use([]);
  },

  requestedUrls: async ({}, use) => {
    await use([]);
  },

  uiLanguage: ['nl', { option: true }],

  context: async ({ fixtureServer, errors, requestedUrls, uiLanguage }, use, testInfo) => {
    if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`${EXTENSION_DIR}/manifest.json ontbreekt: run \`RAADSLENS_MEASURE=1 npx wxt build\` first`);
    }
    // The tests wait for the content script's raadslens:scan measures, which a store build lacks.
    if (!readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'content.js'), 'utf8').includes('raadslens:scan')) {
      throw new Error(`${EXTENSION_DIR} is een winkelbuild zonder metingen: bouw met \`RAADSLENS_MEASURE=1 npx wxt build\``);
    }
    const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-e2e-'));
    if (uiLanguage === 'nl' && !existsSync('/usr/lib/chromium/locales/nl.pak') && !process.env.CHROMIUM_PATH) {
      throw new Error('Debian Chromium without Dutch: apt-get install chromium-l10n (see .ci/run)');
    }
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 720 },
      // A Dutch browser by default, as a raadslid has. chrome.i18n follows the UI language, which
      // Chromium on Linux takes from LANGUAGE (--lang is for Windows/macOS; both are set).
      locale: uiLanguage === 'nl' ? 'nl-NL' : 'en-US',
      env: { ...process.env, LANGUAGE: uiLanguage, LANG: uiLanguage === 'nl' ? 'nl_NL.UTF-8' : 'en_US.UTF-8' },
      args: chromiumArgs({ extensionDir: EXTENSION_DIR, port: fixtureServer.port, lang: uiLanguage }),
    });

    const watchPage = (page: Page) => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push({ source: 'console', url: page.url(), text: msg.text() });
      });
      page.on('pageerror', (err) => errors.push({ source: 'pageerror', url: page.url(), text: String(err) }));
    };
    const watchWorker = (worker: Worker) => {
      worker.on('console', (msg) => {
        if (msg.type() === 'error') errors.push({ source: 'worker', url: worker.url(), text: msg.text() });
      });
    };
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
    context.serviceWorkers().forEach(watchWorker);
    context.on('serviceworker', watchWorker);
    context.on('weberror', (e) => errors.push({ source: 'weberror', url: e.page()?.url() ?? '', text: String(e.error()) }));
    context.on('request', (r) => requestedUrls.push(r.url()));

    await use(context);

    // A failure on CI is known only from its log: what each page showed then says more than a
    // timed-out locator (run-all prints this beside the error).
    if (testInfo.status !== testInfo.expectedStatus) {
      const shown = await Promise.all(
        // The extension's own pages first: they are what a failing assertion mostly looks at.
        [...context.pages()].sort((a, b) => Number(b.url().startsWith('chrome-extension:')) - Number(a.url().startsWith('chrome-extension:'))).map(async (p) => {
          const text = await p
            .evaluate(() => document.body?.innerText ?? '')
            .catch((e: unknown) => `(niet te lezen: ${String(e)})`);
          return `${p.url()}\n${text.replace(/\s+/g, ' ').trim().slice(0, 4000)}`;
        }),
      );
      await testInfo.attach('pages-at-failure', { body: shown.join('\n\n'), contentType: 'text/plain' });
    }
    if (errors.length > 0) {
      await testInfo.attach('errors', { body: JSON.stringify(errors, null, 2), contentType: 'application/json' });
    }
    await context.close();
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  },

  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker');
    await use(sw);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  tabIdFor: async ({ context, serviceWorker }, use) => {
    await use(async (url: string) => {
      let tabId: number | undefined;
      await expect
        .poll(
          async () => {
            // The MV3 worker may have been restarted since the fixture was set up.
            const sw = context.serviceWorkers()[0] ?? serviceWorker;
            tabId = await sw.evaluate(
              async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
              url,
            );
            return tabId;
          },
          { message: `tab with url ${url}` },
        )
        .toBeDefined();
      return tabId as number;
    });
  },

  openPanel: async ({ context, extensionId }, use) => {
    await use(async (tabId: number) => {
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 400, height: 900 });
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel;
    });
  },

  openPopup: async ({ context, extensionId }, use) => {
    await use(async (tabId?: number) => {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return popup;
    });
  },

  wholeReport: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (tabId: number) => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      let report: Record<string, any> | undefined;
      await expect
        .poll(async () => {
          const sw = context.serviceWorkers()[0] ?? serviceWorker;
          report = await sw.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as Record<string, any> | undefined, tabId);
          return !!report && !('pending' in report);
        }, { message: `whole report of tab ${tabId}` })
        .toBe(true);
      await popup.close();
      return report!;
    });
  },

  scanMeasure: async ({}, use) => {
    await use(async (page: Page, timeout = 10_000) => {
      let details: ScanDetail[] = [];
      await expect
        .poll(
          async () => {
            details = await page.evaluate(() =>
              performance
                .getEntriesByName('raadslens:scan', 'measure')
                .map((e) => (e as PerformanceMeasure).detail as ScanDetail),
            );
            return details.length;
          },
          { message: 'performance measure "raadslens:scan"', timeout },
        )
        .toBeGreaterThan(0);
      return details[details.length - 1] as ScanDetail;
    });
  },

  openScanned: async ({ page, scanMeasure, tabIdFor }, use) => {
    await use(async (pagePath = RAADSVOORSTEL, host?: string) => {
      const url = portalUrl(pagePath, host);
      await page.goto(url);
      const scan = await scanMeasure(page);
      return { tabId: await tabIdFor(url), scan };
    });
  },

  highlightedTexts: async ({}, use) => {
    await use((page: Page) => rangeTexts(page));
  },
});

/**
 * The texts of the ranges in one highlight (by its full name), or in all of them. The scanner
 * paints StaticRanges, which have no toString: they are read through a live Range.
 */
export function rangeTexts(target: Page | Frame, name?: string): Promise<string[]> {
  return target.evaluate((n) => {
    const rangeText = (r: AbstractRange) => {
      const x = document.createRange();
      x.setStart(r.startContainer, r.startOffset);
      x.setEnd(r.endContainer, r.endOffset);
      return x.toString();
    };
    const highlights = n === undefined ? [...CSS.highlights.values()] : [CSS.highlights.get(n)].filter((h) => h !== undefined);
    return highlights.flatMap((h) => [...h]).map(rangeText);
  }, name);
}

/** Opens a collapsed match group (a <details>) as a reader would: by clicking its summary. */
export async function expandGroup(group: Locator): Promise<void> {
  const isOpen = await group.evaluate((el) => (el instanceof HTMLDetailsElement ? el.open : true));
  if (!isOpen) await group.locator('summary').first().click();
}

/** test-results/screenshots/<name>.png of what the viewport shows (for a person to look at). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Selects the first occurrence of `text` in the page's main content, as the reader would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.querySelector('main, article') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(needle);
      if (i === -1) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + needle.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not found: ${needle}`);
  }, text);
}

/**
 * Chromium's permission prompt cannot be answered by automation: replaces
 * chrome.permissions.request in `page` by a recorder that answers "no". The returned function
 * reads what was asked for, and whether the request came from a user gesture.
 */
export async function recordPermissionRequests(page: Page): Promise<() => Promise<Array<{ origins: string[]; gesture: boolean }>>> {
  await page.evaluate(() => {
    const w = window as unknown as { requests: Array<{ origins: string[]; gesture: boolean }> };
    w.requests = [];
    chrome.permissions.request = ((p: { origins?: string[] }) => {
      w.requests.push({ origins: p.origins ?? [], gesture: navigator.userActivation.isActive });
      return Promise.resolve(false);
    }) as typeof chrome.permissions.request;
  });
  return () => page.evaluate(() => (window as unknown as { requests: Array<{ origins: string[]; gesture: boolean }> }).requests);
}
