// Where the panel's extraction worker waits during a meeting scan (meeting.bench.ts with
// MEETING_GAPS=1; issue 17, target 5): from a trace of the panel's renderer, the extraction
// thread's busy slices (its top-level tasks) and the gaps between them over the scan, each gap
// put down to what it waited for by the panel's own times of the document that came next
// (the raadslens:pdf-scan measures: checked, downloaded, given the lane, held for the analysis,
// sent to the worker). Inside its tasks, the thread's wall time beyond its CPU (thread clock) is
// time it was ready but not run: the two cores busy with other threads.
import type { TraceEvent } from './trace';

/** One document's times on the panel's clock (ms), from its raadslens:pdf-scan measure. */
export interface DocTimes {
  /** The measure's start: the download began. */
  start: number;
  ms: number;
  checkMs: number;
  fetchMs: number;
  laneMs?: number;
  aheadMs?: number;
  openMs?: number;
  extractMs?: number;
  tailMs?: number;
}

interface Gap {
  cause: string;
  ms: number;
}

const TASK = /^(ThreadControllerImpl::RunTask|RunTask)$/;

/** Outermost tasks of one thread, in order: [start, end, cpu] in µs (trace clock). */
function slicesOf(trace: readonly TraceEvent[], thread: string): Array<{ from: number; to: number; cpu: number; gc: number }> {
  const tasks = trace.filter((e) => e.ph === 'X' && e.dur && TASK.test(e.name) && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Nested GC events (a scavenge's phases) are counted once: their union per task.
  const gcs = trace.filter((e) => e.ph === 'X' && e.dur && /^(MinorGC|MajorGC|V8\.GC_)/.test(e.name) && `${e.pid}:${e.tid}` === thread);
  const out: Array<{ from: number; to: number; cpu: number; gc: number }> = [];
  for (const t of tasks) {
    const last = out[out.length - 1];
    if (last && t.ts < last.to) continue;
    out.push({ from: t.ts, to: t.ts + t.dur!, cpu: t.tdur ?? t.dur!, gc: 0 });
  }
  let k = 0;
  let gcEnd = -Infinity;
  for (const g of gcs.sort((a, b) => a.ts - b.ts)) {
    while (k < out.length && out[k]!.to <= g.ts) k++;
    const end = g.ts + g.dur!;
    if (k < out.length && out[k]!.from <= g.ts && end > gcEnd) out[k]!.gc += end - Math.max(g.ts, gcEnd);
    gcEnd = Math.max(gcEnd, end);
  }
  return out;
}

/**
 * The table: each gap of the extraction thread by cause → total ms, count, longest; and its
 * tasks' wall beyond CPU. `offsetUs`: trace µs = panel ms × 1000 + offsetUs.
 */
export function gapsOf(trace: readonly TraceEvent[], extractionThread: string, docs: readonly DocTimes[], offsetUs: number, clickAt: number, allDone: number): string {
  const us = (panelMs: number) => panelMs * 1000 + offsetUs;
  const slices = slicesOf(trace, extractionThread);
  const click = us(clickAt);
  const done = us(allDone);
  const within = slices.filter((s) => s.to > click && s.from < done);
  if (within.length === 0) return '  extraction thread: no task between the click and the end';
  // Each document's moments in trace µs, in the order the lane took them.
  const timeline = docs
    .map((d) => {
      const fetched = d.start + d.fetchMs;
      const laned = fetched + (d.laneMs ?? 0);
      const posted = laned + (d.aheadMs ?? 0);
      return { checked: us(d.start - d.checkMs), t0: us(d.start), fetched: us(fetched), laned: us(laned), posted: us(posted), end: us(d.start + d.ms), extracted: us(posted + (d.openMs ?? 0) + (d.extractMs ?? 0)) };
    })
    .sort((a, b) => a.posted - b.posted);
  const gaps: Gap[] = [];
  const add = (cause: string, fromUs: number, toUs: number) => {
    if (toUs > fromUs) gaps.push({ cause, ms: (toUs - fromUs) / 1000 });
  };
  /**
   * [a, b) with the thread idle, split by the next document's moments: not checked or downloaded
   * yet, downloaded but the lane not handed over yet (the panel had not heard the last page, or
   * its thread was busy), held for the analysis (one document ahead at most), sent and not yet run.
   */
  const explain = (a: number, b: number) => {
    // The document the thread worked on before the gap, and the one it works on after it.
    // (The worker's last task of a document ends before the panel hears of it.)
    const before = timeline.filter((d) => d.posted <= a).pop();
    if (before && b <= before.extracted) {
      add('within a document (between pages, opening)', a, b);
      return;
    }
    const next = timeline.find((d) => d.posted > (before?.posted ?? -Infinity));
    if (!next) {
      add('no document left to read', a, b);
      return;
    }
    let at = a;
    const upTo = (cause: string, t: number) => {
      const to = Math.min(Math.max(t, at), b);
      add(cause, at, to);
      at = to;
    };
    if (before) upTo('the panel hears the last page (message, panel thread busy)', before.extracted);
    upTo('next document: permission + cache check', next.t0);
    upTo('next document: download', next.fetched);
    upTo('lane handed over (panel frees the lane, the next job resumes)', next.laned);
    upTo('held: the document before still being analysed', next.posted);
    upTo('sent → the worker starts it (message, worker scheduled)', b);
  };
  add('click → first task', click, within[0]!.from);
  for (let i = 1; i < within.length; i++) {
    const a = within[i - 1]!.to;
    const b = within[i]!.from;
    if (b - a < 200) continue; // back to back
    explain(a, b);
  }
  const last = within[within.length - 1]!.to;
  add('after the last task (status reading of the last document)', last, done);
  const byCause = new Map<string, { ms: number; n: number; max: number }>();
  for (const g of gaps) {
    const c = byCause.get(g.cause) ?? { ms: 0, n: 0, max: 0 };
    c.ms += g.ms;
    c.n++;
    c.max = Math.max(c.max, g.ms);
    byCause.set(g.cause, c);
  }
  const wall = within.reduce((a, s) => a + (s.to - s.from), 0) / 1000;
  const cpu = within.reduce((a, s) => a + s.cpu, 0) / 1000;
  const gc = within.reduce((a, s) => a + s.gc, 0) / 1000;
  const total = (done - click) / 1000;
  const idle = gaps.reduce((a, g) => a + g.ms, 0);
  const short = within.slice(1).filter((s, i) => s.from - within[i]!.to < 200 && s.from > within[i]!.to).length;
  const rows = [...byCause].sort((a, b) => b[1].ms - a[1].ms).map(([cause, c]) => `    ${c.ms.toFixed(0).padStart(7)} ms ${String(c.n).padStart(5)}× longest ${c.max.toFixed(0).padStart(5)} ms  ${cause}`);
  return [
    `  extraction thread, click → all done ${total.toFixed(0)} ms: in its tasks ${wall.toFixed(0)} ms wall (${cpu.toFixed(0)} ms CPU, of it GC ${gc.toFixed(0)} ms; ready but not run ${(wall - cpu).toFixed(0)} ms), idle ${idle.toFixed(0)} ms in gaps ≥ 0.2 ms (+${(total - wall - idle).toFixed(0)} ms in ${short} shorter ones), ${within.length} tasks:`,
    '    gap cause → total, count, longest:',
    ...rows,
  ].join('\n');
}
