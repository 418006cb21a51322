// Diagnostic (not part of npm run bench): the page scan's walk into blocks (BlockIndex.build, as
// the content script runs it: chrome left out, default block size) of two source trees, each cold
// in a fresh isolated world on the 1 MB council page, alternating, many rounds. On a shared
// machine the least of each tree's rounds says most; the medians are printed beside them.
// The renderer's main-thread CPU time around each walk (CDP Performance metrics, thread ticks)
// is printed too: it leaves out the time the thread waited for a core.
// Run: REF=/work/wt/other-checkout npx tsx test/bench/walk-ab.ts   (BENCH_LOADS rounds, default 12;
//      WALK_AB_PAGE=100k for the page of 100,000 text nodes). Each walk also prints its longest
//      generator step (wall): the least a task of the walk can be. WALK_AB_STEPS=1: each step
//      in a protocol call of its own, the longest step in the thread's CPU time.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';

const ROUNDS = Number(process.env.BENCH_LOADS ?? 12);
const trees = { before: resolve(process.env.REF ?? ROOT), after: ROOT };

const entry = (tree: string) => `
import { BlockIndex } from '${tree}/lib/surface/page/scan/blocks';
import { isPageChrome } from '${tree}/lib/surface/page/scan/main-content';
globalThis.__walk = () => {
  const root = document.querySelector('main') ?? document.body;
  const t0 = performance.now();
  const index = new BlockIndex(root, { exclude: isPageChrome });
  // Step by step, as the content script's slicer runs it: the longest step is the floor of a task.
  const steps = index.build();
  let step = 0;
  let r;
  do {
    const s = performance.now();
    r = steps.next();
    step = Math.max(step, performance.now() - s);
  } while (!r.done);
  const blocks = r.value;
  const ms = performance.now() - t0;
  let chars = 0;
  for (const b of blocks) chars += b.index.text.length;
  return { ms, step, blocks: blocks.length, chars, nodes: index.nodeCount };
};
// One step per call, for WALK_AB_STEPS: the harness reads the thread's CPU time between calls.
globalThis.__start = () => {
  globalThis.__steps = new BlockIndex(document.querySelector('main') ?? document.body, { exclude: isPageChrome }).build();
};
globalThis.__step = () => {
  const done = globalThis.__steps.next().done;
  if (done) globalThis.__steps = null;
  return done;
};`;
// page.bench.ts's reference: a TreeWalker over elements and text, reading tag names and data.
const bundles: Record<string, string> = {
  reference: `globalThis.__walk = () => {
    const t0 = performance.now();
    const root = document.querySelector('main') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) n += node.data.length; else if (node.tagName === 'SCRIPT') n--;
    return { ms: performance.now() - t0, step: 0, blocks: 0, chars: n, nodes: 0 };
  };`,
};
for (const [name, tree] of Object.entries(trees)) {
  const out = await build({ stdin: { contents: entry(tree), resolveDir: tree, loader: 'ts' }, bundle: true, format: 'iife', write: false, target: 'chrome120', logLevel: 'silent' });
  bundles[name] = out.outputFiles[0]!.text;
}

const bench = await openCouncilBench(resolve(ROOT, '.output-bench', 'chrome-mv3'), 'walk-ab');
try {
  const page = await bench.browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  // WALK_AB_PAGE=100k: the page of 100,000 text nodes instead of the council page.
  await page.goto(process.env.WALK_AB_PAGE === '100k' ? bench.plainUrl.replace('bench/raadsvergadering.html', 'generated/100k-nodes.html') : bench.plainUrl, { waitUntil: 'load' });
  // The renderer main thread's CPU time around each walk: what a busy machine's waiting leaves out.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  const names = ['before', 'after', 'reference'];
  const times: Record<string, number[]> = { before: [], after: [], reference: [] };
  const cpu: Record<string, number[]> = { before: [], after: [], reference: [] };
  const steps: Record<string, number[]> = { before: [], after: [], reference: [] };
  const stepCpu: Record<string, number[]> = { before: [], after: [] };
  const shapes: Record<string, string> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) {
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `walk-${name}-${r}` })) as { executionContextId: number };
      await cdp.send('Runtime.evaluate', { expression: bundles[name]!, contextId: executionContextId });
      if (process.env.PROFILE && name === 'after') {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
        await cdp.send('Profiler.start');
      }
      if (process.env.WALK_AB_STEPS && name !== 'reference') {
        // Each generator step in a call of its own, with the thread's CPU time read around it
        // (a protocol round trip adds a little to each): the longest step in thread time,
        // which a busy machine does not stretch.
        // The last round's garbage collected first, so no round pays for another's.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('Runtime.evaluate', { expression: '__start()', contextId: executionContextId });
        let longest = 0;
        let at = 0;
        let total = 0;
        for (let k = 0; ; k++) {
          const s0 = await threadTime();
          const r = (await cdp.send('Runtime.evaluate', { expression: '__step()', contextId: executionContextId, returnByValue: true })) as { result: { value: boolean } };
          const d = (await threadTime()) - s0;
          if (d > longest) [longest, at] = [d, k];
          total += d;
          if (r.result.value) break;
        }
        stepCpu[name]!.push(longest);
        console.log(`${name} round ${r + 1}: longest step ${longest.toFixed(1)} ms thread (step ${at}), all steps ${total.toFixed(0)} ms`);
        continue;
      }
      const c0 = await threadTime();
      const out = (await cdp.send('Runtime.evaluate', { expression: '__walk()', contextId: executionContextId, returnByValue: true })) as { result: { value: { ms: number; step: number; blocks: number; chars: number; nodes: number } } };
      cpu[name]!.push((await threadTime()) - c0);
      if (process.env.PROFILE && name === 'after') {
        // Self time by function, in the samples' (wall) milliseconds.
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
        const self = new Map<number, number>();
        profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
        const byFn = new Map<string, number>();
        for (const n of profile.nodes) {
          const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
          byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
        }
        console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
      }
      const v = out.result.value;
      times[name]!.push(v.ms);
      steps[name]!.push(v.step);
      shapes[name] = `${v.blocks} blocks, ${v.chars} chars, ${v.nodes} text nodes`;
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  if (process.env.WALK_AB_STEPS) {
    for (const name of ['before', 'after']) console.log(`${name.padEnd(7)} longest step, thread: least ${Math.min(...stepCpu[name]!).toFixed(1)} ms  median ${med(stepCpu[name]!).toFixed(1)} ms  max ${Math.max(...stepCpu[name]!).toFixed(1)} ms`);
    process.exit(0);
  }
  for (const name of names) {
    const xs = times[name]!;
    const cs = cpu[name]!;
    console.log(`${name.padEnd(7)} thread time: least ${Math.min(...cs).toFixed(1).padStart(6)} ms  median ${med(cs).toFixed(1).padStart(6)} ms  runs ${cs.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`${name.padEnd(7)} wall: least ${Math.min(...xs).toFixed(1).padStart(6)} ms  median ${med(xs).toFixed(1).padStart(6)} ms  (${shapes[name]})  runs ${xs.map((x) => x.toFixed(0)).join(' ')}`);
    if (name !== 'reference') console.log(`${name.padEnd(7)} longest step, wall: least ${Math.min(...steps[name]!).toFixed(1)} ms  median ${med(steps[name]!).toFixed(1)} ms  runs ${steps[name]!.map((x) => x.toFixed(0)).join(' ')}`);
  }
} finally {
  await bench.close();
}
