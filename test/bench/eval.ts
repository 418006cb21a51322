// Quality of the real rules on the labelled evaluation set (test/fixtures/eval): precision and
// recall per category at occurrence level, for tune/ and holdout/ separately, then every false
// positive and false negative with its place. Run: npm run eval  (or: npx tsx test/bench/eval.ts
// [--set tune|holdout] [--fold odd|even] [--quiet]). Prints figures; the scoring logic itself is unit-tested.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyser } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { CATEGORY_IDS } from '../../lib/core/rules/schema';
import { lineOf, parseAnnotated } from './eval/annotations';
import { precision, recall, scoreDocument, tally, type Counts, type DocumentScore } from './eval/score';
import { runStatusEval } from './eval/status';

const root = fileURLToPath(new URL('../..', import.meta.url));
const evalDir = join(root, 'test', 'fixtures', 'eval');
const SETS = ['tune', 'holdout'] as const;

const args = process.argv.slice(2);
const onlySet = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const quiet = args.includes('--quiet');
const foldArg = args.includes('--fold') ? args[args.indexOf('--fold') + 1] : undefined;
if (foldArg !== undefined && foldArg !== 'odd' && foldArg !== 'even') throw new Error(`--fold odd of --fold even, niet "${foldArg}"`);
const fold = foldArg as 'odd' | 'even' | undefined;

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);

const fmt = (x: number | null): string => (x === null ? '   —  ' : x.toFixed(3).padStart(6));
const context = (text: string, start: number, end: number): string =>
  `…${text.slice(Math.max(0, start - 30), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 30)}…`.replace(/\s+/g, ' ');

function row(name: string, c: Counts): string {
  return `${name.padEnd(10)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${fmt(precision(c))}  ${fmt(recall(c))}`;
}

for (const set of SETS) {
  if (onlySet && onlySet !== set) continue;
  const dir = join(evalDir, set);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const scores: DocumentScore[] = [];
  const problems: string[] = [];
  let chars = 0;
  let gold = 0;
  let split = 0;
  for (const file of files) {
    const path = join(dir, file);
    const doc = parseAnnotated(readFileSync(path, 'utf8'), relative(root, path));
    chars += doc.text.length;
    gold += doc.gold.length;
    // The eval documents are hard-wrapped text files.
    const predicted = analyser.analyse(doc.text, 'wrapped').matches.map((m) => ({ ...m }));
    const score = scoreDocument(doc.gold, predicted);
    scores.push(score);
    split += score.split.length;
    const at = (offset: number): string => `${set}/${file}:${lineOf(doc.text, offset)}`;
    for (const f of score.falsePositives) {
      const p = f.predicted;
      const why = f.wrongCategoryOf ? ` (gold: ${f.wrongCategoryOf.category})` : '';
      problems.push(`FP ${p.category.padEnd(9)} ${p.termId ?? ''}${why}  ${at(p.start)}  ${context(doc.text, p.start, p.end)}`);
    }
    for (const f of score.falseNegatives) {
      const g = f.gold;
      const why = f.takenBy ? ` (found as ${f.takenBy.category})` : '';
      problems.push(`FN ${g.category.padEnd(9)}${why}  ${at(g.start)}  ${context(doc.text, g.start, g.end)}`);
    }
  }
  const { perCategory, overall } = tally(scores);
  console.log(`\n== ${set}: ${files.length} documenten, ${chars} tekens, ${gold} gelabelde voorkomens, ${split} extra treffers binnen een al gevonden label ==`);
  console.log('categorie    tp   fp   fn  precisie  recall');
  for (const id of CATEGORY_IDS) console.log(row(id, perCategory.get(id) ?? { tp: 0, fp: 0, fn: 0 }));
  console.log(row('totaal', overall));
  if (!quiet && problems.length > 0) {
    console.log(`\nFouten (${problems.length}):`);
    for (const p of problems) console.log('  ' + p);
  }
}

// What the checklist reads in each sentence: stated, negated, planned, absent (test/fixtures/eval/status).
runStatusEval({ root, rules, analyser, set: onlySet, quiet, ...(fold ? { fold } : {}) });
