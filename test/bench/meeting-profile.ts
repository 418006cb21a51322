// Where a meeting scan's time goes (meeting.bench.ts with MEETING_PROFILE=1): the panel's main
// thread by function (a CPU profile, self time) and by the code's origin, and each thread of the
// panel's renderer (the pdf.js workers) by busy time from a trace.
import { unionMs, urlOf, type TraceEvent } from './trace';

export interface CpuProfile {
  startTime?: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The bundle a function came from: pdf.js, the panel's chunks by file name, or the browser itself. */
function originOf(url: string): string {
  if (!url) return '(browser/native)';
  const file = url.split('/').pop() ?? url;
  if (/pdf\.worker/.test(file)) return 'pdf.js worker';
  return file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js');
}

/** Trace events that say what a main-thread task spent its time on. */
const WORK = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseHTML', 'MinorGC', 'MajorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.run', 'XHRReadyStateChange', 'ResourceReceivedData', 'EventDispatch', 'ScheduleStyleRecalculation', 'Commit', 'UpdateLayer']);

export function profileOf(profile: CpuProfile, trace: TraceEvent[]): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    const fn = n.callFrame.functionName || '(anonymous)';
    const key = `${fn} ${originOf(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
    const origin = fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)' ? fn : originOf(n.callFrame.url);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');

  const names = new Map<string, string>();
  for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  // Tasks nest (a task's own RunTask inside the thread controller's): their union is the busy time.
  const tasks = new Map<string, Array<[number, number]>>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.dur || !/^(ThreadControllerImpl::RunTask|RunTask)$/.test(e.name)) continue;
    const t = `${e.pid}:${e.tid}`;
    if (!tasks.has(t)) tasks.set(t, []);
    tasks.get(t)!.push([e.ts, e.ts + e.dur]);
  }
  const busy = new Map([...tasks].map(([t, spans]) => [t, unionMs(spans)] as const));
  const cpu = threadCpu(trace);
  const scripts = threadScripts(trace);
  const threads = [...busy]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([t, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${(cpu.get(t) ?? 0).toFixed(0).padStart(7)} ms CPU  ${names.get(t) ?? t}${scripts.get(t) ? ` (${scripts.get(t)})` : ''}`)
    .join('\n');
  // The busiest renderer main thread (the panel's) by what its tasks did: script, style, layout, paint.
  const main = [...busy].filter(([t]) => names.get(t) === 'CrRendererMain').sort((a, b) => b[1] - a[1])[0]?.[0];
  const kinds = new Map<string, number>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.dur || `${e.pid}:${e.tid}` !== main || !WORK.has(e.name)) continue;
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
  }
  // The longest tasks, with the largest events inside them.
  const onMain = trace.filter((e) => e.ph === 'X' && e.dur && `${e.pid}:${e.tid}` === main);
  const longest = onMain
    .filter((e) => /RunTask$/.test(e.name))
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, 6)
    .map((t) => {
      const inside = onMain.filter((e) => e !== t && !/RunTask$/.test(e.name) && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!).sort((a, b) => b.dur! - a.dur!);
      return `    ${(t.dur! / 1000).toFixed(0).padStart(7)} ms  ${inside
        .slice(0, 6)
        .map((e) => `${e.name} ${(e.dur! / 1000).toFixed(0)}${(e.args?.data as { functionName?: string } | undefined)?.functionName ? ` ${(e.args!.data as { functionName: string }).functionName}` : ''} ${urlOf(e).split('/').pop()?.slice(0, 30) ?? ''}`)
        .join(' | ')}`;
    });
  // The five longest tasks (a task nested in the thread controller's counted once), each by function.
  const heaviest: TraceEvent[] = [];
  for (const t of onMain.filter((e) => /RunTask$/.test(e.name)).sort((a, b) => b.dur! - a.dur!)) {
    if (heaviest.length === 5) break;
    if (!heaviest.some((h) => t.ts < h.ts + h.dur! && h.ts < t.ts + t.dur!)) heaviest.push(t);
  }
  const inside = heaviest.map((t) => `    ${(t.dur! / 1000).toFixed(0)} ms task:\n${insideTask(profile, t.ts, t.ts + t.dur!)}`).join('\n');
  return `  panel main thread, longest tasks:\n${longest.join('\n')}\n  the five longest tasks by function, inclusive (CPU profile samples within each; a build with RAADSLENS_NO_MINIFY=1 names them):\n${inside}\n  panel main thread, trace events (nested ones counted in their parent too):\n${top(kinds, 14)}\n  panel main thread, self time by origin:\n${top(byOrigin, 12)}\n  by function:\n${top(byFn, 30)}\n  renderer threads, busy (top-level tasks, wall) and their CPU (thread clock, which a loaded machine does not inflate):\n${threads}`;
}

/**
 * The functions the samples taken within [from, to) (trace µs; the profile's clock is the same)
 * were in, with their callers: each function's inclusive time there, most first.
 */
function insideTask(profile: CpuProfile, from: number, to: number): string {
  if (profile.startTime === undefined) return '    (no start time in the profile)';
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, k) => {
    t += profile.timeDeltas[k] ?? 0;
    if (t < from || t >= to) return;
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${originOf(f.url)}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  return [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, v]) => `    ${v.toFixed(0).padStart(9)} ms  ${k}`)
    .join('\n');
}

/** Per thread, the thread-clock time (tdur) of its outermost tasks: CPU the thread itself used. */
export function threadCpu(trace: readonly TraceEvent[]): Map<string, number> {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.dur || e.tdur === undefined || !/^(ThreadControllerImpl::RunTask|RunTask)$/.test(e.name)) continue;
    const t = `${e.pid}:${e.tid}`;
    if (!byThread.has(t)) byThread.set(t, []);
    byThread.get(t)!.push(e);
  }
  const out = new Map<string, number>();
  for (const [t, events] of byThread) {
    events.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    let ms = 0;
    for (const e of events) {
      if (e.ts < end) continue; // nested in the task before
      end = e.ts + e.dur!;
      ms += e.tdur! / 1000;
    }
    out.set(t, ms);
  }
  return out;
}

/** What a worker thread runs, by the script its calls came from most (the analysis worker, pdf.js' worker). */
export function threadScripts(trace: readonly TraceEvent[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of trace) {
    if (e.ph !== 'X' || (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript')) continue;
    const file = urlOf(e).split('/').pop();
    if (!file) continue;
    const t = `${e.pid}:${e.tid}`;
    if (!counts.has(t)) counts.set(t, new Map());
    const c = counts.get(t)!;
    c.set(file, (c.get(file) ?? 0) + 1);
  }
  return new Map([...counts].map(([t, c]) => [t, [...c].sort((a, b) => b[1] - a[1])[0]![0]] as const));
}

/**
 * Every thread of the browser with CPU in the trace (thread clock of its outermost tasks; pool
 * threads' tasks too, where V8 runs its background GC and compiles), by process and thread
 * name, for the table that explains a run's CPU beside bare pdf.js' (MEETING_THREADS=1).
 */
export function allThreadsCpu(trace: readonly TraceEvent[]): Array<{ thread: string; name: string; ms: number; gcMs: number; gcCpuMs: number }> {
  const processes = new Map<number, string>();
  const names = new Map<string, string>();
  for (const e of trace) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') processes.set(e.pid, String(e.args?.name ?? '?'));
    if (e.name === 'process_labels' && processes.has(e.pid)) processes.set(e.pid, `${processes.get(e.pid)} ${String((e.args as { labels?: string } | undefined)?.labels ?? '')}`);
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? '?'));
  }
  const pool = /^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/;
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.dur || e.tdur === undefined || !pool.test(e.name)) continue;
    const t = `${e.pid}:${e.tid}`;
    if (!byThread.has(t)) byThread.set(t, []);
    byThread.get(t)!.push(e);
  }
  // The thread's own GC pauses (wall, union of nested GC events): how much of its CPU is collecting.
  const gcSpans = new Map<string, Array<[number, number]>>();
  // And their thread time (outermost GC events' thread clock): a pause's wall time also holds the
  // waits for helper threads and for a core (2 cores, many threads); with TRACE_CATEGORIES=
  // disabled-by-default-v8.gc a helper thread's background GC work shows here too.
  const gcEvents = new Map<string, TraceEvent[]>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.dur || !/^(MinorGC|MajorGC|V8\.GC_)/.test(e.name)) continue;
    const t = `${e.pid}:${e.tid}`;
    if (!gcEvents.has(t)) gcEvents.set(t, []);
    gcEvents.get(t)!.push(e);
    if (/BACKGROUND/.test(e.name)) continue;
    if (!gcSpans.has(t)) gcSpans.set(t, []);
    gcSpans.get(t)!.push([e.ts, e.ts + e.dur]);
  }
  const gcCpu = (t: string): number => {
    const events = (gcEvents.get(t) ?? []).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    let ms = 0;
    for (const e of events) {
      if (e.ts < end) continue;
      end = e.ts + e.dur!;
      ms += (e.tdur ?? e.dur!) / 1000;
    }
    return ms;
  };
  const scripts = threadScripts(trace);
  const out: Array<{ thread: string; name: string; ms: number; gcMs: number; gcCpuMs: number }> = [];
  for (const [t, events] of byThread) {
    events.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    let ms = 0;
    for (const e of events) {
      if (e.ts < end) continue;
      end = e.ts + e.dur!;
      ms += e.tdur! / 1000;
    }
    const pid = Number(t.split(':')[0]);
    const script = scripts.get(t);
    out.push({ thread: t, name: `${processes.get(pid) ?? `pid ${pid}`} / ${names.get(t) ?? '?'}${script ? ` (${script.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js')})` : ''}`, ms, gcMs: unionMs(gcSpans.get(t) ?? []), gcCpuMs: gcCpu(t) });
  }
  return out.sort((a, b) => b.ms - a.ms);
}

/**
 * What the V8/Blink pool threads (ThreadPoolForegroundWorker) ran, by the first event inside each
 * of their tasks: GC helpers (parallel scavenge, concurrent marking, sweeping), compilers, other.
 * The names come only with TRACE_CATEGORIES=disabled-by-default-v8.gc,disabled-by-default-v8.compile
 * (else most tasks say nothing and count as "unnamed"). Thread CPU (ms) per kind, the tasks' thread clock.
 */
export function poolSplit(trace: readonly TraceEvent[]): Map<string, number> {
  const names = new Map<string, string>();
  for (const e of trace) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of trace) {
    if (e.ph !== 'X' || !e.dur) continue;
    const t = `${e.pid}:${e.tid}`;
    if (!/^ThreadPool(Foreground|Background)Worker/.test(names.get(t) ?? '')) continue;
    if (!byThread.has(t)) byThread.set(t, []);
    byThread.get(t)!.push(e);
  }
  // POOL_NAMES=1: the events' own names instead of their kinds.
  const kindOf = (name: string): string =>
    process.env.POOL_NAMES ? name : /GC|Scaveng|Marking|Sweep|Compact|Evacuat/i.test(name) ? 'GC' : /ompil|Optimi|Sparkplug|Maglev|Turbofan|Parse|Stream/i.test(name) ? 'compile/parse' : name;
  const out = new Map<string, number>();
  for (const events of byThread.values()) {
    events.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let task: TraceEvent | null = null;
    let named = false;
    const close = () => {
      if (task && !named) out.set('unnamed', (out.get('unnamed') ?? 0) + (task.tdur ?? task.dur!) / 1000);
    };
    for (const e of events) {
      if (!task || e.ts >= task.ts + task.dur!) {
        close();
        task = /RunTask$/.test(e.name) ? e : null;
        named = false;
        if (!task) {
          // An event outside any task: counted by its own name.
          const k = kindOf(e.name);
          out.set(k, (out.get(k) ?? 0) + (e.tdur ?? e.dur!) / 1000);
        }
        continue;
      }
      if (named) continue;
      named = true;
      const k = kindOf(e.name);
      out.set(k, (out.get(k) ?? 0) + (task.tdur ?? task.dur!) / 1000);
    }
    close();
  }
  return out;
}
