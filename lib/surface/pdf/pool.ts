// Reading many PDFs at once ("Scan alle bijlagen" on a meeting of 40 documents): a bounded
// number of lanes, each reading one document at a time with a resource it keeps between
// documents (the panel's pdf.js worker: starting one costs more than a small document's text),
// results coming out per document as each finishes. Cancelling one document, or all, aborts at
// once: its signal fires and its lane's resource is ended (a worker mid-page does not stop for a
// message), so the lane makes a new one for its next document. No browser API here.

export interface PoolJob<R> {
  signal: AbortSignal;
  /** The lane's resource, made on first use or again after the last one was ended. */
  resource(): R;
  /**
   * The job needs its lane no more (a PDF's pages are all extracted; its status reading goes on
   * elsewhere): the lane takes the next document at once. The job stays pending and cancellable
   * until its work settles; it must not ask for the resource after this.
   */
  release(): void;
}

export interface PoolOptions<R> {
  /** Documents read at the same time. */
  size: number;
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
  controller: AbortController;
  /** null once the job released its lane. */
  lane: Lane<R> | null;
}

/** The reason a job's signal carries when it was cancelled. */
export const POOL_CANCELLED = 'cancelled';

export class ScanPool<R> {
  private readonly lanes: Lane<R>[];
  private readonly queue: Queued<R>[] = [];
  private readonly active = new Map<string, Active<R>>();

  constructor(private readonly options: PoolOptions<R>) {
    this.lanes = Array.from({ length: Math.max(1, options.size) }, () => ({ resource: null, running: null }));
  }

  /** Documents queued or being read. */
  get pending(): number {
    return this.queue.length + this.active.size;
  }

  has(key: string): boolean {
    return this.active.has(key) || this.queue.some((q) => q.key === key);
  }

  /**
   * Queues `work` under `key`; it runs when a lane is free, in the order added. Resolves true once
   * the work has run (whatever it threw), false when it was cancelled before it started.
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
    // A job that released its lane leaves the lane's resource to the document using it now.
    if (running.lane) {
      this.endResource(running.lane);
      running.lane.running = null;
    }
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
    for (const key of [...this.active.keys()]) this.cancel(key);
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

  private pump() {
    for (const lane of this.lanes) {
      if (lane.running !== null) continue;
      const next = this.queue.shift();
      if (!next) return;
      this.start(lane, next);
    }
  }

  private start(lane: Lane<R>, q: Queued<R>) {
    lane.running = q.key;
    const entry: Active<R> = { controller: q.controller, lane };
    this.active.set(q.key, entry);
    const free = () => {
      if (entry.lane === null) return;
      entry.lane = null;
      lane.running = null;
    };
    const job: PoolJob<R> = {
      signal: q.controller.signal,
      resource: () => this.resourceOf(lane),
      release: () => {
        if (this.active.get(q.key) !== entry || entry.lane === null) return;
        free();
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
        if (this.active.get(q.key) === entry) {
          this.active.delete(q.key);
          free();
        }
        q.settle(true);
        this.pump();
      });
  }
}
