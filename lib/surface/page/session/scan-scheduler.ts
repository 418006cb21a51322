// When a frame is scanned, and in how large pieces: the page's changes are observed and batched
// (debounced, with a maximum wait), a change too large to follow (a flood of records) becomes a
// full rebuild, rebuilds keep a gap that grows with their cost (at least FULL_MIN_GAP_MS apart,
// and at most ~20% of the time), and the work itself runs in slices (core/steps.ts) one run at a
// time. It knows nothing of what a scan does: FrameScanner hands it the work and is called back.
import { MAX_RECORDS_PER_BATCH } from '../scan/blocks';
import { runSliced, type SliceOptions, type SliceResult, type SliceRun, type Step } from '../../../core/steps';

export const DEBOUNCE_MS = 100;
export const MAX_WAIT_MS = 500;
export const FULL_MIN_GAP_MS = 250;
/**
 * A page that is not a document (bot check, error page, empty list) is looked at again when it
 * changes, but not more often than this: a challenge page animates while it works.
 */
export const NOT_DOCUMENT_RECHECK_MS = 1000;

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

interface ScanSchedulerOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  slice?: SliceOptions;
}

interface ScanSchedulerHooks {
  /** False: the records are dropped (the scanner stopped, or stopped itself just now). */
  accepts(): boolean;
  /** A full rebuild is due. */
  full(): void;
  /** The pending batch is due (take it with takePending). */
  flush(): void;
}

export class ScanScheduler {
  private readonly observer: MutationObserver;
  private observing = false;
  private pending: MutationRecord[] = [];
  private overflow = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private fullTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFullEnd = -Infinity;
  private lastFullBusy = 0;
  private current: SliceRun | null = null;

  constructor(
    private readonly hooks: ScanSchedulerHooks,
    private readonly options: ScanSchedulerOptions = {},
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
  }

  /** Some sliced work is running. */
  get busy(): boolean {
    return !!this.current && !this.current.done;
  }

  /** Records are waiting (or were too many to keep). */
  get hasPending(): boolean {
    return this.pending.length > 0 || this.overflow;
  }

  /** Observes the document (once). */
  observe(doc: Document): void {
    if (this.observing) return;
    this.observer.observe(doc, OBSERVE);
    this.observing = true;
  }

  /** Observes an open shadow root the walk entered. */
  observeShadowRoot(root: ShadowRoot): void {
    try {
      this.observer.observe(root, OBSERVE);
    } catch {
      // Not observable: its changes wait for the next full scan.
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    this.observing = false;
  }

  /** The records observed so far, taken out of the observer (our own DOM writes, or the past). */
  takeRecords(): MutationRecord[] {
    return this.observing ? this.observer.takeRecords() : [];
  }

  /** Forgets what was observed so far: a full scan sees the DOM as it is now. */
  discardPending(): void {
    this.takeRecords();
    this.pending = [];
    this.overflow = false;
  }

  /** The batch to apply now; the scheduler starts a new one. */
  takePending(): { records: MutationRecord[]; overflow: boolean } {
    const out = { records: this.pending, overflow: this.overflow };
    this.pending = [];
    this.overflow = false;
    return out;
  }

  /** Records of the page, from the observer or handed back after our own DOM writes. */
  onRecords(records: MutationRecord[]): void {
    if (!this.hooks.accepts()) return;
    if (this.overflow) return;
    if (this.pending.length + records.length > MAX_RECORDS_PER_BATCH) {
      // A flood (a body replaced every 100 ms, a script rewriting everything): stop keeping
      // records, rebuild once things have settled.
      this.overflow = true;
      this.pending = [];
    } else {
      for (const r of records) this.pending.push(r);
    }
    const maxWait = this.options.maxWaitMs ?? MAX_WAIT_MS;
    const now = performance.now();
    if (this.timer === null) this.firstPendingAt = now;
    else if (now - this.firstPendingAt >= maxWait) return; // due soon
    else clearTimeout(this.timer);
    const wait = Math.min(this.options.debounceMs ?? DEBOUNCE_MS, Math.max(0, this.firstPendingAt + maxWait - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.hooks.flush();
    }, wait);
  }

  /** Runs work in slices; the one run before it is cancelled. */
  run<T>(steps: Generator<Step, T, void>, onDone: (result: SliceResult<T>) => void, onError: (err: unknown) => void, onSlice?: (ms: number) => void): void {
    this.current?.cancel();
    this.current = null;
    // Null while the first slice runs: work that ends within it finds nothing to clear.
    let self: SliceRun | null = null;
    const ended = () => {
      if (this.current === self) this.current = null;
    };
    self = runSliced(
      steps,
      (result) => {
        ended();
        onDone(result);
      },
      (err) => {
        ended();
        onError(err);
      },
      onSlice ? { ...this.options.slice, onSlice } : this.options.slice,
    );
    if (!self.done) this.current = self;
  }

  /** A full rebuild ended now, after `busyMs` of work: the next keeps its distance. */
  fullEnded(endedAt: number, busyMs: number): void {
    this.lastFullEnd = endedAt;
    this.lastFullBusy = busyMs;
  }

  /** A full rebuild, not sooner than the last one's cost allows (and rarer on a page that is not the document). */
  scheduleFull(delayMs: number, notDocument = false): void {
    if (this.fullTimer !== null) return;
    const gap = Math.max(FULL_MIN_GAP_MS, 4 * this.lastFullBusy, notDocument ? NOT_DOCUMENT_RECHECK_MS : 0);
    const wait = Math.max(delayMs, this.lastFullEnd + gap - performance.now(), 0);
    this.fullTimer = setTimeout(() => {
      this.fullTimer = null;
      this.hooks.full();
    }, wait);
  }

  /** Drops the running work and every timer (records already pending stay). */
  cancel(): void {
    this.current?.cancel();
    this.current = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.fullTimer !== null) clearTimeout(this.fullTimer);
    this.fullTimer = null;
  }
}
