// Long pure work written as steps: a generator that yields between pieces of its work, so that
// one caller can run it whole (drain: the command line, the tests, the eval) and another in
// slices with the event loop between them (runSliced): the page, so that input, scrolling and the
// page's own scripts never wait long for us however big or hostile the page; the service worker,
// where one long task holds up every message of every tab; the extension pages' reading of a
// report. The result is the same either way: the steps only mark where a pause may fall.
//
// A slice runs steps until its budget is spent, then the next is posted as a task of its own
// (tasks.ts: no timer clamping; a chain of setTimeout(0) left the thread idle between slices).
// A slice ends at the first step past its budget, so a task is the budget plus one step: the
// budget is time, the same on a slow machine, and the steps are kept small, so a slower machine
// gets more slices rather than longer ones. Where the caller can tell that no input is waiting
// (the page: navigator.scheduling.isInputPending), a slice may run up to idleBudgetMs.
//
// A step may yield a promise (the page's reply from the background's matcher): the slice ends
// there and the next starts when it settles, in the task that brought it; the wait is not busy
// time. Whatever the promise brings, the generator reads it itself (awaitStep).
import { postTask, taskPoster } from './tasks';

/** What a step yields: nothing (go on if the budget allows), or a promise to wait for. */
export type Step = void | PromiseLike<unknown>;

/** Work in steps that never wait, returning T when done. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps at once, to the end. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Waits for `promise` within sliced work: yields it to the runner, then returns its value (or
 * throws its error) when the runner resumes the generator after it settled.
 */
export function* awaitStep<T>(promise: PromiseLike<T>): Generator<Step, T, void> {
  let out: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
  const settled = promise.then(
    (value) => void (out = { ok: true, value }),
    (error: unknown) => void (out = { ok: false, error }),
  );
  yield settled;
  const got = out as { ok: true; value: T } | { ok: false; error: unknown } | null;
  if (!got) throw new Error('geen antwoord');
  if (!got.ok) throw got.error;
  return got.value;
}

/** sliced's rejection when `stop` said so before a slice: the work was abandoned, not finished. */
export class SlicesStopped extends Error {
  constructor() {
    super('stopped between slices');
  }
}

export interface SliceOptions {
  /** Milliseconds of work per slice (by `now`). */
  budgetMs?: number;
  /** Longest slice while no input is pending (only with inputPending). */
  idleBudgetMs?: number;
  now?: () => number;
  /** Schedules the next slice in a new task; by default a task of its own (tasks.ts). */
  post?: (fn: () => void) => void;
  /** Is user input waiting? Absent: unknown, so slices stay at budgetMs. */
  inputPending?: (() => boolean) | null;
  /** Told the length of every slice as it ends (to name the longest by what it did). */
  onSlice?: (ms: number) => void;
}

export interface SliceRun {
  cancel(): void;
  readonly done: boolean;
}

export interface SliceResult<T> {
  value: T;
  /** Time spent working (sum of the slices), and how many slices it took. */
  busyMs: number;
  slices: number;
  /** The longest slice, and the last (the caller's own work after it runs in the same task). */
  longestSliceMs: number;
  lastSliceMs: number;
  startedAt: number;
  endedAt: number;
}

const DEFAULT_SLICE_MS = 8;
/**
 * 16, not 32: with 32 a slice plus the step that crossed it and a garbage collection reached
 * 50–80 ms on the 1 MB council page; 16 leaves a step and a collection room under 50 ms.
 */
const DEFAULT_IDLE_SLICE_MS = 16;

/**
 * Runs the steps in slices, the first at once; onDone or onError is called once, unless the run
 * is cancelled first.
 */
export function runSliced<T>(
  steps: Generator<Step, T, void>,
  onDone: (result: SliceResult<T>) => void,
  onError: (err: unknown) => void,
  options: SliceOptions = {},
): SliceRun {
  const budget = options.budgetMs ?? DEFAULT_SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const inputPending = options.inputPending ?? null;
  const idleBudget = inputPending ? Math.max(budget, options.idleBudgetMs ?? DEFAULT_IDLE_SLICE_MS) : budget;
  const poster = options.post ? { post: options.post, close: () => {} } : taskPoster();
  const onSlice = options.onSlice;
  const startedAt = now();
  let busyMs = 0;
  let slices = 0;
  let longestSliceMs = 0;
  let cancelled = false;
  let done = false;

  /** Closes a slice's books: its time counts as busy, as the longest if it is, and is reported. */
  const endSlice = (t0: number): number => {
    const spent = now() - t0;
    busyMs += spent;
    longestSliceMs = Math.max(longestSliceMs, spent);
    onSlice?.(spent);
    return spent;
  };

  const slice = () => {
    if (cancelled) return;
    const t0 = now();
    slices++;
    try {
      for (;;) {
        const r = steps.next();
        if (r.done) {
          done = true;
          poster.close();
          const lastSliceMs = endSlice(t0);
          onDone({ value: r.value, busyMs, slices, longestSliceMs, lastSliceMs, startedAt, endedAt: now() });
          return;
        }
        if (r.value) {
          // Waiting for a reply: this slice ends, the next starts when it came.
          const waiting = r.value;
          endSlice(t0);
          waiting.then(slice, slice);
          return;
        }
        const spent = now() - t0;
        if (spent >= budget && (spent >= idleBudget || !inputPending || inputPending())) break;
      }
    } catch (err) {
      done = true;
      poster.close();
      onError(err);
      return;
    }
    endSlice(t0);
    poster.post(slice);
  };
  slice();
  return {
    cancel() {
      if (done || cancelled) return;
      cancelled = true;
      poster.close();
      closeSteps(steps);
    },
    get done() {
      return done || cancelled;
    },
  };
}

function closeSteps(steps: Generator<Step, unknown, void>): void {
  try {
    steps.return(undefined as never);
  } catch {
    // A generator that throws while closing has nothing left for us.
  }
}

/**
 * runSliced as a promise, its first slice in a task of its own (the caller's work before it, as
 * reading what the steps work on, ends its task there): what the service worker and the extension
 * pages run. `stop` is asked before each slice: true abandons the work, rejecting with
 * SlicesStopped. Each pause is a task of its own (postTask) unless `post` says otherwise.
 */
export function sliced<T>(steps: Generator<Step, T, void>, { stop, ...options }: SliceOptions & { stop?: () => boolean } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const post = options.post ?? postTask;
    let run: SliceRun | null = null;
    const next = (fn: () => void) =>
      post(() => {
        if (!stop?.()) return fn();
        if (run) run.cancel();
        else closeSteps(steps);
        reject(new SlicesStopped());
      });
    next(() => void (run = runSliced(steps, (r) => resolve(r.value), reject, { ...options, post: next })));
  });
}
