// A long list drawn in steps: the first `first` items at once, then `step` more per task until
// all are there. One task drawing a long report's 5,000 matches held the side panel's main
// thread for a third of a second while a meeting was read (meeting bench, longest task); in steps
// a click is answered between them. The list ends the same as drawn at once.
import { useEffect, useState } from 'preact/hooks';

export const PROGRESSIVE_FIRST = 300;
export const PROGRESSIVE_STEP = 250;
/**
 * A folded list's first items come this many per task: a document finishing while a meeting is
 * read drew its first 300 at once, the panel's longest task (meeting bench profile: 204 ms, 119
 * of it its match list), for a list nobody had opened yet.
 */
export const PROGRESSIVE_FOLDED_STEP = 75;

/**
 * How many of `total` items to draw now; grows by itself, a task at a time, up to `total`, or
 * only up to `first` while `held` (a folded list nobody looks at yet: a meeting's forty results
 * with thousands of matches each held the panel's memory as elements and their virtual tree).
 * `start`: drawn at once (default `first`); the rest follow `step` per task.
 */
export function useProgressive(total: number, { held = false, first = PROGRESSIVE_FIRST, step = PROGRESSIVE_STEP, start = first }: { held?: boolean; first?: number; step?: number; start?: number } = {}): number {
  const [shown, setShown] = useState(start);
  useEffect(() => {
    if (shown >= total || (held && shown >= first)) return;
    const timer = setTimeout(() => setShown((n) => (held ? Math.min(first, n + step) : n + step)), 0);
    return () => clearTimeout(timer);
  }, [shown, total, step, held, first]);
  return Math.min(shown, total);
}

/** The first `shown` items of a grouped list, split by group in order: what each group draws now. */
export function drawnPerGroup<T>(groups: readonly (readonly T[])[], shown: number): T[][] {
  let left = shown;
  return groups.map((items) => {
    const drawn = items.slice(0, Math.max(0, left));
    left -= drawn.length;
    return drawn;
  });
}

/**
 * How many of `count` parts of a view to draw: all at once, or while `staged` one more per task,
 * starting with none. A document finishing while a meeting is read drew its folded result whole in
 * the task that finished it (verdict, match list, AP questions, checklist: 10–15 ms of the panel's
 * thread, stretched to 50–110 ms by the other threads on a loaded machine, meeting21's trace); in
 * parts the other rows and a click are answered between them. Once no longer staged (the reader
 * opens it) every part is drawn in that same render, so the view ends as drawn at once.
 */
export function useStaged(count: number, staged: boolean): number {
  const [shown, setShown] = useState(staged ? 0 : count);
  useEffect(() => {
    if (!staged || shown >= count) return;
    const timer = setTimeout(() => setShown((n) => n + 1), 0);
    return () => clearTimeout(timer);
  }, [shown, count, staged]);
  return staged ? shown : count;
}
