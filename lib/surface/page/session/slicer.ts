// Long work in small slices: a generator runs until its slice budget is spent, then yields the
// thread back to the page (a new task), so input, scrolling and the page's own scripts never
// wait long for us, however big or hostile the page. Cancelling drops the rest of the work.
//
// The next slice is posted through scheduler.postTask or a MessageChannel, not setTimeout(0):
// nested timeouts are clamped to ≥ 4 ms, which left the page idle between slices (wall ≈ 1.5–2× busy). And while
// the browser can tell us no input is waiting (navigator.scheduling.isInputPending), a slice may
// run longer, up to idleBudgetMs; as soon as input is pending it yields at the normal budget.
// A slice ends at the first yield past its budget, so a task is the budget plus one step (plus a
// collection that falls in it): the budget is time, the same on a slow machine, and the steps are
// kept small, so a slower machine gets more slices rather than longer ones.
//
// A step may yield a promise (a reply from the background's matcher): the slice ends there and
// the next one starts when it settles, in the task that brought the reply. The wait is not busy
// time. Whatever the promise brings, the generator reads it itself (see awaitStep).

import { postTask, taskPoster } from '../../../core/tasks';

export { postTask };

export interface SliceOptions {
  /** Milliseconds of work per slice. */
  budgetMs?: number;
  /** Longest slice while no input is pending (only where the browser can tell). */
  idleBudgetMs?: number;
  now?: () => number;
  /** Schedules the next slice in a new task. */
  post?: (fn: () => void) => void;
  /** Is user input waiting? Absent: unknown, so slices stay at budgetMs. */
  inputPending?: (() => boolean) | null;
  /** Told the length of every slice as it ends (to name the longest by what it did). */
  onSlice?: (ms: number) => void;
}

/** What a step of sliced work yields: nothing (go on if the budget allows), or a promise to wait for. */
export type Step = void | PromiseLike<unknown>;

/**
 * Waits for `promise` within sliced work: yields it to the slicer, then returns its value (or
 * throws its error) when the slicer resumes the generator after it settled.
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

export const DEFAULT_SLICE_MS = 8;
/**
 * 16, not 32: with 32 a slice plus the step that crossed it and a garbage collection reached
 * 50–80 ms on the 1 MB council page; 16 leaves a step and a collection room under 50 ms.
 */
export const DEFAULT_IDLE_SLICE_MS = 16;

interface Scheduling {
  isInputPending?: (options?: { includeContinuous?: boolean }) => boolean;
}

/** navigator.scheduling.isInputPending where the browser has it (Chromium), else null. */
function browserInputPending(): (() => boolean) | null {
  const scheduling = (globalThis.navigator as { scheduling?: Scheduling } | undefined)?.scheduling;
  const probe = scheduling?.isInputPending;
  if (typeof probe !== 'function') return null;
  return () => probe.call(scheduling, { includeContinuous: true });
}

export function runSliced<T>(
  steps: Generator<Step, T, void>,
  onDone: (result: SliceResult<T>) => void,
  onError: (err: unknown) => void,
  options: SliceOptions = {},
): SliceRun {
  const budget = options.budgetMs ?? DEFAULT_SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const inputPending = options.inputPending === undefined ? browserInputPending() : options.inputPending;
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
          waiting.then(
            () => slice(),
            () => slice(),
          );
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
      try {
        steps.return(undefined as never);
      } catch {
        // A generator that throws while closing has nothing left for us.
      }
    },
    get done() {
      return done || cancelled;
    },
  };
}
