// Long pure work written as steps: a generator that yields between pieces of its work, so that
// one caller can run it whole (drain: the command line, the tests, the eval) and another in
// slices with the event loop between them (runSliced: the service worker, where one long task
// holds up every message of every tab). The result is the same either way: the steps only mark
// where a pause may fall.
import { postTask } from './tasks';

/** Work in steps, returning T when done. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps at once, to the end. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Thrown by runSliced when `stop` said so at a pause: the work was abandoned, not finished. */
export class SlicesStopped extends Error {
  constructor() {
    super('stopped between slices');
  }
}

export interface SliceOptions {
  /** Longest run of steps before a pause (ms by `now`). */
  budgetMs?: number;
  now?: () => number;
  /** Gives the event loop its turn: by default a macrotask (tasks.ts). */
  pause?: () => Promise<void>;
  /** Asked after each pause: true abandons the work (SlicesStopped). */
  stop?: () => boolean | Promise<boolean>;
}

/** A macrotask, posted as the page's slices are (tasks.ts: no timer clamping). */
function macrotask(): Promise<void> {
  return new Promise((resolve) => postTask(resolve));
}

/**
 * Runs the steps in slices of about `budgetMs`, with a pause between slices, and one before the
 * first: the caller's own work before it (reading what the steps work on) ends its task there.
 */
export async function runSliced<T>(steps: Steps<T>, { budgetMs = 25, now = () => performance.now(), pause = macrotask, stop }: SliceOptions = {}): Promise<T> {
  for (;;) {
    await pause();
    if (stop && (await stop())) {
      steps.return(undefined as never);
      throw new SlicesStopped();
    }
    const sliceStart = now();
    do {
      const r = steps.next();
      if (r.done) return r.value;
    } while (now() - sliceStart < budgetMs);
  }
}
