// The page's own turn on its main thread, seen from the page: a chain of zero-delay timers started
// before any page script, each noting when it ran. While Raadslens scans, a tick can only run
// between two of its slices, so ticks inside the scan's measure show that the scan yields to the
// page; the longest gap between ticks is the longest the page waited for its next turn. Used by
// the e2e test (counts) and the responsiveness bench (times). The page-side code is kept as
// source text: a bundler's helpers (tsx names every function) do not exist in the page.
import type { Page } from 'playwright-core';

export interface TickWindow {
  /** Ticks in all, and ticks strictly inside the window. */
  ticks: number;
  inside: number;
  /** Longest wait between two ticks around or inside the window (ms). */
  longestGap: number;
}

/** Runs in the page's main world before its scripts; capped so a page left open stops at some point (≥ 4 ms per tick). */
const TICKER = `(() => {
  const ticks = [];
  window.__raadslensTicks = ticks;
  const tick = () => {
    ticks.push(performance.now());
    if (ticks.length < 100000) setTimeout(tick, 0);
  };
  tick();
})();`;

/** The ticks in [start, end]; the gap that spans the start counts from the start. */
const TICKS_IN = `(start, end) => {
  const ticks = window.__raadslensTicks || [];
  let inside = 0, longestGap = 0, previous = -1;
  for (const at of ticks) {
    if (at > start && at < end) inside++;
    if (at >= start && previous !== -1) longestGap = Math.max(longestGap, at - Math.max(previous, start));
    if (at > end) break;
    previous = at;
  }
  return { ticks: ticks.length, inside, longestGap };
}`;

export async function installTicker(page: Page): Promise<void> {
  await page.addInitScript({ content: TICKER });
}

/** The ticks seen in [start, end] of the page's performance timeline. */
export function ticksIn(page: Page, start: number, end: number): Promise<TickWindow> {
  return page.evaluate(`(${TICKS_IN})(${start}, ${end})`) as Promise<TickWindow>;
}
