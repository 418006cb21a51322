// Long work in steps (lib/core/steps.ts): run whole, or in slices with the event loop between
// them, the result the same. The page scans in slices of 8 ms (longer while no input waits); the
// service worker reads a large page's safeguard mentions in slices of 25 ms
// (lib/extension/background/complete.ts), stopping when a newer report makes them moot.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowSteps, settleAssessmentSteps } from '../../../lib/core/questions/reading';
import { loadBuiltinRules } from '../../../lib/core/rules';
import { drain, runSliced, sliced, SlicesStopped, type SliceResult, type Steps } from '../../../lib/core/steps';
import { readingOf } from '../support/status-reading';

const rules = loadBuiltinRules();
const TUNE = path.join(__dirname, '../../fixtures/eval/status/tune');

/** A clock that moves one ms each time it is read; the length of each slice, and the posts. */
function fakeSlices(budgetMs: number) {
  let t = 0;
  const slices: number[] = [];
  const posts = { count: 0 };
  return {
    slices,
    posts,
    options: {
      budgetMs,
      now: () => t++,
      onSlice: (ms: number) => void slices.push(ms),
      post: (next: () => void) => {
        posts.count++;
        void Promise.resolve().then(next);
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

describe('sliced (the service worker and the extension pages)', () => {
  it('posts the first slice too, pauses once the budget is spent, and returns what drain returns', async () => {
    const { slices, posts, options } = fakeSlices(10);
    expect(await sliced(counting(100, []), options)).toBe(drain(counting(100, [])));
    // Each step reads the clock once (a slice's end once more): a slice every 10 steps, none past
    // the budget by more than a step; one post before the first slice and one after each but the last.
    expect(slices.length).toBe(11);
    expect(posts.count).toBe(11);
    expect(Math.max(...slices)).toBeLessThanOrEqual(11);
  });

  it('stops before a slice when asked to, closing the work', async () => {
    const closed: string[] = [];
    let posts = 0;
    const run = sliced(counting(1000, closed), { budgetMs: 0, post: (next) => void (posts++, setTimeout(next, 0)), stop: () => posts >= 3 });
    await expect(run).rejects.toBeInstanceOf(SlicesStopped);
    expect(posts).toBe(3);
    expect(closed).toEqual(['closed']);
  });
});

/** Steps that each advance a fake clock by 1 ms. */
function* work(clock: { t: number }, n: number): Generator<void, number, void> {
  for (let i = 0; i < n; i++) {
    clock.t += 1;
    yield;
  }
  return n;
}

function drive(n: number, opts: { inputPending?: (() => boolean) | null; budgetMs?: number; idleBudgetMs?: number }) {
  const clock = { t: 0 };
  const queue: (() => void)[] = [];
  let result: SliceResult<number> | null = null;
  runSliced(work(clock, n), (r) => (result = r), (e) => { throw e; }, { ...opts, now: () => clock.t, post: (fn) => queue.push(fn) });
  let tasks = 1;
  while (queue.length) {
    queue.shift()!();
    tasks++;
  }
  return { result: result as SliceResult<number> | null, tasks };
}

describe('runSliced (the page)', () => {
  it('yields at the budget when nothing tells it the page is idle', () => {
    const { result, tasks } = drive(100, { inputPending: null, budgetMs: 8, idleBudgetMs: 32 });
    expect(result?.value).toBe(100);
    expect(result?.slices).toBe(tasks);
    expect(tasks).toBe(Math.ceil(100 / 8) + (100 % 8 === 0 ? 1 : 0));
  });

  it('runs longer slices while no input is pending, up to the idle budget', () => {
    const { result, tasks } = drive(100, { inputPending: () => false, budgetMs: 8, idleBudgetMs: 32 });
    expect(result?.value).toBe(100);
    expect(tasks).toBe(4); // 32 + 32 + 32 + 4
  });

  it('goes back to the short budget as soon as input is pending', () => {
    const { tasks } = drive(100, { inputPending: () => true, budgetMs: 8, idleBudgetMs: 32 });
    expect(tasks).toBe(13);
  });

  it('a cancelled run never finishes and closes the generator', () => {
    const clock = { t: 0 };
    const queue: (() => void)[] = [];
    let finished = false;
    let closed = false;
    function* steps(): Generator<void, void, void> {
      try {
        for (;;) {
          clock.t += 1;
          yield;
        }
      } finally {
        closed = true;
      }
    }
    const run = runSliced(steps(), () => (finished = true), () => {}, { now: () => clock.t, post: (fn) => queue.push(fn), inputPending: null });
    run.cancel();
    while (queue.length) queue.shift()!();
    expect(run.done).toBe(true);
    expect(closed).toBe(true);
    expect(finished).toBe(false);
  });

  it('with the default poster (MessageChannel) it finishes without timers', async () => {
    const clock = { t: 0 };
    const value = await new Promise<number>((resolve, reject) =>
      runSliced(work(clock, 50), (r) => resolve(r.value), reject, { now: () => clock.t, budgetMs: 4, inputPending: null }),
    );
    expect(value).toBe(50);
  });

  it('posts through scheduler.postTask where the browser has it, and a cancel aborts what was posted', async () => {
    const clock = { t: 0 };
    const posted: Array<{ fn: () => void; signal: AbortSignal; priority: string }> = [];
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    g.scheduler = {
      postTask: (fn: () => void, o: { priority: string; signal: AbortSignal }) => {
        posted.push({ fn, ...o });
        return Promise.resolve();
      },
    };
    try {
      let value = -1;
      runSliced(work(clock, 20), (r) => (value = r.value), (e) => { throw e; }, { now: () => clock.t, budgetMs: 4, inputPending: null });
      while (value < 0 && posted.length) posted.shift()!.fn();
      expect(value).toBe(20);
      const run = runSliced(work(clock, 20), () => {}, (e) => { throw e; }, { now: () => clock.t, budgetMs: 4, inputPending: null });
      expect(posted).toHaveLength(1);
      expect(posted[0]!.priority).toBe('user-visible');
      run.cancel();
      expect(posted[0]!.signal.aborted).toBe(true);
    } finally {
      g.scheduler = before;
    }
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
      expect(await sliced(readWindowSteps(r, rules, 'wrapped'), options)).toEqual(drain(readWindowSteps(r, rules, 'wrapped')));
      expect(slices.length).toBeGreaterThan(r.mentions.length / 40);
      expect(await sliced(settleAssessmentSteps(partial, r, rules, 'wrapped'), fakeSlices(3).options)).toEqual(drain(settleAssessmentSteps(partial, r, rules, 'wrapped')));
    }
  });
});
