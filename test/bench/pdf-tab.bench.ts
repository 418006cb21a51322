// A PDF opened in a tab, as a raadslid opens a NotuBiz motie: how long from opening the side panel
// until its results per page are shown, and how much of that is the panel's own fetch + read
// (the `raadslens:pdf-scan` measure). The repository's 3-page raadsvoorstel at a NotuBiz address,
// and the real Den Haag motie when ../shared/real is present. Printed figures, not assertions.
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/pdf-tab.bench.ts
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { clearPdfCache } from '../tools/pdf-cache';
import { realCaptures } from '../tools/real-captures.mjs';
import { median, ROOT, summary } from './corpus';

const ROUNDS = Number(process.env.BENCH_LOADS ?? 7);
const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));

const motie = realCaptures().find((c) => c.file === 'pdf/denhaag-motie-15518187-gezichtsherkenning-cameras.pdf');
const CASES = [
  { name: 'raadsvoorstel 3 p.', url: 'http://utrecht.raadsinformatie.nl/document/90001/1/Raadsvoorstel++Cameratoezicht+en+slimme+sensoren' },
  ...(motie ? [{ name: 'real motie 1 p.', url: `http://${motie.host}${motie.pathAndQuery}` }] : []),
];

interface Reading {
  /** Panel navigation start → the PDF's results in the panel. */
  shownMs: number;
  /** The panel's fetch + read of the PDF (raadslens:pdf-scan). */
  scanMs: number;
  firstPageMs: number;
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  for (;;) {
    const id = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One round: the PDF in a fresh tab, then a fresh panel on it; the panel notes when the results appear. */
async function readOnce(context: BrowserContext, extensionId: string, url: string): Promise<Reading> {
  const tab = await context.newPage();
  await tab.goto('http://utrecht.raadsinformatie.nl/pages/lege-pagina.html');
  await tab.evaluate((u) => (location.href = u), url).catch(() => {});
  while (tab.url() !== url) await new Promise((r) => setTimeout(r, 20));
  const tabId = await tabIdOf(context, url);
  const panel: Page = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  // Noted by the page itself (a MutationObserver from the start), so the bench's polling adds nothing.
  await panel.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid=pdf-tab][data-state=done]')) return;
      (window as unknown as { __shown: number }).__shown = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, undefined, { timeout: 60_000, polling: 200 });
  const reading = await panel.evaluate(() => {
    const m = performance.getEntriesByName('raadslens:pdf-scan', 'measure')[0] as PerformanceMeasure | undefined;
    return { shownMs: (window as unknown as { __shown: number }).__shown, scanMs: m?.duration ?? NaN, firstPageMs: (m?.detail as { firstPageMs?: number } | undefined)?.firstPageMs ?? NaN };
  });
  await panel.close();
  await tab.close();
  return reading;
}

declare const chrome: typeof import('wxt/browser').browser;

const server = await startFixtureServer();
const browser = await launchWithExtension({ extensionDir, port: server.port });
try {
  const sw = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  console.log(`${ROUNDS} rounds per document (after one to warm up), each a fresh tab and a fresh panel, stored results cleared in between`);
  for (const c of CASES) {
    const runs: Reading[] = [];
    // One round first to warm the browser's caches of the extension's own files.
    await readOnce(browser.context, extensionId, c.url);
    for (let i = 0; i < ROUNDS; i++) {
      // A stored result would skip the read: forget it between rounds.
      await sw.evaluate(async () => chrome.storage.local.clear());
      await clearPdfCache(sw);
      runs.push(await readOnce(browser.context, extensionId, c.url));
    }
    const shown = median(runs.map((r) => r.shownMs));
    const scan = median(runs.map((r) => r.scanMs));
    const first = median(runs.map((r) => r.firstPageMs));
    console.log(
      `${c.name.padEnd(20)} panel open → results ${shown.toFixed(0)} ms (min ${Math.min(...runs.map((r) => r.shownMs)).toFixed(0)}), fetch + read ${scan.toFixed(0)} ms, first page ${first.toFixed(0)} ms`,
    );
    summary('pdf-tab', `${c.name}: panel open → results`, shown, 'ms', 'median; includes loading pdf.js');
    summary('pdf-tab', `${c.name}: fetch + read`, scan, 'ms', 'median, raadslens:pdf-scan');
  }
} finally {
  await browser.close();
  await server.close();
}
