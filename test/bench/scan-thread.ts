// The page scan's slices in a trace, to tell the scan's own work from time the thread only waited
// for a core: one load of the 1 MB council page (after a warm-up) in a fresh browser, the content
// script's phases (its own wall-clock measure) beside the thread time (tdur) of the tasks it ran
// in, the garbage collection inside them, page.bench's least possible scan in thread time (target
// 1 of issue 17 by CPU time: the scan's thread time against it), and what the renderer's and GPU
// process's other threads ran meanwhile (on two cores a raster or compositor thread takes a core
// from the scan's thread). Used by trace-scan.ts (by hand, two builds) and scan-thread.bench.ts
// (npm run bench).
import { join } from 'node:path';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';
import { loadScanned, traced, urlOf, type TraceEvent } from './trace';

type Phases = Record<string, number>;
export type Row = { dir: string; busy: number; leastCpu: number; walkRefCpu: number; matcherCpu: number; phases: Phases; wall: number; cpu: number; tasks: number; gc: number; walkWall: number; walkCpu: number; others: Map<string, number> };

const phasesJs = (await build({ entryPoints: [join(ROOT, 'test', 'bench', 'page-phases.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' })).outputFiles[0]!.text;

/** The renderer main thread's CPU time (ms) spent in `run`, from CDP's Performance metrics in thread ticks. */
async function threadMs(cdp: CDPSession, run: () => Promise<unknown>): Promise<number> {
  const now = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  const t0 = await now();
  await run();
  return (await now()) - t0;
}

// page.bench's least possible scan in thread time: its element + text walk, cold in a fresh
// isolated world (where a content script runs), plus the category matcher alone, warm (least of 3).
const ELEMENT_WALK = `(() => { const root = document.querySelector('main') ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT); let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) n += node.data.length; else if (node.tagName === 'SCRIPT') n--;
  return n; })()`;

async function leastScanCpu(page: Page, cdp: CDPSession): Promise<{ walk: number; matcher: number }> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'trace-scan-reference' })) as { executionContextId: number };
  const walk = await threadMs(cdp, () => cdp.send('Runtime.evaluate', { expression: ELEMENT_WALK, contextId: executionContextId, returnByValue: true }));
  await page.addScriptTag({ content: phasesJs });
  const matchOnly = () => page.evaluate(() => (globalThis as unknown as { raadslensMatchOnly: () => number }).raadslensMatchOnly());
  await matchOnly();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await threadMs(cdp, matchOnly));
  return { walk, matcher: Math.min(...runs) };
}

const GC = /^(MinorGC|MajorGC|V8\.GC|ScavengeGC|BlinkGC)/;

export async function traceOnce(dir: string, name: string): Promise<Row> {
  const bench = await openCouncilBench(dir, name);
  try {
    const page = await bench.browser.context.newPage();
    const cdp = await bench.browser.context.newCDPSession(page);
    const url = bench.portalUrl;
    const scanned = () => loadScanned(page, url, 500);
    await scanned();
    const events = await traced(cdp, scanned);
    const measure = (await page.evaluate(() => {
      const m = performance.getEntriesByName('raadslens:scan', 'measure')[0] as PerformanceMeasure;
      return { start: m.startTime, duration: m.duration, detail: m.detail as { busyMs: number; phases: Phases } };
    }));
    const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '') === url);
    if (!parse) throw new Error('no ParseHTML of the page in the trace');
    const threadName = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? '?'));
    const main = [...threadName].find(([k, v]) => k.startsWith(`${parse.pid}:`) && v === 'CrRendererMain');
    const tid = main ? Number(main[0].split(':')[1]) : parse.tid;
    // The scan's own measure in the trace's clock (blink.user_timing), its window for the rest.
    const mark = events.find((e) => e.name === 'raadslens:scan' && e.pid === parse.pid && (e.ph === 'b' || e.ph === 'X' || e.ph === 'B'));
    if (!mark) throw new Error('no raadslens:scan measure in the trace');
    const from = mark.ts;
    const to = from + measure.duration * 1000;
    const onMain = events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
    const ours = (e: TraceEvent) => urlOf(e).startsWith('chrome-extension://');
    const tasks = onMain.filter((t) => t.name === 'RunTask' && t.ts >= from - 1 && t.ts <= to && onMain.some((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && ours(e)));
    let wall = 0;
    let cpu = 0;
    let gc = 0;
    for (const t of tasks) {
      // The last task goes on with the report after the scan's end: only its share up to the end counts.
      const share = t.ts + t.dur! > to ? Math.max(0, to - t.ts) / t.dur! : 1;
      wall += (t.dur! * share) / 1000;
      cpu += ((t.tdur ?? 0) * share) / 1000;
      for (const e of onMain) if (e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && GC.test(e.name)) gc += e.dur! / 1000;
    }
    // The walk's slices: from the scan's start until the wall time of detection + walk is spent.
    let walkWall = 0;
    let walkCpu = 0;
    const walkBudget = (measure.detail.phases.detectMs ?? 0) + (measure.detail.phases.walkMs ?? 0);
    for (const t of tasks) {
      if (walkWall >= walkBudget) break;
      walkWall += t.dur! / 1000;
      walkCpu += (t.tdur ?? 0) / 1000;
    }
    // Other threads' top-level work inside the window, by thread name (thread time where given).
    const others = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || typeof e.dur !== 'number' || (e.pid === parse.pid && e.tid === tid)) continue;
      if (!/^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask|TaskGraphRunner::RunTask)$/.test(e.name)) continue;
      const s = Math.max(e.ts, from);
      const end = Math.min(e.ts + e.dur, to);
      if (end <= s) continue;
      const share = (end - s) / e.dur;
      const ms = ((e.tdur ?? e.dur) * share) / 1000;
      const key = `${e.pid === parse.pid ? 'renderer' : `pid ${e.pid}`}:${(threadName.get(`${e.pid}:${e.tid}`) ?? String(e.tid)).replace(/\d+$/, '')}`;
      others.set(key, (others.get(key) ?? 0) + ms);
    }
    // What the renderer's other threads ran: the events directly under their tasks, by name.
    const inPool = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== parse.pid || e.tid === tid || e.ph !== 'X' || typeof e.dur !== 'number' || /RunTask$/.test(e.name)) continue;
      const s = Math.max(e.ts, from);
      const end = Math.min(e.ts + e.dur, to);
      if (end <= s) continue;
      inPool.set(e.name, (inPool.get(e.name) ?? 0) + (end - s) / 1000);
    }
    for (const [k, v] of [...inPool].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 0))) others.set(`  · ${k} (wall)`, v);
    const least = await leastScanCpu(page, cdp);
    return { dir, busy: measure.detail.busyMs, leastCpu: least.walk + least.matcher, walkRefCpu: least.walk, matcherCpu: least.matcher, phases: measure.detail.phases, wall, cpu, tasks: tasks.length, gc, walkWall, walkCpu, others };
  } finally {
    await bench.close();
  }
}


const f = (x: number) => x.toFixed(1).padStart(7);

/** One load's lines: phases, our tasks' wall and thread time, the least possible scan, other threads. */
export function printRow(label: string, r: Row): void {
  const p = r.phases;
  console.log(`${label}: busy ${f(r.busy)} ms  phases det ${f(p.detectMs!)} walk ${f(p.walkMs!)} match ${f(p.matchMs!)} ranges ${f(p.rangesMs!)} paint ${f(p.paintMs!)}`);
  console.log(`   our ${r.tasks} tasks: wall ${f(r.wall)} thread ${f(r.cpu)} (GC inside ${f(r.gc)});  walk's tasks: wall ${f(r.walkWall)} thread ${f(r.walkCpu)}`);
  console.log(`   least possible scan in thread time: element walk (cold, isolated world) ${f(r.walkRefCpu)} + matcher alone (warm) ${f(r.matcherCpu)} = ${f(r.leastCpu)} ms; the scan's thread time is ${(r.cpu / r.leastCpu).toFixed(2)}× that (target ≤ 2×)`);
  const top = [...r.others].sort((a, b) => b[1] - a[1]).slice(0, 6 + Number(process.env.TRACE_TOP ?? 0));
  console.log(`   other threads meanwhile (thread ms): ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
}
