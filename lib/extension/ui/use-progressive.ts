// A long list drawn in steps: the first `first` items at once, then `step` more per task until
// all are there. One task drawing a long report's 5,000 matches held the side panel's main
// thread for a third of a second while a meeting was read (meeting bench, longest task); in steps
// a click is answered between them. The list ends the same as drawn at once.
import { useEffect, useState } from 'preact/hooks';

export const PROGRESSIVE_FIRST = 300;
export const PROGRESSIVE_STEP = 250;

/** How many of `total` items to draw now; grows by itself, a task at a time, up to `total`. */
export function useProgressive(total: number, first = PROGRESSIVE_FIRST, step = PROGRESSIVE_STEP): number {
  const [shown, setShown] = useState(first);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => n + step), 0);
    return () => clearTimeout(timer);
  }, [shown, total, step]);
  return Math.min(shown, total);
}
