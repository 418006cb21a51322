// How long a cancel waits for a document's status reading in the extraction worker (issue 17,
// target 5), in Node: each of the meeting's 40 documents (./meeting-analysis.ts meetingTexts) is
// given to the worker's analysis host (lib/surface/pdf/analysis.ts createAnalysisHost) with a
// nextTask of its own (setImmediate: Node's message ports do not interleave tasks as a worker's
// do), and its 'drop' is queued as a task in the same task as its 'end', as the panel's comes
// while the reading runs. Printed:
// when the drop was read (the worker free for it: what a cancel, or a terminate that waits for
// the task under way, waits) and the whole reading of the same document not dropped.
// Run: npx tsx test/bench/cancel-reading.ts   (a tree's own code: CANCEL_TREE=/path/to/worktree)
// meeting22, 2 alternating pairs each against main 1ee20a6 (CANCEL_TREE), load 8-10: main's drop
// waited for the whole reading, longest 630/437/358 and 565/437/238 ms (253-273 ms CPU); sliced,
// the drop is read at the first pause, median 0.1 ms, longest 37/30/17 and 43/12/11 ms (10-15 ms CPU).
// A whole reading not dropped costs the same (scanPages over the meeting with and without the
// slices, in one process alternating: 1,077-1,282 against 1,018-1,333 ms CPU).
import { median, ROOT } from './corpus';
import { meetingTexts } from './meeting-analysis';

const tree = process.env.CANCEL_TREE ?? ROOT;
const { createAnalyser } = (await import(`${tree}/lib/core/analyse/index.ts`)) as typeof import('../../lib/core/analyse');
const { loadBuiltinRules } = (await import(`${tree}/lib/core/rules/index.ts`)) as typeof import('../../lib/core/rules');
const { createAnalysisHost } = (await import(`${tree}/lib/surface/pdf/analysis.ts`)) as typeof import('../../lib/surface/pdf/analysis');
type FromAnalysis = import('../../lib/surface/pdf/analysis').FromAnalysis;
type ToAnalysis = import('../../lib/surface/pdf/analysis').ToAnalysis;

const analyser = createAnalyser(loadBuiltinRules());
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One document through the host; with `drop`, its drop posted with its end. Resolves when the host is done with it. */
/** CPU time of this process in ms (one JS thread; the wall clock under load counts other processes too). */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function run(id: number, pages: import('../../lib/surface/pdf/scan').ScannedPage[], drop: boolean): Promise<{ freeMs: number; freeCpu: number; doneMs: number }> {
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  let t0 = 0;
  let c0 = 0;
  let freeAt = 0;
  let freeCpu = 0;
  // Not dropped: until the host posts 'done'. Dropped: until the drop was read and the reading stopped (or had ended).
  const receive = createAnalysisHost((m: FromAnalysis) => void (m.kind === 'done' && !drop && done()), () => analyser, nextTask);
  const deliver = (m: ToAnalysis) => {
    freeAt = performance.now();
    freeCpu = cpu();
    receive(m);
    // After the drop: the reading stops at its next pause (or already ran to its end).
    void nextTask().then(() => nextTask()).then(done);
  };
  receive({ kind: 'begin', id, options: {}, url: `d${id}` });
  // A page a task, as the worker's extraction hands them on: the pages are matched as they come.
  for (const page of pages) {
    receive({ kind: 'pages', id, pages: [page] });
    await nextTask();
  }
  t0 = performance.now();
  c0 = cpu();
  receive({ kind: 'end', id });
  if (drop) setImmediate(() => deliver({ kind: 'drop', id }));
  await finished;
  return { freeMs: freeAt - t0, freeCpu: freeCpu - c0, doneMs: performance.now() - t0 };
}

const docs = await meetingTexts(Number(process.env.MEETING_PAGES ?? 2000));
for (const [i, d] of docs.entries()) await run(1000 + i, d.pages, false); // warm
const free: number[] = [];
const freeCpu: number[] = [];
const whole: number[] = [];
let id = 1;
for (const d of docs) {
  whole.push((await run(id++, d.pages, false)).doneMs);
  const r = await run(id++, d.pages, true);
  free.push(r.freeMs);
  freeCpu.push(r.freeCpu);
}
const top = (xs: number[]) => [...xs].sort((a, b) => b - a).slice(0, 4).map((x) => x.toFixed(0)).join('/');
console.log(`${tree}: drop read after median ${median(free).toFixed(1)} ms, longest ${top(free)} ms; in CPU median ${median(freeCpu).toFixed(1)} ms, longest ${top(freeCpu)} ms; a whole document's end to its result: median ${median(whole).toFixed(1)} ms, longest ${top(whole)} ms; load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
