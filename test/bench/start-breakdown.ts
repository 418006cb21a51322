// Where Raadslens' time on the meeting page of start.bench.ts goes (issue 17, target 3), by kind,
// from a trace of the page's main thread with V8's compile and GC events: the compile of
// content.js at its evaluation, the lazy compiles of the functions the first scan calls, garbage
// collection, the script's own running, and the style/layout/paint the page does more with us
// than without. Thread time (trace thread clock), medians over several loads. Two kinds of load:
//   - fresh: each load in a renderer process of its own (a load of another site in between, as
//     start.bench.ts alternates), what a reader meets on the first page of a portal;
//   - same: the same page loaded again in the same renderer (the next page of the same portal):
//     V8 finds content.js in its isolate's compilation cache and compiles nothing, and the code
//     that ran on the last page is warm.
// Chromium injects a content script as an inline script (no streaming, no code cache on disk:
// the v8.compile event says notStreamedReason "inline script" and consumes no cache), so the only
// cache is that isolate's, which a fresh renderer does not have.
// Other builds may be given to compare, e.g. floors made from a build by hand (copy its
// chrome-mv3, then change content.js): the same script inside `if (globalThis.x) { … }` (its
// parse and preparse only), that plus the extension and DOM APIs the scan touches, and the same
// without the manifest's CSS.
//   RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-bench npx wxt build &&
//   npx tsx test/bench/start-breakdown.ts [extension dir ...]   (BENCH_RUNS loads each, default 5)
// START_BREAKDOWN_CALLS=1 also lists the script's slices by the function the browser called
// (a callback, a timer, a reply), named through the build's sourcemap when it has one
// (RAADSLENS_SOURCEMAP=1): thread time per load, fresh and same renderer.
// The phases (detect, walk, match, ranges, paint; report) are the scan measure's, wall clock and
// with the lazy compiles of their code in them; a build without RAADSLENS_MEASURE has none.
//
// What it said (Chromium 150, 2 shared cores, load 4–8; f42de77, before the compile hint):
//   fresh 38.2 ms busy = compile 13.8 (5.7 at evaluation for 105 KB: parse + preparse; 8.1 later
//   for the 321 of 592 functions the first scan calls) + GC 2.0 + running 22.2; same 15.4 ms =
//   running 14.3 + GC 1.1, no compile. Running is 8 ms more in a fresh renderer than in a warm
//   one with no compile in it: cold (interpreted, no type feedback) code and first use of the DOM
//   and extension APIs in the isolated world. Phases, same renderer (wall): detect 4.7, walk 5.7,
//   match 2.1 (the page's side), report 1.6, send 1.1, setup 0.5, evaluation 1.5.
//   What Raadslens adds beyond its slices (≈ 9 ms): style 2.6–3.0 (UpdateLayoutTree), PrePaint
//   1.6, Paint 1.8 (the highlights), the rest the injection and messaging.
// The floors (same tool, 5 loads; fresh / same renderer):
//   - content.js parsed, nothing run: 4.4 / 0.1 ms busy (its compile 4.3: ≈ 41 µs per KB);
//   - that plus chrome.runtime/storage and the DOM APIs the scan touches (tree walker, ranges,
//     CSS highlights, MutationObserver, performance marks): 7.2 / 1.4 ms;
//   - the manifest's CSS (3.3 KB, ::highlight() rules) alone: +2.6 ms of style on every page it
//     matches, whether or not anything is highlighted (floor with it 2.7, without it 0.2). The
//     cost is the ::highlight() rules (only they: 2.5–3.5; the mark rules 0.2): each element
//     resolves them. Written `:root::highlight(…)`, 0.3 ms, and Chromium 150 paints the same
//     pixels (highlight styles inherit from the root). Shipped for Chromium only (Firefox ESR 140
//     paints nothing with it: test/bench/highlight-pixels.ts): 3 A/B pairs of 5 loads, load 3–10,
//     "more UpdateLayoutTree with us" 2.2/2.8/2.7 → 0.4/0.3/0.3 ms, all main-thread tasks in the
//     same renderer 58.5/58.3/54.8 → 53.5/49.9/51.8 ms.
// Floors again with the compile hint (b0fcd77, Chromium 150, 5 loads, load 3–9; fresh / same):
//   - content.js (108 KB) inside `if (globalThis.x) { … }`, the hint kept: 11.2 / 0.1 ms busy, all
//     of it the compile at evaluation (11.0): the hint compiles every function, run or not;
//   - a content script that only registers a message listener: 0.7 / 0.3 ms;
//   - the build itself in the same runs: 32.7 / 14.9 ms (compile 11.1, GC 1.8, running 19.8 fresh;
//     running 13.7, GC 0.8 same). Cold code and per-function hints: start-coverage.ts.
// Tried and not kept: the gemeente index (sampled at 2.3 ms in a fresh renderer under load 16)
// with slugOf as a character loop for ASCII names instead of normalize + three regexes: no faster
// cold (12 fresh Node processes each, load 13–14: median 0.71 against 0.58 ms for the whole index).
// Nothing of this size class, compiled eagerly, gets under 10 ms in a fresh renderer before it
// runs a line; the nearest honest target there is ≈ 30 ms (the compile of the code a scan needs,
// ≈ 8 ms, plus its cold run), and ≤ 10 ms stays a target for the same renderer's ≈ 14 ms.
// So ≤ 10 ms busy in a fresh renderer would leave ≈ 3 ms for compiling and running the first
// scan's code (the compile alone is 8–11 ms now); in a warm renderer it needs ≈ 5 ms less work.
// The reader's actions out of content.js (start17: reanchor + approx-string-match, describe,
// sentence, the page as a surface, built as content-scripts/reader.js and injected at the first
// request for one): content.js 109,124 → 101,414 B (store build 108,463 → 100,749 B, gzip -9
// 39,973 → 36,983 B). Three A/B runs in the same period (Chromium 156, load 18–28; 5, 5 and 10
// loads; main / start17): compile at evaluation 12.7/11.7/12.0 → 11.5/12.1/11.4 ms (≈ −0.6, the
// 7 % fewer bytes), busy fresh 32.2/30.1/32.2 → 30.1/30.4/32.8, same 13.2/13.2/12.9 →
// 14.1/13.5/13.9 ms: below the spread. The floors in the second run: make-floor.mjs 5.3 / 3.2 ms
// busy (fresh / same); a content script of one statement with the manifest's CSS 0.2 / 0.1 ms
// busy, 1.1 ms of main-thread work added. Raadslens' same-renderer ≈ 13 ms is ≈ 10 above that floor.
// The report's details on request (the portal's facts, attachment names, documentsLater and the
// safeguards' reading made when an extension page reads the report; Chromium 156, 4 alternating
// pairs of 5 loads, load 9–12; main baa5878 first): same renderer busy 16.1/15.0/19.6/16.0 →
// 13.4/12.3/12.6/13.1 ms (medians 16.05 → 12.85), fresh 39.1/37.0/43.1/35.7 → 39.6/34.6/31.6/32.3;
// same-renderer phases (wall) detect 7.4/8.9/10.5/4.8 → 2.4/2.2/2.3/2.7, report 1.5/1.6/2.2/1.5 →
// 0.4 in each, send 0.7/2.0/1.5/2.8 → 0.6/0.4/0.4/1.1, walk 8.9/6.6/8.5/8.7 → 12.7/5.7/6.3/9.2.
// Left above 10 ms (≈ 3 ms of 12.85), in the same runs: the top level 1.5–2.1 ms (thread), GC
// 0.7–1.2; by phase (wall, loaded machine) the walk 5.7–12.7, the page's side of matching
// 2.2–3.8 (its replies turned into block data and ranges), detection 2.2–2.7 (main content, the
// two chrome queries, the links, classifyPage), setup 0.4–0.7: the walk is the next step.
// Same renderer, where it goes (detection and walk bundled as a page script over this page,
// reloaded in one tab, the first call after each load timed; wall, load 1–4): detection is
// ≈ 1.5 ms (gemeente table 0.7 — 0.3 when built at build time, not kept: +1.1 KB gzip put content.js over 40 KB; metadata 0.5,
// classifyPage 0.3, the main content 0.2, the links 0.2), the two chrome queries 1.0 (the
// CHROME_CANDIDATES query alone 0.7–0.8, warm too: its 18 case-insensitive substring selectors
// over every element), and the first walk (BlockIndex.build) 3.5–5.5 ms against 0.7–0.9 warm.
// The walk's excess is V8's tier-up: with --js-flags=--no-maglev the same first walk takes 2.0 ms
// (5.4 with it, 12 loads each), --no-maglev-osr 4.2; --trace-opt shows ≈ 13 Maglev jobs in that
// first walk (walkChildren OSR and again whole, actionFor, the exclude closures, the sinks' text,
// lineBreak, enterBlock…). A cut there means fewer, flatter hot functions in the walk; a first
// try (actionFor's helpers written out, one exclude closure) did not show in this tool's thread
// time (same renderer 15.9/16.3 against 15.1/13.8 ms before, load 8–10), so it was not kept.
// A leaner walk (walk17: one text() for every sink, no super call or stack read per text node,
// the options read once per walk; 4 alternating pairs of 5 loads, main ad641b9 first, then the
// other order; Chromium 150, load 11–16): same renderer busy 14.0/16.2/13.5/13.4 (median 13.75)
// against 14.4/13.8/13.7/12.5 (13.75), fresh 33.2/36.3/32.3/31.6 against 32.8/32.1/34.9/44.9;
// walk phase (same, wall) 14.4/11.6/7.2/9.8 against 4.2/10.4/15.8/8.7. Below this tool's spread:
// the cut shows only in the 1 MB page's cold walk (walk-ab.ts, thread time, least 30.5 → 29.0 ms,
// about 1 ms in 30 there, so ≈ 0.05 ms on this page). The walk of this page is cold code: its
// wall time is the interpreter and V8's tier-up, not the work per node. The details the panel
// may ask for hold no copy of any text: a report's segments keep a reference to each block's
// text, the string the walk built for the matcher (report.ts segmentsOf); the walk code did not
// change between baa5878 and ad641b9, so the walk phase's 4.3–5.5 → 5.9–7.8 ms there was noise.
// Not merged: no gain this tool can see, and the 1 MB scan and the 100,000-node page were not
// re-measured quietly (branch walk17, 4a72055).
// The rules unpacked when read (cold17: unpackPageRules, a group's terms on first read, the weak
// terms' ids at once; 6 alternating pairs of 5 loads, main 980f27b first in 3, load 12–20): setup
// (same renderer, wall) 0.5/0.5/0.8/0.5/0.6/0.5 → 0.3/0.3/0.4/0.3/0.3/0.2 ms; same renderer busy
// 11.5/12.1/12.8/12.5/16.1/14.2 (median 12.65) against 12.4/13.6/15.2/13.5/14.6/11.7 (13.55): the
// ±2.5 ms between runs of one build hides a 0.25 ms cut. The floor (make-floor.mjs) in the first of
// those runs: 3.0 ms same renderer, 4.4 fresh, GC 0. Not merged (branch cold17, 15235cf): no gain the
// total can show, for 117 B of the 306 B left under the 40 KB gzip budget.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { median, ROOT } from './corpus';
import { meetingPage, MEETING_HOST, MEETING_PATH } from './meeting-page';
import { unionMs, urlOf, type TraceEvent } from './trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SETTLE_MS = 2000;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.gc', 'blink.user_timing'];
const STYLE = /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|ParseAuthorStyleSheet|Commit)$/;

type Row = Record<string, number>;

async function tracedLoad(page: Page, cdp: CDPSession, url: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/** The page's main-thread events (thread clock) from its navigation on. */
function mainThread(events: TraceEvent[], url: string): TraceEvent[] {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '') === url);
  if (!parse) throw new Error(`geen ParseHTML van ${url} in de trace`);
  const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain')?.tid ?? parse.tid;
  const since = events.find((e) => e.pid === parse.pid && e.name === 'ResourceSendRequest')?.ts ?? parse.ts;
  return events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X' && typeof e.tdur === 'number' && typeof e.tts === 'number' && e.ts >= since);
}

const span = (e: TraceEvent): [number, number] => [e.tts!, e.tts! + e.tdur!];
const within = (outer: TraceEvent[]) => (e: TraceEvent) => outer.some((o) => e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0));

/** Styling and the like, by name (ms), for the page with or without us. */
function styling(on: TraceEvent[]): Row {
  const row: Row = {};
  for (const e of on) if (STYLE.test(e.name)) row[e.name] = (row[e.name] ?? 0) + e.tdur! / 1000;
  return row;
}

function breakdown(on: TraceEvent[]): Row {
  const ours = on.filter((e) => urlOf(e).startsWith('chrome-extension://') && /^(EvaluateScript|FunctionCall|v8\.compile)$/.test(e.name));
  const micro = on.filter((e) => e.name === 'RunMicrotasks' || e.name === 'v8.runMicrotasks');
  const inOurs = within([...ours, ...micro]);
  const sum = (pred: (e: TraceEvent) => boolean) => unionMs(on.filter((e) => pred(e) && inOurs(e)).map(span));
  const evaluation = on.filter((e) => e.name === 'EvaluateScript' && urlOf(e).startsWith('chrome-extension://'));
  const inEval = within(evaluation);
  const compiles = (e: TraceEvent) => e.name === 'V8.CompileScript' || e.name === 'V8.CompileCode';
  const row: Row = {
    'Raadslens busy (its slices, merged)': unionMs([...ours, ...micro].map(span)),
    'evaluation of content.js (top level run, its compiles included)': unionMs(evaluation.map(span)),
    '  compile at evaluation (parse, preparse of the rest, eager functions)': sum((e) => compiles(e) && inEval(e)),
    'callbacks and microtasks (their compiles included)': unionMs([...ours, ...micro].filter((e) => e.name !== 'EvaluateScript' && e.name !== 'v8.compile').map(span)),
    '  compile later (lazy: functions the first scan calls)': sum((e) => compiles(e) && !inEval(e)),
    'functions compiled (count, lazily or eagerly)': on.filter((e) => e.name === 'V8.CompileCode' && inOurs(e)).length,
    'garbage collection in our slices': sum((e) => /^(MinorGC|MajorGC)$/.test(e.name)),
    'all main-thread tasks': unionMs(on.filter((e) => e.name === 'RunTask').map(span)),
  };
  row['running our code (busy − compile − GC)'] =
    row['Raadslens busy (its slices, merged)']! - sum((e) => compiles(e) || /^(MinorGC|MajorGC)$/.test(e.name));
  return row;
}

/** The script's slices (FunctionCall) by the function called, named through `map` when there is one. */
function calls(on: TraceEvent[], map: SourceMapConsumer | null): Row {
  const row: Row = {};
  for (const e of on) {
    if (e.name !== 'FunctionCall' || !urlOf(e).startsWith('chrome-extension://')) continue;
    const d = (e.args?.data ?? {}) as { functionName?: string; lineNumber?: number; columnNumber?: number };
    // The trace's positions are 1-based lines and 1-based columns.
    const o = map && d.lineNumber ? map.originalPositionFor({ line: d.lineNumber, column: Math.max(0, (d.columnNumber ?? 1) - 1) }) : null;
    const at = o?.source ? `${o.source.replace(/^(\.\.\/)+/, '')}:${o.line}` : `content.js:${d.lineNumber}:${d.columnNumber}`;
    const key = `call ${o?.name ?? d.functionName ?? '?'} ${at}`;
    row[key] = (row[key] ?? 0) + e.tdur! / 1000;
  }
  return row;
}

async function phases(page: Page): Promise<Row> {
  return page.evaluate(() => {
    const row: Record<string, number> = {};
    const scan = performance.getEntriesByName('raadslens:scan', 'measure')[0] as PerformanceMeasure | undefined;
    const d = scan?.detail as { busyMs?: number; reportMs?: number; phases?: Record<string, number> } | undefined;
    if (!d) return row;
    for (const k of ['detectMs', 'walkMs', 'matchMs', 'rangesMs', 'paintMs']) row[`phase ${k.replace(/Ms$/, '')} (wall)`] = Number(d.phases?.[k] ?? NaN);
    row['phase report (wall)'] = Number(d.reportMs ?? NaN);
    for (const name of ['raadslens:setup', 'raadslens:send']) {
      const m = performance.getEntriesByName(name, 'measure') as PerformanceMeasure[];
      if (m.length) row[`${name.slice(10)} (wall)`] = m.reduce((s, x) => s + x.duration, 0);
    }
    return row;
  });
}

async function main() {
  const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [join(ROOT, '.output-bench', 'chrome-mv3')];
  const root = mkdtempSync(join(os.tmpdir(), 'raadslens-start-breakdown-'));
  writeFileSync(join(root, 'meeting.html'), meetingPage(36));
  writeFileSync(join(root, 'routes.json'), JSON.stringify({ [MEETING_PATH]: { file: 'meeting.html', type: 'text/html; charset=utf-8' } }));
  const server = await startFixtureServer({ root });
  const withUrl = `http://${MEETING_HOST}${MEETING_PATH}`;
  const bareUrl = server.url('meeting.html');
  try {
    for (const dir of dirs.map((d) => resolve(d))) {
      const { context, close } = await launchWithExtension({ extensionDir: dir, port: server.port });
      try {
        const page = await context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        const cdp = await context.newCDPSession(page);
        const mapFile = join(dir, 'content-scripts', 'content.js.map');
        const map = process.env.START_BREAKDOWN_CALLS && existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;
        const withCalls = (on: TraceEvent[]): Row => (process.env.START_BREAKDOWN_CALLS ? { ...breakdown(on), ...calls(on, map) } : breakdown(on));
        await tracedLoad(page, cdp, withUrl); // warm-up: the browser's and the worker's first start
        const fresh: Row[] = [];
        const same: Row[] = [];
        const bare: Row[] = [];
        for (let i = 0; i < RUNS; i++) {
          const b = mainThread(await tracedLoad(page, cdp, bareUrl), bareUrl);
          const w = mainThread(await tracedLoad(page, cdp, withUrl), withUrl);
          const row = { ...withCalls(w), ...(await phases(page)) };
          const sw = styling(w);
          const sb = styling(b);
          for (const k of new Set([...Object.keys(sw), ...Object.keys(sb)])) row[`more ${k} with us (with − without)`] = (sw[k] ?? 0) - (sb[k] ?? 0);
          row['all main-thread tasks, without us'] = unionMs(b.filter((e) => e.name === 'RunTask').map(span));
          row['added (with − without)'] = row['all main-thread tasks']! - row['all main-thread tasks, without us']!;
          fresh.push(row);
          bare.push(sb);
          // Once more in the same renderer: V8's compilation cache of that isolate.
          same.push({ ...withCalls(mainThread(await tracedLoad(page, cdp, withUrl), withUrl)), ...(await phases(page)) });
        }
        const med = (rows: Row[], k: string) => median(rows.map((r) => r[k] ?? (k.startsWith('call ') ? 0 : NaN)).filter((v) => !Number.isNaN(v)));
        const all = [...new Set([...fresh, ...same].flatMap((r) => Object.keys(r)))];
        const callKeys = all.filter((k) => k.startsWith('call ')).sort((a, b) => med(fresh, b) - med(fresh, a)).slice(0, 25);
        const keys = [...all.filter((k) => !k.startsWith('call ') && fresh.some((r) => k in r)), ...callKeys];
        console.log(`\n${dir}: median of ${RUNS} loads; thread time unless marked wall; load ${(await import('node:os')).loadavg().map((v) => v.toFixed(2)).join(' ')}`);
        console.log(`${''.padEnd(66)} ${'fresh'.padStart(8)} ${'same'.padStart(8)}`);
        for (const k of keys) {
          const s = same.some((r) => k in r) ? med(same, k).toFixed(1) : '';
          console.log(`  ${k.padEnd(64)} ${med(fresh, k).toFixed(1).padStart(8)} ${s.padStart(8)}`);
        }
      } finally {
        await close().catch(() => {});
      }
    }
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
