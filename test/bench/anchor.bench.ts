// Re-anchoring on the edited-article trial (test/unit/support/edited-trial.ts: headings repeated
// ~500 characters on, ~3 % of the letters around each quote changed with at least one inside it, a
// sentence inserted before): how many quotes are found again where they are now, orphaned, or put
// on another occurrence; the 40 seeds the unit test checks and a larger run for a steadier rate;
// and the time per re-anchoring (median of the per-trial times, printed, never asserted).
// Run: npx tsx test/bench/anchor.bench.ts
import { reanchor } from '../../lib/anchor/reanchor';
import { editedTrial, runEditedTrials } from '../unit/support/edited-trial';
import { median, summary } from './corpus';

const LARGE = Number(process.env.BENCH_TRIALS ?? 1000);

for (const count of [40, LARGE]) {
  const o = runEditedTrials(count, 1);
  console.log(`${String(count).padStart(5)} trials: ${o.refound} re-found, ${o.orphaned} orphaned, ${o.misplaced} on another occurrence`);
  for (const f of o.failures.slice(0, 8)) console.log(`        seed ${f.seed}: ${f.outcome} “${f.quote}”${f.found ? ` → “${f.found}”` : ''}`);
  summary('anchor', `edited trial: re-found of ${count}`, o.refound, '', `${o.orphaned} orphaned, ${o.misplaced} misplaced`);
}

const trials = Array.from({ length: 200 }, (_, i) => editedTrial(i + 1));
for (const t of trials) reanchor(t.edited, t.anchor);
const times = trials.map((t) => {
  const t0 = performance.now();
  reanchor(t.edited, t.anchor);
  return performance.now() - t0;
});
console.log(`re-anchoring one edited quote in a ~14,000-character article: median ${median(times).toFixed(3)} ms, max ${Math.max(...times).toFixed(2)} ms (200 trials, warm)`);
summary('anchor', 'one edited quote, median', median(times), 'ms', '~14,000-character article, warm');
