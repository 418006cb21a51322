// Reads the long tasks of one load by hand: loads a page with Raadslens once (after a warm-up),
// and prints, for every main-thread task over 50 ms in which the content script ran, the events
// inside it as a tree (name, wall ms, script URL tail, function and line where the trace has them).
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/trace-tasks.ts [url]
import { join, resolve } from 'node:path';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';
import { loadScanned, traced, urlOf, type TraceEvent } from './trace';

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const url = process.argv[2] ?? 'http://utrecht.raadsinformatie.nl/generated/100k-nodes.html';
const MIN_MS = Number(process.env.TRACE_MIN_MS ?? 2);
/** Tasks at least this long are printed (TRACE_LONG_MS=40: those near the 50 ms line too). */
const LONG_MS = Number(process.env.TRACE_LONG_MS ?? 50);

const bench = await openCouncilBench(extensionDir, 'trace-tasks');
try {
  const page = await bench.browser.context.newPage();
  const cdp = await bench.browser.context.newCDPSession(page);
  const scanned = () => loadScanned(page, url, 1000);
  await scanned();
  const events = await traced(cdp, scanned);
  // The content script's own account: busy time, phases and the longest task per phase.
  console.log(JSON.stringify(await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('raadslens:')).map((m) => ({ name: m.name, ms: Math.round(m.duration), detail: (m as PerformanceMeasure).detail })))));
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '') === url);
  if (!parse) throw new Error('geen ParseHTML');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? parse.tid;
  const onMain = events.filter((e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const t0 = parse.ts;
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const ours = (e: TraceEvent) => urlOf(e).startsWith('chrome-extension://');
  const describe = (e: TraceEvent) => {
    const d = (e.args?.data ?? {}) as Record<string, unknown>;
    const bits = [e.name, `${(e.dur! / 1000).toFixed(1)}ms`];
    if (e.tdur !== undefined) bits.push(`(cpu ${(e.tdur / 1000).toFixed(1)})`);
    const u = urlOf(e);
    if (u) bits.push(u.replace(/^chrome-extension:\/\/[a-z]+/, 'ext:').slice(-50));
    if (d.functionName) bits.push(`fn=${String(d.functionName)}`);
    if (d.lineNumber !== undefined) bits.push(`@${String(d.lineNumber)}:${String(d.columnNumber ?? '')}`);
    if (d.type) bits.push(`type=${String(d.type)}`);
    if (process.env.TRACE_ARGS || e.name === 'UpdateLayoutTree' || e.name === 'Layout') bits.push(JSON.stringify(e.args).slice(0, Number(process.env.TRACE_ARGS ?? 160)));
    return bits.join(' ');
  };
  for (const t of tasks) {
    const end = t.ts + t.dur!;
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= end);
    const mine = inside.some(ours);
    if (t.dur! / 1000 < LONG_MS && !process.env.TRACE_ALL) continue;
    console.log(`\nTASK at +${((t.ts - t0) / 1000).toFixed(0)} ms: ${(t.dur! / 1000).toFixed(1)} ms (cpu ${((t.tdur ?? 0) / 1000).toFixed(1)})${mine ? '  ← Raadslens ran in it' : ''}`);
    const stack: number[] = [];
    if (process.env.TRACE_INSTANT) {
      // Instant events (invalidations, with the script stack that caused them) up to this task's end.
      const since = tasks[tasks.indexOf(t) - 1]?.ts ?? t.ts;
      for (const e of events.filter((x) => x.pid === parse.pid && (x.ph === 'I' || x.ph === 'i') && x.ts >= since && x.ts <= end)) console.log(`  · ${e.name} ${JSON.stringify(e.args).slice(0, 300)}`);
    }
    for (const e of inside) {
      while (stack.length && e.ts >= stack[stack.length - 1]!) stack.pop();
      if (e.dur! / 1000 >= MIN_MS || (process.env.TRACE_ALL && ours(e))) console.log(`${'  '.repeat(stack.length + 1)}${describe(e)}`);
      stack.push(e.ts + e.dur!);
    }
  }
} finally {
  await bench.close();
}
