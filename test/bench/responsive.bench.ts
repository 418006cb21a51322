// How long the page waits for its turn while Raadslens scans a page of 100,000 text nodes: a chain
// of the page's own zero-delay timers (test/e2e/page-ticker.ts) notes when it runs, and the
// longest gap between two ticks is the longest the page could not run anything. Beside it the
// same page from a host that is not a portal (Raadslens does not run): the page's own longest
// wait while it loads, in the same browser, alternating. The e2e test checks only that the page
// gets turns during the scan (counts); the times belong here, printed, never asserted.
// Run: RAADSLENS_EXTENSION_DIR=.output/chrome-mv3 npx tsx test/bench/responsive.bench.ts
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { installTicker, ticksIn } from '../e2e/page-ticker';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { median, ROOT, summary } from './corpus';

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PATH = 'generated/100k-nodes.html';

interface Run {
  /** Longest wait of the page between its own ticks, from navigation to the end of the scan (or load + 1 s). */
  longestWait: number;
  /** With Raadslens: the scan's wall time, busy time, and the page's ticks and longest wait inside it. */
  scan?: { wall: number; busy: number; inside: number; longestWait: number };
}

async function load(page: Page, url: string, scanned: boolean): Promise<Run> {
  await page.goto(url, { waitUntil: 'load' });
  let end: number;
  let scan: Run['scan'];
  if (scanned) {
    await page.waitForFunction(() => performance.getEntriesByName('raadslens:scan', 'measure').length > 0, undefined, { polling: 250, timeout: 120_000 });
    const m = await page.evaluate(() => {
      const e = performance.getEntriesByName('raadslens:scan', 'measure').at(-1)! as PerformanceMeasure;
      return { start: e.startTime, end: e.startTime + e.duration, busy: Number((e.detail as { busyMs?: number }).busyMs ?? NaN) };
    });
    const inside = await ticksIn(page, m.start, m.end);
    scan = { wall: m.end - m.start, busy: m.busy, inside: inside.inside, longestWait: inside.longestGap };
    end = m.end;
  } else {
    await page.waitForTimeout(1000);
    end = await page.evaluate(() => performance.now());
  }
  const whole = await ticksIn(page, 0, end);
  return { longestWait: whole.longestGap, scan };
}

const server = await startFixtureServer();
const browser = await launchWithExtension({ extensionDir, port: server.port });
try {
  const withExt: Run[] = [];
  const without: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const scanned of i % 2 ? [false, true] : [true, false]) {
      const page = await browser.context.newPage();
      await installTicker(page);
      const run = await load(page, scanned ? `http://utrecht.raadsinformatie.nl/${PATH}` : server.url(PATH), scanned);
      (scanned ? withExt : without).push(run);
      await page.close();
    }
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  const scans = withExt.map((r) => r.scan!);
  console.log(`100,000 text nodes, ${RUNS} loads each, alternating (medians; max in brackets):`);
  console.log(`  Raadslens scan: wall ${ms(median(scans.map((s) => s.wall)))}, busy ${ms(median(scans.map((s) => s.busy)))}, page ticks inside ${median(scans.map((s) => s.inside))}`);
  console.log(`  longest wait of the page during the scan:        ${ms(median(scans.map((s) => s.longestWait)))} (${ms(Math.max(...scans.map((s) => s.longestWait)))})`);
  console.log(`  longest wait, load + scan, with Raadslens:       ${ms(median(withExt.map((r) => r.longestWait)))} (${ms(Math.max(...withExt.map((r) => r.longestWait)))})`);
  console.log(`  longest wait, load, without Raadslens:           ${ms(median(without.map((r) => r.longestWait)))} (${ms(Math.max(...without.map((r) => r.longestWait)))})`);
  summary('responsive', 'longest page wait during the scan', median(scans.map((s) => s.longestWait)), 'ms', '100k text nodes, median');
  summary('responsive', 'page’s own longest wait, no Raadslens', median(without.map((r) => r.longestWait)), 'ms', 'same page, load');
  summary('responsive', 'page ticks during the scan', median(scans.map((s) => s.inside)), '', 'more = shorter slices');
} finally {
  await browser.close();
  await server.close();
}
