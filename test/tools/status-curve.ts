// An experiment, not the shipped model (issue 13): would more labelled text or a richer model move
// the checklist's statuses? Two studies, both in the grouped 7-fold CV of train-status-model.ts
// (documents by number mod 7; "unseen" = documents 50 and on, which the rules were not written on),
// scored on the same held-out folds every time:
//   1. the learning curve: the committed model (model-training.json: cues, options, τ) trained on
//      random subsets of 20, 40, … documents of each fold's training part, several seeded draws;
//   2. a richer model: beside the cues, hashed word unigrams and bigrams of the mention's context
//      (test/tools/status-words.ts), L2 by CV, its own learning curve, and a small two-layer model;
//      and the model allowed to overrule every rule reason, not only the cue-less "default".
// Training pool: tune/ (1–119) and the eighth holdout (holdout/, as 120–133). Deterministic.
//   npx tsx test/tools/status-curve.ts [--study curve|rich|richcurve|mlp|all] [--draws 3] [--sizes 20,40,60,80,100]
//                                      [--buckets 16384] [--l2 0.003] [--rich-draws 2] [--grid-buckets 16384,65536]
//                                      [--grid-l2 0.001,0.003,0.01,0.03] [--iterations 300] [--epochs 150] [--hidden 16:0.0001,…]
// Writes nothing; rules/status-model.json and model-training.json are not touched.
import { join } from 'node:path';
import { modelVerdict } from '../../lib/core/questions/status/model';
import { SAFEGUARD_STATUSES } from '../../lib/core/rules/status';
import type { StatusModel } from '../../lib/core/rules/status-model';
import { rng } from '../bench/corpus';
import type { ScoredPair } from '../bench/eval/status-score';
import { hashedWords } from './status-words';
import { chooseTau, crossValidate, design, FOLDS, predict, readChoice, TAUS, train, tuneExamples, UNSEEN_FROM, type CvRow, type Example, type Options, type Scorer } from './train-status-model';

const ROOT = join(import.meta.dirname, '..', '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const study = arg('study', 'all');
const DRAWS = Number(arg('draws', '3'));
const SIZES = arg('sizes', '20,40,60,80,100').split(',').map(Number);
const foldOf = (doc: number) => doc % FOLDS;

/** `n` of `docs` (all when n ≥ their number), a seeded Fisher–Yates shuffle's first n. */
function draw(docs: readonly number[], n: number, seed: number): Set<number> {
  const a = [...docs];
  const rnd = rng(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return new Set(a.slice(0, n));
}

type Trainer = (examples: readonly Example[]) => StatusModel | Scorer;

/**
 * One CV run: per fold a model trained on `n` documents drawn from the other folds (all of them
 * when n is Infinity), every fold's documents scored by its model; the rows per τ and the τ rule's pick.
 */
function run(examples: readonly Example[], fit: Trainer, n: number, seed: number): { rows: Array<[number, CvRow]>; tau: number; at: CvRow } {
  const docs = [...new Set(examples.map((e) => e.doc))].sort((a, b) => a - b);
  const models = Array.from({ length: FOLDS }, (_, k) => {
    const pool = docs.filter((d) => foldOf(d) !== k);
    const chosen = draw(pool, n, seed * 101 + k);
    return fit(examples.filter((e) => chosen.has(e.doc)));
  });
  const rows = TAUS.map((t): [number, CvRow] => [t, crossValidate(examples, null, t, models)]);
  const [tau, at] = chooseTau(rows);
  return { rows, tau, at };
}

const pct = (x: number) => (x * 100).toFixed(1);
const range = (xs: number[]) => (xs.length > 1 ? `${pct(mean(xs))} (${pct(Math.min(...xs))}–${pct(Math.max(...xs))})` : pct(xs[0]!));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const atTau = (rows: Array<[number, CvRow]>, t: number) => rows.find(([x]) => x === t)![1];

/** One line of figures on the unseen documents: accuracy, recall per status, false ✓ / certain ✓. */
function figures(r: CvRow): string {
  const u = r.unseen;
  return `acc ${pct(u.accuracy)}  recall st ${pct(u.recall.stated)} neg ${pct(u.recall.negated)} plan ${pct(u.recall.planned)} abs ${pct(u.recall.absent)}  false ✓ ${u.falseCertain}/${u.certainTicks} (${pct(u.certainTicks ? u.falseCertain / u.certainTicks : 0)} %)`;
}

/** The learning curve of one trainer: per size the mean (range) over draws of accuracy and false ✓ share, at τ `tau`. */
function curve(label: string, examples: readonly Example[], fit: Trainer, tau: number, draws = DRAWS): void {
  console.log(`\n${label}: CV on unseen documents (${UNSEEN_FROM}+), τ ${tau}; mean (min–max) over ${draws} seeded draws per size`);
  console.log('docs trained on (of ~114 per fold) | accuracy % | negated recall % | planned recall % | false ✓ / certain ✓ %  | certain ✓');
  const poolSize = Math.round(((FOLDS - 1) / FOLDS) * new Set(examples.map((e) => e.doc)).size);
  for (const n of [...SIZES, Infinity]) {
    const rs = Array.from({ length: n === Infinity ? 1 : draws }, (_, d) => atTau(run(examples, fit, n, d + 1).rows, tau).unseen);
    const share = rs.map((u) => (u.certainTicks ? u.falseCertain / u.certainTicks : 0));
    console.log(
      `${String(n === Infinity ? `all (${poolSize})` : n).padEnd(35)} | ${range(rs.map((u) => u.accuracy)).padEnd(17)} | ${range(rs.map((u) => u.negRecall)).padEnd(17)} | ${range(rs.map((u) => u.planRecall)).padEnd(17)} | ${range(share).padEnd(17)} | ${Math.round(mean(rs.map((u) => u.certainTicks)))}`,
    );
  }
}

/** The examples with their context words hashed into `buckets` and added to the cues. */
function withWords(examples: readonly Example[], buckets: number): Example[] {
  return examples.map((e) => (e.features && e.words ? { ...e, features: [...e.features, ...hashedWords(e.words, buckets)] } : e));
}

/** The model's size as the trainer writes it (one line per feature, weights to 4 decimals). */
function sizeKB(model: StatusModel): number {
  return JSON.stringify(model).replace(/\],"/g, '],\n"').length / 1024;
}

/**
 * A small two-layer model over the same features: `hidden` tanh units, softmax over the four
 * statuses, weighted cross-entropy with L2, full-batch Adam from a seeded start. It decides where the
 * linear model would (Options.overrules, .veto, τ): its probabilities are handed to modelVerdict as
 * a model of biases only, so the rules after the probabilities are the shipped ones.
 */
function trainMlp(examples: readonly Example[], o: Options, hidden: number, l2: number, epochs = 150, seed = 1): { scorer: Scorer; kb: number } {
  const { names, rows, gold, weight, n } = design(examples, o);
  const K = SAFEGUARD_STATUSES.length;
  const H = hidden;
  const F = names.length;
  const rnd = rng(seed);
  // Parameters in one array: W1 (F × H), b1 (H), W2 (H × K), b2 (K).
  const b1 = F * H;
  const w2 = b1 + H;
  const b2 = w2 + H * K;
  const P = new Float64Array(b2 + K);
  for (let i = 0; i < b1; i++) P[i] = (rnd() - 0.5) * 0.2;
  for (let i = w2; i < b2; i++) P[i] = (rnd() - 0.5) * 0.6;
  const G = new Float64Array(P.length);
  const M = new Float64Array(P.length);
  const V = new Float64Array(P.length);
  const h = new Float64Array(H);
  const dz = new Float64Array(K);
  const da = new Float64Array(H);
  const z = new Float64Array(K);
  const forward = (row: readonly number[]) => {
    for (let j = 0; j < H; j++) h[j] = P[b1 + j]!;
    for (const i of row) for (let j = 0; j < H; j++) h[j]! += P[i * H + j]!;
    for (let j = 0; j < H; j++) h[j] = Math.tanh(h[j]!);
    let max = -Infinity;
    for (let c = 0; c < K; c++) {
      let v = P[b2 + c]!;
      for (let j = 0; j < H; j++) v += h[j]! * P[w2 + j * K + c]!;
      z[c] = v;
      max = Math.max(max, v);
    }
    let sum = 0;
    for (let c = 0; c < K; c++) sum += z[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < K; c++) z[c]! /= sum;
  };
  const rate = 0.01;
  for (let t = 1; t <= epochs; t++) {
    G.fill(0);
    for (let r = 0; r < rows.length; r++) {
      forward(rows[r]!);
      for (let c = 0; c < K; c++) dz[c] = ((z[c]! - (gold[r] === c ? 1 : 0)) * weight[r]!) / n;
      for (let j = 0; j < H; j++) {
        let d = 0;
        for (let c = 0; c < K; c++) {
          G[w2 + j * K + c]! += h[j]! * dz[c]!;
          d += P[w2 + j * K + c]! * dz[c]!;
        }
        da[j] = d * (1 - h[j]! * h[j]!);
        G[b1 + j]! += da[j]!;
      }
      for (let c = 0; c < K; c++) G[b2 + c]! += dz[c]!;
      for (const i of rows[r]!) for (let j = 0; j < H; j++) G[i * H + j]! += da[j]!;
    }
    for (let i = 0; i < b2; i++) if (i < b1 || i >= w2) G[i]! += l2 * P[i]!;
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let i = 0; i < P.length; i++) {
      M[i] = 0.9 * M[i]! + 0.1 * G[i]!;
      V[i] = 0.999 * V[i]! + 0.001 * G[i]! * G[i]!;
      P[i]! -= (rate * (M[i]! / c1)) / (Math.sqrt(V[i]! / c2) + 1e-8);
    }
  }
  const index = new Map(names.map((f, i) => [f, i]));
  // The linear model's decision rules (overrules, veto, sure) without its weights.
  const rules = train(examples, { ...o, iterations: 0 });
  const scorer: Scorer = (features, rule, threshold) => {
    forward(features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
    return modelVerdict({ ...rules, weights: {}, bias: Array.from(z, (p) => Math.log(Math.max(p, 1e-300))), certainStated: threshold }, features, rule);
  };
  // As shipped: names once, each weight to 4 decimals (about 8 bytes in JSON).
  const kb = (names.join('","').length + P.length * 8) / 1024;
  return { scorer, kb };
}

/** Each unseen passage's prediction in the CV (each fold scored by a model trained on the others), at τ. */
function cvPredictions(examples: readonly Example[], fit: Trainer, tau: number): ScoredPair[] {
  const out: ScoredPair[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const model = fit(examples.filter((e) => foldOf(e.doc) !== k));
    const test = examples.filter((e) => foldOf(e.doc) === k && e.doc >= UNSEEN_FROM);
    out.push(...predict(test, model, tau));
  }
  return out;
}

/** Two variants on the same passages (cvPredictions of the same examples, so in the same order): where they differ, which is right; and the other one's confusion. */
function paired(name: string, a: ScoredPair[], b: ScoredPair[]): void {
  let onlyA = 0;
  let onlyB = 0;
  for (const [i, p] of b.entries()) {
    const q = a[i]!;
    const ra = q.predicted === q.gold;
    const rb = p.predicted === p.gold;
    if (ra && !rb) onlyA++;
    if (rb && !ra) onlyB++;
  }
  // McNemar with continuity correction; 3.84 is p = 0.05 at one degree of freedom.
  const chi = onlyA + onlyB ? (Math.abs(onlyA - onlyB) - 1) ** 2 / (onlyA + onlyB) : 0;
  console.log(`${name}: of ${b.length} unseen passages, right only under the shipped model ${onlyA}, only under the other ${onlyB} (McNemar χ² ${chi.toFixed(1)})`);
  console.log(`  confusion, gold → predicted (${SAFEGUARD_STATUSES.join(' ')}):`);
  for (const g of SAFEGUARD_STATUSES) console.log(`  ${g.padEnd(8)} ${SAFEGUARD_STATUSES.map((s) => String(b.filter((p) => p.gold === g && p.predicted === s).length).padStart(5)).join(' ')}`);
}

function main(): void {
  const choice = readChoice(ROOT);
  const t0 = performance.now();
  const examples = tuneExamples(ROOT, [{ dir: 'tune', offset: 0 }, { dir: 'holdout', offset: 119 }], study !== 'curve');
  const unseen = examples.filter((e) => e.doc >= UNSEEN_FROM);
  console.log(
    `Pool: ${new Set(examples.map((e) => e.doc)).size} documents (tune 1–119, holdout 8 as 120–133), ${examples.length} scored passages, ${unseen.length} on unseen documents; read in ${Math.round(performance.now() - t0)} ms`,
  );
  const reasons = [...new Set(examples.filter((e) => e.features).map((e) => e.reason))].sort();
  const committed: Trainer = (ex) => train(ex, choice.options);
  const tau = choice.certainStated;
  // What the model may change at all: it decides only where the rules' reason is in `overrules`.
  const decidable = unseen.filter((e) => e.features && choice.options.overrules.includes(e.reason));
  const rightElsewhere = unseen.filter((e) => !(e.features && choice.options.overrules.includes(e.reason)) && e.rule === e.gold).length;
  console.log(
    `The committed model decides ${decidable.length} of ${unseen.length} unseen passages (rule reason ${choice.options.overrules.join(', ')}); the rules are right on ${rightElsewhere} of the other ${unseen.length - decidable.length}: even a perfect model there reads at most ${pct((rightElsewhere + decidable.length) / unseen.length)} %.`,
  );
  const rules = TAUS.map((t): [number, CvRow] => [t, crossValidate(examples, null, t, Array(FOLDS).fill(null))]);
  console.log(`rules + structure alone: ${figures(rules[0]![1])}`);
  const tuneOnly = examples.filter((e) => e.doc <= 119);
  console.log(`committed model, tune 1–119 only (the committed CV figure): ${figures(crossValidate(tuneOnly, choice.options, tau))}`);

  if (study === 'curve' || study === 'all') curve(`1. Learning curve, committed model (${choice.variant})`, examples, committed, tau);

  if (study === 'rich' || study === 'all') {
    console.log(`\n2. Richer model. Rows: CV on unseen documents, all of each fold's training part; at τ ${tau} and at the τ the committed rule picks.`);
    const variants: Array<[string, readonly Example[], Options]> = [];
    variants.push(['cues (committed)', examples, choice.options]);
    variants.push(['cues, overrules every reason', examples, { ...choice.options, overrules: reasons }]);
    const iterations = Number(arg('iterations', String(choice.options.iterations)));
    for (const buckets of arg('grid-buckets', `${1 << 14},${1 << 16}`).split(',').map(Number)) {
      const ex = withWords(examples, buckets);
      for (const l2 of arg('grid-l2', '0.001,0.003,0.01,0.03').split(',').map(Number)) {
        const it = iterations === choice.options.iterations ? '' : `, ${iterations} iterations`;
        variants.push([`cues + words ${buckets >> 10}k, l2 ${l2}${it}`, ex, { ...choice.options, l2, iterations }]);
        variants.push([`cues + words ${buckets >> 10}k, l2 ${l2}${it}, every reason`, ex, { ...choice.options, l2, iterations, overrules: reasons }]);
      }
    }
    for (const [name, ex, o] of variants) {
      const t = performance.now();
      const r = run(ex, (x) => train(x, o), Infinity, 1);
      const full = train(ex, o);
      console.log(`${name.padEnd(44)} τ ${tau}: ${figures(atTau(r.rows, tau))}`);
      console.log(`${''.padEnd(44)} τ ${r.tau}: ${figures(r.at)}  | ${Object.keys(full.weights).length} features, ${sizeKB(full).toFixed(0)} KB, ${Math.round((performance.now() - t) / 1000)} s`);
    }
  }

  // The richer variant's own learning curve and a two-layer model: words hashed into BUCKETS, L2 as
  // chosen by the grid above (arguments, so each can be rerun alone).
  const buckets = Number(arg('buckets', String(1 << 14)));
  const l2 = Number(arg('l2', '0.003'));
  const rich: Options = { ...choice.options, l2, overrules: reasons };
  if (study === 'richcurve' || study === 'all') {
    curve(`3. Learning curve, cues + words ${buckets >> 10}k, l2 ${l2}, overrules every reason`, withWords(examples, buckets), (x) => train(x, rich), tau, Number(arg('rich-draws', '2')));
    curve('   the same, cues only, overrules every reason', examples, (x) => train(x, { ...choice.options, overrules: reasons }), tau, Number(arg('rich-draws', '2')));
  }
  if (study === 'paired' || study === 'all') {
    console.log(`\n5. Paired, at τ ${tau}: the shipped model against the richer ones on the same unseen passages.`);
    const shipped = cvPredictions(examples, committed, tau);
    paired('cues, overrules every reason', shipped, cvPredictions(examples, (x) => train(x, { ...choice.options, overrules: reasons }), tau));
    paired(`cues + words ${buckets >> 10}k, l2 ${l2}, every reason`, shipped, cvPredictions(withWords(examples, buckets), (x) => train(x, rich), tau));
  }
  if (study === 'mlp' || study === 'all') {
    console.log(`\n4. Two-layer model (tanh, Adam, ${arg('epochs', '150')} epochs), overrules every reason; CV on unseen documents, all of each fold's training part.`);
    for (const [name, ex] of [['cues', examples], [`cues + words ${buckets >> 10}k`, withWords(examples, buckets)]] as const) {
      for (const [hidden, decay] of arg('hidden', '16:0.0001,16:0.001,32:0.0001').split(',').map((x) => x.split(':').map(Number) as [number, number])) {
        const t = performance.now();
        let kb = 0;
        const r = run(ex, (x) => {
          const m = trainMlp(x, rich, hidden, decay, Number(arg('epochs', '150')));
          kb = m.kb;
          return m.scorer;
        }, Infinity, 1);
        console.log(`${`${name}, ${hidden} hidden, l2 ${decay}`.padEnd(44)} τ ${tau}: ${figures(atTau(r.rows, tau))}`);
        console.log(`${''.padEnd(44)} τ ${r.tau}: ${figures(r.at)}  | ~${kb.toFixed(0)} KB (last fold), ${Math.round((performance.now() - t) / 1000)} s`);
      }
    }
  }
}

main();
