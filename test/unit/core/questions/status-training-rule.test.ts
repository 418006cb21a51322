// The committed training rule (test/tools/train-status-model.ts, chooseSetting) on a small
// synthetic grid: settings whose unseen CV accuracy ties within 0.003 are decided by the lower
// false-✓ share, τ included — not by each variant's lowest τ that meets the target (round 16's
// rule, which shipped τ 0.65 where τ 0.7 had the same accuracy and a lower share).
import { describe, expect, it } from 'vitest';
import { chooseSetting, chooseSettingRound16, chooseTau, TAUS, type CvRow, type VariantRows } from '../../../tools/train-status-model';

/** A CV row with only what the rule reads: unseen accuracy, false ✓, certain ✓ and ✓-precision. */
function row(accuracy: number, falseCertain: number, certainTicks: number, precision = 1 - falseCertain / certainTicks - 0.02): CvRow {
  const recall = { stated: 0, negated: 0, planned: 0, absent: 0 };
  return {
    accuracy: [accuracy], negRecall: [0], planRecall: [0], falseStated: 0, falseCertain, certainPrecision: precision, certainTicks, pooledAccuracy: accuracy,
    unseen: { accuracy, negRecall: 0, planRecall: 0, falseCertain, certainTicks, certainPrecision: precision, recall },
  };
}

/** A variant's curve over TAUS from (false ✓, certain ✓) pairs, lowest τ first. */
function variant(accuracy: number, curve: Array<[number, number]>): VariantRows {
  const rows = TAUS.map((t, i): [number, CvRow] => [t, row(accuracy, ...curve[Math.min(i, curve.length - 1)]!)]);
  const [tau, at] = chooseTau(rows);
  return { rows, tau, at };
}

// τ 0, 0.5, 0.6 miss the target (more than one in nine false ✓); from 0.65 on they meet it.
const A = variant(0.83, [[200, 1500], [180, 1450], [170, 1400], [86, 1232], [80, 1180], [90, 1100], [70, 600], [30, 300], [10, 100], [2, 20]]);
const B = variant(0.829, [[200, 1500], [180, 1450], [170, 1400], [90, 1260], [85, 1204], [84, 1150], [60, 500], [30, 300], [10, 100], [2, 20]]);

describe('the committed training rule (chooseSetting)', () => {
  it('decides tied settings by the lower false-✓ share, τ included', () => {
    // Round 16's rule: each variant at its lowest τ that meets the target (A 0.65: 86/1232 = 7.0 %,
    // B 0.65: 90/1260 = 7.1 %), so A at τ 0.65.
    const old = chooseSettingRound16([A, B]);
    expect([old.variant, old.tau]).toEqual([0, 0.65]);
    // Now A at τ 0.7 (80/1180 = 6.8 %) competes too and wins; τ 0.8 (70/600 = 11.7 %) misses the
    // target, τ 0.75 has a higher share (8.2 %).
    const now = chooseSetting([A, B]);
    expect([now.variant, now.tau]).toEqual([0, 0.7]);
    expect(now.at.unseen.falseCertain).toBe(80);
  });

  it('does not buy a lower share with more than half the right ✓, nor with accuracy', () => {
    // C's lowest share (2/200 at τ 0.8) keeps under half its right ✓: not offered.
    const C = variant(0.83, [[200, 1500], [180, 1450], [170, 1400], [100, 1300], [95, 1250], [90, 1200], [2, 200], [1, 100], [1, 50], [0, 10]]);
    const c = chooseSetting([C]);
    expect(c.tau).toBe(0.75);
    // D has a much lower share at τ 0.7 but reads 0.004 under the best: outside the tie.
    const D = variant(0.826, [[200, 1500], [180, 1450], [170, 1400], [40, 1300], [20, 1250], [25, 1200], [30, 1100], [30, 700], [20, 300], [5, 50]]);
    expect(chooseSetting([A, D]).variant).toBe(0);
    // Within the tie D wins on its share.
    const D2 = variant(0.828, [[200, 1500], [180, 1450], [170, 1400], [40, 1300], [20, 1250], [25, 1200], [30, 1100], [30, 700], [20, 300], [5, 50]]);
    const d = chooseSetting([A, D2]);
    expect([d.variant, d.tau]).toEqual([1, 0.7]);
  });
});
