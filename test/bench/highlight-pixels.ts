// Do two builds paint the same highlights? Pixels of highlighted words on portal pages, in
// Chromium (Playwright) or Firefox ESR (puppeteer over BiDi), with the built extension: the
// raadsvoorstel's words, a word in an open shadow root (the Algoritmeregister page), and a word in
// a colour of the reader's own (settings in storage, as the options page saves them). For each
// word: the screenshot of its box with our highlights, and the same box with the page's highlight
// registry emptied for a moment, so "painted" says whether the highlight shows at all.
// Written for `:root::highlight()` (lib/surface/page/highlight/highlight-rule.ts): Chromium paints
// it like `::highlight()`, Firefox ESR 140 paints nothing with it.
//   RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-x npx wxt build [-b firefox] && …
//   npx tsx test/bench/highlight-pixels.ts chromium|firefox <extension dir> [<extension dir> …]
// RAADSLENS_SCREENSHOT_DIR=<dir>: the clips as PNG there too. The probe itself: test/tools/paint-probe.ts
// (the Firefox smoke checks the shadow-root word and an own colour with it).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Browser as PBrowser } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from '../tools/fixture-server.mjs';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { launchFirefox, openExtensionPage, poll } from '../firefox/firefox';
import { probePaint, type ProbePage } from '../tools/paint-probe';

/** What both drivers' pages offer that this needs. */
interface AnyPage extends ProbePage {
  goto(url: string): Promise<unknown>;
}
interface Target {
  page(): Promise<AnyPage>;
  setSettings(settings: unknown): Promise<void>;
  close(): Promise<void>;
}

const CASES = [
  { what: 'raadsvoorstel', host: 'utrecht.raadsinformatie.nl', path: 'pages/raadsvoorstel-cameratoezicht.html', words: ['cameratoezicht', 'camerabeelden', 'bodycams'] },
  { what: 'shadow root', host: 'algoritmes.overheid.nl', path: 'portals/nl/algoritme/woztaxatiemodellen-gemeente-ede.html', words: ['machine learning'] },
];
/** A reader's own colour for camera terms (as the options page stores it). */
const OWN_COLOUR = {
  version: 1,
  disabledCategories: [],
  ownTerms: [],
  highlight: { mode: 'background', palette: 'standard', colours: { camera: '#2e7d32' } },
};
const UNDERLINE = { ...OWN_COLOUR, highlight: { mode: 'underline', palette: 'high-contrast', colours: {} } };

async function chromiumTarget(dir: string, server: FixtureServer): Promise<Target> {
  const { context, close } = await launchWithExtension({ extensionDir: path.resolve(dir), port: server.port });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    page: async () => (await (context as BrowserContext).newPage()) as unknown as AnyPage,
    setSettings: async (settings) => void (await worker.evaluate((s) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ settings: s as never }), settings)),
    close,
  };
}

async function firefoxTarget(dir: string): Promise<Target> {
  const { firefox } = await launchFirefox(path.resolve(dir));
  let options: Awaited<ReturnType<typeof openExtensionPage>> | undefined;
  return {
    page: async () => (await (firefox as PBrowser).newPage()) as unknown as AnyPage,
    setSettings: async (settings) => {
      options ??= await openExtensionPage(firefox, 'options.html', { width: 800, height: 600 });
      await options.evaluate((s) => browser.storage.local.set({ settings: s }), settings as never);
    },
    close: () => firefox.close(),
  };
}

const hash = (b: Uint8Array) => createHash('sha1').update(b).digest('hex').slice(0, 10);

async function shots(page: AnyPage, word: string, shotDir: string | undefined, label: string): Promise<string> {
  const probe = await probePaint(page, word);
  if (!probe) return `${word}: not highlighted`;
  const { painted, bare, changed } = probe;
  if (shotDir) {
    writeFileSync(path.join(shotDir, `${label}-${word.replace(/\W+/g, '_')}.png`), painted.png);
    writeFileSync(path.join(shotDir, `${label}-${word.replace(/\W+/g, '_')}-bare.png`), bare.png);
  }
  return `${word}: ${hash(painted.pixels)} ${changed ? `painted (${changed} of ${painted.pixels.length / 4} px differ from unpainted)` : 'NOT painted'}`;
}

async function scanned(page: AnyPage, url: string): Promise<void> {
  await page.goto(url);
  await poll(`scan of ${url}`, async () =>
    (await page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').length, null)) > 0 ? true : undefined,
  );
}

const [engine, ...dirs] = process.argv.slice(2);
if ((engine !== 'chromium' && engine !== 'firefox') || dirs.length === 0) {
  console.error('gebruik: npx tsx test/bench/highlight-pixels.ts chromium|firefox <extensiemap> [...]');
  process.exit(2);
}
const shotDir = process.env.RAADSLENS_SCREENSHOT_DIR;
if (shotDir) mkdirSync(shotDir, { recursive: true });
const server = await startFixtureServer();
try {
  for (const [i, dir] of dirs.entries()) {
    const target = engine === 'chromium' ? await chromiumTarget(dir, server) : await firefoxTarget(dir);
    try {
      console.log(`${engine} ${dir}`);
      for (const c of CASES) {
        const page = await target.page();
        await scanned(page, `http://${c.host}:${server.port}/${c.path}`);
        for (const w of c.words) console.log(`  ${c.what.padEnd(14)} ${await shots(page, w, shotDir, `${engine}${i}`)}`);
      }
      for (const [what, settings] of [['own colour', OWN_COLOUR], ['underline, hc', UNDERLINE]] as const) {
        await target.setSettings(settings);
        const page = await target.page();
        await scanned(page, `http://${CASES[0]!.host}:${server.port}/${CASES[0]!.path}`);
        await new Promise((r) => setTimeout(r, 500));
        console.log(`  (page style: ${await page.evaluate(() => [document.adoptedStyleSheets.length, document.querySelectorAll('style#raadslens-highlight-style').length].join('/'), null)})`);
        console.log(`  ${what.padEnd(14)} ${await shots(page, 'cameratoezicht', shotDir, `${engine}${i}-${what.replace(/\W+/g, '')}`)}`);
      }
    } finally {
      await target.close();
    }
  }
} finally {
  await server.close();
}
