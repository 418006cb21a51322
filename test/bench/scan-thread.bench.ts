// Issue 17, target 1 in npm run bench: the page scan's busy time against the least possible scan,
// both in the renderer main thread's CPU time, on the 1 MB council page (scan-thread.ts: a trace
// of the scan's tasks; the least possible scan = page.bench's element + text walk, cold in an
// isolated world, plus the category matcher alone, warm). Thread time leaves out the time the
// thread waited for a core, which on two shared cores is most of what wall time adds; the wall
// figures of the same loads are printed beside it. Medians over fresh-browser loads.
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/scan-thread.bench.ts
//   BENCH_LOADS=3 (loads, each in a fresh browser after a warm-up load)
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { median, ROOT, summary } from './corpus';
import { printRow, traceOnce, type Row } from './scan-thread';

const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const dir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

console.log(`Scan thread time vs the least possible scan — extension ${dir}; ${LOADS} loads; load average ${load()}\n`);
const rows: Row[] = [];
for (let i = 0; i < LOADS; i++) {
  const r = await traceOnce(dir, `scan-thread-${i}`);
  rows.push(r);
  printRow(`load ${i + 1}`, r);
}
const m = (f: (r: Row) => number) => median(rows.map(f));
const ratio = m((r) => r.cpu / r.leastCpu);
console.log(`\nmedian of ${LOADS} loads (load average at the end ${load()}):`);
console.log(`  scan, thread time of its tasks           ${m((r) => r.cpu).toFixed(1)} ms   (wall ${m((r) => r.wall).toFixed(1)} ms, busy by its own measure ${m((r) => r.busy).toFixed(1)} ms)`);
console.log(`  least possible scan, thread time         ${m((r) => r.leastCpu).toFixed(1)} ms   (walk ${m((r) => r.walkRefCpu).toFixed(1)} + matcher ${m((r) => r.matcherCpu).toFixed(1)})`);
console.log(`  scan / least possible, thread time       ${ratio.toFixed(2)}×   target ≤ 2×; per load ${rows.map((r) => (r.cpu / r.leastCpu).toFixed(2)).join(', ')}`);
console.log(`  scan wall / thread time                  ${m((r) => r.wall / r.cpu).toFixed(2)}   (1 = the thread never waited for a core)`);
summary('scan-thread', 'scan thread time / least possible scan (thread)', ratio, '×', `target ≤ 2; scan ${m((r) => r.cpu).toFixed(1)} ms vs least ${m((r) => r.leastCpu).toFixed(1)} ms thread`);
summary('scan-thread', 'scan, thread time of its tasks', m((r) => r.cpu), 'ms', `wall ${m((r) => r.wall).toFixed(1)} ms`);
summary('scan-thread', 'least possible scan, thread time', m((r) => r.leastCpu), 'ms', `walk ${m((r) => r.walkRefCpu).toFixed(1)} + matcher ${m((r) => r.matcherCpu).toFixed(1)}`);
