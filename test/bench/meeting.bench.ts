// A whole meeting (issue 17, target 5): "Lees de bijlagen" in the side panel on an iBabs agenda
// with 40 PDFs and 2,000 pages in all (test/bench/meeting-pdfs.ts, generated at start, never
// written to the repository), served by the fixture server under the portal's host name, in
// Chromium with the built extension. Beside it, in the same browser and run, bare pdf.js text
// extraction of the same files from the same server (a page of its own, alternating with the
// panel). Printed, each beside its reference and the ratio:
//   total        click → every row finished        vs bare pdf.js, one document after another
//   first result click → the first matches in the panel (of a page or a whole document) vs 500 ms
//   memory       the browser's peak PSS (all its processes) during the scan     vs 500 MB
//   cancel       click on "Alles stoppen" → no row busy; requests started after it  vs 100 ms, 0
//                (and how late the click reached the panel, and the downloads the panel itself
//                started after its click handler ran, from its resource timing)
//   responsive   the panel's longest main-thread task while scanning (longtask), and input → paint
//                of clicks on a result while the rest is read (Event Timing)    vs 50 ms, 100 ms
// Figures only; nothing passes or fails on time.
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/meeting.bench.ts
// MEETING_DOCS=1 MEETING_PAGES=200: one 200-page document instead (the panel's single-PDF path).
// MEETING_PROFILE=1: the panel run also takes a CPU profile of the panel's main thread and a trace
// of its renderer (main thread and the pdf.js workers), and prints where the time went.
// MEETING_PROFILE_OUT=prefix: with MEETING_PROFILE, writes prefix.cpuprofile and prefix.trace.json.
// MEETING_THREADS=1: only a trace (no CPU profiler), and each thread's CPU printed beside bare pdf.js'.
// MEETING_GAPS=1: a trace as MEETING_THREADS, and where the extraction worker's thread waits: its
// gaps between tasks by cause (test/bench/meeting-gaps.ts), and the panel's tasks over 50 ms by
// what ran in them. MEETING_TRACE_OUT=file.json keeps that trace and the documents' times.
// MEETING_MEMDUMP=1 (no trace): Chromium's memory dumps during the panel's scan and bare pdf.js' (one lane); the peak's allocators per process.
// MEETING_HEAP_SERIES=1: the extraction worker's JS heap (used/reserved) every ~0.5 s of the scan.
// MEETING_CANCEL_TRACE=1: a trace around each cancel, every renderer task from the click until no row is busy.
// Memory, meeting20 (3 A/B pairs, MEETING_THREADS=1, load 10-16): before the click the browser is
// 399-532 MB; bare pdf.js (one lane) adds 122-134 MB in its renderer (and up to 60 MB in the browser
// process), the panel's scan 220-235 MB in the extension renderer, of it the extraction worker's
// heap 61-70 MB used, 112-131 MB reserved (used swings 14-67 MB: garbage, not growth). Peak ≤ 500 MB
// for the whole browser is out of reach for any scan: the browser before the click plus bare pdf.js
// alone is over it.
// Memory, memory22: the whole browser's PSS is a poor reference (bare pdf.js 'added' 58-266 MB on
// the same build, as processes come and go and their shared pages are counted again): the bench
// prints it beside the working renderer's private memory added (Private_Clean + Private_Dirty).
// MEETING_MEMDUMP (main's build, one run): bare pdf.js' page renderer +135 MB private footprint
// (V8 126: its worker's new space 54, old 14; the page's new space 42, old 3; malloc 28,
// PartitionAlloc 27) against the extension renderer's +215 (V8 193: the extraction worker's new
// space 66, old 44, code 7; the panel's new space 40, old 19; PartitionAlloc 42, malloc 41, Blink's
// GC heap 20). Above bare: the extraction worker's old space (+30: pdf.js and the analysis in one
// isolate, the document's page texts and matches until its result), the panel's results and DOM
// (old space +16, Blink +11) and the panel's young generation, grown by garbage: every match
// came twice (streamed per page, then in the result), 13,336 matches, 5 MB of JSON. With the
// stream cut at the 100 matches a row shows (extraction.ts' liveProgress), the panel's new space
// 40 → 22 MB (one MEMDUMP run each). 5 alternating A/B pairs (MEETING_THREADS=1, load 9-19),
// main → memory22: extension renderer PSS added 242/251/228/241/249 → 209/209/218/192/211 MB
// (median 242 → 209); its private memory (pairs 3-5) 225/238/242 → 217/215/212 MB against bare's
// page 143-151 MB: 1.49/1.59/1.69 → 1.52/1.44/1.46× (median 1.59 → 1.46×); all threads' CPU ÷
// bare pdf.js' 1.33/1.26/1.57/1.65/1.58 → 1.68/1.28/1.35/1.55/1.35 (median 1.57 → 1.35).
// MEETING_SHOT=file.png: a screenshot of the panel (400 px wide) once the first result shows.
// The panel's longest task, meeting21 (MEETING_GAPS / MEETING_PROFILE traces of main's build, load
// 7-14): every task over 50 ms had 0-18 ms of CPU (thread clock), and in its window the panel's
// other threads used 1-35 ms: the rest is the machine running other processes (CPU pressure
// 'some' 76-91 %); tasks of 1 ms CPU reached 57-154 ms. The most CPU in a task: a finished
// document's folded result drawn whole (10-15 ms), its next 75 matches (5-7 ms), GC (13-16 ms),
// the bench's own selector queries (10-18 ms, now gone), style/layout/paint (11-12 ms). With a
// folded result drawn a part per task and 25 matches per task, 4 alternating pairs
// (MEETING_THREADS=1, load 8-14), main → meeting21: longest task (longtask) 103/362/63/104 →
// 0/100/0/57 ms (0: none over 50), tasks over 50 ms 2/22/2/4 → 0/12/0/2, tasks over 5 ms CPU
// 35/40/41/43 → 14/14/8/16, over 10 ms CPU 7/11/10/10 → 3/2/2/4, most CPU in one task 14-19 →
// 12-18 ms, the panel thread's CPU 1,347-1,669 → 1,363-1,765 ms. The wall-clock figure follows
// the machine's load more than the code: read it with the CPU figures beside it.
// Cancel and CPU, meeting22 (main 1ee20a6 → meeting22, alternating, load 9-18): a document's status
// reading now runs in slices of 8 ms in the extraction worker and stops at the pause after its
// drop. MEETING_CANCELS=4, 3 pairs: click → no row busy, main 91/243/43/80/95/44/114/181/83/68/
// 120/139 (median 93, 5 of 12 over 100) → 41/34/71/51/142/58/42/85/67/32/85/45 ms (median 55,
// 1 of 12 over 100; drawn by median 94 → 52 ms); the full runs' one cancel each 361/96/150/40/187
// → 65/63/28/41/34. All-thread CPU ÷ bare pdf.js, 5 pairs: main 1.32/1.65/1.17/1.58/1.56 (median
// 1.56), meeting22 1.49/1.95/1.73/1.65/1.38 (1.65): no change the load lets one see (the panel's
// main thread, which this does not touch, swung as much: 1,392-2,314 ms). Where the CPU above bare
// goes (main, load 5): extraction worker + panel main 5,938 + 1,573 against bare's worker + main
// 3,845 + 1,275 (the analysis ~1.4 s of it, ./meeting-analysis.bench.ts; in-thread pdf.js ~0.6 s
// cheaper than bare's two threads), the renderer's pool threads (V8 compile jobs, GC) 3,433
// against 1,814, the rest (compositor, browser, GPU) +272 ms.
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { clearPdfCache } from '../tools/pdf-cache';
import { median, ROOT, summary } from './corpus';
import { allThreadsCpu, poolSplit, profileOf, threadCpu, threadScripts, type CpuProfile } from './meeting-profile';
import { moduleMap, panelSplit, splitDetail, splitTable } from './meeting-panel-cpu';
import { traced, urlOf, type TraceEvent } from './trace';
import { gapsOf, type DocTimes } from './meeting-gaps';
import { memoryDumps, peakDump } from './meeting-memory';
import { AGENDA_HOST, AGENDA_PATH, meetingAgendaPage, meetingDocs, meetingPdf } from './meeting-pdfs';

/**
 * Since worker17 the extraction workers analyse their pages themselves (one isolate fewer): a
 * build before it has an analysis worker of its own, and its time is printed apart for the A/B.
 */
function analysisNote(ms: number): string {
  return ms > 0 ? `, analysis worker ${ms.toFixed(0)} ms` : ' (analysis included: it runs in the extraction workers)';
}

// One round by default: 2,000 pages read four times (bare, bare in two lanes, the panel, a
// cancelled panel) is minutes on a shared 2-core machine. MEETING_PAGES scales the meeting down
// for a quick look (the targets are for 2,000).

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const PAGES = Number(process.env.MEETING_PAGES ?? 2000);
/** MEETING_DOCS=1 MEETING_PAGES=200: one long document, the panel's single-PDF path beside bare pdf.js. */
const DOCS = Number(process.env.MEETING_DOCS ?? 40);
const SCAN = DOCS > 1 ? 'pdf-scan-all' : 'pdf-scan';
const PROFILE = !!process.env.MEETING_PROFILE;
/** MEETING_THREADS=1: a trace without the CPU profiler (lighter): each thread's CPU only, for A/B under load. */
const GAPS = !!process.env.MEETING_GAPS;
const TRACE = PROFILE || GAPS || !!process.env.MEETING_THREADS;
/** MEETING_MEMDUMP=1 (without a trace): Chromium's memory dumps while the panel scans, the peak's allocators per process (./meeting-memory.ts). */
/** MEETING_HEAP_SERIES=1: the extraction worker's heap (used/reserved) every ~0.5 s of the panel's scan. */
const HEAP_SERIES = !!process.env.MEETING_HEAP_SERIES;
const MEMDUMP = !TRACE && !!process.env.MEETING_MEMDUMP;
/**
 * The panel's PDF_LANES (components/panel/PdfScanState.ts), for the lane time in the phases; a
 * build of another tree says its own with MEETING_LANES.
 */
const LANES = Number(process.env.MEETING_LANES ?? 1);
/** A run that does not end (a row never finishes) gives up after this long and says which rows hang. */
const GIVE_UP_MS = 20 * 60_000;
const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));

declare const chrome: typeof import('wxt/browser').browser;
/** What meeting-bare.entry.ts puts on the bare page's window. */
interface Bare {
  bareSequential(urls: string[]): Promise<{ ms: number; chars: number }>;
  bareLanes(urls: string[], lanes: number): Promise<{ ms: number; chars: number }>;
}


const docs = meetingDocs(DOCS, PAGES);
const g0 = performance.now();
const pdfs = new Map(docs.map((d, i) => [d.path, Buffer.from(meetingPdf(d, i + 1))]));
const totalBytes = [...pdfs.values()].reduce((a, b) => a + b.length, 0);
console.log(`${docs.length} PDFs, ${docs.reduce((a, d) => a + d.pages, 0)} pages, ${(totalBytes / 1048576).toFixed(1)} MB, generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

const work = await mkdtemp(join(tmpdir(), 'raadslens-meeting-'));
await build({
  entryPoints: [join(ROOT, 'test/bench/meeting-bare.entry.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(work, 'bare.js'),
  logLevel: 'error',
});
const bareFiles: Record<string, { type: string; body: Buffer }> = {
  '/meeting-bench/bare.html': { type: 'text/html', body: Buffer.from('<!doctype html><meta charset="utf-8"><title>bare</title><script type="module" src="/meeting-bench/bare.js"></script>') },
  '/meeting-bench/bare.js': { type: 'text/javascript', body: readFileSync(join(work, 'bare.js')) },
  '/meeting-bench/pdf.worker.min.mjs': { type: 'text/javascript', body: readFileSync(join(ROOT, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs')) },
};

/** When each PDF request arrived (performance.now() of this process), for the cancel figure. */
let pdfRequests: number[] = [];
const server = await startFixtureServer({
  handle(req, res, url) {
    const pathAndQuery = url.pathname + url.search;
    const pdf = pdfs.get(pathAndQuery) ?? (url.pathname === '/meeting-bench/pdf' ? pdfs.get(url.searchParams.get('p') ?? '') : undefined);
    if (pdf) {
      if (req.method !== 'HEAD') pdfRequests.push(performance.now());
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, etag: `"m${pdf.length.toString(16)}"`, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : pdf);
      return true;
    }
    if (url.pathname === AGENDA_PATH && (req.headers.host ?? '').startsWith(AGENDA_HOST)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(meetingAgendaPage(docs));
      return true;
    }
    const file = bareFiles[url.pathname];
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      res.end(file.body);
      return true;
    }
    return false;
  },
});

/** The browser's processes: every descendant of this one (Playwright starts Chromium as our child). */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, pp] of parent) if (pp === p) (out.push(child), walk(child));
  };
  walk(process.pid);
  return out;
}
/**
 * What kind of Chromium process `pid` is, from its command line: the browser itself, the GPU
 * process, a utility (network, storage), the extension's renderer (the panel, its pdf.js and
 * analysis workers: dedicated workers are threads of their page's renderer) or a web page's.
 */
function processKind(pid: number): string {
  try {
    // Chromium rewrites its children's titles: their arguments are joined by spaces, not NULs.
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    if (!type) return /chrom/.test(args[0] ?? '') ? 'browser' : 'other';
    if (type === 'renderer') return args.includes('--extension-process') ? 'extension renderer' : 'page renderer';
    if (type === 'utility') return `utility ${args.find((a) => a.startsWith('--utility-sub-type='))?.split('.').pop() ?? ''}`.trim();
    return type;
  } catch {
    return 'gone';
  }
}
/**
 * Proportional set size of the browser's processes in MB (shared pages counted once), in all and
 * by kind; and each process' private memory (Private_Clean + Private_Dirty: what it does not share
 * with the zygote or another process), by pid.
 */
function browserPss(): { total: number; byKind: Map<string, number>; privateByPid: Map<number, { kind: string; mb: number }> } {
  let kb = 0;
  const byKind = new Map<string, number>();
  const privateByPid = new Map<number, { kind: string; mb: number }>();
  for (const pid of descendants()) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
      const n = field('Pss');
      kb += n;
      const kind = processKind(pid);
      byKind.set(kind, (byKind.get(kind) ?? 0) + n / 1024);
      privateByPid.set(pid, { kind, mb: (field('Private_Clean') + field('Private_Dirty')) / 1024 });
    } catch {
      // gone or not ours
    }
  }
  return { total: kb / 1024, byKind, privateByPid };
}
/**
 * The private memory the processes of `kind` alive now hold beyond what they held at `before`
 * (a process made since counts whole, one gone since not at all). The whole browser's PSS moves
 * by tens of MB as processes come and go (their shared pages are counted again among the rest):
 * this is the figure of the renderer that does the work, the extension's for the panel, the
 * bare page's for bare pdf.js.
 */
function privateAdded(before: ReturnType<typeof browserPss>, now: ReturnType<typeof browserPss>, kind: string): number {
  let mb = 0;
  for (const [pid, p] of now.privateByPid) if (p.kind === kind) mb += p.mb - (before.privateByPid.get(pid)?.mb ?? 0);
  return mb;
}
function browserPssMb(): number {
  return browserPss().total;
}
/** "extension renderer 120 → 310 (+190), gpu-process …": each kind before the click and at the peak. */
function pssByKind(before: Map<string, number>, peak: Map<string, number>): string {
  const kinds = [...new Set([...before.keys(), ...peak.keys()])].filter((k) => k !== 'gone');
  kinds.sort((a, b) => (peak.get(b) ?? 0) - (before.get(b) ?? 0) - ((peak.get(a) ?? 0) - (before.get(a) ?? 0)));
  return kinds
    .map((k) => {
      const a = before.get(k) ?? 0;
      const b = peak.get(k) ?? 0;
      return `${k} ${a.toFixed(0)} → ${b.toFixed(0)} (${b - a >= 0 ? '+' : ''}${(b - a).toFixed(0)})`;
    })
    .join(', ');
}

interface PanelRun {
  totalMs: number;
  firstMs: number;
  /** Click → the first whole document's result. */
  firstDocMs: number;
  done: number;
  longestTask: number;
  longTasks: number;
  clicks: number[];
  basePss: number;
  peakPss: number;
  /** The peak without the tracing service's process (the bench's own trace buffer). */
  peakUntraced: number;
  /** The browser's PSS before the click without the tracing service. */
  baseUntraced: number;
  /** The extension renderer's (the panel and its workers) private memory added at its peak. */
  rendererAdded: number;
  heapPeakMb: number;
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  for (;;) {
    const id = await sw.evaluate(
      async (u) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
        if (!tab?.id) return undefined;
        // The attachments are not in the stored report (the panel asks the page for them, see
        // report-details): the page's report is enough, the panel's scan button waits for the rest.
        return (await chrome.storage.session.get(`tab:${tab.id}`))[`tab:${tab.id}`] ? tab.id : undefined;
      },
      url,
    );
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Noted by the panel itself from the start (observers), so the bench's polling adds nothing. */
function instrument() {
  const m = {
    clickAt: 0,
    cancelAt: 0,
    first: 0,
    firstDoc: 0,
    allDone: 0,
    cancelDone: 0,
    /** The first DOM change after the cancel click with no row busy (a MutationObserver: not the 50 ms poll's lateness). */
    cancelDom: 0,
    /** Right after the frame that drew that change (rAF, then a task). */
    cancelPaint: 0,
    longtasks: [] as { start: number; dur: number }[],
    /** Rows finished (a result or an error), for the progress line: counted here, not by a selector query of the bench's. */
    finished: 0,
    events: [] as { id: number; dur: number; start: number }[],
    heapPeak: 0,
    errors: [] as string[],
  };
  (window as unknown as { __m: typeof m }).__m = m;
  addEventListener(
    'click',
    (e) => {
      const el = e.target as Element;
      // One document (MEETING_DOCS=1) has its row's own button, not "Scan alle".
      // The mark ties the panel's clock to a trace's (MEETING_GAPS).
      if (el.closest?.('[data-testid=pdf-scan-all], [data-testid=pdf-scan]')) (m.clickAt = performance.now()), performance.mark('bench:click');
      if (el.closest?.('[data-testid=pdf-cancel-all]')) {
        m.cancelAt = performance.now();
        performance.mark('bench:cancel');
        const watch = new MutationObserver(() => {
          if (m.cancelDom || document.querySelector('[data-testid=attachments] [data-testid=pdf-cancel]')) return;
          m.cancelDom = performance.now();
          watch.disconnect();
          // The frame that shows it: a task right after the next animation frame's rendering.
          requestAnimationFrame(() => setTimeout(() => (m.cancelPaint = performance.now()), 0));
        });
        watch.observe(document.body, { childList: true, subtree: true });
      }
    },
    true,
  );
  // No named function inside: tsx's esbuild names them with a helper the panel does not have.
  setInterval(() => (m.heapPeak = Math.max(m.heapPeak, ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576)), 250);
  let rows: Element[] = [];
  // Checked every 50 ms (a figure is at most that late) rather than on each mutation, which would
  // add the check's own cost to the panel's tasks.
  setInterval(() => {
    if (!m.clickAt) return;
    const now = performance.now();
    const section = document.querySelector('[data-testid=attachments]');
    if (!section) return;
    // First results: the first matches shown, of a page (.pdf-live) or a whole document.
    if (!m.first && section.querySelector('.pdf-live, .pdf-result')) m.first = now;
    if (!m.firstDoc && section.querySelector('.pdf-result')) m.firstDoc = now;
    if (m.cancelAt && !m.cancelDone && !section.querySelector('[data-testid=pdf-cancel]')) m.cancelDone = now;
    // The rows are kept between checks and only each row's own children looked at: a selector over
    // the section walked every drawn result each 50 ms (~0.4 s of the panel's thread in a meeting).
    // A row is finished with a result (details.pdf-result) or an error (its status line's first child).
    if (rows.length === 0 || rows.some((r) => !r.isConnected)) rows = [...section.querySelectorAll('[data-testid=pdf-doc]')];
    m.finished = rows.filter((row) => [...row.children].some((c) => c.classList.contains('pdf-result') || c.firstElementChild?.getAttribute('data-testid') === 'pdf-error')).length;
    if (!m.allDone && rows.length > 0 && m.finished === rows.length) m.allDone = now;
  }, 50);
  // Last, each on its own: an entry type this browser does not observe must not stop the rest.
  try {
  new PerformanceObserver((l) => l.getEntries().forEach((e) => m.longtasks.push({ start: e.startTime, dur: e.duration }))).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    m.errors.push(String(e));
  }
  try {
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const t = e as PerformanceEventTiming & { interactionId?: number };
      if (t.interactionId) m.events.push({ id: t.interactionId, dur: t.duration, start: t.startTime });
    }),
  ).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch (e) {
    m.errors.push(String(e));
  }
}

async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.addInitScript(instrument);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId(SCAN).first().waitFor({ timeout: 60_000 });
  const rows = await panel.locator('[data-testid=attachments] [data-testid=pdf-doc]').count();
  if (rows !== DOCS) console.error(`  (the panel lists ${rows} attachments, the meeting has ${DOCS})`);
  return panel;
}

type Metrics = { errors: string[]; finished: number; clickAt: number; first: number; firstDoc: number; allDone: number; cancelAt: number; cancelDone: number; cancelDom: number; cancelPaint: number; longtasks: { start: number; dur: number }[]; events: { id: number; dur: number; start: number }[]; heapPeak: number };
const metrics = (panel: Page) => panel.evaluate(() => (window as unknown as { __m: Metrics }).__m);

/**
 * Each document's time by phase (the panel's raadslens:pdf-scan measures), summed over the
 * documents, and what the lanes did with the run's time: lanes × total is split into the phases
 * a document waits in (permission and cache, download, open, pdf.js' pages, the status reading
 * after its last page) and what is left (a lane with nothing to do, or between documents). The
 * analysis worker's own time (matching, status reading) runs beside the pages and is summed apart.
 */
async function phasesOf(panel: Page, totalMs: number, clickAt: number): Promise<string> {
  type Detail = { checkMs: number; fetchMs: number; laneMs?: number; aheadMs?: number; openMs: number; firstPageMs: number; extractMs?: number; tailMs?: number; matchMs?: number; readMs?: number };
  const { docs, stores } = await panel.evaluate(() => ({
    docs: performance
      .getEntriesByName('raadslens:pdf-scan', 'measure')
      .map((e) => ({ start: e.startTime, ms: e.duration, ...((e as PerformanceMeasure).detail as Detail) })),
    stores: performance.getEntriesByName('raadslens:pdf-store', 'measure').map((e) => e.duration),
  }));
  if (docs.length === 0) return '  (no raadslens:pdf-scan measures: not a RAADSLENS_MEASURE build?)';
  const sum = (f: (d: (typeof docs)[number]) => number | undefined) => docs.reduce((a, d) => a + (f(d) || 0), 0);
  const f = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const check = sum((d) => d.checkMs);
  const fetchMs = sum((d) => d.fetchMs);
  const laneMs = sum((d) => d.laneMs);
  const aheadMs = sum((d) => d.aheadMs);
  const openMs = sum((d) => d.openMs);
  const extractMs = sum((d) => d.extractMs);
  const tailMs = sum((d) => d.tailMs);
  const total = sum((d) => d.ms);
  const pagesOther = total - fetchMs - laneMs - aheadMs - openMs - extractMs - tailMs;
  const lanes = LANES * totalMs;
  // A lane is let go once pdf.js is done with its document: the status reading after the last page
  // goes on beside the lanes, not in one. A document checked and downloaded ahead of a free lane
  // (PDF_AHEAD) spends that time beside the lanes too, and then waits for one.
  const first = docs.reduce((a, d) => (d.start < a.start ? d : a));
  return [
    `  phases, summed over ${docs.length} documents; ${LANES} lanes × total ${f(totalMs)} = ${f(lanes)} of lane time:`,
    laneMs > 0
      ? `    in the lanes: unpack check + open ${f(openMs)}, pdf.js extraction (waiting for pages) ${f(extractMs)}, handing pages on ${f(pagesOther)}, lanes idle or between documents ${f(lanes - aheadMs - openMs - extractMs - pagesOther)}; ahead of them: permission + cache ${f(check)}, download ${f(fetchMs)}, downloaded and waiting for a lane ${f(laneMs)}; after a document's last page until its result (status reading) ${f(tailMs)}`
      : `    permission + cache ${f(check)}, download ${f(fetchMs)}, unpack check + open ${f(openMs)}, pdf.js extraction (waiting for pages) ${f(extractMs)}, handing pages on ${f(pagesOther)}, lanes idle or between documents ${f(lanes - check - (total - tailMs))}; beside the lanes, after a document's last page until its result (status reading) ${f(tailMs)}`,
    `    analysis (in its worker, beside the pages): matching ${f(sum((d) => d.matchMs))}, status reading ${f(sum((d) => d.readMs))}; storing (after each document, off its path) ${f(stores.reduce((a, b) => a + b, 0))} in ${stores.length} writes`,
    `    first document: began ${(first.start - first.checkMs - clickAt).toFixed(0)} ms after the click, permission + cache ${first.checkMs.toFixed(0)} ms, download ${first.fetchMs?.toFixed(0)} ms, open ${first.openMs?.toFixed(0)} ms, first page at ${first.firstPageMs?.toFixed(0)} ms after the download started`,
  ].join('\n');
}

/**
 * From a trace of one page's renderer: its main thread's CPU (the busiest CrRendererMain, thread
 * clock), its pdf.js workers' and analysis worker's, and the main thread's first and last task.
 */
function threadsOf(trace: TraceEvent[]) {
  const names = new Map<string, string>();
  for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const cpu = threadCpu(trace);
  const scripts = threadScripts(trace);
  const main = [...cpu].filter(([t]) => names.get(t) === 'CrRendererMain').sort((a, b) => b[1] - a[1])[0];
  const sum = (test: (script: string) => boolean) => [...cpu].filter(([t]) => names.get(t) !== 'CrRendererMain' && test(scripts.get(t) ?? '')).reduce((a, [, v]) => a + v, 0);
  const tasks = trace.filter((e) => `${e.pid}:${e.tid}` === main?.[0] && e.ph === 'X' && e.dur);
  return {
    all: allThreadsCpu(trace),
    pool: poolSplit(trace),
    mainCpuMs: main?.[1] ?? 0,
    // pdf.js' worker beside the page (bare, the panel before), or the panel's extraction workers,
    // which run pdf.js' whole text extraction in one thread (lib/surface/pdf/extraction.ts).
    pdfWorkerCpuMs: sum((s) => /pdf\.worker|pdf-worker|extraction\.worker/.test(s)),
    analysisCpuMs: sum((s) => /analysis/.test(s)),
    from: tasks.reduce((a, e) => Math.min(a, e.ts), Infinity),
    to: tasks.reduce((a, e) => Math.max(a, e.ts + e.dur!), -Infinity),
  };
}
/**
 * MEETING_GAPS: the extraction thread's gaps by cause, and the panel main thread's tasks over
 * 50 ms while scanning with the events inside them (what the longtask figure counts).
 */
async function gapReport(panel: Page, trace: TraceEvent[], clickAt: number, allDone: number): Promise<string> {
  const docs = await panel.evaluate(() =>
    performance.getEntriesByName('raadslens:pdf-scan', 'measure').map((e) => ({ start: e.startTime, ms: e.duration, ...((e as PerformanceMeasure).detail as object) })),
  ) as DocTimes[];
  const mark = trace.find((e) => e.name === 'bench:click');
  if (!mark) return '  (no bench:click mark in the trace)';
  const offsetUs = mark.ts - clickAt * 1000;
  const scripts = threadScripts(trace);
  const extraction = [...scripts].find(([, s]) => /extraction\.worker/.test(s))?.[0];
  if (process.env.MEETING_TRACE_OUT) writeFileSync(process.env.MEETING_TRACE_OUT, JSON.stringify({ trace, docs, clickAt, allDone, offsetUs, extraction }));
  const out = [extraction ? gapsOf(trace, extraction, docs, offsetUs, clickAt, allDone) : '  (no extraction worker thread in the trace)'];
  out.push(panelLongTasks(trace, clickAt, allDone));
  return out.join('\n');
}

/**
 * The panel main thread's tasks while scanning from a trace: those over 50 ms by the wall clock
 * (what the longtask figure counts) with the events inside them, and the ones with the most CPU
 * (thread clock). A task long by the wall clock but short by the thread's is one the machine did
 * not run (other processes on the two cores), not one of our work.
 */
function panelLongTasks(trace: TraceEvent[], clickAt: number, allDone: number): string {
  const mark = trace.find((e) => e.name === 'bench:click');
  if (!mark) return '  (no bench:click mark in the trace)';
  const offsetUs = mark.ts - clickAt * 1000;
  const names = new Map<string, string>();
  for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const out: string[] = [];
  const cpu = threadCpu(trace);
  const main = [...cpu].filter(([t]) => names.get(t) === 'CrRendererMain').sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = trace.filter((e) => e.ph === 'X' && e.dur && `${e.pid}:${e.tid}` === main);
  const long = onMain.filter((e) => /RunTask$/.test(e.name) && e.dur! > 50_000 && e.ts >= offsetUs + clickAt * 1000 && e.ts <= offsetUs + allDone * 1000);
  // Outermost tasks only (a task runs inside the thread controller's), the wall ones over 50 ms
  // and, beside them, the ones with most CPU: a task long by the wall clock but short by the
  // thread's is one the machine did not run (other processes on the cores), not one of our work.
  const outer = (tasks: TraceEvent[]) => tasks.filter((t) => !tasks.some((u) => u !== t && u.ts <= t.ts && u.ts + u.dur! >= t.ts + t.dur! && u.dur! > t.dur!));
  const scanning = onMain.filter((e) => /RunTask$/.test(e.name) && e.ts >= offsetUs + clickAt * 1000 && e.ts <= offsetUs + allDone * 1000);
  const byCpu = outer(scanning).sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 3);
  const cpuOver = (ms: number) => outer(scanning).filter((t) => (t.tdur ?? 0) > ms * 1000).length;
  out.push(`  panel main thread tasks over 50 ms while scanning: ${outer(long).length} (their CPU ${outer(long).map((t) => ((t.tdur ?? 0) / 1000).toFixed(0)).join('/') || '—'} ms); tasks with over 5 / 10 ms CPU: ${cpuOver(5)} / ${cpuOver(10)} of ${outer(scanning).length}; the most CPU in one task: ${byCpu.map((t) => `${((t.tdur ?? 0) / 1000).toFixed(0)} ms (${(t.dur! / 1000).toFixed(0)} wall)`).join(', ')}`);
  for (const t of [...outer(long), ...byCpu.filter((t) => t.dur! <= 50_000)]) {
    const inside = onMain.filter((e) => e !== t && !/RunTask$/.test(e.name) && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!).sort((a, b) => b.dur! - a.dur!);
    const at = ((t.ts - offsetUs) / 1000 - clickAt).toFixed(0);
    out.push(`    ${(t.dur! / 1000).toFixed(0)} ms (${((t.tdur ?? 0) / 1000).toFixed(0)} ms CPU) at +${at} ms: ${inside.slice(0, 8).map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}${(e.args?.data as { functionName?: string } | undefined)?.functionName ? ` ${(e.args!.data as { functionName: string }).functionName}` : ''} ${urlOf(e).split('/').pop()?.slice(0, 30) ?? ''}`).join(' | ')}`);
  }
  return out.join('\n');
}

/** What bare pdf.js (one lane) added to the browser's PSS at its peak, per round (the bench's trace buffer left out). */
const barePeaks: number[] = [];
/** What bare pdf.js (one lane) added to its page renderer's private memory at the peak, per round. */
const bareRenderer: number[] = [];
/** The browser's PSS without the tracing service's process (the bench's own trace buffer, MEETING_THREADS). */
const untraced = (p: ReturnType<typeof browserPss>) => p.total - (p.byKind.get('utility TracingService') ?? 0);
/** Bare pdf.js' threads in the profiled round (its one-lane run). */
let bareThreads: ReturnType<typeof threadsOf> | undefined;

async function panelRun(context: BrowserContext, extensionId: string, tabId: number): Promise<PanelRun> {
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(async () => chrome.storage.local.clear());
  await clearPdfCache(sw);
  const panel = await openPanel(context, extensionId, tabId);
  const base = browserPss();
  const basePss = base.total;
  let peakPss = basePss;
  let peakKinds = base.byKind;
  // The bench's own trace (MEETING_THREADS) is buffered in the tracing service's process: that
  // process left out, the peak of what the reader's browser would hold.
  let peakUntraced = untraced(base);
  let rendererAdded = 0;
  const sampler = setInterval(() => {
    const now = browserPss();
    if (now.total > peakPss) (peakPss = now.total), (peakKinds = now.byKind);
    peakUntraced = Math.max(peakUntraced, untraced(now));
    rendererAdded = Math.max(rendererAdded, privateAdded(base, now, 'extension renderer'));
  }, 200);
  const cdp = TRACE ? await context.newCDPSession(panel) : null;
  if (cdp && PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // Each of the panel's workers' JS heap at its highest (pdf.js lanes, the analysis worker): CDP's
  // Runtime.getHeapUsage in each worker, reached through the panel's targets (not flattened, so
  // this session's messages to a worker travel wrapped and Playwright's own session is untouched).
  const workerHeap = new Map<string, number>();
  const workerCdp = await context.newCDPSession(panel);
  const workerUrls = new Map<string, string>();
  const pendingHeap = new Map<number, (mb: { used: number; total: number }) => void>();
  /** Each worker's heap as V8 has it reserved (totalSize), at its highest. */
  const workerHeapTotal = new Map<string, number>();
  let heapCall = 0;
  workerCdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type === 'worker') workerUrls.set(e.sessionId, e.targetInfo.url);
  });
  workerCdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => void workerUrls.delete(e.sessionId));
  workerCdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number; totalSize: number } };
    if (m.id !== undefined && m.result) pendingHeap.get(m.id)?.({ used: m.result.usedSize / 1048576, total: m.result.totalSize / 1048576 });
  });
  await workerCdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  let sampling = true;
  const heapSeries: string[] = [];
  const seriesFrom = performance.now();
  const heaps = (async () => {
    while (sampling) {
      let k = 0;
      for (const [sessionId, url] of workerUrls) {
        const id = ++heapCall;
        const heap = await new Promise<{ used: number; total: number }>((resolve) => {
          pendingHeap.set(id, resolve);
          setTimeout(() => resolve({ used: NaN, total: NaN }), 2000);
          workerCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve({ used: NaN, total: NaN }));
        });
        const mb = heap.used;
        pendingHeap.delete(id);
        const name = /analysis/.test(url) ? 'analysis worker' : /pdf\.worker|pdf-worker/.test(url) ? `pdf.js worker ${++k}` : /extraction\.worker/.test(url) ? `extraction worker ${++k}` : url.split('/').pop()!;
        if (!Number.isNaN(mb)) workerHeap.set(name, Math.max(workerHeap.get(name) ?? 0, mb));
        if (!Number.isNaN(heap.total)) workerHeapTotal.set(name, Math.max(workerHeapTotal.get(name) ?? 0, heap.total));
        if (HEAP_SERIES && !Number.isNaN(mb)) heapSeries.push(`${((performance.now() - seriesFrom) / 1000).toFixed(1)}s ${mb.toFixed(0)}/${heap.total.toFixed(0)}`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  let trace: TraceEvent[] = [];
  let clicks = 0;
  const scanned = async () => {
  await panel.getByTestId(SCAN).first().click();
  // Input → paint while the rest is read: open and close the first result that shows, a few times.
  // Clicked through a handle found once: a locator's click runs Playwright's selector engine over
  // the whole panel each time (10–18 ms of the panel's thread with forty results drawn, the
  // longest CPU in a task of meeting21's traces), which the longtask figure counted as ours.
  const summaryOf = panel.locator('[data-testid=attachments] .pdf-result > summary').first();
  await summaryOf.waitFor({ timeout: 120_000 });
  const summaryHandle = await summaryOf.elementHandle();
  // MEETING_GAPS=1: a trace as MEETING_THREADS, and where the extraction worker's thread waits: its
// gaps between tasks by cause (test/bench/meeting-gaps.ts), and the panel's tasks over 50 ms by
// what ran in them. MEETING_TRACE_OUT=file.json keeps that trace and the documents' times.
// MEETING_SHOT=file.png: the panel as the reader sees it while the rest is read.
  if (process.env.MEETING_SHOT) await panel.screenshot({ path: process.env.MEETING_SHOT, fullPage: true });
  const since = performance.now();
  for (;;) {
    const m = await metrics(panel);
    if (m.allDone) break;
    if (clicks % 10 === 9) console.error(`  … ${m.finished} of ${docs.length} documents read ${JSON.stringify({ clickAt: m.clickAt, first: m.first, allDone: m.allDone, errors: m.errors })}`);
    if (performance.now() - since > GIVE_UP_MS) {
      const rows = await panel.locator('[data-testid=attachments] [data-testid=pdf-doc]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-url')}: ${e.textContent?.slice(0, 80)}`));
      throw new Error(`not finished after ${GIVE_UP_MS / 60_000} min:\n${rows.join('\n')}`);
    }
    if (clicks < 8) await summaryHandle!.click();
    clicks++;
    await new Promise((r) => setTimeout(r, 1000));
  }
  };
  if (cdp) trace = await traced(cdp, scanned);
  else if (MEMDUMP) {
    const dumpCdp = await context.newCDPSession(panel);
    const dumps = await memoryDumps(dumpCdp, scanned);
    if (process.env.MEETING_MEMDUMP_OUT) writeFileSync(process.env.MEETING_MEMDUMP_OUT, JSON.stringify(dumps));
    console.log(peakDump(dumps, processKind));
    await dumpCdp.detach().catch(() => {});
  } else await scanned();
  clearInterval(sampler);
  sampling = false;
  await heaps;
  await workerCdp.detach().catch(() => {});
  if (HEAP_SERIES) console.log(`  extraction worker's JS heap over time (used/reserved MB, every ~0.5 s): ${heapSeries.join(', ')}`);
  console.log(`  workers' JS heap at their highest (MB; a lane's worker ended and made again counts as the same lane): ${[...workerHeap].map(([k, v]) => `${k} ${v.toFixed(0)} (reserved ${workerHeapTotal.get(k)?.toFixed(0) ?? '?'})`).join(', ') || '(no worker answered)'}`);
  console.log(`  PSS by process, before the click → at the peak (MB; the panel's pdf.js and analysis workers are threads of the extension renderer): ${pssByKind(base.byKind, peakKinds)}`);
  const m = await metrics(panel);
  console.log(await phasesOf(panel, m.allDone - m.clickAt, m.clickAt));
  if (cdp && !PROFILE) {
    const th = threadsOf(trace);
    const bare = bareThreads ? `; bare pdf.js main ${bareThreads.mainCpuMs.toFixed(0)} + worker ${bareThreads.pdfWorkerCpuMs.toFixed(0)} ms` : '';
    console.log(`  thread CPU: panel main ${th.mainCpuMs.toFixed(0)} ms, extraction worker(s) ${th.pdfWorkerCpuMs.toFixed(0)} ms${analysisNote(th.analysisCpuMs)}${bare}`);
    // Every thread of the browser, both runs: what the scan costs above bare pdf.js in CPU,
    // whichever process spends it (the service worker, the browser's IPC, the GPU's paint).
    const list = (all: ReturnType<typeof allThreadsCpu>) => {
      const total = all.reduce((a, t) => a + t.ms, 0);
      const gc = all.reduce((a, t) => a + t.gcCpuMs, 0);
      const gcOf = (t: (typeof all)[number]) => (t.gcMs >= 10 ? ` (GC pauses ${t.gcMs.toFixed(0)} ms wall, ${t.gcCpuMs.toFixed(0)} ms CPU)` : t.gcCpuMs >= 10 ? ` (GC ${t.gcCpuMs.toFixed(0)} ms CPU)` : '');
      return `${total.toFixed(0)} ms in all, of it GC ${gc.toFixed(0)} ms CPU:\n${all.filter((t) => t.ms >= 10).map((t) => `      ${t.ms.toFixed(0).padStart(6)} ms  ${t.name}${gcOf(t)}`).join('\n')}`;
    };
    if (bareThreads) console.log(`  every thread's CPU, bare pdf.js (one lane): ${list(bareThreads.all)}`);
    console.log(`  every thread's CPU, the panel's scan: ${list(th.all)}`);
    const pool = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 5).slice(0, 12).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ');
    console.log(`  pool threads by their tasks' first event (ms CPU): bare ${bareThreads ? pool(bareThreads.pool) : '—'}; the panel's scan ${pool(th.pool)}`);
  }
  if (cdp && GAPS) console.log(await gapReport(panel, trace, m.clickAt, m.allDone));
  else if (cdp) console.log(panelLongTasks(trace, m.clickAt, m.allDone));
  if (cdp && PROFILE) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    // MEETING_PROFILE_OUT=prefix: the profile and the trace kept as files, for a closer look.
    if (process.env.MEETING_PROFILE_OUT) {
      writeFileSync(`${process.env.MEETING_PROFILE_OUT}.cpuprofile`, JSON.stringify(profile));
      writeFileSync(`${process.env.MEETING_PROFILE_OUT}.trace.json`, JSON.stringify(trace));
    }
    console.log(profileOf(profile, trace));
    const threads = threadsOf(trace);
    const split = panelSplit(profile, moduleMap(extensionDir), threads.from, threads.to);
    console.log(splitTable(split, threads.mainCpuMs, bareThreads && { mainCpuMs: bareThreads.mainCpuMs, workerCpuMs: bareThreads.pdfWorkerCpuMs, panelPdfWorkerCpuMs: threads.pdfWorkerCpuMs }));
    console.log(threads.analysisCpuMs > 0 ? `  analysis worker ${threads.analysisCpuMs.toFixed(0)} ms CPU` : '  analysis: in the extraction workers (their CPU above)');
    if (process.env.MEETING_PROFILE_DETAIL) console.log(`  within each part, by innermost function with a file ← its caller (sampled ms):\n${splitDetail(Number(process.env.MEETING_PROFILE_DETAIL))}`);
  }
  if (m.errors.length) console.log(`  (not observed: ${m.errors.join('; ')})`);
  await panel.close();
  const during = m.longtasks.filter((t) => t.start >= m.clickAt && t.start <= m.allDone);
  const perInteraction = new Map<number, number>();
  for (const e of m.events) if (e.start > m.clickAt + 50) perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.dur));
  const done = await Promise.resolve(docs.length);
  return {
    totalMs: m.allDone - m.clickAt,
    firstMs: m.first - m.clickAt,
    firstDocMs: m.firstDoc - m.clickAt,
    done,
    longestTask: Math.max(0, ...during.map((t) => t.dur)),
    longTasks: during.length,
    // An interaction under 16 ms is not reported by Event Timing: counted as 16.
    clicks: [...Array(Math.min(clicks, 8))].map((_, i) => [...perInteraction.values()][i] ?? 16),
    basePss,
    peakPss,
    peakUntraced,
    baseUntraced: untraced(base),
    rendererAdded,
    heapPeakMb: m.heapPeak,
  };
}

/**
 * MEETING_CANCEL_TRACE: every task of the panel's renderer from the cancel click until no row was
 * busy (and 300 ms after, for work that outlives it), per thread, with the longest events inside.
 */
function cancelTrace(trace: TraceEvent[], cancelAt: number, doneAt: number): string {
  const mark = trace.find((e) => e.name === 'bench:cancel');
  if (!mark) return '  (no bench:cancel mark in the trace)';
  const offsetUs = mark.ts - cancelAt * 1000;
  const from = mark.ts;
  const to = offsetUs + doneAt * 1000 + 300_000;
  const names = new Map<string, string>();
  for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const scripts = threadScripts(trace);
  const at = (ts: number) => ((ts - from) / 1000).toFixed(1);
  const out = [`  cancel trace: click at 0, no row busy at +${(doneAt - cancelAt).toFixed(1)} ms; tasks over 1 ms until +${((to - from) / 1000).toFixed(0)} ms:`];
  const tasks = trace.filter((e) => e.ph === 'X' && e.dur && /RunTask$|ThreadControllerImpl::RunTask/.test(e.name) && e.ts + e.dur >= from && e.ts <= to && e.dur >= 1000);
  for (const t of tasks.sort((a, b) => a.ts - b.ts)) {
    const thread = `${t.pid}:${t.tid}`;
    const inside = trace.filter((e) => e !== t && `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur && !/RunTask$/.test(e.name) && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur!).sort((a, b) => b.dur! - a.dur!);
    const who = `${names.get(thread) ?? thread}${scripts.get(thread) ? ` (${scripts.get(thread)!.split('/').pop()})` : ''}`;
    out.push(`    +${at(t.ts)} … +${at(t.ts + t.dur!)} ms  ${who}: ${inside.slice(0, 6).map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}${(e.args?.data as { functionName?: string } | undefined)?.functionName ? ` ${(e.args!.data as { functionName: string }).functionName}` : ''}`).join(' | ')}`);
  }
  return out.join('\n');
}

/** Scan all, stop after the first results: how long until no row is busy, and what was still asked of the server. */
async function cancelRun(context: BrowserContext, extensionId: string, tabId: number) {
  const sw = context.serviceWorkers()[0]!;
  await sw.evaluate(async () => chrome.storage.local.clear());
  await clearPdfCache(sw);
  const panel = await openPanel(context, extensionId, tabId);
  await panel.getByTestId(SCAN).first().click();
  await panel.locator('[data-testid=attachments] .pdf-result').first().waitFor({ timeout: 120_000 });
  const stop = panel.getByTestId('pdf-cancel-all');
  let stoppedAt = 0;
  let stoppedWall = 0;
  // MEETING_CANCEL_TRACE=1: a trace of the panel's renderer around the cancel, and what each of
  // its threads ran from the click until no row was busy.
  const cdp = process.env.MEETING_CANCEL_TRACE ? await context.newCDPSession(panel) : null;
  const stopAll = async () => {
  if ((await stop.count()) > 0) {
    stoppedAt = performance.now();
    stoppedWall = Date.now();
    await stop.click();
  } else {
    // A build without the button: every row's own cancel, in one go.
    stoppedAt = performance.now();
    stoppedWall = Date.now();
    await panel.evaluate(() => {
      (window as unknown as { __m: Metrics }).__m.cancelAt = performance.now();
      document.querySelectorAll<HTMLButtonElement>('[data-testid=pdf-cancel]').forEach((b) => b.click());
    });
  }
  await panel.waitForFunction(() => (window as unknown as { __m: Metrics }).__m.cancelDone > 0, undefined, { timeout: 60_000, polling: 100 });
  };
  const trace = cdp ? await traced(cdp, stopAll) : (await stopAll(), []);
  // Anything the panel still asks for comes within a few seconds of the click.
  await new Promise((r) => setTimeout(r, 3000));
  const m = await metrics(panel);
  const after = pdfRequests.filter((t) => t > stoppedAt + 100).length;
  const read = await panel.locator('[data-testid=attachments] .pdf-result').count();
  // The server's clock counts from the bench's click, which reaches the panel later on a loaded
  // machine (Playwright's checks, the input's way to the renderer). The panel's own resource
  // timing tells apart a download it started before its click handler ran from one after.
  const panelSide = await panel.evaluate(() => {
    const cancelAt = (window as unknown as { __m: Metrics }).__m.cancelAt;
    const pdfFetches = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch' && e.name.includes('/Agenda/Document/'));
    return { clickWall: performance.timeOrigin + cancelAt, startedAfter: pdfFetches.filter((e) => e.startTime > cancelAt).map((e) => Math.round(e.startTime - cancelAt)) };
  });
  if (cdp) console.log(cancelTrace(trace, m.cancelAt, m.cancelDom || m.cancelDone));
  await panel.close();
  return { ms: m.cancelDone - m.cancelAt, domMs: m.cancelDom ? m.cancelDom - m.cancelAt : NaN, paintMs: m.cancelPaint ? m.cancelPaint - m.cancelAt : NaN, requestsAfter: after, read, clickLagMs: panelSide.clickWall - stoppedWall, startedAfterClick: panelSide.startedAfter };
}

const browser = await launchWithExtension({ extensionDir, port: server.port });
try {
  const context = browser.context;
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const agenda = await context.newPage();
  const agendaUrl = `http://${AGENDA_HOST}${AGENDA_PATH}`;
  await agenda.goto(agendaUrl);
  const tabId = await tabIdOf(context, agendaUrl);

  const urls = docs.map((d) => `/meeting-bench/pdf?p=${encodeURIComponent(d.path)}`);
  /**
   * Bare pdf.js in a page of its own, closed after its run: the browser's memory while the panel
   * scans holds no pdf.js page the reader would not have open.
   */
  const bareRun = async (lanes: number): Promise<number> => {
    const bare = await context.newPage();
    if (process.env.MEETING_DEBUG) bare.on('console', (m) => console.error(m.text()));
    await bare.goto(server.url('meeting-bench/bare.html'));
    await bare.waitForFunction(() => typeof (window as unknown as Partial<Bare>).bareSequential === 'function');
    // Warm-up: the worker file, fonts, the server's first answers.
    await bare.evaluate((u) => (window as unknown as Bare).bareSequential(u.slice(0, 3)), urls);
    let ms = 0;
    // The browser's memory while bare pdf.js reads (the same sampling as the panel's run): the
    // reference for what a scan of the meeting adds.
    const before = browserPss();
    let peak = before;
    let peakUntraced = untraced(before);
    let rendererAdded = 0;
    const sampler = setInterval(() => {
      const now = browserPss();
      if (now.total > peak.total) peak = now;
      peakUntraced = Math.max(peakUntraced, untraced(now));
      rendererAdded = Math.max(rendererAdded, privateAdded(before, now, 'page renderer'));
    }, 200);
    const extract = async () => void (ms = (await bare.evaluate(([u, n]) => (window as unknown as Bare).bareLanes(u, n), [urls, lanes] as const)).ms);
    // Profiled: bare pdf.js' own threads' CPU (one lane), beside the panel's in meeting-panel-cpu.ts.
    if (TRACE && lanes === 1) {
      const cdp = await context.newCDPSession(bare);
      bareThreads = threadsOf(await traced(cdp, extract));
      await cdp.detach().catch(() => {});
    } else if (MEMDUMP && lanes === 1) {
      // The same dumps as the panel's run: bare pdf.js' page renderer by allocator, its reference.
      const cdp = await context.newCDPSession(bare);
      console.log(`  bare pdf.js (one lane):\n${peakDump(await memoryDumps(cdp, extract), processKind)}`);
      await cdp.detach().catch(() => {});
    } else await extract();
    clearInterval(sampler);
    await bare.close();
    console.log(`  bare pdf.js (${lanes} lane${lanes > 1 ? 's' : ''}): browser PSS ${before.total.toFixed(0)} → peak ${peak.total.toFixed(0)} MB (+${(peak.total - before.total).toFixed(0)}); by process: ${pssByKind(before.byKind, peak.byKind)}`);
    console.log(`    its page's renderer: private memory added at the peak ${rendererAdded.toFixed(0)} MB`);
    if (lanes === 1) (barePeaks.push(peakUntraced - untraced(before)), bareRenderer.push(rendererAdded));
    return ms;
  };

  // MEETING_CANCELS=n: only the cancel, n times (its figure is one sample per run otherwise).
  const cancels = Number(process.env.MEETING_CANCELS ?? 0);
  for (let i = 0; i < cancels; i++) {
    pdfRequests = [];
    const c = await cancelRun(context, extensionId, tabId);
    console.log(`  cancel ${i + 1}: click → no row busy ${c.ms.toFixed(0)} ms (polled every 50 ms; in the DOM ${c.domMs.toFixed(0)} ms, drawn by ${c.paintMs.toFixed(0)} ms), requests after ${c.requestsAfter}, results kept ${c.read}; the click reached the panel ${c.clickLagMs.toFixed(0)} ms after the bench sent it; downloads the panel started after its click: ${c.startedAfterClick.length}${c.startedAfterClick.length ? ` (at +${c.startedAfterClick.join(', +')} ms)` : ''}; load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
  }
  if (cancels > 0) process.exit(0);
  const rows: { bare: number; lanes: number; panel: PanelRun }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let b: number;
    let l: number;
    let p: PanelRun;
    console.error(`round ${i + 1}`);
    if (i % 2 === 0) {
      b = await bareRun(1);
      l = await bareRun(2);
      p = await panelRun(context, extensionId, tabId);
    } else {
      p = await panelRun(context, extensionId, tabId);
      l = await bareRun(2);
      b = await bareRun(1);
    }
    rows.push({ bare: b, lanes: l, panel: p });
    console.log(
      `  round ${i + 1}: bare ${b.toFixed(0)} ms, bare 2 lanes ${l.toFixed(0)} ms, panel ${p.totalMs.toFixed(0)} ms (first matches ${p.firstMs.toFixed(0)} ms, first document ${p.firstDocMs.toFixed(0)} ms), longest task ${p.longestTask.toFixed(0)} ms (${p.longTasks} over 50 ms), clicks ${p.clicks.map((c) => c.toFixed(0)).join('/')} ms, PSS ${p.basePss.toFixed(0)} → ${p.peakPss.toFixed(0)} MB (${p.peakUntraced.toFixed(0)} without the trace buffer; the extension renderer's private memory +${p.rendererAdded.toFixed(0)} MB), panel heap ${p.heapPeakMb.toFixed(0)} MB`,
    );
  }
  pdfRequests = [];
  const cancel = await cancelRun(context, extensionId, tabId);

  const med = (f: (r: (typeof rows)[number]) => number) => median(rows.map(f));
  const bareMs = med((r) => r.bare);
  const lanesMs = med((r) => r.lanes);
  const totalMs = med((r) => r.panel.totalMs);
  const firstMs = med((r) => r.panel.firstMs);
  const peak = Math.max(...rows.map((r) => r.panel.peakPss));
  const peakUntraced = Math.max(...rows.map((r) => r.panel.peakUntraced));
  const rise = med((r) => r.panel.peakUntraced - r.panel.baseUntraced);
  const longest = med((r) => r.panel.longestTask);
  const clicks = rows.flatMap((r) => r.panel.clicks);
  const clickMax = Math.max(0, ...clicks);
  const clickMed = clicks.length ? median(clicks) : NaN;
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`\n${ROUNDS} round(s) (alternating order), medians; fresh panel per round, stored results cleared; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}:`);
  console.log(`  total, click → all 40 rows finished: ${totalMs.toFixed(0)} ms  vs bare pdf.js one after another (one worker) ${bareMs.toFixed(0)} ms → ${x(totalMs, bareMs)} (target ≤ 1.10×); vs bare 2 lanes ${lanesMs.toFixed(0)} ms → ${x(totalMs, lanesMs)}`);
  console.log(`  first results (matches shown):       ${firstMs.toFixed(0)} ms  vs 500 ms → ${x(firstMs, 500)}; the first whole document ${med((r) => r.panel.firstDocMs).toFixed(0)} ms`);
  // The browser with the agenda and the panel open is ~350–520 MB before the click: ≤ 500 MB on all
  // its processes cannot be met as written; what the scan adds is the figure Raadslens controls.
  const base = med((r) => r.panel.basePss);
  const bareRise = barePeaks.length ? median(barePeaks) : NaN;
  console.log(`  browser memory (PSS, all processes): peak ${peak.toFixed(0)} MB vs 500 MB → ${x(peak, 500)} (without the bench's trace buffer, utility TracingService: ${peakUntraced.toFixed(0)} MB); before the click ${base.toFixed(0)} MB (the browser, agenda and panel alone: 500 MB on all processes cannot be met as written), added by the scan ${rise.toFixed(0)} MB (bare pdf.js, one lane, added ${bareRise.toFixed(0)} MB; both without the trace buffer)`);
  console.log(`  memory added by the scan ÷ added by bare pdf.js (one lane, same run): ${rise.toFixed(0)} ÷ ${bareRise.toFixed(0)} MB → ${x(rise, bareRise)} (target ≤ 1.50×)`);
  const ours = med((r) => r.panel.rendererAdded);
  const bareOwn = bareRenderer.length ? median(bareRenderer) : NaN;
  console.log(`  the working renderer's private memory added (the extension's: panel + extraction worker; bare pdf.js' page): ${ours.toFixed(0)} ÷ ${bareOwn.toFixed(0)} MB → ${x(ours, bareOwn)}`);
  console.log(`  cancel, click → no row busy:         ${cancel.ms.toFixed(0)} ms  vs 100 ms → ${x(cancel.ms, 100)} (polled every 50 ms; the DOM without a busy row at ${cancel.domMs.toFixed(0)} ms, drawn by ${cancel.paintMs.toFixed(0)} ms); PDF requests started > 100 ms after the click: ${cancel.requestsAfter} (the click reached the panel after ${cancel.clickLagMs.toFixed(0)} ms; downloads it started after: ${cancel.startedAfterClick.length}); results kept: ${cancel.read}`);
  console.log(`  panel's longest task while scanning: ${longest.toFixed(0)} ms  vs 50 ms → ${x(longest, 50)}`);
  console.log(`  click → paint while scanning:        median ${clickMed.toFixed(0)} ms, max ${clickMax.toFixed(0)} ms vs 100 ms (${clicks.length} clicks; under 16 ms counted as 16)`);
  summary('meeting', '40 PDFs/2000 p: total', totalMs, 'ms', `bare pdf.js ${bareMs.toFixed(0)} ms → ${x(totalMs, bareMs)} (≤ 1.1×)`);
  summary('meeting', '40 PDFs/2000 p: first results', firstMs, 'ms', `${x(firstMs, 500)} of 500 ms`);
  summary('meeting', '40 PDFs/2000 p: peak browser PSS', peak, 'MB', `${x(peak, 500)} of 500 MB`);
  summary('meeting', '40 PDFs/2000 p: PSS added by the scan', rise, 'MB', `before the click ${base.toFixed(0)} MB; bare pdf.js added ${bareRise.toFixed(0)} MB → ${x(rise, bareRise)} (≤ 1.5×)`);
  summary('meeting', '40 PDFs/2000 p: cancel → idle', cancel.ms, 'ms', `${x(cancel.ms, 100)} of 100 ms; ${cancel.requestsAfter} requests after`);
  summary('meeting', '40 PDFs/2000 p: longest panel task', longest, 'ms', `${x(longest, 50)} of 50 ms`);
  summary('meeting', '40 PDFs/2000 p: click → paint (max)', clickMax, 'ms', `median ${clickMed.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
