// The content script's per-page work outside the walk and the matcher, cold, the way a page load
// meets it: detectPortal on the ~1 MB council page (main content, metadata, attachments), then
// composing the tab's report from the page's blocks and serialising the scan-report message
// (JSON.stringify, what runtime.sendMessage does with it), and on the other side parsing it back
// and validating it with the protocol's schema, as the background does. In Chromium, a fresh page
// per run; the working tree and a reference revision (REF, default HEAD) are bundled alike with
// esbuild and run alternately, RUNS times each; medians side by side. Both must detect the same
// portal data and report the same matches. No assertions on time.
// Run: npx tsx test/bench/cold-report.bench.ts   (REF=<rev> RUNS=<n> to change)
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { councilPage } from './council-page';
import { MEETING_HOST, MEETING_PATH, meetingPage } from './meeting-page';
import { evalDocuments, median, ROOT, summary } from './corpus';
import { inLayoutOf, refAndWorkingTrees } from './ref-trees';

const REF = process.env.REF ?? 'HEAD';
const RUNS = Number(process.env.RUNS ?? 15);
const PHASES = ['detect', 'compose', 'serialise', 'receive', 'settle', 'validate', 'unpack'] as const;
// PAGE=meeting: the iBabs meeting page of start.bench.ts (a typical page) instead of the 1 MB council page.
const MEETING = process.env.PAGE === 'meeting';
const URL_OF_PAGE = MEETING ? `https://${MEETING_HOST}${MEETING_PATH}` : 'https://utrecht.raadsinformatie.nl/bench/raadsvergadering.html';

const work = mkdtempSync(join(tmpdir(), 'raadslens-cold-report-'));
// The extension's CSP forbids eval: zod runs without its eval-compiled fast path there, so here too.
const html = (MEETING ? meetingPage(Number(process.env.MEETING_ITEMS ?? 36)) : councilPage(evalDocuments(), 1_050_000).html).replace(
  '<head>',
  `<head><meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline'">`,
);

// In the page: detection on the live DOM; the blocks a scan would give (one per paragraph-like
// element of the detected main, matched before the clock starts) stand in for the frame scanner.
const CHILD = `import { detectPortal } from './lib/surface/page/portals';
import { composeReport, mergeAttachments } from './lib/surface/page/session/report';
import * as protocol from './lib/extension/messages/protocol';
import { loadBuiltinRules } from './lib/core/rules';
import { settleReport } from './lib/extension/background/settle';
import { createAnalyser } from './lib/core/analyse';
const analyser = createAnalyser(loadBuiltinRules());
globalThis.__run = () => {
  const location = new URL(${JSON.stringify(URL_OF_PAGE)});
  const t0 = performance.now();
  const d = detectPortal(location, document);
  const t1 = performance.now();
  const blocks = [...d.main.querySelectorAll('h1, h2, h3, p, li, td, th')].map((el) => {
    const text = el.textContent;
    const found = analyser.find(text);
    return { index: { text, nodes: [el.firstChild] }, data: { matches: found.matches, hits: found.safeguardHits, ranges: [] } };
  });
  const frames = [{ index: { blocks } }];
  const t2 = performance.now();
  const { report } = composeReport({ frames, analyser, url: location.href, title: document.title, ms: 1, truncated: false,
    portal: d.meta, attachments: mergeAttachments([d.attachments]) });
  const t3 = performance.now();
  const json = JSON.stringify({ type: 'scan-report', report });
  const t4 = performance.now();
  const received = protocol.BackgroundRequestSchema.parse(JSON.parse(json));
  const t5 = performance.now();
  // The background's intake: the assessment composed, the safeguards' sentences read.
  const stored = settleReport(received.report);
  const t5s = performance.now();
  // What the panel gets out of storage: validated again, and unpacked where the matches are packed.
  const valid = (protocol.PackedScanReportSchema ?? protocol.ScanReportSchema).parse(stored);
  const t6 = performance.now();
  const read = protocol.unpackReport ? protocol.unpackReport(valid) : valid;
  const t7 = performance.now();
  const ms = { detect: t1 - t0, compose: t3 - t2, serialise: t4 - t3, receive: t5 - t4, settle: t5s - t5, validate: t6 - t5s, unpack: t7 - t6 };
  // Bytes of JSON per part of the report as sent, the reading's parts apart.
  const parts = {};
  for (const [k, v] of Object.entries(report)) if (k !== 'reading') parts[k] = JSON.stringify(v).length;
  for (const [k, v] of Object.entries(report.reading ?? {})) parts['reading.' + k] = JSON.stringify(v).length;
  return { ms, bytes: json.length, parts, stored: JSON.stringify({ ...stored, scannedAt: 0 }), detected: JSON.stringify([d.main.tagName, d.meta, d.attachments]), matches: JSON.stringify(read.matches) };
};
`;

async function bundle(name: string, tree: string): Promise<string> {
  writeFileSync(join(tree, 'cold-report-entry.mjs'), inLayoutOf(tree, CHILD));
  const outfile = join(work, `${name}.js`);
  await build({ entryPoints: [join(tree, 'cold-report-entry.mjs')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', outfile, logLevel: 'error' });
  return readFileSync(outfile, 'utf8');
}

const trees = refAndWorkingTrees(work, REF);
const code = { ref: await bundle('ref', trees.ref), cur: await bundle('cur', trees.cur) };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
type Run = { ms: Record<(typeof PHASES)[number], number>; bytes: number; parts: Record<string, number>; stored: string; detected: string; matches: string };
async function runOnce(which: 'ref' | 'cur'): Promise<Run> {
  const page = await browser.newPage();
  await page.route(URL_OF_PAGE, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(URL_OF_PAGE);
  await page.addScriptTag({ content: code[which] });
  const result = await page.evaluate(() => (globalThis as unknown as { __run: () => unknown }).__run());
  await page.close();
  return result as Run;
}

const runs: Record<'ref' | 'cur', Run[]> = { ref: [], cur: [] };
for (let i = 0; i < RUNS; i++) {
  for (const which of i % 2 === 0 ? (['ref', 'cur'] as const) : (['cur', 'ref'] as const)) runs[which].push(await runOnce(which));
}
const browserVersion = browser.version();
await browser.close();
rmSync(work, { recursive: true, force: true });

console.log(`Per-page report work in Chromium ${browserVersion}: fresh page per run, ${RUNS} runs each, alternating`);
console.log(`reference ${REF} (${execSync(`git rev-parse --short ${REF}`, { cwd: ROOT, encoding: 'utf8' }).trim()}) vs working tree; medians in ms\n`);
console.log(`${'phase'.padEnd(10)} ${'ref'.padStart(8)} ${'now'.padStart(8)} ${'now/ref'.padStart(8)}`);
for (const p of PHASES) {
  const r = median(runs.ref.map((x) => x.ms[p]));
  const c = median(runs.cur.map((x) => x.ms[p]));
  console.log(`${p.padEnd(10)} ${r.toFixed(1).padStart(8)} ${c.toFixed(1).padStart(8)} ${(c / r).toFixed(2).padStart(8)}`);
}
console.log(`\nscan-report message: ${median(runs.ref.map((x) => x.bytes))} bytes (ref), ${median(runs.cur.map((x) => x.bytes))} bytes (now)`);
const partNames = [...new Set([...runs.ref, ...runs.cur].flatMap((r) => Object.keys(r.parts)))];
console.log(`${'part'.padEnd(22)} ${'ref'.padStart(10)} ${'now'.padStart(10)}`);
for (const k of partNames) console.log(`${k.padEnd(22)} ${String(runs.ref[0]!.parts[k] ?? '-').padStart(10)} ${String(runs.cur[0]!.parts[k] ?? '-').padStart(10)}`);
const same = (k: 'detected' | 'matches' | 'stored') => new Set([...runs.ref, ...runs.cur].map((r) => r[k])).size === 1;
console.log(same('detected') ? 'same detection (main, metadata, attachments)' : 'DETECTION DIFFERS');
console.log(same('matches') ? `same match list as the panel reads it (${JSON.parse(runs.cur[0]!.matches).length} matches)` : 'MATCH LISTS DIFFER');
console.log(same('stored') ? 'same report as the background keeps it' : 'KEPT REPORTS DIFFER');
if (!same('detected') || !same('matches') || !same('stored')) process.exitCode = 1;
for (const p of PHASES) summary('cold-report', `cold ${p}`, median(runs.cur.map((x) => x.ms[p])), 'ms', `ref ${median(runs.ref.map((x) => x.ms[p])).toFixed(1)}`);
