import { describe, expect, it } from 'vitest';
import { POOL_CANCELLED, ScanPool } from '../../../../lib/surface/pdf/pool';

/** A worker stand-in: numbered, ended by the pool or from outside (the budget). */
interface FakeWorker {
  id: number;
  destroyed: boolean;
}

/** Work the test finishes by hand: which documents started, on which worker, with which signal. */
function harness(size = 2) {
  let made = 0;
  const ended: number[] = [];
  const pool = new ScanPool<FakeWorker>({
    size,
    create: () => ({ id: ++made, destroyed: false }),
    end: (w) => {
      w.destroyed = true;
      ended.push(w.id);
    },
    usable: (w) => !w.destroyed,
  });
  const started: { key: string; worker: FakeWorker; signal: AbortSignal; release: () => void; finish: () => void; fail: (e: unknown) => void }[] = [];
  const settled: Record<string, boolean> = {};
  const add = (key: string) =>
    void pool
      .add(key, (job) => {
        const worker = job.resource();
        return new Promise<void>((resolve, reject) => started.push({ key, worker, signal: job.signal, release: job.release, finish: resolve, fail: reject }));
      })
      .then((ran) => (settled[key] = ran));
  const job = (key: string) => started.find((s) => s.key === key)!;
  return { pool, add, started, settled, ended, job, made: () => made };
}

const turn = () => new Promise<void>((r) => setTimeout(r, 0));

describe('ScanPool', () => {
  it('runs at most `size` documents at once, in the order added, the next as soon as one finishes', async () => {
    const h = harness(2);
    for (const k of ['a', 'b', 'c', 'd']) h.add(k);
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b']);
    expect(h.pool.pending).toBe(4);
    h.job('b').finish();
    await turn();
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b', 'c']);
    expect(h.settled).toEqual({ b: true });
    h.job('a').fail(new Error('kapot'));
    await turn();
    // A document that failed frees its lane like one that finished.
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b', 'c', 'd']);
    h.job('c').finish();
    h.job('d').finish();
    await turn();
    expect(h.pool.pending).toBe(0);
    expect(h.settled).toEqual({ a: true, b: true, c: true, d: true });
  });

  it('keeps a lane’s worker from one document to the next', async () => {
    const h = harness(1);
    for (const k of ['a', 'b', 'c']) h.add(k);
    h.job('a').finish();
    await turn();
    h.job('b').finish();
    await turn();
    expect(h.started.map((s) => s.worker.id)).toEqual([1, 1, 1]);
    expect(h.made()).toBe(1);
    expect(h.ended).toEqual([]);
  });

  it('a lane whose worker was ended from outside (the budget) makes a new one for its next document', async () => {
    const h = harness(1);
    h.add('bom');
    h.add('b');
    h.job('bom').worker.destroyed = true;
    h.job('bom').fail(new Error('over-budget'));
    await turn();
    expect(h.job('b').worker.id).toBe(2);
  });

  it('cancelling a running document aborts its signal and ends its worker at once; its lane takes the next', async () => {
    const h = harness(2);
    for (const k of ['a', 'b', 'c']) h.add(k);
    expect(h.pool.cancel('a')).toBe(true);
    // Synchronously: no timer or promise has to run for the abort and the worker's end.
    expect(h.job('a').signal.aborted).toBe(true);
    expect(h.job('a').signal.reason).toBe(POOL_CANCELLED);
    expect(h.ended).toEqual([1]);
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b', 'c']);
    expect(h.job('c').worker.id).toBe(3);
    expect(h.pool.has('a')).toBe(false);
    // The cancelled work ending later does not free the lane its successor now uses.
    h.job('a').fail(new Error('cancelled'));
    h.add('d');
    await turn();
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b', 'c']);
  });

  it('a document that releases its lane (its pages extracted) lets the next start on that lane’s worker at once, and stays pending until it settles', async () => {
    const h = harness(1);
    for (const k of ['a', 'b', 'c']) h.add(k);
    h.job('a').release();
    // Synchronously, and on the same worker: the status reading does not hold the lane.
    expect(h.started.map((s) => [s.key, s.worker.id])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(h.pool.has('a')).toBe(true);
    expect(h.pool.pending).toBe(3);
    // Released twice, or finishing later: the lane stays with b.
    h.job('a').release();
    h.job('a').finish();
    await turn();
    expect(h.settled).toEqual({ a: true });
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b']);
    h.job('b').finish();
    await turn();
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b', 'c']);
  });

  it('cancelling a released document aborts it without ending the worker the lane’s next document uses; cancelAll reaches it too', async () => {
    const h = harness(1);
    for (const k of ['a', 'b', 'c']) h.add(k);
    h.job('a').release();
    expect(h.pool.cancel('a')).toBe(true);
    expect(h.job('a').signal.aborted).toBe(true);
    expect(h.ended).toEqual([]);
    expect(h.job('b').worker.destroyed).toBe(false);
    expect(h.pool.has('a')).toBe(false);
    h.job('b').release();
    expect(h.pool.cancelAll().sort()).toEqual(['b', 'c']);
    expect(h.job('b').signal.aborted && h.job('c').signal.aborted).toBe(true);
    // c was running on the lane: its worker is ended; b had let go of it.
    expect(h.ended).toEqual([1]);
    expect(h.pool.pending).toBe(0);
  });

  it('cancelling a released document whose lane no document holds ends the worker still reading its statuses (one or all)', async () => {
    const h = harness(1);
    h.add('a');
    // a's pages are read: it lets go of the lane, its status reading goes on in worker 1, and no
    // document is there to take the lane (the next still downloading, or none).
    h.job('a').release();
    expect(h.pool.cancel('a')).toBe(true);
    expect(h.ended).toEqual([1]);
    expect(h.job('a').worker.destroyed).toBe(true);
    // The next document gets a worker of its own.
    h.add('b');
    expect(h.job('b').worker.id).toBe(2);
    h.job('b').release();
    expect(h.pool.cancelAll()).toEqual(['b']);
    expect(h.ended).toEqual([1, 2]);
  });

  it('a released document that finished leaves its worker to the next one', async () => {
    const h = harness(1);
    h.add('a');
    h.job('a').release();
    h.job('a').finish();
    await turn();
    h.add('b');
    expect(h.job('b').worker.id).toBe(1);
    expect(h.pool.cancel('a')).toBe(false);
    expect(h.ended).toEqual([]);
  });

  it('cancelling a queued document drops it: it never starts', async () => {
    const h = harness(1);
    for (const k of ['a', 'b', 'c']) h.add(k);
    expect(h.pool.cancel('b')).toBe(true);
    await turn();
    expect(h.settled).toEqual({ b: false });
    h.job('a').finish();
    await turn();
    expect(h.started.map((s) => s.key)).toEqual(['a', 'c']);
    expect(h.pool.cancel('zz')).toBe(false);
  });

  it('cancelAll stops every running document and empties the queue before a lane can take a next one', async () => {
    const h = harness(2);
    for (const k of ['a', 'b', 'c', 'd', 'e']) h.add(k);
    expect(h.pool.cancelAll().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(h.job('a').signal.aborted && h.job('b').signal.aborted).toBe(true);
    expect(h.ended.sort()).toEqual([1, 2]);
    // Nothing else started, now or after the cancelled work settles.
    h.job('a').fail(new Error('cancelled'));
    h.job('b').fail(new Error('cancelled'));
    await turn();
    expect(h.started.map((s) => s.key)).toEqual(['a', 'b']);
    expect(h.pool.pending).toBe(0);
    expect(h.settled).toEqual({ a: true, b: true, c: false, d: false, e: false });
  });

  it('warm makes workers ahead only for the lanes that will have work; close ends them', () => {
    let made = 0;
    const ended: number[] = [];
    const pool = new ScanPool<FakeWorker>({ size: 2, create: () => ({ id: ++made, destroyed: false }), end: (w) => void ended.push(w.id) });
    pool.warm();
    expect(made).toBe(0);
    let signal: AbortSignal | null = null;
    // Work that has not asked for its worker yet (it is still fetching).
    void pool.add('a', (job) => ((signal = job.signal), new Promise(() => {})));
    pool.warm();
    expect(made).toBe(1);
    pool.close();
    expect(ended).toEqual([1]);
    expect(signal!.aborted).toBe(true);
  });

  it('warm(n) makes n lanes ready before any document is asked for (the list just appeared), and the first document takes one', async () => {
    let made = 0;
    const pool = new ScanPool<FakeWorker>({ size: 2, create: () => ({ id: ++made, destroyed: false }), end: () => {} });
    pool.warm(1);
    expect(made).toBe(1);
    let used: FakeWorker | null = null;
    await pool.add('a', async (job) => void (used = job.resource()));
    expect(used).toEqual({ id: 1, destroyed: false });
    expect(made).toBe(1);
  });

  describe('with documents started ahead of a free lane (ahead)', () => {
    /** Work that "downloads" until the test says so, then asks for its lane and takes the worker. */
    function aheadHarness() {
      let made = 0;
      const ended: number[] = [];
      const pool = new ScanPool<FakeWorker>({ size: 1, ahead: 1, create: () => ({ id: ++made, destroyed: false }), end: (w) => void ended.push(w.id) });
      const jobs: Record<string, { downloaded: () => void; laned: boolean; worker?: FakeWorker; lost?: unknown; release: () => void; finish: () => void; signal: AbortSignal }> = {};
      const settled: Record<string, boolean> = {};
      const add = (key: string) =>
        void pool
          .add(key, (job) => {
            let downloaded!: () => void;
            let finish!: () => void;
            const done = new Promise<void>((r) => (finish = r));
            const entry = { downloaded: () => downloaded(), laned: false, release: job.release, finish: () => finish(), signal: job.signal } as (typeof jobs)[string];
            jobs[key] = entry;
            return new Promise<void>((r) => (downloaded = r))
              .then(job.lane)
              .then(() => {
                entry.laned = true;
                entry.worker = job.resource();
                return done;
              })
              .catch((e: unknown) => void (entry.lost = e));
          })
          .then((ran) => (settled[key] = ran));
      return { pool, add, jobs, settled, ended, made: () => made };
    }

    it('starts the next document while one holds the lane; it waits with its bytes and takes the same worker when the lane is released', async () => {
      const h = aheadHarness();
      for (const k of ['a', 'b', 'c']) h.add(k);
      expect(Object.keys(h.jobs)).toEqual(['a', 'b']);
      h.jobs.a!.downloaded();
      h.jobs.b!.downloaded();
      await turn();
      expect([h.jobs.a!.laned, h.jobs.b!.laned]).toEqual([true, false]);
      h.jobs.a!.release();
      await turn();
      // b reads on a's worker; c starts downloading meanwhile; a's status reading still pending.
      expect(h.jobs.b!.laned).toBe(true);
      expect(h.jobs.b!.worker).toBe(h.jobs.a!.worker);
      expect(Object.keys(h.jobs)).toEqual(['a', 'b', 'c']);
      expect(h.pool.pending).toBe(3);
      expect(h.made()).toBe(1);
    });

    it('a lane goes to the document whose bytes are in first, not to one still downloading', async () => {
      const h = aheadHarness();
      for (const k of ['a', 'b', 'c']) h.add(k);
      h.jobs.a!.downloaded();
      await turn();
      h.jobs.a!.release();
      await turn();
      // b still downloads; c started in a's place and is in first.
      h.jobs.c!.downloaded();
      await turn();
      expect([h.jobs.b!.laned, h.jobs.c!.laned]).toEqual([false, true]);
      h.jobs.b!.downloaded();
      await turn();
      expect(h.jobs.b!.laned).toBe(false);
      h.jobs.c!.release();
      await turn();
      expect(h.jobs.b!.laned).toBe(true);
    });

    it('cancelling a document waiting for a lane ends its wait (not the lane’s worker); cancelAll ends all of them and the worker in use', async () => {
      const h = aheadHarness();
      for (const k of ['a', 'b', 'c', 'd']) h.add(k);
      h.jobs.a!.downloaded();
      h.jobs.b!.downloaded();
      await turn();
      expect(h.pool.cancel('b')).toBe(true);
      await turn();
      expect(h.jobs.b!.signal.aborted).toBe(true);
      expect(h.jobs.b!.lost).toBe(POOL_CANCELLED);
      expect(h.ended).toEqual([]);
      // b's place went to c at once.
      expect(Object.keys(h.jobs)).toEqual(['a', 'b', 'c']);
      h.jobs.c!.downloaded();
      await turn();
      expect(h.pool.cancelAll().sort()).toEqual(['a', 'c', 'd']);
      await turn();
      expect(h.jobs.c!.lost).toBe(POOL_CANCELLED);
      expect(h.ended).toEqual([1]);
      expect(Object.keys(h.jobs)).toEqual(['a', 'b', 'c']);
      expect(h.pool.pending).toBe(0);
      expect(h.settled).toMatchObject({ d: false });
    });

    it('a document that settles without asking for a lane (a stored result) gives its place to the next', async () => {
      const pool = new ScanPool<FakeWorker>({ size: 1, ahead: 1, create: () => ({ id: 1, destroyed: false }), end: () => {} });
      const started: string[] = [];
      const never = () => new Promise<void>(() => {});
      void pool.add('a', async (job) => (started.push('a'), await job.lane(), never()));
      void pool.add('b', async () => void started.push('b'));
      void pool.add('c', async () => void started.push('c'));
      void pool.add('d', async () => void started.push('d'));
      await turn();
      expect(started).toEqual(['a', 'b', 'c', 'd']);
      expect(pool.pending).toBe(1);
    });
  });
});
