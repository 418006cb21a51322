// Runs inside Chromium (bundled by pdf.bench.mjs with esbuild): bare pdf.js text extraction vs
// Raadslens' extraction + scan of the same bytes, in the same page, alternating, plus the time to
// the first page's results and the main thread's peak JS heap.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import { bareExtract } from './bare-pdfjs';
import { createAnalyser } from '../../lib/core/analyse';
import { extractPages, type PdfLoadingTaskLike } from '../../lib/surface/pdf/extract';
import { buildPageText, type TextItemLike } from '../../lib/surface/pdf/page-text';
import { scanPages } from '../../lib/surface/pdf/scan';
import { loadBuiltinRules } from '../../lib/core/rules';

GlobalWorkerOptions.workerSrc = '/pdf.worker.min.mjs';

interface Round {
  bareMs: number;
  aheadMs: number;
  oursMs: number;
  firstResultMs: number;
  pages: number;
  matches: number;
}

async function bare(bytes: Uint8Array): Promise<number> {
  const t0 = performance.now();
  if ((await bareExtract(bytes)) === 0) throw new Error('no text');
  return performance.now() - t0;
}

/** The same, asking for page n+1 before reading page n (what lib/surface/pdf does): the fastest pdf.js can go. */
async function bareAhead(bytes: Uint8Array): Promise<number> {
  const t0 = performance.now();
  const task = getDocument({ data: bytes.slice(), useWasm: false, verbosity: 0 });
  const doc = await task.promise;
  const contentOf = async (n: number) => (await doc.getPage(n)).getTextContent();
  let next = contentOf(1);
  let chars = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await next;
    if (i < doc.numPages) next = contentOf(i + 1);
    for (const it of content.items) if ('str' in it) chars += it.str.length;
  }
  await task.destroy();
  if (chars === 0) throw new Error('no text');
  return performance.now() - t0;
}

async function ours(bytes: Uint8Array, analyser: ReturnType<typeof createAnalyser>) {
  const t0 = performance.now();
  let firstResultMs = -1;
  const task = getDocument({ data: bytes.slice(), useWasm: false, verbosity: 0 }) as unknown as PdfLoadingTaskLike;
  const result = await scanPages(extractPages(task), analyser, {
    url: 'bench.pdf',
    onPage: (p) => {
      if (firstResultMs < 0) firstResultMs = performance.now() - t0;
      void p;
    },
  });
  return { ms: performance.now() - t0, firstResultMs, pages: result.scannedPages, matches: result.matchCount };
}

/** Raadslens' own work on the main thread, without pdf.js: rebuild texts, match pages, assess once. */
async function ownWork(bytes: Uint8Array, analyser: ReturnType<typeof createAnalyser>) {
  const task = getDocument({ data: bytes.slice(), useWasm: false, verbosity: 0 });
  const doc = await task.promise;
  const all: TextItemLike[][] = [];
  for (let i = 1; i <= doc.numPages; i++) all.push((await (await doc.getPage(i)).getTextContent()).items as TextItemLike[]);
  await task.destroy();
  const t0 = performance.now();
  const texts = all.map((items) => buildPageText(items).text);
  const t1 = performance.now();
  const found = texts.map((t) => analyser.find(t));
  const t2 = performance.now();
  analyser.assess(found.flatMap((f) => f.matches), found.flatMap((f) => f.safeguardHits), texts.join('\n\n'), 'blocks');
  const t3 = performance.now();
  return { rebuildMs: t1 - t0, matchMs: t2 - t1, assessMs: t3 - t2, chars: texts.reduce((a, t) => a + t.length, 0), items: all.reduce((a, i) => a + i.length, 0) };
}

declare global {
  interface Window {
    runBench(rounds: number): Promise<{ rounds: Round[]; peakHeapMb: number; baseHeapMb: number; compileMs: number; own: Awaited<ReturnType<typeof ownWork>>[] }>;
  }
}

window.runBench = async (rounds) => {
  const mem = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576;
  const baseHeapMb = mem();
  let peakHeapMb = baseHeapMb;
  const sampler = setInterval(() => (peakHeapMb = Math.max(peakHeapMb, mem())), 20);
  const bytes = new Uint8Array(await (await fetch('/bench.pdf')).arrayBuffer());
  const c0 = performance.now();
  const analyser = createAnalyser(loadBuiltinRules());
  const compileMs = performance.now() - c0;
  await bare(bytes); // warm-up: worker start, fonts
  const out: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate the order so neither side always runs on a warmer engine.
    let bareMs: number;
    let aheadMs: number;
    let o: Awaited<ReturnType<typeof ours>>;
    if (r % 2 === 0) {
      bareMs = await bare(bytes);
      aheadMs = await bareAhead(bytes);
      o = await ours(bytes, analyser);
    } else {
      o = await ours(bytes, analyser);
      aheadMs = await bareAhead(bytes);
      bareMs = await bare(bytes);
    }
    out.push({ bareMs, aheadMs, oursMs: o.ms, firstResultMs: o.firstResultMs, pages: o.pages, matches: o.matches });
  }
  clearInterval(sampler);
  const own = [];
  for (let r = 0; r < rounds; r++) own.push(await ownWork(bytes, analyser));
  return { rounds: out, peakHeapMb, baseHeapMb, compileMs, own };
};
