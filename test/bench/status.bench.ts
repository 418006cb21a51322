// What reading the checklist's statuses costs, and that it grows linearly: the status eval's
// documents repeated to 0.25, 0.5, 1 and 2 MB (many safeguard mentions per page), plus adversarial
// texts — one endless "sentence" full of mentions and triggers (a PDF table without full stops),
// and a page of list items under one lead-in. The matcher's own time is left out: it is measured
// in analyse.bench.ts. Figures only. Run: npx tsx test/bench/status.bench.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyser } from '../../lib/core/analyse';
import { readMentions } from '../../lib/core/questions';
import { loadBuiltinRules } from '../../lib/core/rules';
import { bestOf, repeatTo, ROOT, summary } from './corpus';
import { parseStatusAnnotated } from './eval/status-score';

const MB = 1_000_000;
const SIZES = [0.25, 0.5, 1, 2];
const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);

const dir = join(ROOT, 'test', 'fixtures', 'eval', 'status');
const corpus = ['tune', 'holdout']
  .filter((set) => existsSync(join(dir, set)))
  .flatMap((set) => readdirSync(join(dir, set)).filter((f) => f.endsWith('.txt')).map((f) => parseStatusAnnotated(readFileSync(join(dir, set, f), 'utf8')).text))
  .join('\n\n');

const CASES: [string, (size: number) => string][] = [
  ['realistic (status eval documents)', (n) => repeatTo(`${corpus}\n\n`, n)],
  ['one endless sentence of mentions', (n) => repeatTo('de DPIA is niet uitgevoerd en de FG wordt nog geraadpleegd, bewaard, geëvalueerd ', n)],
  ['one lead-in, endless list items', (n) => `verzoekt het college:\n${repeatTo('- een DPIA uit te voeren en de FG te vragen;\n', n)}`],
];

console.log(`Checklist statuses — Node ${process.version}, real rules; best of 3 runs; matcher time excluded`);
console.log(`${'case'.padEnd(36)} ${'mentions/MB'.padStart(12)} ${SIZES.map((s) => `${s} MB`.padStart(14)).join('')}   2 MB vs 0.25 MB`);
// Warm-up.
for (const [, make] of CASES) {
  const text = make(0.2 * MB);
  const found = analyser.find(text);
  readMentions({ ...found, text, rules, layout: 'wrapped' }, true);
}
let realistic = 0;
const growths: number[] = [];
for (const [name, make] of CASES) {
  const perMb: number[] = [];
  let mentions = 0;
  for (const size of SIZES) {
    const text = make(Math.round(size * MB));
    const found = analyser.find(text);
    const { ms, result } = bestOf(3, () => readMentions({ ...found, text, rules, layout: 'wrapped' }, true).length);
    if (size === 1) mentions = result;
    perMb.push(ms / size);
  }
  const growth = perMb.at(-1)! / perMb[0]!;
  growths.push(growth);
  if (name.startsWith('realistic')) realistic = perMb[2]!;
  console.log(`${name.padEnd(36)} ${String(mentions).padStart(12)} ${perMb.map((v) => `${v.toFixed(0)} ms/MB`.padStart(14)).join('')}   ${growth.toFixed(2)}×`);
}
console.log('\n(ms per MB of text for the statuses of every safeguard mention; a flat row is linear.)');
summary('status', 'statuses, realistic text', realistic, 'ms/MB', 'matcher excluded');
summary('status', 'worst ms/MB growth, 0.25 → 2 MB', Math.max(...growths), '×', '1.0 = linear, 8.0 = quadratic');
