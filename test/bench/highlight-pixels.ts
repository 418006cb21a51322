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
// RAADSLENS_SCREENSHOT_DIR=<dir>: the clips as PNG there too.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { Browser as PBrowser } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from '../tools/fixture-server.mjs';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { launchFirefox, openExtensionPage, poll } from '../firefox/firefox';

interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** What both drivers' pages offer that this needs. */
interface AnyPage {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  screenshot(): Promise<Uint8Array>;
}
/** Playwright's PNG codec (pngjs), so both drivers give a plain viewport picture that is cut here. */
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
  PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer }; write(p: unknown): Buffer } };
};
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

/** The clip's pixels (RGBA rows) out of a viewport screenshot, and that clip as a PNG. */
function cut(shot: Uint8Array, clip: Clip): { pixels: Buffer; png: Buffer } {
  const img = PNG.sync.read(Buffer.from(shot));
  const x0 = Math.max(0, clip.x);
  const y0 = Math.max(0, clip.y);
  const w = Math.min(img.width - x0, clip.width);
  const h = Math.min(img.height - y0, clip.height);
  const pixels = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) img.data.copy(pixels, y * w * 4, ((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4);
  const out = new (PNG as unknown as new (o: { width: number; height: number }) => { data: Buffer })({ width: w, height: h });
  pixels.copy(out.data);
  return { pixels, png: PNG.sync.write(out) };
}

/** The box of the first highlighted range whose text is `word` (shadow roots included), in page pixels. */
function boxOf(page: AnyPage, word: string): Promise<Clip | null> {
  return page.evaluate((w) => {
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('raadslens-')) continue;
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        if (x.toString().toLowerCase() !== w) continue;
        (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const b = x.getBoundingClientRect();
        return { x: Math.floor(b.left) - 2, y: Math.floor(b.top) - 2, width: Math.ceil(b.width) + 4, height: Math.ceil(b.height) + 6 };
      }
    }
    return null;
  }, word);
}

async function shots(page: AnyPage, word: string, shotDir: string | undefined, label: string): Promise<string> {
  const clip = await boxOf(page, word);
  if (!clip) return `${word}: not highlighted`;
  await new Promise((r) => setTimeout(r, 300));
  const painted = cut(await page.screenshot(), clip);
  // The registry emptied for a moment: the same box unpainted.
  await page.evaluate(() => {
    const g = globalThis as unknown as { __saved?: Array<[string, Highlight]> };
    g.__saved = [...CSS.highlights];
    CSS.highlights.clear();
  }, null);
  await new Promise((r) => setTimeout(r, 300));
  const bare = cut(await page.screenshot(), clip);
  await page.evaluate(() => {
    const g = globalThis as unknown as { __saved?: Array<[string, Highlight]> };
    for (const [n, h] of g.__saved ?? []) CSS.highlights.set(n, h);
  }, null);
  if (shotDir) {
    writeFileSync(path.join(shotDir, `${label}-${word.replace(/\W+/g, '_')}.png`), painted.png);
    writeFileSync(path.join(shotDir, `${label}-${word.replace(/\W+/g, '_')}-bare.png`), bare.png);
  }
  let changed = 0;
  for (let i = 0; i < painted.pixels.length; i += 4) if (painted.pixels.readUInt32LE(i) !== bare.pixels.readUInt32LE(i)) changed++;
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
