// Occurrence-level scoring of predicted matches against gold spans. A prediction counts as a hit
// when it overlaps a gold span of the same category (boundaries may differ: the matcher reports
// whole words, an annotator may stop at the hyphen); each gold span and each prediction is used
// at most once. Everything else is a false positive or a false negative; a prediction that lies on
// a gold span of another category is both, and is reported as such. A second prediction on a gold
// span that is already hit with the right category (the matcher found "zelflerende" and
// "algoritmes" where the annotator marked the phrase) is neither: the reader sees the right
// passage marked with the right category. It is counted apart as `split`.
import type { CategoryId } from '../../../lib/core/rules/schema';
import type { GoldSpan } from './annotations';

export interface Predicted {
  start: number;
  end: number;
  category: CategoryId;
  text: string;
  termId?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface DocumentScore {
  truePositives: { gold: GoldSpan; predicted: Predicted }[];
  falsePositives: { predicted: Predicted; wrongCategoryOf?: GoldSpan }[];
  falseNegatives: { gold: GoldSpan; takenBy?: Predicted }[];
  split: Predicted[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function scoreDocument(gold: readonly GoldSpan[], predicted: readonly Predicted[]): DocumentScore {
  const goldSorted = [...gold].sort((a, b) => a.start - b.start || a.end - b.end);
  const predSorted = [...predicted].sort((a, b) => a.start - b.start || a.end - b.end);
  const goldUsed = new Set<GoldSpan>();
  const result: DocumentScore = { truePositives: [], falsePositives: [], falseNegatives: [], split: [] };
  const unmatched: Predicted[] = [];
  for (const p of predSorted) {
    const hit = goldSorted.find((g) => !goldUsed.has(g) && g.category === p.category && overlaps(g, p));
    if (hit) {
      goldUsed.add(hit);
      result.truePositives.push({ gold: hit, predicted: p });
    } else {
      unmatched.push(p);
    }
  }
  for (const p of unmatched) {
    if (result.truePositives.some((t) => t.gold.category === p.category && overlaps(t.gold, p))) {
      result.split.push(p);
      continue;
    }
    result.falsePositives.push({ predicted: p, wrongCategoryOf: goldSorted.find((g) => !goldUsed.has(g) && overlaps(g, p)) });
  }
  for (const g of goldSorted) {
    if (goldUsed.has(g)) continue;
    result.falseNegatives.push({ gold: g, takenBy: result.falsePositives.find((f) => overlaps(g, f.predicted))?.predicted });
  }
  return result;
}

/** Per-category and overall (micro-averaged) counts over many documents. */
export function tally(scores: readonly DocumentScore[]): { perCategory: Map<CategoryId, Counts>; overall: Counts } {
  const perCategory = new Map<CategoryId, Counts>();
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const bump = (category: CategoryId, key: keyof Counts): void => {
    const counts = perCategory.get(category) ?? { tp: 0, fp: 0, fn: 0 };
    counts[key]++;
    perCategory.set(category, counts);
    overall[key]++;
  };
  for (const s of scores) {
    for (const t of s.truePositives) bump(t.gold.category, 'tp');
    for (const f of s.falsePositives) bump(f.predicted.category, 'fp');
    for (const f of s.falseNegatives) bump(f.gold.category, 'fn');
  }
  return { perCategory, overall };
}

/** null when undefined (nothing predicted, or nothing to find). */
export function precision(c: Counts): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}
export function recall(c: Counts): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}
