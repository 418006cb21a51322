// Where the browser's memory is at a meeting scan's peak (issue 17, target 5): Chromium's own
// memory dumps (the memory-infra trace category, as chrome://tracing takes them), requested every
// `everyMs` while `run` runs. Of the dump whose processes held the most, each process' allocators
// (V8 heaps per isolate, PartitionAlloc, malloc, Blink's GC heap, fonts, …) are printed by size,
// beside the process' resident total. MEETING_MEMDUMP=1 in meeting.bench.ts (not with a trace of
// its own: one tracing session at a time).
import type { CDPSession } from 'playwright-core';

interface DumpEvent {
  ph: string;
  pid: number;
  ts: number;
  name: string;
  args?: { dumps?: { process_totals?: Record<string, string>; allocators?: Record<string, { attrs?: Record<string, { value: string; units?: string }> }> } };
}

const mb = (hex: string | undefined) => (hex ? parseInt(hex, 16) / 1048576 : 0);

export async function memoryDumps(cdp: CDPSession, run: () => Promise<void>, everyMs = 1500): Promise<DumpEvent[]> {
  const events: DumpEvent[] = [];
  const onData = (e: { value: unknown[] }) => void events.push(...(e.value as DumpEvent[]).filter((v) => v.ph === 'v'));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } },
  } as never);
  let on = true;
  const dumping = (async () => {
    while (on) {
      await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' } as never).catch(() => {});
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  try {
    await run();
  } finally {
    on = false;
    await dumping;
    const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

/**
 * The dump (one per process, same request: dumps within 500 ms of each other) with the largest
 * resident total over `pids`, and each of those processes' top-level allocators and their
 * largest children (V8's isolates and spaces, PartitionAlloc's partitions).
 */
export function peakDump(events: DumpEvent[], label: (pid: number) => string): string {
  const withTotals = events.filter((e) => e.args?.dumps?.process_totals);
  if (withTotals.length === 0) return '  (no memory dump in the trace)';
  const rounds: DumpEvent[][] = [];
  for (const e of [...withTotals].sort((a, b) => a.ts - b.ts)) {
    const last = rounds[rounds.length - 1];
    if (last && e.ts - last[0]!.ts < 500_000) last.push(e);
    else rounds.push([e]);
  }
  const resident = (e: DumpEvent) => mb(e.args!.dumps!.process_totals!.resident_set_bytes);
  const sum = (r: DumpEvent[]) => r.reduce((a, e) => a + resident(e), 0);
  const peak = rounds.reduce((a, r) => (sum(r) > sum(a) ? r : a));
  const out = [`  memory dump at the peak (${rounds.length} dumps, resident in all ${sum(peak).toFixed(0)} MB; allocators' "size" in MB, effective, children ≥ 2 MB):`];
  for (const e of peak.sort((a, b) => resident(b) - resident(a))) {
    const allocators = e.args!.dumps!.allocators ?? {};
    const size = (name: string) => mb(allocators[name]?.attrs?.effective_size?.value ?? allocators[name]?.attrs?.size?.value);
    const top = Object.keys(allocators).filter((n) => !n.includes('/'));
    const parts = top
      .map((n) => [n, size(n)] as const)
      .filter(([, s]) => s >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([n, s]) => {
        const children = Object.keys(allocators)
          .filter((c) => c.startsWith(`${n}/`) && c.split('/').length <= (n === 'v8' ? 4 : 3) && !/\/(allocated_objects|thread_cache)/.test(c))
          .map((c) => [c.slice(n.length + 1), size(c)] as const)
          .filter(([, s]) => s >= 2)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8);
        return `${n} ${s.toFixed(0)}${children.length ? ` (${children.map(([c, s]) => `${c} ${s.toFixed(0)}`).join(', ')})` : ''}`;
      });
    out.push(`    ${label(e.pid)} [${e.pid}] resident ${resident(e).toFixed(0)} MB, private footprint ${mb(e.args!.dumps!.process_totals!.private_footprint_bytes).toFixed(0)} MB: ${parts.join('; ')}`);
  }
  return out.join('\n');
}
