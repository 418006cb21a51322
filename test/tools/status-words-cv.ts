// Round 11's experiment (issue 13): do features of the words themselves help the status model, beside
// the rule cues? The committed options (model-training.json) on the whole tune set, in the grouped
// 7-fold CV of train-status-model.ts, with hashed word unigrams and bigrams of the mention's context
// (status-words.ts: `b:` its sentence before the term, `a:` after it, `n:` the next sentence) added to
// each passage's cues, in a few shapes and table sizes. τ by the committed rule per variant. Prints, per
// variant: CV accuracy on unseen documents, negated/planned recall there, false ✓ / certain ✓ at its τ,
// ✓-precision, and the size of the model file trained on all documents. Writes nothing.
//   npx tsx test/tools/status-words-cv.ts
import { chooseTau, crossValidate, fitModel, foldModels, readChoice, TAUS, tuneExamples, type CvRow, type Example } from './train-status-model';
import { hashedWords } from '../../lib/core/questions/status/words';

const all = tuneExamples(undefined, undefined, true);
const choice = readChoice();
const docs = all.map((e) => e.doc);
// The committed options without words (the variants add their own), on every tune document.
const fullChoice = { ...choice, options: { ...choice.options, words: undefined }, documents: { from: Math.min(...docs), to: Math.max(...docs) } };

/** Hashed features from a passage's context words (`words`, status-words.ts) or its own-sentence words (`own`, as the shipped model reads them). */
type Shape = (e: Example) => string[];
const variants: Array<[string, Shape | null]> = [
  ['cues only (committed)', null],
  ['+ own sentence b:/a: uni+bigrams, 1024', (e) => hashedWords((e.words ?? []).filter((x) => !x.startsWith('n:')), 1024)],
  ['+ own sentence b:/a: unigrams (shipped shape), 512', (e) => hashedWords(e.own ?? [], 512)],
  ['+ own sentence b:/a: unigrams (shipped shape), 1024', (e) => hashedWords(e.own ?? [], 1024)],
  ['+ own sentence b:/a: unigrams (shipped shape), 2048', (e) => hashedWords(e.own ?? [], 2048)],
  ['+ b:/a:/n: unigrams, 1024', (e) => hashedWords((e.words ?? []).filter((x) => !x.includes(' ')), 1024)],
  ['+ the words right beside the term (§ bigrams), 1024', (e) => hashedWords((e.words ?? []).filter((x) => x.includes('§')), 1024)],
];

const row = (name: string, tau: number, r: CvRow, kb: number) =>
  `${name.padEnd(54)} unseen acc ${r.unseen.accuracy.toFixed(3)}  negR ${r.unseen.negRecall.toFixed(3)}  planR ${r.unseen.planRecall.toFixed(3)}  τ ${tau}: false ✓ ${r.unseen.falseCertain}/${r.unseen.certainTicks} (${((100 * r.unseen.falseCertain) / Math.max(1, r.unseen.certainTicks)).toFixed(1)} %), ✓-prec ${r.unseen.certainPrecision.toFixed(3)}  model ${kb.toFixed(1)} KB`;

for (const [name, shape] of variants) {
  const examples: Example[] = all.map((e) => (shape && e.features ? { ...e, features: [...e.features, ...shape(e)] } : e));
  const models = foldModels(examples, fullChoice.options);
  const rows = TAUS.map((t): [number, CvRow] => [t, crossValidate(examples, fullChoice.options, t, models)]);
  const [tau, at] = chooseTau(rows);
  const kb = fitModel(fullChoice, examples).length / 1024;
  console.log(row(name, tau, at, kb));
}
