// What the PDF viewer's own reading of its PDF (the checklist kept with a note's document,
// lib/surface/pdf/viewer-assess.ts) costs the viewer page's main thread, in Chromium: the meeting's
// longest document (./meeting-pdfs.ts, the 450-page report) opened in the viewer, traced, and the
// viewer's main-thread tasks counted from the moment its last page is in (body[data-extracted])
// for WINDOW_MS: their number, busy time and the longest. The extraction before it (pdf.js'
// pages for the text layer, as before this reading) is printed apart. Per browser the first open is
// cold (nothing compiled, the worker's first load), the next ones warm. With a second build
// (RAADSLENS_EXTENSION_DIR_B) the browsers alternate A, B, A, B… in the same period.
// RAADSLENS_EXTENSION_DIR=.output/chrome-mv3 [RAADSLENS_EXTENSION_DIR_B=…] [BENCH_ROUNDS=2] [BENCH_OPENS=3] npx tsx test/bench/viewer-assess.ts
//
// record23 (commit 1df63a0), reading in the viewer's thread, in Node (setImmediate as the task),
// load 7.9: cold busy 2,482 ms in 540 tasks, longest 251 ms; warm busy 407–738 ms, longest 15–24 ms.
// viewer24, this bench, 2 rounds x 3 opens, 12 s window, load 5–8.6:
// - A viewer24 (reading in the viewer's extraction worker): last page → checklist 0.7–2.4 s; till
//   then busy 39–115 ms in 120–365 tasks (one cold open 2,123), longest 11–24 ms (cold 13–24); the
//   worker 1.0–2.4 s.
//   Whole window: busy 62–212 ms, longest 14–56 ms; the two over 50 ms (52, 56 ms, 2 of 8 warm
//   opens) are major GCs 5–11 s after the checklist.
// - B record23 (reading in the viewer's thread): busy 843–1,522 ms in 533–650 tasks, longest
//   50–125 ms; over 50 ms: 5 tasks in 2 cold opens, 9 in 4 warm (script, not only GC).
// - B main (no reading): busy 5–141 ms, longest 3–53 ms: the same major GC after the extraction
//   of 450 pages (40–53 ms) comes without any reading.
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { ROOT } from './corpus';
import { AGENDA_HOST, meetingDocs, meetingPdf } from './meeting-pdfs';
import { traced, type TraceEvent } from './trace';

const dirs = [process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3'), process.env.RAADSLENS_EXTENSION_DIR_B].filter((d): d is string => !!d).map((d) => resolve(d));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const OPENS = Number(process.env.BENCH_OPENS ?? 3);
/** After the last page: long enough for the reading in either thread, under load. */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 12_000);

const docs = meetingDocs(40, 2000);
const index = docs.reduce((best, d, i) => (d.pages > docs[best]!.pages ? i : best), 0);
const doc = docs[index]!;
const pdf = Buffer.from(meetingPdf(doc, index + 1));
const server = await startFixtureServer({
  handle(_req, res, url) {
    if (url.pathname + url.search !== doc.path) return false;
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'cache-control': 'no-store' });
    res.end(pdf);
    return true;
  },
});
const pdfUrl = `http://${AGENDA_HOST}${doc.path}`;

interface Open {
  /** Tasks on the viewer's main thread from the last page in, for WINDOW_MS. */
  tasks: number;
  busyMs: number;
  longestMs: number;
  /** Over 50 ms in that window. */
  over50: number;
  /** Last page in → the reading's result (body[data-assessed]; absent in a build without it). */
  assessedMs: number | null;
  /** The same counts up to the result (+100 ms: its drawing and the record's write), where it is marked. */
  reading: { tasks: number; busyMs: number; longestMs: number } | null;
  /** Busy time of the viewer's workers in the window (the reading's worker, pdf.js' idle one). */
  workerMs: number;
  /** The extraction before it (navigation → last page in): longest task, for comparison. */
  extractLongestMs: number;
}

async function openOnce(page: Page, extensionId: string): Promise<Open> {
  const cdp = await page.context().newCDPSession(page);
  const viewer = `chrome-extension://${extensionId}/pdf-viewer.html?file=${encodeURIComponent(pdfUrl)}`;
  const events = await traced(cdp, async () => {
    await page.goto(viewer);
    await page.waitForFunction(() => document.body.dataset.extracted === 'done', undefined, { timeout: 300_000, polling: 200 });
    await page.waitForTimeout(WINDOW_MS);
  });
  await cdp.detach();
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (e.name.startsWith('bench:')) marks.set(e.name, e);
  const extracted = marks.get('bench:extracted');
  if (!extracted) throw new Error('geen bench:extracted in het spoor');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === extracted.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? extracted.tid;
  const tasks = events.filter((e) => e.pid === extracted.pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && typeof e.dur === 'number');
  const nav = marks.get('bench:start')?.ts ?? 0;
  const inWindow = tasks.filter((t) => t.ts >= extracted.ts && t.ts < extracted.ts + WINDOW_MS * 1000).map((t) => t.dur! / 1000);
  const before = tasks.filter((t) => t.ts >= nav && t.ts < extracted.ts).map((t) => t.dur! / 1000);
  const assessed = marks.get('bench:assessed');
  // BENCH_DETAIL=40: what ran inside each window task over 40 ms (the events directly under it).
  const detail = Number(process.env.BENCH_DETAIL ?? 0);
  if (detail) {
    const onMain = events.filter((e) => e.pid === extracted.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
    for (const t of tasks.filter((t) => t.ts >= extracted.ts && t.ts < extracted.ts + WINDOW_MS * 1000 && t.dur! / 1000 > detail)) {
      const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.dur! > 1000);
      console.log(`  task +${((t.ts - extracted.ts) / 1000).toFixed(0)} ms ${(t.dur! / 1000).toFixed(1)} ms: ${inside.map((e) => `${e.name}${e.args?.data?.functionName ? `(${String(e.args.data.functionName)})` : ''} ${(e.dur! / 1000).toFixed(1)}`).join(', ')}`);
    }
  }
  // The workers' threads in the viewer's process in the same window: the reading's CPU, off the page.
  const workerTids = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === extracted.pid && e.args?.name === 'DedicatedWorker thread').map((e) => e.tid));
  const workerMs = events
    .filter((e) => e.pid === extracted.pid && workerTids.has(e.tid) && e.ph === 'X' && e.name === 'RunTask' && typeof e.dur === 'number' && e.ts >= extracted.ts && e.ts < extracted.ts + WINDOW_MS * 1000)
    .reduce((a, e) => a + e.dur! / 1000, 0);
  const upTo = assessed ? tasks.filter((t) => t.ts >= extracted.ts && t.ts < assessed.ts + 100_000).map((t) => t.dur! / 1000) : null;
  return {
    workerMs,
    reading: upTo && { tasks: upTo.length, busyMs: upTo.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...upTo) },
    tasks: inWindow.length,
    busyMs: inWindow.reduce((a, b) => a + b, 0),
    longestMs: Math.max(0, ...inWindow),
    over50: inWindow.filter((d) => d > 50).length,
    assessedMs: assessed ? (assessed.ts - extracted.ts) / 1000 : null,
    extractLongestMs: Math.max(0, ...before),
  };
}

const line = (o: Open) =>
  `busy ${o.busyMs.toFixed(0)} ms in ${o.tasks} tasks, longest ${o.longestMs.toFixed(1)} ms, over 50 ms ${o.over50}; ` +
  `last page → checklist ${o.assessedMs === null ? '–' : `${o.assessedMs.toFixed(0)} ms (till then busy ${o.reading!.busyMs.toFixed(0)} ms in ${o.reading!.tasks} tasks, longest ${o.reading!.longestMs.toFixed(1)} ms)`}; ` +
  `workers busy ${o.workerMs.toFixed(0)} ms; extraction's longest task ${o.extractLongestMs.toFixed(0)} ms`;

console.log(`${doc.name}: ${doc.pages} pages, ${(pdf.length / 1024).toFixed(0)} KB; window ${WINDOW_MS} ms after the last page; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const all = new Map<string, { cold: Open[]; warm: Open[] }>(dirs.map((d) => [d, { cold: [], warm: [] }]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [b, dir] of dirs.entries()) {
      const browser = await launchWithExtension({ extensionDir: dir, port: server.port });
      try {
        const sw = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
        const extensionId = new URL(sw.url()).host;
        for (let i = 0; i < OPENS; i++) {
          const page = await browser.context.newPage();
          // Marks in the trace's clock: the page noting its own states (no polling of ours in the window).
          await page.addInitScript(() => {
            performance.mark('bench:start');
            const seen = new Set<string>();
            new MutationObserver(() => {
              for (const key of ['extracted', 'assessed']) {
                if (document.body?.dataset[key] && !seen.has(key)) (seen.add(key), performance.mark(`bench:${key}`));
              }
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-extracted', 'data-assessed'] });
          });
          const o = await openOnce(page, extensionId);
          await page.close();
          (i === 0 ? all.get(dir)!.cold : all.get(dir)!.warm).push(o);
          console.log(`${'AB'[b]} round ${round + 1} open ${i + 1} (${i === 0 ? 'cold' : 'warm'}): ${line(o)}  [load ${loadavg()[0]!.toFixed(1)}]`);
        }
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const [b, dir] of dirs.entries()) {
  for (const kind of ['cold', 'warm'] as const) {
    const os = all.get(dir)![kind];
    console.log(
      `${'AB'[b]} ${kind} (${os.length}): median busy ${median(os.map((o) => o.busyMs)).toFixed(0)} ms, tasks ${median(os.map((o) => o.tasks))}, ` +
        `longest ${median(os.map((o) => o.longestMs)).toFixed(1)} ms (max ${Math.max(...os.map((o) => o.longestMs)).toFixed(1)}), over 50 ms ${os.reduce((a, o) => a + o.over50, 0)}  ${dir}`,
    );
  }
}
