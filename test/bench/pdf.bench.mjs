// PDF benchmark in Chromium: a 200-page raadsvoorstel, Raadslens' extraction + scan vs bare pdf.js
// text extraction of the same file in the same page and run (target ≤ 1.2×), time to the first
// page's results, and the page's peak JS heap (pdf.js parses in its worker; the worker's heap is
// not in performance.memory). Prints figures; asserts nothing about time.
//
// Run: node test/bench/pdf.bench.mjs [--pages 200] [--rounds 5]
// The PDF is made with LibreOffice (test/fixtures/pdf/generate.mjs) when `soffice` is installed,
// otherwise with the dependency-free writer (simpler text, fewer items per page) — the output says which.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { simplePdf } from '../fixtures/pdf/make-simple-pdf.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const pages = arg('--pages', 200);
const rounds = arg('--rounds', 7);
const dir = mkdtempSync(path.join(tmpdir(), 'raadslens-pdfbench-'));

function hasSoffice() {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pdfPath = path.join(dir, 'bench.pdf');
let source;
const g0 = Date.now();
if (hasSoffice()) {
  execFileSync(process.execPath, [path.join(root, 'test/fixtures/pdf/generate.mjs'), '--pages', String(pages), '--out', pdfPath], { stdio: 'inherit' });
  source = 'LibreOffice (Dutch hyphenation, justified)';
} else {
  const text = 'Het college stelt voor om cameratoezicht en slimme sensoren in te zetten; een algoritme voorspelt drukte.';
  writeFileSync(pdfPath, simplePdf(Array.from({ length: pages }, (_, i) => [...Array(40)].map((_, k) => `${i + 1}.${k} ${text}`))));
  source = 'simple writer (no LibreOffice)';
}
const pdfBytes = readFileSync(pdfPath);
console.log(`PDF: ${pages} pages, ${(pdfBytes.length / 1024).toFixed(0)} KB, made by ${source} in ${((Date.now() - g0) / 1000).toFixed(1)} s`);

await build({
  entryPoints: [path.join(root, 'test/bench/pdf.bench.entry.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: path.join(dir, 'bench.js'),
  logLevel: 'error',
  // lib/extension/i18n falls back to the Dutch catalogue outside the extension.
  define: { 'import.meta.env.BROWSER': '"chrome"' },
});
copyFileSync(path.join(root, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs'), path.join(dir, 'pdf.worker.min.mjs'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>pdf bench</title><script type="module" src="/bench.js"></script>');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.pdf': 'application/pdf' };
const server = createServer((req, res) => {
  const file = path.join(dir, path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html');
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--enable-precise-memory-info', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForFunction(() => typeof window.runBench === 'function');
  const r = await page.evaluate((n) => window.runBench(n), rounds);
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const bareMs = med(r.rounds.map((x) => x.bareMs));
  const aheadMs = med(r.rounds.map((x) => x.aheadMs));
  const oursMs = med(r.rounds.map((x) => x.oursMs));
  const first = med(r.rounds.map((x) => x.firstResultMs));
  const own = (k) => med(r.own.map((x) => x[k]));
  const ownMs = own('rebuildMs') + own('matchMs') + own('assessMs');
  const chromiumVersion = browser.version();
  console.log(`Chromium ${chromiumVersion}, ${rounds} rounds (alternating order), medians:`);
  console.log(`  bare pdf.js text extraction (getDocument + getTextContent per page): ${bareMs.toFixed(0)} ms`);
  console.log(`  bare pdf.js, one page requested ahead (as lib/surface/pdf does):     ${aheadMs.toFixed(0)} ms`);
  console.log(`  Raadslens extraction + scan (page text, de-hyphenation, map, matches, assessment): ${oursMs.toFixed(0)} ms  → ${(oursMs / bareMs).toFixed(2)}× bare (target ≤ 1.20×), ${(oursMs / aheadMs).toFixed(2)}× bare-ahead`);
  console.log(`  of which Raadslens' own main-thread work (pages pre-extracted): rebuild ${own('rebuildMs').toFixed(1)} ms + match ${own('matchMs').toFixed(1)} ms + assess ${own('assessMs').toFixed(1)} ms = ${ownMs.toFixed(1)} ms for ${r.own[0].items} items / ${r.own[0].chars} chars`);
  console.log(`  first page's results after: ${first.toFixed(0)} ms (${((first / oursMs) * 100).toFixed(1)} % of the whole scan)`);
  console.log(`  matches: ${r.rounds[0].matches} on ${r.rounds[0].pages} pages; analyser compile: ${r.compileMs.toFixed(0)} ms (once per panel)`);
  console.log(`  main-thread JS heap: ${r.baseHeapMb.toFixed(1)} MB at start, peak ${r.peakHeapMb.toFixed(1)} MB (performance.memory, sampled every 20 ms)`);
  // Machine-readable lines for test/bench/run.mjs' summary.
  const figure = (name, value, unit, note = '') => console.log(`BENCH\t${JSON.stringify({ bench: 'pdf', name, value, unit, note })}`);
  figure('200 p: extraction + scan', oursMs, 'ms', `bare pdf.js ${bareMs.toFixed(0)} ms → ${(oursMs / bareMs).toFixed(2)}× (≤ 1.2×)`);
  figure('200 p: first page results', first, 'ms');
  figure('200 p: own main-thread work', ownMs, 'ms', 'rebuild + match + assess');
  figure('200 p: peak main JS heap', r.peakHeapMb, 'MB');
  console.log(`  per round: ${r.rounds.map((x) => `${x.bareMs.toFixed(0)}/${x.aheadMs.toFixed(0)}/${x.oursMs.toFixed(0)}`).join('  ')}  (bare/ahead/ours ms)`);
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
