// Linearity of the matcher with the real rules: time per MB for random and adversarial strings at
// 0.25, 0.5, 1 and 2 MB. A linear matcher shows a flat ms/MB column; a quadratic one doubles it
// with every row. The fuzz test (test/unit/core/match/fuzz.test.ts) checks correctness on such
// strings; timing lives here, printed, never asserted. Run: npx tsx test/bench/linearity.bench.ts
import { compileMatcher } from '../../lib/core/match';
import { loadBuiltinRules } from '../../lib/core/rules';
import { bestOf, evalDocuments, repeatTo, rng, summary } from './corpus';

const MB = 1_000_000;
const SIZES = [0.25, 0.5, 1, 2];
const rules = loadBuiltinRules();
const matcher = compileMatcher(rules.categories);
const spellings = rules.categories.flatMap((c) => c.terms.flatMap((t) => [t.text, ...(t.forms ?? [])]));
const corpus = evalDocuments().map((d) => d.text).join('\n\n');

// Random text over an alphabet that exercises folding: letters, diacritics, apostrophes, soft and
// hard hyphens, NBSP, line ends, an astral character, and pieces of real terms.
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz', ...'ëïéèüöçÁ', 'A', 'I', 'V', 'D', ' ', ' ', ' ', '\n', '-', '\u00ad', '’', "'", '\u00a0', '😀', '.', ','];
function randomText(size: number, seed: number, withTerms: boolean): string {
  const next = rng(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    let piece: string;
    if (withTerms && next() < 0.05) piece = spellings[Math.floor(next() * spellings.length)]!;
    else piece = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('').slice(0, size);
}

const CASES: [string, (size: number) => string][] = [
  ['realistic (eval documents)', (n) => repeatTo(corpus + '\n\n', n)],
  ['random characters', (n) => randomText(n, 1, false)],
  ['random characters + term pieces', (n) => randomText(n, 2, true)],
  ['near-misses "camer camer …"', (n) => repeatTo('camer ', n)],
  ['one word "cameracamera…"', (n) => repeatTo('camera', n)],
  ['one word "sensorischsensorisch…"', (n) => repeatTo('sensorisch', n)],
  ['hyphenated line ends "camera-\\ntoe-\\n"', (n) => repeatTo('camera-\ntoe-\nzicht-\n', n)],
];

console.log(`Matcher linearity — Node ${process.version}, real rules (${spellings.length} spellings); best of 5 runs`);
console.log(`${'case'.padEnd(40)} ${SIZES.map((s) => `${s} MB`.padStart(16)).join('')}   2 MB vs 0.25 MB`);
// Warm-up: every case once, so the first row is not the JIT's.
for (const [, make] of CASES) matcher.match(make(Math.round(0.5 * MB)));
let worst = 0;
let worstName = '';
const growths: number[] = [];
for (const [name, make] of CASES) {
  const perMb: number[] = [];
  for (const size of SIZES) {
    const text = make(Math.round(size * MB));
    const { ms } = bestOf(5, () => matcher.match(text).length);
    perMb.push(ms / size);
  }
  const growth = perMb.at(-1)! / perMb[0]!;
  growths.push(growth);
  if (growth > worst) {
    worst = growth;
    worstName = name;
  }
  console.log(`${name.padEnd(40)} ${perMb.map((v) => `${v.toFixed(1)} ms/MB`.padStart(16)).join('')}   ${growth.toFixed(2)}×`);
}
console.log('\n(ms per MB of UTF-16 text; a flat row is linear. Small sizes carry more JIT and timer noise.)');
const median = [...growths].sort((a, b) => a - b)[growths.length >> 1]!;
summary('linearity', 'median ms/MB growth, 0.25 → 2 MB', median, '×', `1.0 = linear, 8.0 = quadratic; worst ${worst.toFixed(2)}× (${worstName})`);
