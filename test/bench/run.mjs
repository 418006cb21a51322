// npm run bench: every benchmark under test/bench/, one after another (they would disturb each
// other's timings in parallel), each printing its own table, then one summary table of the key
// figures. Figures only: nothing here passes or fails on time.
//   npm run bench                 all, building the extension into .output-bench first
//   npm run bench -- --skip-page  without Chromium (no build)
//   RAADSLENS_EXTENSION_DIR=…     use that build instead of building
//   MEETING_PAGES=100             the meeting bench scaled down (default: the target, 2,000 pages)
// The Node benches below run first; every other test/bench/*.bench.{ts,mjs} is taken to need the
// built extension in Chromium and runs after the build, with RAADSLENS_EXTENSION_DIR set.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench } from './bench-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const skipPage = process.argv.includes('--skip-page');
/** A bench that hangs (a browser waiting forever) must not keep the summary from printing. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;

/** @type {{ bench: string, name: string, value: number, unit: string, note: string }[]} */
const figures = [];
/** @type {string[]} */
const failed = [];

async function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━ ${[command === process.execPath ? 'node' : path.relative(root, command), ...args.map((a) => path.relative(root, a) || a)].join(' ')}`);
  const { code, figures: found } = await runBench(command, args, {
    cwd: root,
    env,
    timeoutMs: TIMEOUT_MS,
    onTimeout: () => console.log(`(${title}: no end after ${TIMEOUT_MS / 1000} s, stopped)`),
    onLine: (line) => console.log(line),
  });
  figures.push(...found);
  if (code !== 0) failed.push(`${title} (exit ${code})`);
  return code;
}

const NODE_BENCHES = {
  'matcher.bench.mjs': 'lib/core/match, Node (matcher engineer’s bench)',
  'analyse.bench.ts': 'Analyser throughput, real rules, Node',
  'linearity.bench.ts': 'Matcher linearity, Node',
  'anchor.bench.ts': 'Re-anchoring edited quotes near repeated headings, Node',
  'status.bench.ts': 'Checklist statuses: cost and linearity, Node',
  'meeting-analysis.bench.ts': 'A whole meeting’s analysis by phase (matching, status reading, report, wire) vs bare pdf.js extraction, CPU, Node',
  'pdf-budget.bench.ts': 'Hostile PDFs (bomb, flood) vs a normal one: time to give up and peak memory, Node',
};
const PAGE_TITLES = {
  'page.bench.ts': '≥ 1 MB council page in Chromium: scan vs mark.js vs floor',
  'scan-thread.bench.ts': '≥ 1 MB council page in Chromium: scan vs least possible scan in thread time (issue 17, target 1)',
  'pdf.bench.mjs': '200-page PDF in Chromium: extraction + scan vs bare pdf.js',
  'meeting.bench.ts': 'A whole meeting in Chromium: Scan alle bijlagen, 40 PDFs / 2,000 pages vs bare pdf.js',
  'portals.bench.mjs': 'Portals in Chromium: 20,000-node scan, 100 appends, 100 SPA navigations',
  'ranges.bench.ts': 'What the highlights cost the page: its own DOM changes with and without Raadslens',
  'panel-tasks.bench.ts': 'Our tasks after the scan (panel and popup open, a note, a rescan): the page’s renderer, the service worker, the extension pages (issue 17, target 2)',
  'responsive.bench.ts': 'The page’s turns while Raadslens scans 100,000 text nodes, with and without Raadslens',
  'cold-match.bench.ts': 'Cold page load of the matcher: working tree vs REF (default HEAD), fresh process per run',
  'bundle.bench.ts': 'The content script every portal page loads: raw and gzip size (REF_EXTENSION_DIR for a second build)',
  'cold-report.bench.ts': 'Cold detect + report + message: working tree vs REF (default HEAD), fresh page per run',
};
const benchDir = path.join(root, 'test', 'bench');
const runnerOf = (file) => (file.endsWith('.ts') ? [tsx, [path.join(benchDir, file)]] : [process.execPath, [path.join(benchDir, file)]]);
const all = readdirSync(benchDir).filter((f) => /\.bench\.(ts|mjs)$/.test(f)).sort();

for (const [file, title] of Object.entries(NODE_BENCHES)) {
  if (all.includes(file)) await run(title, ...runnerOf(file));
}
const browserBenches = all.filter((f) => !(f in NODE_BENCHES)).sort((a, b) => (a in PAGE_TITLES ? -1 : b in PAGE_TITLES ? 1 : a.localeCompare(b)));
if (!skipPage && browserBenches.length > 0) {
  let extensionDir = process.env.RAADSLENS_EXTENSION_DIR;
  if (!extensionDir) {
    const outDir = '.output-bench';
    const code = await run('Build the extension for the browser benchmarks', path.join(root, 'node_modules', '.bin', 'wxt'), ['build'], { RAADSLENS_OUT_DIR: outDir, RAADSLENS_MEASURE: '1' });
    extensionDir = code === 0 ? path.join(root, outDir, 'chrome-mv3') : '';
  }
  if (extensionDir) {
    for (const file of browserBenches) await run(PAGE_TITLES[file] ?? file, ...runnerOf(file), { RAADSLENS_EXTENSION_DIR: extensionDir });
  }
}

console.log('\n━━ Summary ━━');
const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
for (const f of figures) {
  console.log(`${f.bench.padEnd(10)} ${f.name.padEnd(44)} ${fmt(f.value).padStart(10)} ${f.unit.padEnd(5)} ${f.note}`);
}
if (failed.length > 0) {
  console.log(`\nNot run to the end: ${failed.join('; ')}`);
  process.exitCode = 1;
}
