// Agreement between two readers' statuses on the same mentions (issue 13): how far the gold labels
// are a reading anyone would give, and so what a status target measured against them can mean.
// A second reader's labels are kept as TSV lines `file, N, safeguard, status, sure|unsure, note`,
// where N counts the document's marks in order; the first reader's are the documents' own marks.
import { SAFEGUARD_STATUSES, type SafeguardStatus } from '../../../lib/core/rules/status';
import type { StatusLabel } from './status-score';

export interface SecondReading {
  file: string;
  /** 1-based: the N-th mark of the document. */
  mark: number;
  safeguard: string;
  status: SafeguardStatus;
  sure: boolean;
  note: string;
}

const STATUSES: ReadonlySet<string> = new Set(SAFEGUARD_STATUSES);

/** The readings of one TSV; a malformed line is an error naming it, never skipped. */
export function parseSecondReadings(tsv: string, name = 'tsv'): SecondReading[] {
  const out: SecondReading[] = [];
  tsv.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const [file = '', n = '', safeguard = '', status = '', confidence = '', ...note] = line.split('\t');
    const mark = Number(n);
    if (!Number.isInteger(mark) || mark < 1) throw new Error(`${name}:${i + 1}: geen volgnummer in "${line}"`);
    if (!STATUSES.has(status)) throw new Error(`${name}:${i + 1}: onbekende status "${status}"`);
    if (confidence !== 'sure' && confidence !== 'unsure') throw new Error(`${name}:${i + 1}: zekerheid moet sure of unsure zijn, niet "${confidence}"`);
    out.push({ file, mark, safeguard, status: status as SafeguardStatus, sure: confidence === 'sure', note: note.join('\t') });
  });
  return out;
}

/** The document a reading was made on, by its name after the number: documents are renumbered when a holdout moves into tune. */
export const topicOf = (file: string): string => file.replace(/^\d+-/, '');

export interface PairedReading {
  gold: SafeguardStatus;
  second: SafeguardStatus;
  sure: boolean;
  label: StatusLabel;
  reading: SecondReading;
}

/**
 * Pairs a document's marks with the second reader's lines for it. Every mark must have exactly one
 * reading of the same safeguard, and no reading may point past the marks: a gap would make the
 * agreement look better or worse than it is.
 */
export function pairReadings(file: string, labels: readonly StatusLabel[], readings: readonly SecondReading[]): PairedReading[] {
  const byMark = new Map<number, SecondReading>();
  for (const r of readings) {
    if (byMark.has(r.mark)) throw new Error(`${file}: twee lezingen voor markering ${r.mark}`);
    if (r.mark > labels.length) throw new Error(`${file}: markering ${r.mark} bestaat niet (${labels.length} markeringen)`);
    byMark.set(r.mark, r);
  }
  return labels.map((label, i) => {
    const reading = byMark.get(i + 1);
    if (!reading) throw new Error(`${file}: markering ${i + 1} heeft geen tweede lezing`);
    if (reading.safeguard !== label.safeguard) throw new Error(`${file}: markering ${i + 1} is ${label.safeguard}, de lezing zegt ${reading.safeguard}`);
    return { gold: label.status, second: reading.status, sure: reading.sure, label, reading };
  });
}

export interface Agreement {
  n: number;
  /** Share of mentions both readers gave the same status. */
  observed: number;
  /** Cohen's κ: agreement beyond what the two readers' status frequencies give by chance. */
  kappa: number;
  /** confusion[a][b]: first reader a, second reader b. */
  confusion: Record<SafeguardStatus, Record<SafeguardStatus, number>>;
}

export function agreement(pairs: ReadonlyArray<readonly [SafeguardStatus, SafeguardStatus]>): Agreement {
  const zero = (): Record<SafeguardStatus, number> => ({ stated: 0, negated: 0, planned: 0, absent: 0 });
  const confusion = { stated: zero(), negated: zero(), planned: zero(), absent: zero() };
  for (const [a, b] of pairs) confusion[a][b]++;
  const n = pairs.length;
  let same = 0;
  let chance = 0;
  for (const s of SAFEGUARD_STATUSES) {
    same += confusion[s][s];
    const rowSum = SAFEGUARD_STATUSES.reduce((t, b) => t + confusion[s][b], 0);
    const colSum = SAFEGUARD_STATUSES.reduce((t, a) => t + confusion[a][s], 0);
    chance += (rowSum / n) * (colSum / n);
  }
  const observed = n === 0 ? 0 : same / n;
  return { n, observed, kappa: chance === 1 ? 1 : (observed - chance) / (1 - chance), confusion };
}
