// What a hostile PDF costs before Raadslens gives up, beside a normal PDF of the same three pages,
// in Node (pdf.js' legacy build, as the command-line scanner reads): a decompression bomb (page 2's
// content stream, under 1 MB, unpacks to 300 MB of spaces) and a flood page (page 2 shows two
// million one-letter text operators). Each case runs in its own process, so its peak resident
// memory (process.resourceUsage().maxRSS) is its own. Printed figures, not assertions.
// In Node pdf.js reads in the calling thread, so the time budget stops a flood after the page
// that overran it; in the extension the worker is ended when the page's time is up.
// Run: npx tsx test/bench/pdf-budget.bench.ts [--unpacked-mb 300] [--operators 2000000] [--page-ms 5000]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdfPagesInNode } from '../../lib/surface/pdf/node';
import { PdfError } from '../../lib/surface/pdf/errors';
import { bombPdf, floodPdf } from '../fixtures/pdf/make-hostile-pdf.mjs';
import { simplePdf } from '../fixtures/pdf/make-simple-pdf.mjs';
import { summary } from './corpus';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const unpackedMb = arg('--unpacked-mb', 300);
const operators = arg('--operators', 2_000_000);
const pageMs = arg('--page-ms', 5000);

type Case = 'normal' | 'bomb' | 'flood';
interface Outcome {
  case: Case;
  fileKb: number;
  pagesRead: number;
  outcome: string;
  ms: number;
  rssMb: number;
  baseRssMb: number;
}

async function runCase(which: Case): Promise<Outcome> {
  const sentence = (p: number) => [`Pagina ${p}: de gemeente zet cameratoezicht in op het Stationsplein.`];
  const bytes =
    which === 'normal'
      ? simplePdf([sentence(1), sentence(2), sentence(3)])
      : which === 'bomb'
        ? await bombPdf({ unpackedMb, pages: 3, bombPage: 2 })
        : floodPdf({ operators, pages: 3, floodPage: 2 });
  // pdf.js and its in-process worker started before the clock, so no case counts the start-up.
  for await (const _ of extractPdfPagesInNode(simplePdf([sentence(0)]))) void _;
  const baseRssMb = process.resourceUsage().maxRSS / 1024;
  let pagesRead = 0;
  let outcome = 'read';
  const t0 = performance.now();
  try {
    for await (const _ of extractPdfPagesInNode(bytes, { budget: { pageMs } })) pagesRead++;
  } catch (e) {
    outcome = e instanceof PdfError ? e.kind : String(e);
  }
  const ms = performance.now() - t0;
  return { case: which, fileKb: bytes.length / 1024, pagesRead, outcome, ms, rssMb: process.resourceUsage().maxRSS / 1024, baseRssMb };
}

const only = process.argv.indexOf('--case');
if (only !== -1) {
  console.log(JSON.stringify(await runCase(process.argv[only + 1] as Case)));
} else {
  const self = fileURLToPath(import.meta.url);
  const tsx = path.resolve(path.dirname(self), '../../node_modules/.bin/tsx');
  const rows: Outcome[] = [];
  for (const c of ['normal', 'bomb', 'flood'] as const) {
    const r = spawnSync(tsx, [self, '--case', c, ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      console.log(`${c}: failed (${r.status})\n${r.stderr}`);
      continue;
    }
    rows.push(JSON.parse(line) as Outcome);
  }
  console.log(`Three pages each; bomb: page 2 unpacks to ${unpackedMb} MB; flood: page 2 has ${operators.toLocaleString('en')} text operators; page budget ${pageMs} ms.`);
  console.log('case     file KB  pages read  outcome          time to end (ms)  peak RSS (MB)  RSS before reading (MB)');
  for (const r of rows) {
    console.log(
      `${r.case.padEnd(8)} ${r.fileKb.toFixed(0).padStart(7)}  ${String(r.pagesRead).padStart(10)}  ${r.outcome.padEnd(15)}  ${r.ms.toFixed(0).padStart(16)}  ${r.rssMb.toFixed(0).padStart(13)}  ${r.baseRssMb.toFixed(0).padStart(23)}`,
    );
    summary('pdf-budget', `${r.case}: time to end`, Math.round(r.ms), 'ms', r.outcome);
    summary('pdf-budget', `${r.case}: peak RSS`, Math.round(r.rssMb), 'MB', `before reading ${Math.round(r.baseRssMb)} MB`);
  }
}
