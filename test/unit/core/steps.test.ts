// Long pure work in steps (lib/core/steps.ts): run whole or in slices with the event loop between
// them, the result the same. The service worker reads a large page's safeguard mentions this way
// (lib/extension/background/complete.ts).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindows, readWindowSteps, settleAssessment, settleAssessmentSteps } from '../../../lib/core/questions/reading';
import { loadBuiltinRules } from '../../../lib/core/rules';
import { drain, runSliced, SlicesStopped, type Steps } from '../../../lib/core/steps';
import { readingOf } from '../support/status-reading';

const rules = loadBuiltinRules();
const TUNE = path.join(__dirname, '../../fixtures/eval/status/tune');

/** A clock that moves one ms each time it is read, and a count of the pauses. */
function fakeSlices(budgetMs: number) {
  let t = 0;
  const slices: number[] = [];
  let sliceStart = 0;
  return {
    slices,
    options: {
      budgetMs,
      now: () => t++,
      pause: async () => {
        slices.push(t - sliceStart);
        sliceStart = t;
      },
    },
  };
}

function* counting(n: number, done: string[]): Steps<number> {
  let sum = 0;
  try {
    for (let i = 0; i < n; i++) {
      sum += i;
      yield;
    }
  } finally {
    done.push('closed');
  }
  return sum;
}

describe('runSliced', () => {
  it('pauses once the budget is spent, and returns what drain returns', async () => {
    const { slices, options } = fakeSlices(10);
    expect(await runSliced(counting(100, []), options)).toBe(drain(counting(100, [])));
    // One pause before the first slice; each step reads the clock once (a slice's start once more):
    // then a pause about every 10 steps, none past the budget by more than a step.
    expect(slices.length).toBeGreaterThanOrEqual(9);
    expect(slices.length).toBeLessThanOrEqual(11);
    expect(Math.max(...slices)).toBeLessThanOrEqual(12);
  });

  it('stops at a pause when asked to, closing the work', async () => {
    const closed: string[] = [];
    let pauses = 0;
    const run = runSliced(counting(1000, closed), { budgetMs: 0, pause: async () => void pauses++, stop: () => pauses >= 3 });
    await expect(run).rejects.toBeInstanceOf(SlicesStopped);
    expect(pauses).toBe(3);
    expect(closed).toEqual(['closed']);
  });
});

describe('the safeguards read in slices equal those read at once', () => {
  // The tune documents one after another: one text with many mentions, in one window as on a large page.
  const text = readdirSync(TUNE)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 12)
    .map((f) => readFileSync(path.join(TUNE, f), 'utf8'))
    .join('\n\n');

  it('statuses and the completed assessment, with a pause every few steps', async () => {
    const { reading, partial } = readingOf(text);
    expect(reading.mentions.length).toBeGreaterThan(50);
    const whole = { ...reading, windows: [{ start: 0, text }] };
    for (const r of [reading, whole]) {
      const { slices, options } = fakeSlices(5);
      expect(await runSliced(readWindowSteps(r, rules, 'wrapped'), options)).toEqual(readWindows(r, rules, 'wrapped'));
      expect(slices.length).toBeGreaterThan(r.mentions.length / 40);
      expect(await runSliced(settleAssessmentSteps(partial, r, rules, 'wrapped'), fakeSlices(3).options)).toEqual(settleAssessment(partial, r, rules, 'wrapped'));
    }
  });
});
