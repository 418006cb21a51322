// The service worker's completion read in slices (lib/core/steps.ts sliced), in Node: on a text
// of the eval documents one after another (~1 MB), settleReport at once against its steps run in
// slices of 25 ms, and the status reading of the whole text as one window (as the 1 MB council page
// sends it); per run the wall time, the number of slices and the longest, and whether the results
// are the same JSON. Figures only. Run: npx tsx test/bench/settle-slices.ts
import { drain } from '../../lib/core/steps';
import { createScanner } from '../../lib/core/analyse';
import { loadBuiltinRules, loadScanRules } from '../../lib/core/rules';
import { settleReport, settleReportSteps } from '../../lib/extension/background/settle';
import { restCategories, strongCategoriesOf } from '../../lib/core/questions';
import { readWindowSteps } from '../../lib/core/questions/reading';
import { unpackReading } from '../../lib/core/questions/reading-wire';
import { sliced } from '../../lib/core/steps';
import { sampleReport, sentReadingOf } from '../unit/support/scan-report';
import { evalDocuments } from './corpus';

const docs = evalDocuments();
let text = '';
for (let n = 0; text.length < 1_050_000; n++) text += docs[n % docs.length]!.text + '\n\n';
const scanner = createScanner(loadScanRules());
const { matches, safeguardHits } = scanner.find(text);
const found = scanner.findings(matches, safeguardHits, text);
const ids = new Set(loadScanRules().safeguards.safeguards.map((s) => s.id));
const mentions = safeguardHits.filter((h) => ids.has(h.group));
const { assessment: _c, ...report } = sampleReport();
const sent = { ...report, found, reading: sentReadingOf(text, mentions, matches, restCategories(matches, strongCategoriesOf(found))) };
const rules = loadBuiltinRules();
const un = unpackReading(sent.reading as never, sent.matches.contexts);
const one = { ...un.reading, windows: [{ start: 0, text }] };

async function timedSlices<T>(label: string, make: () => Generator<void, T, void>): Promise<T> {
  let longest = 0;
  let slices = 0;
  let at = performance.now();
  const t0 = at;
  const r = await sliced(make(), { budgetMs: 25, post: (next) => { const n = performance.now(); longest = Math.max(longest, n - at); slices++; setTimeout(() => { at = performance.now(); next(); }, 0); } });
  longest = Math.max(longest, performance.now() - at);
  console.log(label, 'slices', slices + 1, 'longest ms', longest.toFixed(1), 'total ms', (performance.now() - t0).toFixed(0));
  return r;
}
for (let i = 0; i < 3; i++) {
  let t0 = performance.now();
  const a = JSON.stringify(settleReport(sent as never, rules));
  console.log('sync settle ms', (performance.now() - t0).toFixed(0));
  const b = JSON.stringify(await timedSlices('settle', () => settleReportSteps(sent as never, rules)));
  console.log('identical', a === b);
  t0 = performance.now();
  const c = JSON.stringify(drain(readWindowSteps(one, rules, 'wrapped')));
  console.log('sync one-window ms', (performance.now() - t0).toFixed(0));
  const d = JSON.stringify(await timedSlices('one window', () => readWindowSteps(one, rules, 'wrapped')));
  console.log('identical', c === d);
}
