// Portal scanning in a real Chromium with the built extension: printed figures, no assertions
// (machines differ). Three measurements, each beside a reference from the same run:
//   1. initial scan of a 20,000-node agenda page (reference: a bare DOM walk + substring search
//      for ten terms in the page's own JavaScript, no Dutch rules, no highlights);
//   2. 100 incremental appends of one agenda item each: the re-scan cost per append, first 10
//      against last 10 (flat = proportional to the change), beside what one full rescan of the
//      page costs at the start and at the end (what a rescan-everything design pays per append);
//   3. heap after 100 SPA navigations against the start (CDP HeapProfiler.collectGarbage +
//      Runtime.getHeapUsage), beside the same navigations in a browser without the extension.
// Run: RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-bench npx wxt build && RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 node test/bench/portals.bench.mjs
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { EXTENSION_DIR, FIXTURES_ROOT, hostResolverRules, startFixtureServer } from '../tools/fixture-server.mjs';

const HOST = 'utrecht.bestuurlijkeinformatie.nl';
const SPA_HOST = 'openbesluitvorming.nl';
const APPENDS = 100;
const WARMUP = 20;
const NAVIGATIONS = Number(process.env.RAADSLENS_BENCH_NAVIGATIONS ?? 100);

/** An iBabs-like meeting page with `items` agenda items of 9 DOM nodes each (2,222 → 20,000 nodes). */
function agendaPage(items) {
  const parts = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeenteraad (groot)</title></head><body>',
    '<header class="site-header"><nav><a href="#">Vergaderingen</a></nav></header><div id="content"><main><h1 class="meeting-title">Gemeenteraad</h1><ol class="agenda-items">',
  ];
  for (let i = 1; i <= items; i++) {
    const topic = i % 25 === 0 ? 'het cameratoezicht en de bodycams' : 'de begroting';
    parts.push(
      `<li class="agenda-item"><h3 class="agenda-item-title">${i}. Agendapunt</h3><p>Bespreking van ${topic} in de commissie.</p><ul class="documents"><li><a href="/Document/View/${i}">Bijlage ${i}</a></li></ul></li>`,
    );
  }
  parts.push('</ol></main></div><footer>Postbus</footer></body></html>');
  return parts.join('');
}

async function launch(extensionDir, port) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'raadslens-portals-bench-'));
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    `--host-resolver-rules=${hostResolverRules(port)}`,
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    locale: 'nl-NL',
    env: { ...process.env, LANGUAGE: 'nl' },
    args,
  });
  let extensionId = null;
  if (extensionDir) {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionId = new URL(sw.url()).host;
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const measures = (page) =>
  page.evaluate(() =>
    performance.getEntriesByName('raadslens:scan', 'measure').map((e) => ({ duration: e.duration, ...e.detail })),
  );

async function waitForMeasures(page, count, timeout = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const list = await measures(page);
    if (list.length >= count) return list;
    if (Date.now() - t0 > timeout) throw new Error(`no scan measure #${count} after ${timeout} ms`);
    await page.waitForTimeout(5);
  }
}

/** A summary line for test/bench/run.mjs (`npm run bench`). */
const figure = (name, value, unit, note) => console.log(`BENCH\t${JSON.stringify({ bench: 'portals', name, value, unit, note })}`);
const avg = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const ms = (x) => `${x.toFixed(2)} ms`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(2)} MB`;

async function tabIdOf(context, url) {
  const [sw] = context.serviceWorkers();
  return sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
}

/** A full rescan through the content script's 'rescan' request, as the panel asks for it. */
async function fullRescan(context, extensionId, page, url) {
  const tabId = await tabIdOf(context, url);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  const before = (await measures(page)).length;
  await ext.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'rescan' }), tabId);
  const list = await waitForMeasures(page, before + 1);
  await ext.close();
  return list.at(-1);
}

async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function spaNavigations(context, withExtension) {
  const page = await context.newPage();
  const url = `http://${SPA_HOST}/portals/openbesluitvorming/index.html`;
  await page.goto(url);
  if (withExtension) await waitForMeasures(page, 1);
  else await page.waitForSelector('main');
  // Warm up (compiled code, inline caches, lazily created objects) before the baseline.
  for (let i = 0; i < WARMUP; i++) {
    const id = String((i % 3) + 1);
    const before = withExtension ? (await measures(page)).length : 0;
    await page.click(`a[data-doc="${id}"]`);
    await page.waitForFunction((d) => new URLSearchParams(location.search).get('doc') === d && !!document.querySelector('.document-view h1'), id);
    if (withExtension) await waitForMeasures(page, before + 1);
  }
  await page.waitForTimeout(500);
  const start = await heapUsed(page);
  for (let i = 0; i < NAVIGATIONS; i++) {
    const id = String((i % 3) + 1);
    const before = withExtension ? (await measures(page)).length : 0;
    await page.click(`a[data-doc="${id}"]`);
    await page.waitForFunction((d) => new URLSearchParams(location.search).get('doc') === d && !!document.querySelector('.document-view h1'), id);
    if (withExtension) await waitForMeasures(page, before + 1);
  }
  await page.waitForTimeout(500);
  const end = await heapUsed(page);
  const highlights = withExtension ? await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)) : 0;
  await page.close();
  return { start, end, highlights };
}

async function main() {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.error(`${EXTENSION_DIR}/manifest.json ontbreekt: bouw eerst (RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-bench npx wxt build)`);
    process.exit(2);
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'raadslens-portals-fixtures-'));
  cpSync(path.join(FIXTURES_ROOT, 'portals'), path.join(root, 'portals'), { recursive: true });
  mkdirSync(path.join(root, 'bench'));
  writeFileSync(path.join(root, 'bench', 'agenda-20k.html'), agendaPage(2222));
  const server = await startFixtureServer({ root });
  console.log(`Raadslens portal benchmarks (Chromium, ${os.cpus().length} cores; extension ${EXTENSION_DIR})\n`);
  const withExt = await launch(EXTENSION_DIR, server.port);
  try {
    // 1. Initial scan of a 20,000-node page.
    const url = `http://${HOST}/bench/agenda-20k.html`;
    const page = await withExt.context.newPage();
    await page.goto(url);
    const [first] = await waitForMeasures(page, 1);
    const reference = await page.evaluate(() => {
      const terms = ['camera', 'bodycam', 'algoritme', 'sensor', 'drone', 'wifi', 'gezicht', 'kenteken', 'profilering', 'cloud'];
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
      const parts = [];
      let nodes = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        parts.push(n.data);
        nodes++;
      }
      const text = parts.join('\n').toLowerCase();
      let hits = 0;
      for (const term of terms) for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) hits++;
      const ms = performance.now() - t0;
      const all = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      let domNodes = 0;
      while (all.nextNode()) domNodes++;
      return { ms, nodes, hits, domNodes };
    });
    console.log(`1. Initial scan, agenda page of ${reference.domNodes} DOM nodes`);
    console.log(`   Raadslens:  ${ms(first.busyMs)} work in ${ms(first.duration)} wall (time-sliced); ${first.nodes} text nodes, ${first.chars} chars, ${first.matches} matches`);
    figure('initial scan, 20,000 DOM nodes (work)', first.busyMs, 'ms', `${first.matches} matches; bare walk ${reference.ms.toFixed(1)} ms`);
    console.log(`   reference:  ${ms(reference.ms)} bare TreeWalker + indexOf of 10 terms (${reference.nodes} text nodes, ${reference.hits} raw hits, no rules/highlights)\n`);

    // 2. 100 incremental appends.
    const fullBefore = await fullRescan(withExt.context, withExt.extensionId, page, url);
    const costs = [];
    for (let i = 0; i < APPENDS; i++) {
      const before = (await measures(page)).length;
      await page.evaluate((n) => {
        const li = document.createElement('li');
        li.className = 'agenda-item';
        li.innerHTML = `<h3 class="agenda-item-title">${3000 + n}. Nagekomen agendapunt</h3><p>Motie over gezichtsherkenning en sensoren (${n}).</p><ul class="documents"><li><a href="/Document/View/x${n}">Bijlage</a></li></ul>`;
        document.querySelector('.agenda-items').append(li);
      }, i);
      const list = await waitForMeasures(page, before + 1);
      const m = list.at(-1);
      costs.push({ busy: m.busyMs, report: m.reportMs, chars: m.changedChars, nodes: m.changedNodes, incremental: m.incremental });
    }
    const fullAfter = await fullRescan(withExt.context, withExt.extensionId, page, url);
    const head = costs.slice(0, 10);
    const tail = costs.slice(-10);
    console.log(`2. ${APPENDS} appends of one agenda item each (incremental re-scan: index + match + paint of the changed blocks)`);
    console.log(`   first 10:   ${ms(avg(head.map((c) => c.busy)))} per append (avg ${avg(head.map((c) => c.chars)).toFixed(0)} chars, ${avg(head.map((c) => c.nodes)).toFixed(1)} nodes re-indexed)`);
    console.log(`   last 10:    ${ms(avg(tail.map((c) => c.busy)))} per append (avg ${avg(tail.map((c) => c.chars)).toFixed(0)} chars, ${avg(tail.map((c) => c.nodes)).toFixed(1)} nodes re-indexed)`);
    console.log(`   all ${APPENDS}:     ${costs.filter((c) => c.incremental).length} incremental, max ${ms(Math.max(...costs.map((c) => c.busy)))}`);
    console.log(`   tab report: ${ms(avg(head.map((c) => c.report)))} first 10, ${ms(avg(tail.map((c) => c.report)))} last 10 (composed after each scan; grows with the number of matches, not of nodes)`);
    figure('append re-scan, first 10 (avg)', avg(head.map((c) => c.busy)), 'ms', `full rescan ${fullBefore.busyMs.toFixed(1)} ms`);
    figure('append re-scan, last 10 (avg)', avg(tail.map((c) => c.busy)), 'ms', `full rescan ${fullAfter.busyMs.toFixed(1)} ms`);
    console.log(`   reference:  full rescan ${ms(fullBefore.busyMs)} before the appends, ${ms(fullAfter.busyMs)} after (${fullAfter.nodes} nodes, ${fullAfter.matches} matches)\n`);
    await page.close();

    // 3. Heap after 100 SPA navigations.
    const ext = await spaNavigations(withExt.context, true);
    console.log(`3. Heap after ${NAVIGATIONS} SPA navigations (openbesluitvorming fixture, ${WARMUP} warm-up navigations, GC forced)`);
    figure(`heap growth after ${NAVIGATIONS} SPA navigations`, (ext.end / ext.start - 1) * 100, '%', `${mb(ext.start)} → ${mb(ext.end)}`);
    console.log(`   Raadslens:  ${mb(ext.start)} → ${mb(ext.end)} (${((ext.end / ext.start - 1) * 100).toFixed(1)}%), ${ext.highlights} highlight ranges at the end`);
  } finally {
    await withExt.close();
  }
  const bare = await launch(null, server.port);
  try {
    const ref = await spaNavigations(bare.context, false);
    console.log(`   reference:  ${mb(ref.start)} → ${mb(ref.end)} (${((ref.end / ref.start - 1) * 100).toFixed(1)}%) without the extension`);
  } finally {
    await bare.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
