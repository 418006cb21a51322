// Diagnostic (issue 17, target 3): which of content.js' functions the first scan on the meeting
// page of start.bench.ts calls, from V8's precise coverage (function granularity) of a fresh
// renderer, and how many bytes of the script lie in functions never called (their own bodies,
// nested functions counted apart), by source file. With `//# allFunctionsCalledOnLoad` (see
// wxt.config.ts) every byte is compiled at evaluation; the uncalled bytes are compile work this
// page does not need (another portal's page calls other detectors).
//   RAADSLENS_MEASURE=1 RAADSLENS_SOURCEMAP=1 RAADSLENS_OUT_DIR=.output-map npx wxt build &&
//   RAADSLENS_EXTENSION_DIR=.output-map/chrome-mv3 npx tsx test/bench/start-coverage.ts
// START_COVERAGE_OUT=file.json writes the functions (offsets, count, own bytes) for experiments.
//
// What it said (b0fcd77, Chromium 150): 614 functions; called 339 with 72,457 B of their own (the
// top level's 25 KB included), never called 275 with 36,071 B (33 %). The largest uncalled parts:
// the reader's actions (re-anchoring a note: reanchor.ts + approx-string-match 4.4 KB, describe,
// sentence, shape, node-lookup, document-surface, page-surface's scroll/show 3 KB), other portals'
// detectors (gemeenteoplossingen, notubiz, officielebekendmakingen, lokaleregelgeving, parlaeus,
// generic: 2.9 KB), frames (frame-scanner 2.2 KB), the settings' other paths (content-read 2.1 KB),
// the <mark> fallback (mark-elements 1.5 KB). What making them cheap can gain, measured with
// start-breakdown.ts on hand-made variants of that build (5 loads each, load 3–11):
//   - the upper bound, every uncalled body emptied (78.6 KB left): compile at evaluation 11.1 →
//     8.0 ms, busy in a fresh renderer 32.7 → 29.7 ms; the same renderer unchanged (no compile);
//   - eager only what this page calls, the rest lazy (the file-level hint dropped, the called
//     function declarations made parenthesised expressions, V8's eager hint; methods and arrow
//     functions cannot carry it): compile 7.0 at evaluation + 4.8 later = 11.8 ms against 10.6,
//     busy 34.0 against 31.8 ms: worse, the called methods and arrows then compile one by one;
//   - no hint at all: 5.4 + 7.5 = 12.9 ms compile, busy 35.0 ms (the hint's own measurement).
// So within one file the file-level hint is the cheapest way found, and what cold code costs is at
// most ≈ 3 ms of a fresh renderer's ≈ 32 ms; a realistic split (the reader's actions, ≈ 9 KB)
// ≈ 1 ms.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { ROOT } from './corpus';
import { meetingPage, MEETING_HOST, MEETING_PATH } from './meeting-page';

interface Fn { functionName: string; ranges: Array<{ startOffset: number; endOffset: number; count: number }> }

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-map', 'chrome-mv3'));
const file = join(extensionDir, 'content-scripts', 'content.js');
const code = readFileSync(file, 'utf8');
const map = existsSync(`${file}.map`) ? new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null;
const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
const sourceAt = (offset: number) => {
  if (!map) return 'content.js';
  const line = lineStarts.findLastIndex((s) => s <= offset);
  const o = map.originalPositionFor({ line: line + 1, column: offset - lineStarts[line]! });
  return o.source ? o.source.replace(/^(\.\.\/)+/, '').replace(/^.*?\b(lib|entrypoints|node_modules)\//, '$1/') : '(geen bron)';
};

const root = mkdtempSync(join(os.tmpdir(), 'raadslens-start-coverage-'));
writeFileSync(join(root, 'meeting.html'), meetingPage(36));
writeFileSync(join(root, 'routes.json'), JSON.stringify({ [MEETING_PATH]: { file: 'meeting.html', type: 'text/html; charset=utf-8' } }));
const server = await startFixtureServer({ root });
const { context, close } = await launchWithExtension({ extensionDir, port: server.port });
try {
  const page = await context.newPage();
  await page.goto(server.url('meeting.html'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await page.goto(`http://${MEETING_HOST}${MEETING_PATH}`, { waitUntil: 'load' });
  await page.waitForTimeout(2500);
  const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as { result: Array<{ url: string; functions: Fn[] }> };
  const script = result.find((s) => s.url.endsWith('/content-scripts/content.js'));
  if (!script) throw new Error('content.js niet in de coverage');
  // Each function's own bytes: its range less the ranges of the functions nested in it.
  const fns = script.functions.map((f) => ({ name: f.functionName, start: f.ranges[0]!.startOffset, end: f.ranges[0]!.endOffset, count: f.ranges[0]!.count }));
  fns.sort((a, b) => a.start - b.start || b.end - a.end);
  const own = fns.map((f) => ({ ...f, own: f.end - f.start }));
  for (const f of own) {
    const parent = own.filter((p) => p !== f && p.start <= f.start && p.end >= f.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (parent) parent.own -= f.end - f.start;
  }
  if (process.env.START_COVERAGE_OUT) writeFileSync(process.env.START_COVERAGE_OUT, JSON.stringify(own));
  const called = own.filter((f) => f.count > 0);
  const uncalled = own.filter((f) => f.count === 0);
  const bytes = (xs: typeof own) => xs.reduce((s, f) => s + f.own, 0);
  console.log(`${file}: ${code.length} B, ${own.length} functions (the script's top level included)`);
  console.log(`  called:   ${called.length} functions, ${bytes(called)} B of their own`);
  console.log(`  uncalled: ${uncalled.length} functions, ${bytes(uncalled)} B of their own`);
  const bySource = new Map<string, [number, number]>();
  for (const f of own) {
    const s = sourceAt(f.start);
    const v = bySource.get(s) ?? [0, 0];
    v[f.count > 0 ? 0 : 1] += f.own;
    bySource.set(s, v);
  }
  console.log('\n  by source file, bytes in called / uncalled functions (uncalled first):');
  for (const [s, [c, u]] of [...bySource].sort((a, b) => b[1][1] - a[1][1]).slice(0, 40)) console.log(`  ${String(c).padStart(7)} ${String(u).padStart(7)}  ${s}`);
} finally {
  await close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
