// Throughput of the real rule set in Node: the category matcher alone and the whole analyser
// (terms + safeguards + AP assessment) on realistic council text built from the eval documents,
// and adversarial inputs of the same size next to it. Printed figures, not assertions.
// Run: npx tsx test/bench/analyse.bench.ts   (the matcher engineer's matcher.bench.mjs measures
// lib/core/match on the AP text and a fixture page; this one adds the full pipeline on raadsstukken.)
import { createAnalyser } from '../../lib/core/analyse';
import { compileMatcher } from '../../lib/core/match';
import { loadBuiltinRules } from '../../lib/core/rules';
import { bestOf, evalDocuments, repeatTo, summary } from './corpus';

const MB = 1_000_000;
const RUNS = 5;
const rules = loadBuiltinRules();

let t0 = performance.now();
const matcher = compileMatcher(rules.categories);
const compileMatcherMs = performance.now() - t0;
t0 = performance.now();
const analyser = createAnalyser(rules);
const compileAnalyserMs = performance.now() - t0;

const docs = evalDocuments();
const corpus = docs.map((d) => d.text).join('\n\n');
const terms = rules.categories.flatMap((c) => c.terms.flatMap((t) => [t.text, ...(t.forms ?? [])]));
const nearMisses = terms.map((t) => (t.length > 2 ? t.slice(0, -1) : t)).join(' ');

console.log(`Analyser throughput — Node ${process.version}, real rules: ${rules.categories.length} categories, ` +
  `${rules.categories.reduce((n, c) => n + c.terms.length, 0)} terms (${terms.length} spellings)`);
console.log(`compile: matcher ${compileMatcherMs.toFixed(1)} ms, analyser (terms + safeguards) ${compileAnalyserMs.toFixed(1)} ms`);
console.log(`realistic text: ${docs.length} eval documents (${corpus.length} chars) repeated; best of ${RUNS} runs\n`);

const sizeOf = (s: string) => Buffer.byteLength(s, 'utf8');

function row(label: string, text: string, what: 'matcher' | 'analyser', normalMs?: number) {
  const { ms, result } = bestOf(RUNS, () => (what === 'matcher' ? matcher.match(text).length : analyser.analyse(text, 'wrapped').matches.length));
  const mbps = sizeOf(text) / MB / (ms / 1000);
  const ratio = normalMs === undefined ? '' : `${(ms / normalMs).toFixed(2)}× normal`;
  console.log(`${label.padEnd(48)} ${(sizeOf(text) / MB).toFixed(2).padStart(5)} MB ${ms.toFixed(1).padStart(8)} ms ${mbps.toFixed(1).padStart(7)} MB/s ${String(result).padStart(7)} matches  ${ratio}`);
  return { ms, mbps };
}

console.log('— 4 MB of realistic text —');
const big = repeatTo(corpus + '\n\n', 4 * MB);
const m4 = row('matcher, real rules', big, 'matcher');
const a4 = row('analyser (matches + safeguards + assessment)', big, 'analyser');
summary('node', 'matcher, real rules, realistic text', m4.mbps, 'MB/s', 'target ≥ 30');
summary('node', 'analyser, real rules, realistic text', a4.mbps, 'MB/s');

console.log('\n— 1 MB each: adversarial vs normal (matcher, real rules) —');
const normal = row('normal: realistic text', repeatTo(corpus + '\n\n', MB), 'matcher');
const cases: [string, string][] = [
  ['near-misses "camer camer camer …"', repeatTo('camer ', MB)],
  ['every spelling minus its last letter', repeatTo(nearMisses + ' ', MB)],
  ['one 1 MB word "cameracamera…"', repeatTo('camera', MB)],
  ['one 1 MB word of all spellings glued', repeatTo(terms.join('').replace(/[\s'’.-]+/g, ''), MB)],
  ['one 1 MB word "aaaa…"', 'a'.repeat(MB)],
  ['acronym traps "AIAIAIVD Kaai e-mail"', repeatTo('AIAIAIAIVD ai Kaai e-mail ', MB)],
  ['a match every 7 chars "camera "', repeatTo('camera ', MB)],
];
let worst = 0;
let worstName = '';
for (const [label, text] of cases) {
  const r = row(label, text, 'matcher', normal.ms);
  if (label.startsWith('a match every')) continue; // dense matches: output-bound, not adversarial
  if (r.ms / normal.ms > worst) {
    worst = r.ms / normal.ms;
    worstName = label;
  }
}
console.log(`\nworst adversarial case: ${worstName}, ${worst.toFixed(2)}× the time of normal text (target ≤ 2×)`);
summary('node', 'worst adversarial / normal (1 MB)', worst, '×', `${worstName}; target ≤ 2`);

// Pilots and other weak terms are settled after matching, over the whole document: what that
// step costs beside the matching of the same text, on realistic text and on texts made of weak
// terms (where it does the most: every match weak, sentences to count between all of them).
console.log('\n— weak terms in context (lib/core/analyse/context.ts), after matching —');
function contextRow(label: string, text: string) {
  const found = analyser.find(text);
  const parts = [{ text, matches: found.matches, hits: found.safeguardHits }];
  const { ms, result } = bestOf(RUNS, () => analyser.outOfContext(parts).size);
  const matchMs = bestOf(RUNS, () => analyser.find(text).matches.length).ms;
  console.log(
    `${label.padEnd(48)} ${(sizeOf(text) / MB).toFixed(2).padStart(5)} MB ${ms.toFixed(1).padStart(8)} ms` +
      `  (${found.matches.length} matches, ${result} not counted; matching it: ${matchMs.toFixed(1)} ms, ${((100 * ms) / matchMs).toFixed(0)}%)`,
  );
  return { ms, matchMs };
}
const ctxReal = contextRow('realistic text', big);
contextRow('one camera, then "pilot " for 1 MB', 'camera ' + repeatTo('pilot ', MB));
contextRow('"pilot. " for 1 MB (no technology)', repeatTo('pilot. ', MB));
const ctxDense = contextRow('"de pilot met camera\'s. De proef. " for 1 MB', repeatTo("de pilot met camera's. De proef. ", MB));
summary('node', 'context step / matching, realistic text', (100 * ctxReal.ms) / ctxReal.matchMs, '%');
summary('node', 'context step / matching, dense weak terms', (100 * ctxDense.ms) / ctxDense.matchMs, '%');
