// Reading many PDFs at once ("Lees de bijlagen" on a meeting of 40 documents): a bounded
// number of lanes, each reading one document at a time with a resource it keeps between
// documents (the panel's extraction worker: starting one, pdf.js loaded in it, costs more than a
// small document's text),
// results coming out per document as each finishes. A few documents may start ahead of a free
// lane (`ahead`): their permission and cache checks and their download run while a lane's
// document is extracted, and they ask for a lane (`job.lane()`) only once their bytes are in.
// Cancelling one document, or all, aborts at once: its signal fires and its lane's resource is
// ended (a worker mid-page does not stop for a message), so the lane makes a new one for its
// next document. No browser API here.

export interface PoolJob<R> {
  signal: AbortSignal;
  /**
   * Resolves once the job holds a lane (at once without `ahead`: a job starts on its lane);
   * rejects with the signal's reason when the job is cancelled while it waits.
   */
  lane(): Promise<void>;
  /** The lane's resource, made on first use or again after the last one was ended. Only while the job holds a lane. */
  resource(): R;
  /**
   * The job needs its lane no more (a PDF's pages are all extracted; its status reading goes on
   * elsewhere): the lane takes the next document at once, and the next document waiting in the
   * queue starts. The job stays pending and cancellable until its work settles; it must not ask
   * for the resource after this.
   */
  release(): void;
}

interface PoolOptions<R> {
  /** Documents read (holding a lane's resource) at the same time. */
  size: number;
  /** Documents started beyond the lanes, to be checked and downloaded while the lanes read (default 0). */
  ahead?: number;
  create(): R;
  /** Ends a resource at once (also while a document uses it). */
  end(resource: R): void;
  /** A resource ended from elsewhere (the budget ending a worker) is not handed out again. */
  usable?(resource: R): boolean;
}

interface Lane<R> {
  resource: R | null;
  /** The key of the job it runs, or null while idle. */
  running: string | null;
}

interface Queued<R> {
  key: string;
  controller: AbortController;
  work: (job: PoolJob<R>) => Promise<unknown>;
  settle: (started: boolean) => void;
}

interface Active<R> {
  key: string;
  controller: AbortController;
  /** The lane it holds; null before it got one and once it released it. */
  lane: Lane<R> | null;
  /**
   * The lane it let go of (release) while its work went on in that lane's resource (a PDF's
   * status reading in the lane's worker): cancelled, that work is ended with the resource unless
   * another document holds the lane by then.
   */
  released: Lane<R> | null;
  /** It counts against size + ahead: from its start until it releases or settles. */
  started: boolean;
  /** Set while it waits for a lane (job.lane() before one was free). */
  waiting: { resolve(): void; reject(reason: unknown): void } | null;
}

/** The reason a job's signal carries when it was cancelled. */
export const POOL_CANCELLED = 'cancelled';

export class ScanPool<R> {
  private readonly lanes: Lane<R>[];
  private readonly queue: Queued<R>[] = [];
  private readonly active = new Map<string, Active<R>>();
  /** Started jobs that asked for a lane before one was free, first asked first served. */
  private readonly waiters: Active<R>[] = [];
  private readonly slots: number;
  /** Active jobs that still count against `slots`. */
  private holding = 0;
  /** cancelAll is under way: a lane freed by one cancel is not handed to a job cancelled next. */
  private stopping = false;

  constructor(private readonly options: PoolOptions<R>) {
    this.lanes = Array.from({ length: Math.max(1, options.size) }, () => ({ resource: null, running: null }));
    this.slots = this.lanes.length + Math.max(0, options.ahead ?? 0);
  }

  /** Documents queued or being read. */
  get pending(): number {
    return this.queue.length + this.active.size;
  }

  has(key: string): boolean {
    return this.active.has(key) || this.queue.some((q) => q.key === key);
  }

  /**
   * Queues `work` under `key`; it starts when a lane (or a place ahead) is free, in the order
   * added. Resolves true once the work has run (whatever it threw), false when it was cancelled
   * before it started.
   */
  add(key: string, work: (job: PoolJob<R>) => Promise<unknown>): Promise<boolean> {
    return new Promise<boolean>((settle) => {
      this.queue.push({ key, controller: new AbortController(), work, settle });
      this.pump();
    });
  }

  /**
   * Makes the lanes' resources ahead of the first document (a worker starts while the first PDF
   * downloads): one per document waiting, or `lanes` of them before any is asked for.
   */
  warm(lanes = this.pending): void {
    for (const lane of this.lanes.slice(0, lanes)) this.resourceOf(lane);
  }

  /** The lanes' resources made so far. */
  resources(): R[] {
    return this.lanes.flatMap((lane) => (lane.resource === null ? [] : [lane.resource]));
  }

  /** Stops one document: dropped from the queue, or aborted and its lane's resource ended. */
  cancel(key: string): boolean {
    const at = this.queue.findIndex((q) => q.key === key);
    if (at !== -1) {
      const [q] = this.queue.splice(at, 1);
      q!.controller.abort(POOL_CANCELLED);
      q!.settle(false);
      return true;
    }
    const running = this.active.get(key);
    if (!running) return false;
    this.active.delete(key);
    running.controller.abort(POOL_CANCELLED);
    // A job that released its lane leaves the lane's resource to the document using it now. With
    // none there and none to come (all stopped, or nothing else pending), what the resource still
    // does is this job's leftover (its status reading, seconds of a core on a long report): ended
    // with it rather than run for nobody. A document still to come keeps the warm worker, which
    // reads the leftover's 'drop' once it is done.
    if (running.lane) this.endResource(running.lane);
    else if (running.released && running.released.running === null && (this.stopping || (this.queue.length === 0 && this.active.size === 0))) this.endResource(running.released);
    if (running.waiting) {
      this.waiters.splice(this.waiters.indexOf(running), 1);
      running.waiting.reject(POOL_CANCELLED);
      running.waiting = null;
    }
    this.free(running);
    this.pump();
    return true;
  }

  /** Stops everything: the queue emptied first, so no lane picks up a next document. */
  cancelAll(): string[] {
    const keys = [...this.queue.map((q) => q.key), ...this.active.keys()];
    for (const q of this.queue.splice(0)) {
      q.controller.abort(POOL_CANCELLED);
      q.settle(false);
    }
    this.stopping = true;
    try {
      for (const key of [...this.active.keys()]) this.cancel(key);
    } finally {
      this.stopping = false;
    }
    return keys;
  }

  /** Ends every lane's resource (the panel closes). */
  close(): void {
    this.cancelAll();
    for (const lane of this.lanes) this.endResource(lane);
  }

  private resourceOf(lane: Lane<R>): R {
    if (lane.resource !== null && (this.options.usable?.(lane.resource) ?? true)) return lane.resource;
    lane.resource = this.options.create();
    return lane.resource;
  }

  private endResource(lane: Lane<R>) {
    if (lane.resource === null) return;
    const r = lane.resource;
    lane.resource = null;
    this.options.end(r);
  }

  private freeLane(): Lane<R> | undefined {
    return this.lanes.find((l) => l.running === null);
  }

  private bind(entry: Active<R>, lane: Lane<R>) {
    lane.running = entry.key;
    entry.lane = lane;
  }

  /** Gives back what the job holds: its lane and its place among the started. */
  private free(entry: Active<R>) {
    if (entry.lane) {
      entry.lane.running = null;
      entry.lane = null;
    }
    if (entry.started) {
      entry.started = false;
      this.holding--;
    }
  }

  private pump() {
    if (this.stopping) return;
    // Free lanes go to the jobs that asked for one first, then new jobs start while places are free.
    for (let lane = this.freeLane(); lane && this.waiters.length > 0; lane = this.freeLane()) {
      const next = this.waiters.shift()!;
      this.bind(next, lane);
      const { resolve } = next.waiting!;
      next.waiting = null;
      resolve();
    }
    while (this.holding < this.slots) {
      const next = this.queue.shift();
      if (!next) return;
      this.start(next);
    }
  }

  private start(q: Queued<R>) {
    const entry: Active<R> = { key: q.key, controller: q.controller, lane: null, released: null, started: true, waiting: null };
    this.holding++;
    this.active.set(q.key, entry);
    // Without places ahead a job starts on its lane, as it always finds one free; with them it
    // takes one only when it asks, so a document still downloading does not hold up one that is in.
    if (this.slots === this.lanes.length) this.bind(entry, this.freeLane()!);
    const current = () => this.active.get(q.key) === entry;
    const job: PoolJob<R> = {
      signal: q.controller.signal,
      lane: () => {
        if (entry.lane) return Promise.resolve();
        if (!current() || !entry.started) return Promise.reject(q.controller.signal.aborted ? q.controller.signal.reason : new Error('lane released'));
        const lane = this.waiters.length === 0 ? this.freeLane() : undefined;
        if (lane) {
          this.bind(entry, lane);
          return Promise.resolve();
        }
        return new Promise<void>((resolve, reject) => {
          entry.waiting = { resolve, reject };
          this.waiters.push(entry);
        });
      },
      resource: () => {
        if (!entry.lane) throw new Error('no lane: await job.lane() first');
        return this.resourceOf(entry.lane);
      },
      release: () => {
        if (!current() || !entry.started) return;
        entry.released = entry.lane;
        this.free(entry);
        this.pump();
      },
    };
    let work: Promise<unknown>;
    try {
      work = q.work(job);
    } catch (e) {
      work = Promise.reject(e);
    }
    void work
      .catch(() => {
        // The work reports its own errors; the pool only frees the lane.
      })
      .finally(() => {
        // Cancelled: the lane was freed (and may run another document) already.
        if (current()) {
          this.active.delete(q.key);
          if (entry.waiting) {
            // Settled without waiting for its lane (cannot happen with well-behaved work).
            this.waiters.splice(this.waiters.indexOf(entry), 1);
            entry.waiting = null;
          }
          this.free(entry);
        }
        q.settle(true);
        this.pump();
      });
  }
}
