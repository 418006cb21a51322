import { describe, expect, it } from 'vitest';
import { runSliced, type SliceResult } from '../../../../../lib/surface/page/session/slicer';

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

describe('runSliced', () => {
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
