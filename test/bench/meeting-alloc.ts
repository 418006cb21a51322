// Where a meeting scan allocates (issue 17, target 5: the extraction thread's GC pauses were 2–3×
// bare pdf.js' worker's, and the V8 helper threads' GC a third of the CPU above bare). A sampling
// heap profile (V8's HeapProfiler, every allocated object counted, also those collected since) of
// the same code paths in Node, over the meeting's 40 generated PDFs (./meeting-pdfs.ts):
//   bare      pdf.js only: open, getTextContent per page (the reference);
//   extract   what a lane's extraction worker runs: extractPages with textOnly, pdf.js' text
//             chunks passed by reference as in the worker (./text-chunks.ts), each page's text
//             cloned as its message to the analysis worker;
//   analysis  what the analysis worker runs: scanPages on the pages' text, with each page's
//             progress and the result cloned as their messages to the panel.
// Printed per mode: bytes allocated in all, by function (self) and by origin (pdf.js, ours, Node).
// Run: npx tsx test/bench/meeting-alloc.ts [bare|extract|analysis ...]   (MEETING_PAGES=200 for a quick look)
// ALLOC_KIND=promoted: only objects that outlived the young generation (see PROMOTED).
// ALLOC_PROFILE=0: no profile, only CPU and the GC pauses by kind (the profiler's own cost left out).
// ALLOC_OUT=prefix writes prefix-<mode>.heapprofile (open in Chrome DevTools' Memory tab).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { deserialize, serialize } from 'node:v8';
import { createAnalyser } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { extractPages, type PdfLoadingTaskLike } from '../../lib/surface/pdf/extract';
import { loadLegacyPdfJs } from '../../lib/surface/pdf/node';
import { scanPages } from '../../lib/surface/pdf/scan';
import { passTextChunks } from '../../lib/surface/pdf/text-chunks';
import { bareExtract, meetingTexts } from './meeting-analysis';
import { meetingDocs, meetingPdf } from './meeting-pdfs';

const PAGES = Number(process.env.MEETING_PAGES ?? 2000);
/**
 * ALLOC_KIND=promoted: only what lived long enough to leave the young generation (objects a
 * scavenge freed are left out): what makes scavenges copy and the old generation grow.
 */
const PROMOTED = process.env.ALLOC_KIND === 'promoted';
const modes = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const MODES = modes.length ? modes : ['bare', 'extract', 'analysis'];

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  id: number;
  children: SamplingNode[];
}
interface SamplingProfile {
  head: SamplingNode;
  samples: { size: number; nodeId: number; ordinal: number }[];
}

const clone = <T>(x: T): T => deserialize(serialize(x)) as T;

function originOf(url: string): string {
  if (!url) return '(native/V8)';
  if (/pdfjs-dist/.test(url)) return 'pdf.js';
  if (/node_modules/.test(url)) return 'other packages';
  if (/\/lib\//.test(url)) return `ours: ${url.replace(/^.*\/lib\//, 'lib/')}`;
  if (/\/test\//.test(url)) return 'bench';
  if (/^node:/.test(url)) return 'node';
  return url;
}

/** Self bytes by function and by origin; a native frame (e.g. String.fromCharCode) counts for its caller's origin too. */
function tables(profile: SamplingProfile, top = 18): string {
  const byFn = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let total = 0;
  const walk = (n: SamplingNode, parentUrl: string, parentFn: string) => {
    const url = n.callFrame.url || parentUrl;
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${n.callFrame.url.replace(/^.*\/(node_modules|lib|test)\//, '$1/').replace(/\?.*$/, '')}:${n.callFrame.lineNumber + 1}` : `← ${parentFn}`}`;
    if (n.selfSize) {
      byFn.set(fn, (byFn.get(fn) ?? 0) + n.selfSize);
      const o = originOf(url);
      byOrigin.set(o, (byOrigin.get(o) ?? 0) + n.selfSize);
      total += n.selfSize;
    }
    const me = n.callFrame.url ? `${n.callFrame.functionName || '(anonymous)'}` : parentFn;
    for (const c of n.children) walk(c, url, me);
  };
  walk(profile.head, '', '(root)');
  const mb = (b: number) => (b / 1048576).toFixed(1).padStart(8);
  const pct = (b: number) => ((100 * b) / total).toFixed(1).padStart(5);
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, b]) => `  ${mb(b)} MB ${pct(b)} %  ${k}`)
      .join('\n');
  return `  allocated in all: ${mb(total)} MB (sampled)\n by origin:\n${list(byOrigin, 12)}\n by function (self):\n${list(byFn, top)}`;
}

/** GC pauses on this thread by kind, while `run` runs. */
async function gcPauses(run: () => Promise<void>): Promise<string> {
  const kinds: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact', [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks' };
  const by = new Map<string, { n: number; ms: number }>();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const k = kinds[((e as { detail?: { kind?: number } }).detail)?.kind ?? -1] ?? 'other';
      const v = by.get(k) ?? { n: 0, ms: 0 };
      v.n++;
      v.ms += e.duration;
      by.set(k, v);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  await run();
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  const all = [...by.values()].reduce((a, v) => a + v.ms, 0);
  return `GC pauses ${all.toFixed(0)} ms: ${[...by].map(([k, v]) => `${k} ${v.n}× ${v.ms.toFixed(0)} ms`).join(', ')}`;
}

async function withProfile(name: string, run: () => Promise<void>): Promise<void> {
  if (process.env.ALLOC_PROFILE === '0') {
    // A mark for --trace-gc-nvp's lines (printed to the same stdout): the run starts here.
    console.log(`=== ${name}`);
    const t0 = process.cpuUsage();
    const gc = await gcPauses(run);
    const cpu = process.cpuUsage(t0);
    console.log(`${name}: CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (all threads of the process), ${gc}`);
    return;
  }
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  // Every 8 KB on average; objects collected since are kept in the profile (what the GC had to do).
  await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !PROMOTED } as never);
  const t0 = process.cpuUsage();
  await run();
  const cpu = process.cpuUsage(t0);
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: SamplingProfile };
  session.disconnect();
  if (process.env.ALLOC_OUT) writeFileSync(`${process.env.ALLOC_OUT}-${name}.heapprofile`, JSON.stringify(profile));
  console.log(`\n${name} (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms with the profiler on)`);
  console.log(tables(profile, Number(process.env.ALLOC_TOP ?? 18)));
}

const pdfs = meetingDocs(40, PAGES).map((d, i) => meetingPdf(d, i + 1));
const { getDocument } = await loadLegacyPdfJs();
// The extraction worker's hand-over of text chunks (a no-op for the bare reference, whose chunks
// the same fake worker would clone: set it for every mode, so both read pdf.js the same way).
passTextChunks(globalThis);

for (const mode of MODES) {
  if (mode === 'bare') {
    const copies = pdfs.map((d) => d.slice());
    await withProfile('bare pdf.js', () => bareExtract(copies));
  } else if (mode === 'extract') {
    await withProfile('extraction worker (extractPages textOnly + message)', async () => {
      for (const data of pdfs) {
        const task = getDocument({ data: data.slice(), verbosity: 0 }) as unknown as PdfLoadingTaskLike;
        for await (const p of extractPages(task, { textOnly: true })) clone({ kind: 'pages', id: 1, pages: [{ page: p.page, pageCount: p.pageCount, pageLimit: p.pageLimit, text: p.text }] });
      }
    });
  } else if (mode === 'analysis') {
    const docs = await meetingTexts(PAGES);
    const analyser = createAnalyser(loadBuiltinRules());
    await withProfile('analysis worker (scanPages + messages)', async () => {
      for (const d of docs) {
        const result = await scanPages(
          (async function* () {
            for (const p of d.pages) yield clone(p);
          })(),
          analyser,
          { url: d.name, onPage: (p) => void clone({ kind: 'pages', id: 1, progress: [p] }) },
        );
        clone({ kind: 'done', id: 1, result });
      }
    });
  } else throw new Error(`unknown mode ${mode}`);
}
