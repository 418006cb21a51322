// Scoring of the checklist's statuses on test/fixtures/eval/status: the inline label format, the
// alignment of found mentions with labels, and the figures (accuracy, precision and recall per
// status, false ✓). Pure, so the scoring is unit-tested apart from the rules it scores.
import { SAFEGUARD_STATUSES, type SafeguardStatus } from '../../../lib/core/rules/status';
import { lineOf } from './annotations';

export interface StatusLabel {
  start: number;
  end: number;
  status: SafeguardStatus;
  safeguard: string;
  text: string;
}

export interface StatusAnnotated {
  text: string;
  labels: StatusLabel[];
}

const STATUSES: ReadonlySet<string> = new Set(SAFEGUARD_STATUSES);

/** `{{status:safeguard:text}}` marks one mention; the markers are stripped, the offsets are into the rest. */
export function parseStatusAnnotated(source: string, name = 'document'): StatusAnnotated {
  let text = '';
  const labels: StatusLabel[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    const stray = source.indexOf('}}', i);
    if (stray !== -1 && (open === -1 || stray < open)) throw new Error(`${name}:${lineOf(source, stray)}: "}}" zonder "{{"`);
    if (open === -1) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, open);
    const close = source.indexOf('}}', open + 2);
    const nested = source.indexOf('{{', open + 2);
    if (close === -1 || (nested !== -1 && nested < close)) throw new Error(`${name}:${lineOf(source, open)}: "{{" zonder bijbehorende "}}"`);
    const body = source.slice(open + 2, close);
    const [status = '', safeguard = '', ...rest] = body.split(':');
    const inner = rest.join(':');
    if (!STATUSES.has(status)) throw new Error(`${name}:${lineOf(source, open)}: onbekende status "${status}" in "{{${body}}}"`);
    if (!/^[a-z0-9-]+$/.test(safeguard)) throw new Error(`${name}:${lineOf(source, open)}: geen waarborg-id in "{{${body}}}"`);
    if (inner.trim() === '') throw new Error(`${name}:${lineOf(source, open)}: lege tekst in "{{${body}}}"`);
    labels.push({ start: text.length, end: text.length + inner.length, status: status as SafeguardStatus, safeguard, text: inner });
    text += inner;
    i = close + 2;
  }
  return { text, labels };
}

export interface PredictedMention {
  start: number;
  end: number;
  safeguard: string;
  status: SafeguardStatus;
  certain?: boolean;
}

export interface ScoredPair {
  gold: SafeguardStatus;
  predicted: SafeguardStatus;
  start: number;
  end: number;
  safeguard: string;
  /** A label the matcher did not find, or a found mention without a label. */
  unmatched?: 'not-found' | 'unlabelled';
  /** The index of the found mention in `predicted`, when there is one. */
  index?: number;
  /** False for a predicted `stated` without a ✓ (the model was not sure). */
  certain?: boolean;
}

/**
 * Pairs each label with the found mention of the same safeguard that overlaps it. A label nobody
 * found is predicted absent; a found mention without a label is gold absent (and listed).
 */
export function alignStatuses(labels: readonly StatusLabel[], predicted: readonly PredictedMention[]): ScoredPair[] {
  const used = new Set<number>();
  const pairs: ScoredPair[] = [];
  for (const l of labels) {
    const k = predicted.findIndex((p, j) => !used.has(j) && p.safeguard === l.safeguard && p.start < l.end && p.end > l.start);
    if (k >= 0) {
      used.add(k);
      pairs.push({ gold: l.status, predicted: predicted[k]!.status, start: l.start, end: l.end, safeguard: l.safeguard, index: k, certain: predicted[k]!.certain ?? true });
    } else {
      pairs.push({ gold: l.status, predicted: 'absent', start: l.start, end: l.end, safeguard: l.safeguard, unmatched: 'not-found' });
    }
  }
  predicted.forEach((p, j) => {
    if (!used.has(j)) pairs.push({ gold: 'absent', predicted: p.status, start: p.start, end: p.end, safeguard: p.safeguard, unmatched: 'unlabelled', index: j, certain: p.certain ?? true });
  });
  return pairs;
}

export interface StatusFigures {
  total: number;
  correct: number;
  accuracy: number | null;
  perStatus: Record<SafeguardStatus, { gold: number; predicted: number; correct: number; precision: number | null; recall: number | null }>;
  /** A ✓ where the text says it was not done: gold negated, predicted stated. */
  falseTicks: number;
  /** Any ✓ that should not be one (gold negated, planned or absent). */
  wrongTicks: number;
  /** Predicted stated where the text says not done or not yet (gold negated or planned), certain or not. */
  falseStated: number;
  /** The same among certain stated only: a ✓ shown where the text negates or announces. */
  falseCertain: number;
  /** Certain stated (shown with a ✓), and how many of them are gold stated. */
  certainTicks: number;
  certainTicksRight: number;
}

export function statusFigures(pairs: readonly ScoredPair[]): StatusFigures {
  const perStatus = Object.fromEntries(
    SAFEGUARD_STATUSES.map((s) => [s, { gold: 0, predicted: 0, correct: 0, precision: null as number | null, recall: null as number | null }]),
  ) as StatusFigures['perStatus'];
  let correct = 0;
  let falseTicks = 0;
  let wrongTicks = 0;
  let falseStated = 0;
  let falseCertain = 0;
  let certainTicks = 0;
  let certainTicksRight = 0;
  for (const p of pairs) {
    if (p.predicted === 'stated') {
      const certain = p.certain ?? true;
      const notDone = p.gold === 'negated' || p.gold === 'planned';
      if (notDone) falseStated++;
      if (certain) {
        certainTicks++;
        if (p.gold === 'stated') certainTicksRight++;
        if (notDone) falseCertain++;
      }
    }
    perStatus[p.gold].gold++;
    perStatus[p.predicted].predicted++;
    if (p.gold === p.predicted) {
      correct++;
      perStatus[p.gold].correct++;
    } else if (p.predicted === 'stated') {
      wrongTicks++;
      if (p.gold === 'negated') falseTicks++;
    }
  }
  for (const s of SAFEGUARD_STATUSES) {
    const c = perStatus[s];
    c.precision = c.predicted ? c.correct / c.predicted : null;
    c.recall = c.gold ? c.correct / c.gold : null;
  }
  return { total: pairs.length, correct, accuracy: pairs.length ? correct / pairs.length : null, perStatus, falseTicks, wrongTicks, falseStated, falseCertain, certainTicks, certainTicksRight };
}
