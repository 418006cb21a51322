// Issue 17, target 3: the content script's start on the meeting page (detection and the first
// walk, start-page.entry.ts) as a page script of two or more checkouts, loaded alternately in one
// tab, so each runs as in a renderer that has its code compiled already and nothing else warm
// (start-breakdown.ts' "same renderer"), without the extension's messaging and scheduling around
// it. Main-thread CPU per run (Performance.getMetrics ThreadTime, the script's injection
// included) and its parts by performance.now (wall, 0.1 ms steps); the result of every checkout
// must be the same, or it says so. Give one checkout twice to see the noise.
//   npx tsx test/bench/start-page-ab.ts /work/wt/a /work/wt/b   (BENCH_RUNS loads each, default 30)
//
// What it said (Chromium 150, 2 shared cores, load 10–14; a283140 → 0d4b33b):
//   - detection 1.60/1.70/1.70/1.85 → 1.30–1.40 ms: the gemeenten' slug index per first letter
//     (gemeenten.ts); the chrome queries 0.9, the walk 4–5.5, the attachments 0.7 ms;
//   - the same code gives walk medians of 3.2 to 5.8 ms from run to run (and main-thread CPU
//     16–19.5 ms): below ≈ 1 ms a change in the walk does not show on this machine now.
// The extension itself, a283140 against 0d4b33b (start-breakdown.ts, 6 alternating pairs of 5 loads,
// load 8–14 then 1–5): same renderer busy 15.5/14.8/15.0/14.6/15.9/15.4 against
// 14.2/15.8/13.9/14.8/15.2/15.0 ms (medians 15.2 and 14.9), fresh 32.7–34.5 against 33.0–36.8 ms:
// the 0.3 ms are below that tool's spread; same-renderer phases (wall) detect 4.1–7.4 against
// 4.4–7.1, walk 3.9–8.7 against 3.8–8.8 ms.
// Detection's parts in the extension itself (same renderer, performance.measure around each in a
// measuring build, 12 loads, wall, load 12–13): the detector 0.0, the main content 0.2, the
// metadata 0.4 (the title 0.2), the gemeente 0.6 (before 0d4b33b), the attachment links 0.3,
// classifyPage 0.4, the portal's chrome query 0.2, the CHROME_CANDIDATES query 0.7 ms: 2.9 in all,
// the phase detect of that run. Nothing is done twice there: no innerText, no getComputedStyle or
// other layout read, textOf stops at its limit, no regex over the page's whole text, and each
// query over the main content (chrome, candidates, a[href]) runs once.
// Where the walk goes (V8 sampling profile of this script, 30 loads, profiler overhead in it):
// walkChildren 2.7, actionFor 2.3, tagKind 1.0, TextCollector.text 1.0, skipsByKind 0.4,
// enterBlock 0.3 ms a load: the walk's own code per node, interpreted and then tiering up
// (start-breakdown.ts), no single DOM call.
// Tried and not kept:
//   - the walk reading `hidden` and `contenteditable` only of the elements one query found (with
//     the chrome candidates): hasAttribute and getAttribute left the profile (≈ 1.7 ms sampled),
//     the walk did not get faster (5.0 against 4.7/5.1 ms here; start-breakdown.ts same renderer
//     busy 13.8/15.6/14.1 against 15.8/14.1 ms, load 10–15), +68 B gzip;
//   - one query for the portal's chrome and the candidates: queries 0.9 → 0.9 ms;
//   - each agenda item's group named once for all its links: attachments 0.70 → 0.70 ms;
//   - the settings' structuredClone: its first call in a fresh context is ≤ 0.1 ms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { compiledGemeentenModule } from '../../lib/surface/page/portals/gemeenten-list';
import { hostResolverRules, startFixtureServer } from '../tools/fixture-server.mjs';
import { median, ROOT } from './corpus';
import { meetingPage, MEETING_HOST, MEETING_PATH } from './meeting-page';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM = 3;
const checkouts = process.argv.slice(2).map((d) => resolve(d));
if (checkouts.length === 0) throw new Error('geef een of meer checkouts');

const bundle = async (dir: string) => {
  const out = await build({
    entryPoints: [join(ROOT, 'test', 'bench', 'start-page.entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    alias: { '@': dir },
    // The extension build's list of gemeenten (wxt.config.ts), not the zod-checked JSON.
    plugins: [{ name: 'gemeenten', setup: (b) => b.onLoad({ filter: /gemeenten-list\.ts$/ }, () => ({ contents: compiledGemeentenModule(), loader: 'js' })) }],
  });
  return out.outputFiles[0]!.text;
};

const codes = await Promise.all(checkouts.map(bundle));
const root = mkdtempSync(join(os.tmpdir(), 'raadslens-start-page-'));
writeFileSync(join(root, 'meeting.html'), meetingPage(36));
writeFileSync(join(root, 'routes.json'), JSON.stringify({ [MEETING_PATH]: { file: 'meeting.html', type: 'text/html; charset=utf-8' } }));
const server = await startFixtureServer({ root });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [`--host-resolver-rules=${hostResolverRules(server.port)}`] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadMs = async () => 1000 * ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);
  const rows: Array<Array<Record<string, number>>> = checkouts.map(() => []);
  const results = checkouts.map(() => new Set<string>());
  for (let i = 0; i < WARM + RUNS; i++) {
    // Each in turn first: a load after another checkout's may pay for its garbage.
    for (let j = 0; j < checkouts.length; j++) {
      const k = (i + j) % checkouts.length;
      await page.goto(`http://${MEETING_HOST}${MEETING_PATH}`);
      const c0 = await threadMs();
      await page.addScriptTag({ content: codes[k] });
      const cpu = (await threadMs()) - c0;
      const { ms, result } = await page.evaluate(() => (window as unknown as { startPage: { ms: Record<string, number>; result: string } }).startPage);
      results[k]!.add(result);
      if (i >= WARM) rows[k]!.push({ 'main-thread CPU': cpu, ...ms });
    }
  }
  console.log(`median of ${RUNS} loads each, alternating; load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  const same = new Set(results.flatMap((r) => [...r])).size === 1;
  checkouts.forEach((dir, k) => {
    const keys = Object.keys(rows[k]![0]!);
    console.log(`  ${dir}: ${keys.map((key) => `${key} ${median(rows[k]!.map((r) => r[key]!)).toFixed(2)}`).join(', ')}`);
  });
  console.log(same ? '  results: the same' : '  results: DIFFER');
} finally {
  await browser.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
