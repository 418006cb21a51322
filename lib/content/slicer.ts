// Long work in small slices: a generator runs until its slice budget is spent, then yields the
// thread back to the page (a new task), so input, scrolling and the page's own scripts never
// wait long for us, however big or hostile the page. Cancelling drops the rest of the work.

export interface SliceOptions {
  /** Milliseconds of work per slice. */
  budgetMs?: number;
  now?: () => number;
  /** Schedules the next slice in a new task. */
  post?: (fn: () => void) => void;
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
  startedAt: number;
  endedAt: number;
}

export const DEFAULT_SLICE_MS = 8;

export function runSliced<T>(
  steps: Generator<void, T, void>,
  onDone: (result: SliceResult<T>) => void,
  onError: (err: unknown) => void,
  options: SliceOptions = {},
): SliceRun {
  const budget = options.budgetMs ?? DEFAULT_SLICE_MS;
  const now = options.now ?? (() => performance.now());
  const post = options.post ?? ((fn) => void setTimeout(fn, 0));
  const startedAt = now();
  let busyMs = 0;
  let slices = 0;
  let cancelled = false;
  let done = false;

  const slice = () => {
    if (cancelled) return;
    const t0 = now();
    slices++;
    try {
      for (;;) {
        const r = steps.next();
        if (r.done) {
          done = true;
          busyMs += now() - t0;
          onDone({ value: r.value, busyMs, slices, startedAt, endedAt: now() });
          return;
        }
        if (now() - t0 >= budget) break;
      }
    } catch (err) {
      done = true;
      onError(err);
      return;
    }
    busyMs += now() - t0;
    post(slice);
  };
  slice();
  return {
    cancel() {
      if (done || cancelled) return;
      cancelled = true;
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
