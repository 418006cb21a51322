// A Chromium trace of a page's renderer through the DevTools protocol, for the browser benches
// that count main-thread work (start.bench.ts, longtask.bench.ts).
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread clock: CPU time of the thread, which other processes on a busy machine do not inflate. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown>; fileName?: string };
}

/** Loads `url` and waits until Raadslens measured its scan, then `settleMs` for the report and painting. */
export async function loadScanned(page: Page, url: string, settleMs: number): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => performance.getEntriesByName('raadslens:scan', 'measure').length > 0, undefined, { polling: 250, timeout: 120_000 });
  await page.waitForTimeout(settleMs);
}

export async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // The protocol types events as string maps; they carry numbers (ts, dur, pid).
  const onData = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    // TRACE_CATEGORIES adds categories for reading a trace by hand (e.g. what invalidated style).
    traceConfig: { includedCategories: ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8.execute', 'blink.user_timing', ...(process.env.TRACE_CATEGORIES?.split(',') ?? [])] },
  });
  await run();
  const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

export const urlOf = (e: TraceEvent): string => {
  const d = e.args?.data ?? {};
  return String(d.url ?? d.scriptName ?? d.fileName ?? e.args?.fileName ?? '');
};

/** Total length of the union of [start, end) intervals (µs in, ms out). */
export function unionMs(intervals: Array<[number, number]>): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of intervals) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total / 1000;
}
