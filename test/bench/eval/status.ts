// The status part of `npm run eval`: the checklist's statuses on test/fixtures/eval/status, tune and
// holdout apart, through the same analyser and assessment the extension uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Analyser } from '../../../lib/core/analyse';
import { assessDocument, readMentions } from '../../../lib/core/questions';
import { textOutcome } from '../../../lib/core/questions/document-kind';
import { documentKindRules } from '../../../lib/core/rules/document-kind';
import type { RuleSet } from '../../../lib/core/rules';
import { SAFEGUARD_STATUSES } from '../../../lib/core/rules/status';
import { lineOf } from './annotations';
import { alignStatuses, parseStatusAnnotated, statusFigures, type ScoredPair } from './status-score';

export const STATUS_SETS = ['tune', 'holdout'] as const;

export interface StatusEvalOptions {
  root: string;
  rules: RuleSet;
  analyser: Analyser;
  set?: string;
  quiet?: boolean;
  /**
   * Cross-validation: only the tune documents whose number is odd or even. Rules developed while
   * looking at one half's errors are then scored on the other half, which they were not fitted to.
   */
  fold?: 'odd' | 'even';
  log?: (line: string) => void;
}

/** The documents of a set that are in the fold: by the number their name starts with. */
export function inFold(file: string, fold: 'odd' | 'even' | undefined): boolean {
  if (!fold) return true;
  const n = Number.parseInt(file, 10);
  return Number.isFinite(n) && (n % 2 === 1) === (fold === 'odd');
}

const fmt = (x: number | null): string => (x === null ? '   —  ' : x.toFixed(3).padStart(6));

/** Every mention of one document with gold and predicted status. */
export function scoreStatusDocument(source: string, name: string, rules: RuleSet, analyser: Analyser): { pairs: ScoredPair[]; text: string } {
  const doc = parseStatusAnnotated(source, name);
  const { matches, safeguardHits } = analyser.find(doc.text);
  // The eval documents are hard-wrapped text files; a motie's own text says what became of it, as the CLI reads it.
  const input = { matches, safeguardHits, text: doc.text, rules, layout: 'wrapped' as const, outcome: textOutcome(doc.text, documentKindRules()) };
  const { hasTechnology } = assessDocument(input);
  const predicted = readMentions(input, hasTechnology).map((r) => ({
    start: r.hit.start,
    end: r.hit.end,
    safeguard: r.hit.group,
    status: r.status?.status ?? 'stated',
    certain: r.status?.certain ?? true,
  }));
  return { pairs: alignStatuses(doc.labels, predicted), text: doc.text };
}

export function runStatusEval(options: StatusEvalOptions): void {
  const log = options.log ?? ((line: string) => console.log(line));
  for (const set of STATUS_SETS) {
    if (options.set && options.set !== set) continue;
    const dir = join(options.root, 'test', 'fixtures', 'eval', 'status', set);
    // A holdout that was looked at moves into tune; until the next one is written there is none.
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt') && (set !== 'tune' || inFold(f, options.fold))).sort() : [];
    if (files.length === 0) {
      log(`\n== waarborgen, ${set}: geen documenten ==`);
      continue;
    }
    const all: ScoredPair[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const path = join(dir, file);
      const { pairs, text } = scoreStatusDocument(readFileSync(path, 'utf8'), relative(options.root, path), options.rules, options.analyser);
      all.push(...pairs);
      for (const p of pairs) {
        if (p.gold === p.predicted && !p.unmatched) continue;
        const context = `…${text.slice(Math.max(0, p.start - 50), p.start)}⟦${text.slice(p.start, p.end)}⟧${text.slice(p.end, p.end + 50)}…`.replace(/\s+/g, ' ');
        const why = p.unmatched === 'not-found' ? ' (niet gevonden)' : p.unmatched === 'unlabelled' ? ' (geen label)' : '';
        problems.push(`${p.gold.padEnd(7)} → ${p.predicted.padEnd(7)} ${p.safeguard}${why}  ${set}/${file}:${lineOf(text, p.start)}  ${context}`);
      }
    }
    const f = statusFigures(all);
    const half = set === 'tune' && options.fold ? ` (${options.fold === 'odd' ? 'oneven' : 'even'} helft)` : '';
    log(`\n== waarborgen, ${set}${half}: ${files.length} documenten, ${f.total} passages ==`);
    log(`statusnauwkeurigheid ${fmt(f.accuracy)}  (${f.correct} van ${f.total})`);
    log(`onterecht ✓ (stated waar de tekst ontkent): ${f.falseTicks}; ✓ waar het geen ✓ is: ${f.wrongTicks}`);
    log(
      `stated waar negated/planned: ${f.falseStated} (false stated), waarvan zeker ✓: ${f.falseCertain} (false ✓); zekere ✓ ${f.certainTicks}, ✓-precisie ${fmt(f.certainTicks ? f.certainTicksRight / f.certainTicks : null).trim()}`,
    );
    if (set === 'tune') log('(dit is de fit van het model op zijn eigen leerset; de eerlijke maat is de cross-validatie per document: npx tsx test/tools/train-status-model.ts --check)');
    log('status     gold  voorspeld  goed  precisie  recall');
    for (const s of SAFEGUARD_STATUSES) {
      const c = f.perStatus[s];
      log(`${s.padEnd(9)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(10)} ${String(c.correct).padStart(5)}  ${fmt(c.precision)}  ${fmt(c.recall)}`);
    }
    if (!options.quiet && problems.length > 0) {
      log(`\nFouten (${problems.length}):`);
      for (const p of problems) log('  ' + p);
    }
  }
}
