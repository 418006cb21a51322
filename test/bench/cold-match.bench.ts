// Cold page load of the matcher, the way the content script meets it: a fresh process (Node) or
// a fresh page (Chromium, BROWSER=1), so no feedback and no optimised code yet, that evaluates
// the bundled lib/, validates the built-in rules, compiles the analyser and finds matches in a
// ~1 MB council page once, in the content script's 24 000-character batches. The working tree and
// a reference revision (REF, default HEAD) are bundled alike with esbuild and run alternately,
// RUNS times each; the medians are printed side by side, and the two must report the same matches
// (a digest over every match). No assertions on time.
// Run: npx tsx test/bench/cold-match.bench.ts   (REF=<rev> RUNS=<n> BROWSER=1 to change)
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { councilPage } from './council-page';
import { evalDocuments, median, ROOT, summary } from './corpus';
import { inLayoutOf, refAndWorkingTrees } from './ref-trees';

const REF = process.env.REF ?? 'HEAD';
const BROWSER = process.env.BROWSER === '1';
const RUNS = Number(process.env.RUNS ?? 15);
/** lib/surface/page/session/frame-scan.ts MATCH_BATCH: blocks are joined with '\n' up to this size. */
const BATCH = 24_000;
const PHASES = ['modules', 'rules', 'compile', 'scan', 'total', 'cpu'] as const;

const work = mkdtempSync(join(tmpdir(), 'raadslens-cold-'));

// The page's text as the content script batches it: one block per element, joined by '\n'.
const { html } = councilPage(evalDocuments(), 1_050_000);
const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const blocks = main
  .split(/<\/?(?:p|h[1-6]|li|td|th|caption|article|ul|table|thead|tbody|tr|main)\b[^>]*>/)
  .map((s) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
  .filter((s) => s.trim() !== '');
const batches: string[] = [];
let batch: string[] = [];
let size = 0;
for (const b of blocks) {
  if (size + b.length + 1 > BATCH && batch.length) {
    batches.push(batch.join('\n'));
    batch = [];
    size = 0;
  }
  batch.push(b);
  size += b.length + 1;
}
if (batch.length) batches.push(batch.join('\n'));
const textFile = join(work, 'batches.json');
writeFileSync(textFile, JSON.stringify(batches));

// The child: marks the time before any bundled module runs, then times each phase once. In Node
// the batches come from a file, in Chromium from the page; either way before the clock starts.
// Node: zod without its eval-compiled fast path, as in the content script, where the
// extension's CSP forbids eval (the Chromium page below gets the same CSP).
const NODE_START = `import { readFileSync } from 'node:fs';
import { config } from 'zod';
config({ jitless: true });
globalThis.__batches = JSON.parse(readFileSync(process.argv[2], 'utf8'));
globalThis.__cpuStart = process.cpuUsage();
globalThis.__coldStart = performance.now();
`;
const BROWSER_START = `globalThis.__coldStart = performance.now();\n`;
const CHILD = `import { loadBuiltinRules } from './lib/core/rules';
import { createAnalyser } from './lib/core/analyse';
const t0 = globalThis.__coldStart;
const t1 = performance.now();
const batches = globalThis.__batches;
const rules = loadBuiltinRules();
const t2 = performance.now();
const analyser = createAnalyser(rules);
const t3 = performance.now();
const found = batches.map((b) => analyser.find(b));
const t4 = performance.now();
// FNV-1a over every result, so the two versions can be compared without a crypto API.
let h = 0x811c9dc5;
let matches = 0;
for (const f of found) {
  matches += f.matches.length + f.safeguardHits.length;
  const s = JSON.stringify(f);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
}
const ms = { modules: t1 - t0, rules: t2 - t1, compile: t3 - t2, scan: t4 - t3, total: t4 - t0 };
// Node: CPU time of the whole process (main thread, compiler and GC threads) over the same span,
// which waiting for a core on a busy machine does not inflate.
if (globalThis.__cpuStart) {
  const cpu = process.cpuUsage(globalThis.__cpuStart);
  ms.cpu = (cpu.user + cpu.system) / 1000;
}
globalThis.__coldResult = { ms, matches, digest: (h >>> 0).toString(16) };
`;
const NODE_END = `console.log(JSON.stringify(globalThis.__coldResult));\n`;

async function bundle(name: string, tree: string): Promise<string> {
  writeFileSync(join(tree, 'cold-start.mjs'), BROWSER ? BROWSER_START : NODE_START);
  writeFileSync(join(tree, 'cold-child.mjs'), inLayoutOf(tree, CHILD));
  writeFileSync(join(tree, 'cold-entry.mjs'), `import './cold-start.mjs';\nimport './cold-child.mjs';\n${BROWSER ? '' : NODE_END}`);
  const outfile = join(work, `${name}.${BROWSER ? 'js' : 'mjs'}`);
  await build({
    entryPoints: [join(tree, 'cold-entry.mjs')],
    bundle: true,
    // Chromium: one classic script, as WXT ships the content script.
    format: BROWSER ? 'iife' : 'esm',
    platform: BROWSER ? 'browser' : 'node',
    target: 'es2022',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

const trees = refAndWorkingTrees(work, REF);
const bundles = { ref: await bundle('ref', trees.ref), cur: await bundle('cur', trees.cur) };

// Chromium: a new page per run (a new context: no feedback, no optimised code) in one browser.
const browser = BROWSER ? await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }) : null;
const code = { ref: readFileSync(bundles.ref, 'utf8'), cur: readFileSync(bundles.cur, 'utf8') };
async function runOnce(which: 'ref' | 'cur'): Promise<Run> {
  if (!browser) return JSON.parse(execFileSync(process.execPath, [bundles[which], textFile], { encoding: 'utf8' })) as Run;
  const page = await browser.newPage();
  await page.setContent(`<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'">`);
  await page.evaluate((b) => {
    (globalThis as { __batches?: string[] }).__batches = b;
  }, batches);
  await page.addScriptTag({ content: code[which] });
  const result = await page.evaluate(() => (globalThis as { __coldResult?: unknown }).__coldResult);
  await page.close();
  return result as Run;
}

type Run = { ms: Partial<Record<(typeof PHASES)[number], number>>; matches: number; digest: string };
const runs: Record<'ref' | 'cur', Run[]> = { ref: [], cur: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternate which goes first, so drift on a shared machine hits both alike.
  for (const which of i % 2 === 0 ? (['ref', 'cur'] as const) : (['cur', 'ref'] as const)) {
    runs[which].push(await runOnce(which));
  }
}
const browserVersion = browser?.version() ?? '';
await browser?.close();
if (process.env.KEEP) console.log(`bundles and batches kept in ${work}`);
else rmSync(work, { recursive: true, force: true });

const textChars = batches.reduce((n, b) => n + b.length, 0);
console.log(`Cold matcher in ${BROWSER ? `Chromium ${browserVersion}` : `Node ${process.version}`}: ${BROWSER ? 'fresh page' : 'fresh process'} per run, ${RUNS} runs each, alternating; ` +
  `${textChars} chars in ${batches.length} batches of ≤ ${BATCH}`);
console.log(`reference ${REF} (${execSync(`git rev-parse --short ${REF}`, { cwd: ROOT, encoding: 'utf8' }).trim()}) vs working tree; ms\n`);
// Medians, and minimums: on a shared machine waiting for a core only ever adds time.
console.log(`${'phase'.padEnd(10)} ${'ref'.padStart(8)} ${'now'.padStart(8)} ${'now/ref'.padStart(8)}   ${'min ref'.padStart(8)} ${'min now'.padStart(8)}`);
const phases = PHASES.filter((p) => runs.cur[0]?.ms[p] !== undefined);
for (const p of phases) {
  const r = median(runs.ref.map((x) => x.ms[p]!));
  const c = median(runs.cur.map((x) => x.ms[p]!));
  const rMin = Math.min(...runs.ref.map((x) => x.ms[p]!));
  const cMin = Math.min(...runs.cur.map((x) => x.ms[p]!));
  console.log(`${p.padEnd(10)} ${r.toFixed(1).padStart(8)} ${c.toFixed(1).padStart(8)} ${(c / r).toFixed(2).padStart(8)}   ${rMin.toFixed(1).padStart(8)} ${cMin.toFixed(1).padStart(8)}`);
}
const wins = runs.cur.filter((c, i) => c.ms.total! < runs.ref[i]!.ms.total!).length;
console.log(`\nworking tree faster in total in ${wins} of ${RUNS} run pairs`);
const digests = new Set([...runs.ref, ...runs.cur].map((r) => `${r.matches}/${r.digest}`));
console.log(digests.size === 1 ? `same results: ${[...digests][0]} (matches/digest)` : `RESULTS DIFFER: ${[...digests].join(' ')}`);
if (digests.size !== 1) process.exitCode = 1;
for (const p of phases) summary('cold', `cold ${p}`, median(runs.cur.map((x) => x.ms[p]!)), 'ms', `ref ${median(runs.ref.map((x) => x.ms[p]!)).toFixed(1)}`);
