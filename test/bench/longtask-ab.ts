// Diagnostic (not part of npm run bench): the longest task of Raadslens on one page, in thread
// time, for two builds, alternating loads in two browsers (one per build). Thread time (the CPU
// the task had) is what a busy shared machine does not stretch; each load's longest task of ours
// is printed with the CPU of the collections inside it, and the medians and maxima per build.
// Run: RAADSLENS_EXTENSION_DIR=<A> RAADSLENS_EXTENSION_DIR_B=<B> BENCH_LOADS=8 npx tsx test/bench/longtask-ab.ts [url]
import { resolve } from 'node:path';
import { openCouncilBench, type CouncilBench } from './council-bench';
import { median } from './corpus';
import { loadScanned, traced, urlOf, type TraceEvent } from './trace';

const dirs = { A: process.env.RAADSLENS_EXTENSION_DIR, B: process.env.RAADSLENS_EXTENSION_DIR_B };
if (!dirs.A || !dirs.B) throw new Error('RAADSLENS_EXTENSION_DIR en RAADSLENS_EXTENSION_DIR_B zijn nodig');
const url = process.argv[2] ?? 'http://utrecht.raadsinformatie.nl/generated/100k-nodes.html';
const LOADS = Number(process.env.BENCH_LOADS ?? 8);

/** Our tasks' thread ms, longest first, each with the thread ms of the collections inside it. */
function ourTasks(events: TraceEvent[]): Array<{ cpu: number; wall: number; gc: number }> {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '') === url);
  if (!parse) throw new Error('geen ParseHTML');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? parse.tid;
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number' && e.ts >= parse.ts);
  const script = onMain.filter((e) => e.name !== 'RunTask' && urlOf(e).startsWith('chrome-extension://'));
  const gcs = onMain.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC');
  const out = [];
  for (const t of onMain) {
    if (t.name !== 'RunTask') continue;
    const end = t.ts + t.dur!;
    if (!script.some((s) => s.ts >= t.ts && s.ts <= end)) continue;
    const gc = gcs.filter((g) => g.ts >= t.ts && g.ts <= end).reduce((a, g) => a + (g.tdur ?? g.dur!), 0);
    out.push({ cpu: (t.tdur ?? t.dur!) / 1000, wall: t.dur! / 1000, gc: gc / 1000 });
  }
  return out.sort((a, b) => b.cpu - a.cpu);
}

const benches: Record<string, CouncilBench> = {};
try {
  for (const [k, d] of Object.entries(dirs)) benches[k] = await openCouncilBench(resolve(d!), `longtask-ab-${k}`);
  const pages = Object.fromEntries(await Promise.all(Object.entries(benches).map(async ([k, b]) => {
    const page = await b.browser.context.newPage();
    const cdp = await b.browser.context.newCDPSession(page);
    await loadScanned(page, url, 500); // warm-up
    return [k, { page, cdp }];
  })));
  const got: Record<string, Array<{ cpu: number; wall: number; gc: number; over: number }>> = { A: [], B: [] };
  console.log(`Longest task of Raadslens on ${url}: A ${dirs.A}, B ${dirs.B}; ${LOADS} loads each, alternating; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (let i = 0; i < LOADS; i++) {
    for (const k of i % 2 ? ['B', 'A'] : ['A', 'B']) {
      const { page, cdp } = pages[k]!;
      const tasks = ourTasks(await traced(cdp, () => loadScanned(page, url, 1000)));
      // The content script's own account: its longest slice per phase (wall ms).
      const phases = await page.evaluate(() => {
        const scan = performance.getEntriesByName('raadslens:scan', 'measure')[0] as PerformanceMeasure | undefined;
        const d = scan?.detail as { tasks?: Record<string, number>; chars?: number; nodes?: number; matches?: number } | undefined;
        const slices = Object.entries(d?.tasks ?? {}).map(([p, ms]) => `${p.replace(/Ms$/, '')} ${Math.round(ms)}`).join(', ');
        // What was read and found, to see both builds read the same.
        return `${slices}; ${d?.chars} chars, ${d?.nodes} nodes, ${d?.matches} matches`;
      });
      const top = tasks[0]!;
      got[k]!.push({ ...top, over: tasks.filter((t) => t.cpu > 50).length });
      console.log(`  ${k} load ${i + 1}: longest ${top.cpu.toFixed(1)} ms thread (${top.wall.toFixed(1)} wall, GC ${top.gc.toFixed(1)}); next ${tasks.slice(1, 4).map((t) => t.cpu.toFixed(1)).join(', ')}; ${tasks.length} tasks; slices by phase (wall): ${phases}`);
    }
  }
  for (const k of ['A', 'B']) {
    const xs = got[k]!.map((l) => l.cpu);
    console.log(`${k}: longest task of ours, thread: median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')}); loads with a task over 50 ms thread: ${got[k]!.filter((l) => l.over > 0).length}`);
  }
  console.log(`load average at the end ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  for (const b of Object.values(benches)) await b.close();
}
