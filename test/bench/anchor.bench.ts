// Re-anchoring on the edited-article trial (test/unit/support/edited-trial.ts: headings repeated
// ~500 characters on, ~3 % of the letters around each quote changed with at least one inside it, a
// sentence inserted before): how many quotes are found again where they are now, orphaned, or put
// on another occurrence; the 40 seeds the unit test checks and a larger run for a steadier rate;
// and the time per re-anchoring (median of the per-trial times, printed, never asserted).
// Run: npx tsx test/bench/anchor.bench.ts
import { describeQuote } from '../../lib/core/anchor/describe';
import { reanchor } from '../../lib/core/anchor/reanchor';
import { editedTrial, runEditedTrials } from '../unit/support/edited-trial';
import { bestOf, median, rng, summary } from './corpus';

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

// The worst cases the work caps are for (they used to be timed in the unit test): a 1 MB text with
// the quote moved and one character changed, a quote that is gone from 1 MB, and dot leaders.
const r = rng(42);
const words = ['de', 'het', 'gemeente', 'raad', 'college', 'besluit', 'inwoners', 'wijk', 'openbare', 'ruimte', 'voorstel', 'en', 'van'];
let big = '';
while (big.length < 1_000_000) big += `${words[Math.floor(r() * words.length)]}${r() < 0.1 ? '. ' : ' '}`;
big = big.slice(0, 1_000_000);
const at = 600_000;
const moved = describeQuote(big, at, at + 60);
const edited = big.slice(0, 3_000) + big.slice(3_100, at + 10) + '#' + big.slice(at + 11);
const toc = Array.from({ length: 20_000 }, (_, i) => `Hoofdstuk ${i} ${'.'.repeat(40)} ${i + 3}`).join('\n');
for (const [name, run] of [
  ['1 MB, moved quote with a typo', () => reanchor(edited, moved)],
  ['1 MB, quote gone', () => reanchor(big, { ...moved, exact: 'gezichtsherkenning met slimme lantaarnpalen', start: 10, end: 53 })],
  ['dot leaders, 20,000 lines', () => reanchor(toc, { exact: `${'.'.repeat(30)} ontbreekt`, prefix: '', suffix: '', start: 500, end: 540 })],
] as const) {
  const { ms } = bestOf(3, run);
  console.log(`${name}: ${ms.toFixed(1)} ms (best of 3)`);
  summary('anchor', name, ms, 'ms', 'best of 3');
}
