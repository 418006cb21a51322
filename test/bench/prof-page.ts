// Diagnostic (not part of npm run bench): the 1 MB council page, scan wall/busy per load, the
// cold and warm floor, and (PROFILE=1) a CPU profile of one load aggregated by function, written
// to PROFILE_OUT (default: raadslens-page.cpuprofile in the temp directory).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-prof', 'chrome-mv3'));
const bench = await openCouncilBench(extensionDir, 'prof');
const { browser } = bench;
// PAGE_URL: another page under a portal host (the 100,000-node page: /generated/100k-nodes.html).
const url = process.env.PAGE_URL ?? bench.portalUrl;
const page = await browser.context.newPage();
const measure = () => page.waitForFunction(() => {
  const m = performance.getEntriesByName('raadslens:scan', 'measure')[0] as PerformanceMeasure | undefined;
  const setup = performance.getEntriesByName('raadslens:setup', 'measure')[0];
  return m ? { ms: m.duration, setupMs: setup?.duration ?? NaN, ...(m.detail as object) } : null;
}, undefined, { timeout: 60_000, polling: 50 }).then((h) => h.jsonValue());
const floor = () => page.evaluate(() => {
  const out: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const root = document.querySelector('main') ?? document.body;
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = w.nextNode(); node; node = w.nextNode()) n += (node as Text).data.length;
    out.push(performance.now() - t0);
  }
  return out;
});
for (let i = 0; i < Number(process.env.LOADS ?? 5); i++) {
  await page.goto(url, { waitUntil: 'load' });
  const m = await measure() as { ms: number; busyMs: number; setupMs: number; chars: number; matches: number };
  const f = await floor();
  console.log(`load ${i}: setup ${m.setupMs.toFixed(1)} scan wall ${m.ms.toFixed(1)} busy ${m.busyMs.toFixed(1)}  chars ${m.chars} matches ${m.matches}  floor cold ${f[0]!.toFixed(1)} warm ${Math.min(...f.slice(1)).toFixed(1)}`);
}
if (process.env.PROFILE) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.goto('about:blank');
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await measure();
  const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  // Inclusive time per function (a function called once per scan: the length of that piece of
  // work, which no yield inside it can cut). A recursive function counts once per frame.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<number, number>();
  const total = (id: number): number => {
    const known = inclusive.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const v = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + total(c), 0);
    inclusive.set(id, v);
    return v;
  };
  const incByFn = new Map<string, number>();
  for (const n of profile.nodes) {
    if (!n.callFrame.url.startsWith('chrome-extension://')) continue;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    incByFn.set(key, (incByFn.get(key) ?? 0) + total(n.id));
  }
  console.log('\ninclusive, ours:');
  for (const [k, v] of [...incByFn].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 60))) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  writeFileSync(process.env.PROFILE_OUT ?? join(tmpdir(), 'raadslens-page.cpuprofile'), JSON.stringify(profile));
}
await bench.close();
