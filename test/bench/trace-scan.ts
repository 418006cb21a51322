// Reads the page scan's slices in a trace (scan-thread.ts) per load of the 1 MB council page, for
// one build or two in alternation: the scan's thread time beside its wall time and phases, and
// its ratio to the least possible scan in thread time (target 1 of issue 17 by CPU time).
// npm run bench prints the same measure for one build (scan-thread.bench.ts).
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/trace-scan.ts
//   BENCH_LOADS=3 (loads traced, after one warm-up); a second directory in RAADSLENS_EXTENSION_DIR_B
//   is traced in alternation with the first (A, B, B, A, …) for a comparison of two builds.
import { join, resolve } from 'node:path';
import { ROOT } from './corpus';
import { printRow, traceOnce } from './scan-thread';

const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const dirs = [process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'), process.env.RAADSLENS_EXTENSION_DIR_B].filter((d): d is string => !!d).map((d) => resolve(d));

for (let i = 0; i < LOADS; i++) {
  const order = i % 2 ? [...dirs].reverse() : dirs;
  for (const dir of order) printRow(`${dirs.indexOf(dir) ? 'B' : 'A'} load ${i + 1}`, await traceOnce(dir, `trace-scan-${i}`));
}
