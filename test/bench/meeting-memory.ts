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
 * The dump round (one dump per process, same request: dumps within 500 ms of each other) with the
 * largest private footprint over the processes, and each process' top-level allocators and their
 * largest children (V8 by isolate and space, PartitionAlloc's partitions, Blink's GC heap). This
 * Chromium writes a process' totals and its allocators as two events of the same dump id: they
 * are joined by process and id. (resident_set_bytes is not in the totals on Linux: the private
 * footprint is what Chromium's own memory figures use.)
 */
export function peakDump(events: DumpEvent[], label: (pid: number) => string): string {
  const byDump = new Map<string, { pid: number; ts: number; totals?: Record<string, string>; allocators?: NonNullable<NonNullable<DumpEvent['args']>['dumps']>['allocators'] }>();
  for (const e of events) {
    const d = e.args?.dumps;
    if (!d) continue;
    const key = `${e.pid}:${(e as DumpEvent & { id?: string }).id ?? e.ts}`;
    const entry = byDump.get(key) ?? { pid: e.pid, ts: e.ts };
    if (d.process_totals) entry.totals = d.process_totals;
    if (d.allocators) entry.allocators = d.allocators;
    entry.ts = Math.min(entry.ts, e.ts);
    byDump.set(key, entry);
  }
  const dumps = [...byDump.values()].filter((d) => d.totals);
  if (dumps.length === 0) return '  (no memory dump in the trace)';
  const rounds: (typeof dumps)[] = [];
  for (const d of dumps.sort((a, b) => a.ts - b.ts)) {
    const last = rounds[rounds.length - 1];
    if (last && d.ts - last[0]!.ts < 500_000) last.push(d);
    else rounds.push([d]);
  }
  const footprint = (d: (typeof dumps)[number]) => mb(d.totals!.private_footprint_bytes);
  const sum = (r: typeof dumps) => r.reduce((a, d) => a + footprint(d), 0);
  const peak = rounds.reduce((a, r) => (sum(r) > sum(a) ? r : a));
  const first = rounds[0]!;
  const out = [`  memory dump at the peak (${rounds.length} rounds; private footprint in all ${sum(first).toFixed(0)} MB at the first, ${sum(peak).toFixed(0)} MB at the peak; allocators' size in MB, effective, children ≥ 2 MB):`];
  for (const d of peak.sort((a, b) => footprint(b) - footprint(a))) {
    const allocators = d.allocators ?? {};
    const size = (name: string) => mb(allocators[name]?.attrs?.effective_size?.value ?? allocators[name]?.attrs?.size?.value);
    const top = Object.keys(allocators).filter((n) => !n.includes('/'));
    const depth = (n: string) => (n === 'v8' ? 4 : n === 'blink_objects' ? 3 : 3);
    const parts = top
      .map((n) => [n, size(n)] as const)
      .filter(([, s]) => s >= 1)
      .sort((a, b) => b[1] - a[1])
      .map(([n, s]) => {
        const children = Object.keys(allocators)
          .filter((c) => c.startsWith(`${n}/`) && c.split('/').length <= depth(n) && !/\/(allocated_objects|thread_cache)/.test(c))
          .map((c) => [c.slice(n.length + 1), size(c)] as const)
          .filter(([, s]) => s >= 2)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10);
        return `${n} ${s.toFixed(0)}${children.length ? ` (${children.map(([c, s]) => `${c} ${s.toFixed(0)}`).join(', ')})` : ''}`;
      });
    const before = first.find((f) => f.pid === d.pid);
    out.push(`    ${label(d.pid)} [${d.pid}] private footprint ${before ? `${footprint(before).toFixed(0)} → ` : ''}${footprint(d).toFixed(0)} MB: ${parts.join('; ')}`);
  }
  return out.join('\n');
}
