// A long list drawn in steps: the first `first` items at once, then `step` more per task until
// all are there. One task drawing a long report's 5,000 matches held the side panel's main
// thread for a third of a second while a meeting was read (meeting bench, longest task); in steps
// a click is answered between them. The list ends the same as drawn at once.
import { useEffect, useState } from 'preact/hooks';

export const PROGRESSIVE_FIRST = 300;
export const PROGRESSIVE_STEP = 250;

/**
 * How many of `total` items to draw now; grows by itself, a task at a time, up to `total`, or
 * only up to `first` while `held` (a folded list nobody looks at yet: a meeting's forty results
 * with thousands of matches each held the panel's memory as elements and their virtual tree).
 */
export function useProgressive(total: number, { held = false, first = PROGRESSIVE_FIRST, step = PROGRESSIVE_STEP }: { held?: boolean; first?: number; step?: number } = {}): number {
  const [shown, setShown] = useState(first);
  useEffect(() => {
    if (shown >= total || held) return;
    const timer = setTimeout(() => setShown((n) => n + step), 0);
    return () => clearTimeout(timer);
  }, [shown, total, step, held]);
  return Math.min(shown, total);
}
