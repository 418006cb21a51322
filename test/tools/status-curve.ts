// An experiment, not the shipped model (issue 13): would more labelled text or a richer model move
// the checklist's statuses? Two studies, both in the grouped 7-fold CV of train-status-model.ts
// (documents by number mod 7; "unseen" = documents 50 and on, which the rules were not written on),
// scored on the same held-out folds every time:
//   1. the learning curve: the committed model (model-training.json: cues, options, τ) trained on
//      random subsets of 20, 40, … documents of each fold's training part, several seeded draws;
//   2. a richer model: beside the cues, hashed word unigrams and bigrams of the mention's context
//      (lib/core/questions/status/words.ts), L2 by CV; optionally a small two-layer model (--mlp);
//      and the model allowed to overrule every rule reason, not only the cue-less "default".
// Training pool: tune/ (1–119) and the eighth holdout (holdout/, as 120–133). Deterministic.
//   npx tsx test/tools/status-curve.ts [--study curve|rich|all] [--draws 3] [--mlp]
// Writes nothing; rules/status-model.json and model-training.json are not touched.
import { join } from 'node:path';
import type { StatusModel } from '../../lib/core/rules/status-model';
import { rng } from '../bench/corpus';
import { hashedWords } from '../../lib/core/questions/status/words';
import { chooseTau, crossValidate, FOLDS, readChoice, TAUS, train, tuneExamples, UNSEEN_FROM, type CvRow, type Example, type Options } from './train-status-model';

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

type Trainer = (examples: readonly Example[]) => StatusModel;

/**
 * One CV run: per fold a model trained on `n` documents drawn from the other folds (all of them
 * when n is Infinity), every fold's documents scored by its model; the rows per τ and the τ rule's pick.
 */
function run(examples: readonly Example[], fit: Trainer, n: number, seed: number): { rows: Array<[number, CvRow]>; tau: number; at: CvRow; models: StatusModel[] } {
  const docs = [...new Set(examples.map((e) => e.doc))].sort((a, b) => a - b);
  const models = Array.from({ length: FOLDS }, (_, k) => {
    const pool = docs.filter((d) => foldOf(d) !== k);
    const chosen = draw(pool, n, seed * 101 + k);
    return fit(examples.filter((e) => chosen.has(e.doc)));
  });
  const rows = TAUS.map((t): [number, CvRow] => [t, crossValidate(examples, null, t, models)]);
  const [tau, at] = chooseTau(rows);
  return { rows, tau, at, models };
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

function main(): void {
  const choice = readChoice(ROOT);
  const t0 = performance.now();
  const examples = tuneExamples(ROOT, [{ dir: 'tune', offset: 0 }, { dir: 'holdout', offset: 119 }], study !== 'curve');
  const unseen = examples.filter((e) => e.doc >= UNSEEN_FROM);
  console.log(
    `Pool: ${new Set(examples.map((e) => e.doc)).size} documents (tune 1–119, holdout 8 as 120–133), ${examples.length} scored passages, ${unseen.length} on unseen documents; read in ${Math.round(performance.now() - t0)} ms`,
  );
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
    const reasons = [...new Set(examples.filter((e) => e.features).map((e) => e.reason))].sort();
    console.log(`\n2. Richer model. Rows: CV on unseen documents, all of each fold's training part; at τ ${tau} and at the τ the committed rule picks.`);
    const variants: Array<[string, readonly Example[], Options]> = [];
    variants.push(['cues (committed)', examples, choice.options]);
    variants.push(['cues, overrules every reason', examples, { ...choice.options, overrules: reasons }]);
    for (const buckets of [1 << 14, 1 << 16]) {
      const ex = withWords(examples, buckets);
      for (const l2 of [1e-3, 3e-3, 1e-2, 3e-2]) {
        variants.push([`cues + words ${buckets >> 10}k, l2 ${l2}`, ex, { ...choice.options, l2 }]);
        variants.push([`cues + words ${buckets >> 10}k, l2 ${l2}, every reason`, ex, { ...choice.options, l2, overrules: reasons }]);
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
}

main();
