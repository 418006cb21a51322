// Reads our longest task on a page by hand, with a V8 sampling profile taken beside a trace: loads
// the page with Raadslens (after a warm-up), finds the longest main-thread task in which the
// content script ran, and prints the profile's samples inside it by leaf function (with its
// caller in our script), so a long step names the call it sat in, native or ours.
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/prof-longest.ts [url]
//      PROF_LOADS=3 (loads traced), PROF_INTERVAL_US=50 (sampling interval)
import { join, resolve } from 'node:path';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';
import { loadScanned, traced, urlOf, type TraceEvent } from './trace';

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const url = process.argv[2] ?? 'http://utrecht.raadsinformatie.nl/generated/100k-nodes.html';
const LOADS = Number(process.env.PROF_LOADS ?? 3);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const bench = await openCouncilBench(extensionDir, 'prof-longest');
try {
  const page = await bench.browser.context.newPage();
  const cdp = await bench.browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROF_INTERVAL_US ?? 50) });
  await loadScanned(page, url, 500);
  for (let load = 0; load < LOADS; load++) {
    let profile: Profile | null = null;
    const events = await traced(cdp, async () => {
      await cdp.send('Profiler.start');
      await loadScanned(page, url, 1000);
      profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
    });
    const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '') === url);
    if (!parse || !profile) throw new Error('geen ParseHTML of profiel');
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain');
    const tid = main?.tid ?? parse.tid;
    const onMain = events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number' && e.ts >= parse.ts);
    const ours = onMain.filter((e) => e.name !== 'RunTask' && urlOf(e).startsWith('chrome-extension://'));
    const tasks = onMain.filter((e) => e.name === 'RunTask' && ours.some((o) => o.ts >= e.ts && o.ts <= e.ts + e.dur!));
    tasks.sort((a, b) => b.dur! - a.dur!);
    const p: Profile = profile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url.startsWith('chrome-extension://') ? `@${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}` : ''}`;
    console.log(`load ${load + 1}: our tasks ${tasks.length}, longest ${tasks.slice(0, 3).map((t) => `${(t.dur! / 1000).toFixed(1)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1)})`).join(', ')}`);
    for (const t of tasks.slice(0, Number(process.env.PROF_TASKS ?? 1))) {
      const counts = new Map<string, number>();
      let ts = p.startTime;
      let inTask = 0;
      for (let i = 0; i < p.samples.length; i++) {
        ts += p.timeDeltas[i]!;
        if (ts < t.ts || ts > t.ts + t.dur!) continue;
        inTask++;
        const leaf = byId.get(p.samples[i]!)!;
        // The leaf, and the nearest frame of our script above it (where in our code it was called).
        let caller = '';
        for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
          const n = byId.get(id)!;
          if (n !== leaf && n.callFrame.url.startsWith('chrome-extension://')) {
            caller = name(n);
            break;
          }
        }
        const key = `${name(leaf)}  ← ${caller}`;
        counts.set(key, (counts.get(key) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
      }
      console.log(`  task at +${((t.ts - parse.ts) / 1000).toFixed(0)} ms, ${(t.dur! / 1000).toFixed(1)} ms: ${inTask} samples`);
      for (const [k, us] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${(us / 1000).toFixed(1).padStart(6)} ms  ${k}`);
    }
  }
} finally {
  await bench.close();
}
