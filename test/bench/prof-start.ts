// Diagnostic (not part of npm run bench): where the content script's time goes on the meeting page
// of start.bench.ts, from V8's sampling profiler over several loads, attributed to our source files
// through the build's sourcemap. The page has no script of its own: every sample in content.js is
// Raadslens (evaluation, scan, report). Sampled wall time: on a busy machine compare shares, not ms.
// Since the matching runs in the background, the page's profile has no matcher in it: the
// background's matcher time for the page (the scan measure's matchOffMs) is printed beside it.
// Run: RAADSLENS_MEASURE=1 RAADSLENS_SOURCEMAP=1 RAADSLENS_OUT_DIR=.output-map npx wxt build &&
//      RAADSLENS_EXTENSION_DIR=.output-map/chrome-mv3 npx tsx test/bench/prof-start.ts [loads]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { ROOT } from './corpus';
import { meetingPage, MEETING_HOST, MEETING_PATH } from './meeting-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-map', 'chrome-mv3'));
const LOADS = Number(process.argv[2] ?? 4);
const map = new SourceMapConsumer(JSON.parse(readFileSync(join(extensionDir, 'content-scripts', 'content.js.map'), 'utf8')));
const root = mkdtempSync(join(os.tmpdir(), 'raadslens-prof-start-'));
writeFileSync(join(root, 'meeting.html'), meetingPage(36));
writeFileSync(join(root, 'routes.json'), JSON.stringify({ [MEETING_PATH]: { file: 'meeting.html', type: 'text/html; charset=utf-8' } }));
const server = await startFixtureServer({ root });
const { context, close } = await launchWithExtension({ extensionDir, port: server.port });
const url = `http://${MEETING_HOST}${MEETING_PATH}`;
const byFunction = new Map<string, number>();
/** Inclusive: a sample counts for the first phase (in this order) any frame of its stack belongs to. */
const PHASES: Array<[string, RegExp]> = [
  ['matcher build (rules unpacked, patterns folded, automaton)', /^lib\/core\/(match\/(automaton|compile)\.ts:\d+ (buildAutomaton|compileMatchSets|compileMatchFunction|makeResolver)|analyse\/scanner\.ts:\d+ createScanner|rules\/(match-rules-pack|builtin-scan)\.ts)/],
  ['settings (storage round-trips, policy)', /^lib\/extension\/settings\//],
  ['gemeente detection', /^lib\/surface\/page\/portals\/gemeente/],
  ['portal detection, meta, attachments', /^lib\/surface\/page\/portals\//],
  ['report compose (found, reading windows, packing)', /^lib\/(surface\/page\/session\/report\.ts|core\/questions\/|extension\/messages\/match-table)/],
  ['report send (serialise, sendMessage)', /^lib\/extension\/messages\/send-background/],
  ['matching (fold + automaton run + resolve)', /^lib\/core\/(match|analyse)\//],
  ['walk (blocks, text index, ranges)', /^lib\/surface\/page\/scan\//],
  ['paint (highlights)', /^lib\/surface\/page\/highlight\//],
  ['measures (MEASURE build only)', /^lib\/surface\/page\/session\/measure\.ts/],
  ['other of ours (session, scheduler, top level)', /^(lib|entrypoints)\/|^content\.js/],
  ['garbage collector', /^\(\(garbage collector\)\)/],
];
const byPhase = new Map<string, number>();
/** The background's matcher time per load (the scan measure's matchOffMs; absent in a build that matches in the page). */
const offMs: number[] = [];
try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url); // warm-up
  await page.waitForTimeout(2000);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  for (let run = 0; run < LOADS; run++) {
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForTimeout(2500);
    offMs.push(
      await page.evaluate(() => {
        const m = performance.getEntriesByName('raadslens:scan', 'measure')[0] as PerformanceMeasure | undefined;
        return Number((m?.detail as { phases?: { matchOffMs?: number } } | undefined)?.phases?.matchOffMs ?? NaN);
      }),
    );
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes as Array<ProfileNode & { children?: number[] }>) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = (f: ProfileNode['callFrame']) => {
      let key = f.functionName ? `(${f.functionName})` : '(anonymous)';
      if (f.url.endsWith('content.js')) {
        const o = f.lineNumber >= 0 ? map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber }) : null;
        key = o?.source ? `${o.source.replace(/^(\.\.\/)+/, '').replace(/^.*?\b(lib|entrypoints|node_modules)\//, '$1/')}:${o.line} ${o.name ?? f.functionName}` : 'content.js (top level)';
      } else if (f.url) key = `${key} ${f.url.slice(0, 50)}`;
      return key;
    };
    const keys = new Map<number, string>();
    const key = (id: number) => keys.get(id) ?? (keys.set(id, keyOf(nodes.get(id)!.callFrame)), keys.get(id)!);
    profile.samples.forEach((id, i) => {
      const ms = profile.timeDeltas[i]! / 1000 / LOADS;
      byFunction.set(key(id), (byFunction.get(key(id)) ?? 0) + ms);
      const stack: string[] = [];
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.push(key(n));
      const phase = PHASES.find(([, re]) => stack.some((k) => re.test(k)))?.[0];
      if (phase) byPhase.set(phase, (byPhase.get(phase) ?? 0) + ms);
    });
  }
} finally {
  await close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
const byFile = new Map<string, number>();
for (const [key, ms] of byFunction) {
  const file = key.startsWith('(') ? key : key.split(':')[0]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, 'npm:$1');
  byFile.set(file, (byFile.get(file) ?? 0) + ms);
}
const table = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
console.log(`\nThe background's matcher time for the page (work moved off the page, not in the samples below): ${offMs.map((v) => v.toFixed(1)).join(', ')} ms per load`);
console.log(`\nSampled time per load by phase (inclusive; a sample counts once, for the first phase of the list its stack reaches):\n${table(byPhase, 20)}`);
console.log(`\nSampled time per load of ${url} (${LOADS} loads), by file:\n${table(byFile, 25)}\n\nby function:\n${table(byFunction, 30)}\n`);
