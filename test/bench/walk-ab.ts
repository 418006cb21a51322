// Diagnostic (not part of npm run bench): the page scan's walk into blocks (BlockIndex.build, as
// the content script runs it: chrome left out, default block size) of two source trees, each cold
// in a fresh isolated world on the 1 MB council page, alternating, many rounds. On a shared
// machine the least of each tree's rounds says most; the medians are printed beside them.
// The renderer's main-thread CPU time around each walk (CDP Performance metrics, thread ticks)
// is printed too: it leaves out the time the thread waited for a core.
// Run: REF=/work/wt/other-checkout npx tsx test/bench/walk-ab.ts   (BENCH_LOADS rounds, default 12)
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
  const blocks = index.buildNow();
  const ms = performance.now() - t0;
  let chars = 0;
  for (const b of blocks) chars += b.index.text.length;
  return { ms, blocks: blocks.length, chars, nodes: index.nodeCount };
};`;
// page.bench.ts's reference: a TreeWalker over elements and text, reading tag names and data.
const bundles: Record<string, string> = {
  reference: `globalThis.__walk = () => {
    const t0 = performance.now();
    const root = document.querySelector('main') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeType === 3) n += node.data.length; else if (node.tagName === 'SCRIPT') n--;
    return { ms: performance.now() - t0, blocks: 0, chars: n, nodes: 0 };
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
  await page.goto(bench.plainUrl, { waitUntil: 'load' });
  // The renderer main thread's CPU time around each walk: what a busy machine's waiting leaves out.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  const names = ['before', 'after', 'reference'];
  const times: Record<string, number[]> = { before: [], after: [], reference: [] };
  const cpu: Record<string, number[]> = { before: [], after: [], reference: [] };
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
      const c0 = await threadTime();
      const out = (await cdp.send('Runtime.evaluate', { expression: '__walk()', contextId: executionContextId, returnByValue: true })) as { result: { value: { ms: number; blocks: number; chars: number; nodes: number } } };
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
      shapes[name] = `${v.blocks} blocks, ${v.chars} chars, ${v.nodes} text nodes`;
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  for (const name of names) {
    const xs = times[name]!;
    const cs = cpu[name]!;
    console.log(`${name.padEnd(7)} thread time: least ${Math.min(...cs).toFixed(1).padStart(6)} ms  median ${med(cs).toFixed(1).padStart(6)} ms  runs ${cs.map((x) => x.toFixed(0)).join(' ')}`);
    console.log(`${name.padEnd(7)} wall: least ${Math.min(...xs).toFixed(1).padStart(6)} ms  median ${med(xs).toFixed(1).padStart(6)} ms  (${shapes[name]})  runs ${xs.map((x) => x.toFixed(0)).join(' ')}`);
  }
} finally {
  await bench.close();
}
