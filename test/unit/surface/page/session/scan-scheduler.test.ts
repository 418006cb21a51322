import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECORDS_PER_BATCH } from '@/lib/surface/page/scan/blocks';
import { FULL_MIN_GAP_MS, ScanScheduler } from '@/lib/surface/page/session/scan-scheduler';

/** Fake records: the scheduler only counts and hands them on. */
const records = (n: number) => Array.from({ length: n }, () => ({}) as MutationRecord);

/** Steps that each advance the fake clock by `stepMs`; the value is the number of steps run. */
function* work(n: number, stepMs: number, trace: number[]): Generator<void, number, void> {
  for (let i = 0; i < n; i++) {
    trace.push(i);
    clock.t += stepMs;
    yield;
  }
  return n;
}

const clock = { t: 0 };

function scheduler(extra: { accepts?: () => boolean } = {}) {
  const calls: string[] = [];
  const queue: Array<() => void> = [];
  const s = new ScanScheduler(
    { accepts: extra.accepts ?? (() => true), full: () => calls.push('full'), flush: () => calls.push('flush') },
    { debounceMs: 100, maxWaitMs: 500, slice: { budgetMs: 8, inputPending: null, now: () => clock.t, post: (fn) => queue.push(fn) } },
  );
  /** Runs the posted slices one task at a time; returns how many tasks that took. */
  const drain = () => {
    let tasks = 0;
    while (queue.length) {
      queue.shift()!();
      tasks++;
    }
    return tasks;
  };
  return { s, calls, queue, drain };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  clock.t = 0;
});
afterEach(() => vi.useRealTimers());

describe('ScanScheduler: when', () => {
  it('batches a burst of records into one flush after the debounce', () => {
    const { s, calls } = scheduler();
    s.onRecords(records(3));
    vi.advanceTimersByTime(60);
    s.onRecords(records(2));
    vi.advanceTimersByTime(60);
    expect(calls).toEqual([]); // the second batch moved the debounce on
    vi.advanceTimersByTime(40);
    expect(calls).toEqual(['flush']);
    expect(s.takePending().records).toHaveLength(5);
    expect(s.hasPending).toBe(false);
  });

  it('flushes at the maximum wait however often the page keeps changing', () => {
    const { s, calls } = scheduler();
    for (let t = 0; t < 500; t += 50) {
      s.onRecords(records(1));
      vi.advanceTimersByTime(50);
    }
    expect(calls).toEqual(['flush']);
  });

  it('stops keeping records in a flood and asks for a rebuild instead', () => {
    const { s } = scheduler();
    s.onRecords(records(MAX_RECORDS_PER_BATCH));
    s.onRecords(records(1));
    const batch = s.takePending();
    expect(batch.overflow).toBe(true);
    expect(batch.records).toEqual([]);
  });

  it('drops records once the scanner no longer accepts them', () => {
    let alive = true;
    const { s, calls } = scheduler({ accepts: () => alive });
    alive = false;
    s.onRecords(records(4));
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
    expect(s.hasPending).toBe(false);
  });

  it('keeps rebuilds apart by at least the minimum gap, and by 4× the last one’s cost', () => {
    const { s, calls } = scheduler();
    s.fullEnded(performance.now(), 10);
    s.scheduleFull(0);
    vi.advanceTimersByTime(FULL_MIN_GAP_MS - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['full']);
    s.fullEnded(performance.now(), 200);
    s.scheduleFull(0);
    s.scheduleFull(0); // asked twice: one rebuild
    vi.advanceTimersByTime(799);
    expect(calls).toEqual(['full']);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['full', 'full']);
  });

  it('a page that is not the document is looked at again only after a second', () => {
    const { s, calls } = scheduler();
    s.fullEnded(performance.now(), 1);
    s.scheduleFull(0, true);
    vi.advanceTimersByTime(999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['full']);
  });

  it('cancel drops the pending timers', () => {
    const { s, calls } = scheduler();
    s.onRecords(records(1));
    s.scheduleFull(0);
    s.cancel();
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual([]);
  });
});

describe('ScanScheduler: in slices', () => {
  it('cuts a long run into slices of the budget, busy until it is done', () => {
    const { s, drain } = scheduler();
    const trace: number[] = [];
    let value = -1;
    let slices = 0;
    s.run(work(100, 1, trace), (r) => ((value = r.value), (slices = r.slices)), (e) => { throw e; });
    expect(s.busy).toBe(true);
    expect(trace).toHaveLength(8); // the first slice: 8 steps of 1 ms
    const tasks = drain();
    expect(value).toBe(100);
    expect(s.busy).toBe(false);
    expect(slices).toBe(tasks + 1);
    expect(slices).toBeGreaterThanOrEqual(12);
  });

  it('a new run cancels the one still running: the old one never finishes', () => {
    const { s, drain } = scheduler();
    const done: string[] = [];
    s.run(work(50, 1, []), () => done.push('old'), (e) => { throw e; });
    s.run(work(20, 1, []), () => done.push('new'), (e) => { throw e; });
    drain();
    expect(done).toEqual(['new']);
  });

  it('work that ends in its first slice leaves nothing running', () => {
    const { s } = scheduler();
    let value = -1;
    s.run(work(3, 1, []), (r) => (value = r.value), (e) => { throw e; });
    expect(value).toBe(3);
    expect(s.busy).toBe(false);
  });

  it('a run started from the end of another is the one that runs', () => {
    const { s, drain } = scheduler();
    const done: string[] = [];
    s.run(work(3, 1, []), () => {
      done.push('first');
      s.run(work(30, 1, []), () => done.push('second'), (e) => { throw e; });
    }, (e) => { throw e; });
    expect(s.busy).toBe(true);
    drain();
    expect(done).toEqual(['first', 'second']);
    expect(s.busy).toBe(false);
  });

  it('an error ends the run and reaches only onError', () => {
    const { s, drain } = scheduler();
    function* failing(): Generator<void, number, void> {
      clock.t += 10;
      yield;
      throw new Error('kapot');
    }
    const errors: unknown[] = [];
    s.run(failing(), () => errors.push('done?'), (e) => errors.push(e));
    drain();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('kapot');
    expect(s.busy).toBe(false);
  });
});
