// A second reader's statuses against the gold labels (issue 13): how often two careful readers,
// following the same guideline, agree — the ceiling any status target is measured against — and
// the engine beside them on the same mentions.
// Run: npx tsx test/tools/status-agreement.ts   (reads test/fixtures/eval/status/agreement/*.tsv)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyser } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { SAFEGUARD_STATUSES, type SafeguardStatus } from '../../lib/core/rules/status';
import { agreement, pairReadings, parseSecondReadings, topicOf, type Agreement, type PairedReading } from '../bench/eval/agreement';
import { scoreStatusDocument } from '../bench/eval/status';
import { parseStatusAnnotated } from '../bench/eval/status-score';

const root = fileURLToPath(new URL('../..', import.meta.url));
const statusDir = join(root, 'test', 'fixtures', 'eval', 'status');
const agreementDir = join(statusDir, 'agreement');
const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);

/** Where each document is now, by topic: tune/ or holdout/ (holdouts move into tune with a new number). */
const located = new Map<string, { set: string; file: string }>();
for (const set of ['tune', 'holdout']) {
  let files: string[] = [];
  try {
    files = readdirSync(join(statusDir, set)).filter((f) => f.endsWith('.txt'));
  } catch {
    continue;
  }
  for (const file of files) located.set(topicOf(file), { set, file });
}

const pct = (x: number): string => x.toFixed(3);
const line = (name: string, a: Agreement): string => `${name.padEnd(30)} n ${String(a.n).padStart(4)}   agreement ${pct(a.observed)}   κ ${pct(a.kappa)}`;

for (const tsv of readdirSync(agreementDir).filter((f) => f.endsWith('.tsv')).sort()) {
  const readings = parseSecondReadings(readFileSync(join(agreementDir, tsv), 'utf8'), tsv);
  const byFile = new Map<string, typeof readings>();
  for (const r of readings) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const pairs: PairedReading[] = [];
  const engine: Array<{ predicted: SafeguardStatus; certain: boolean }> = [];
  const sets = new Set<string>();
  for (const [file, rs] of byFile) {
    const where = located.get(topicOf(file));
    if (!where) throw new Error(`${tsv}: document ${file} staat niet in tune/ of holdout/`);
    sets.add(where.set);
    const source = readFileSync(join(statusDir, where.set, where.file), 'utf8');
    const doc = parseStatusAnnotated(source, where.file);
    pairs.push(...pairReadings(where.file, doc.labels, rs));
    // The scorer lists the labels first, in their order, then found mentions without a label.
    const scored = scoreStatusDocument(source, where.file, rules, analyser).pairs.slice(0, doc.labels.length);
    engine.push(...scored.map((p) => ({ predicted: p.predicted, certain: p.certain ?? false })));
  }
  console.log(`\n━━ ${tsv}: ${byFile.size} documents, now in ${[...sets].join(' + ')} ━━`);
  console.log(line('second reader vs gold', agreement(pairs.map((p) => [p.gold, p.second]))));
  const sure = pairs.filter((p) => p.sure);
  const unsure = pairs.filter((p) => !p.sure);
  console.log(line('  where the reader was sure', agreement(sure.map((p) => [p.gold, p.second]))));
  console.log(line('  where the reader was unsure', agreement(unsure.map((p) => [p.gold, p.second]))));
  console.log(line('engine vs gold', agreement(pairs.map((p, i) => [p.gold, engine[i]!.predicted]))));
  console.log(line('engine vs second reader', agreement(pairs.map((p, i) => [p.second, engine[i]!.predicted]))));
  const both = pairs.map((p, i) => ({ p, e: engine[i]! })).filter(({ p }) => p.gold === p.second);
  console.log(line('engine where readers agree', agreement(both.map(({ p, e }) => [p.gold, e.predicted]))));
  if (sets.has('tune')) console.log('  (documents in tune/ are trained on: the engine rows are not blind there)');
  const c = agreement(pairs.map((p) => [p.gold, p.second])).confusion;
  console.log(`  gold ↓ / second reader →  ${SAFEGUARD_STATUSES.map((s) => s.padStart(8)).join('')}`);
  for (const a of SAFEGUARD_STATUSES) console.log(`  ${a.padEnd(24)} ${SAFEGUARD_STATUSES.map((b) => String(c[a][b]).padStart(8)).join('')}`);
  const falseStated = (pick: (p: PairedReading, i: number) => SafeguardStatus) => pairs.filter((p, i) => pick(p, i) === 'stated' && (p.gold === 'negated' || p.gold === 'planned')).length;
  console.log(`  stated where gold says negated/planned: second reader ${falseStated((p) => p.second)}, engine ${falseStated((_, i) => engine[i]!.predicted)}`);
}
