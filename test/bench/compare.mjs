// Before/after table of the benches two trees have in common, in alternating A/B runs.
// The machine is shared: one tree's runs never all come first (pair 1 runs before → after,
// pair 2 after → before, …), the load average is kept beside every run, and a figure counts as
// worse only when the two trees' runs do not overlap at all (every after-run worse than every
// before-run), the medians differ by more than 5 % and each tree has at least three runs.
//   node test/bench/compare.mjs --before /work/wt/before [--after .] [--pairs 3] [--skip-page]
//        [--benches analyse.bench.ts,page.bench.ts] [--out bench-compare.json]
//   node test/bench/compare.mjs --from bench-compare.json      the table again, from saved runs
// Each tree's own bench file runs in its own checkout (its code, its bench), the way
// `npm run bench` runs it there; the browser benches get that tree's build (--build builds both
// into .output-bench with RAADSLENS_MEASURE=1, as run.mjs does; otherwise the builds must exist).
// Figures only: nothing here passes or fails on time.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { runBench } from './bench-process.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const flag = (name) => argv.includes(`--${name}`);

/** Benches the Node runner runs without a browser (the rest need a build), as in run.mjs. */
const NODE_BENCHES = new Set(['matcher.bench.mjs', 'analyse.bench.ts', 'linearity.bench.ts', 'anchor.bench.ts', 'status.bench.ts', 'pdf-budget.bench.ts']);
/**
 * Benches that compare against a second tree themselves (REF), or measure only sizes: an A/B of
 * them would compare each tree with its own HEAD.
 */
const NOT_AB = new Set(['cold-match.bench.ts', 'cold-report.bench.ts', 'bundle.bench.ts']);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;
const MIN_RUNS = 3;

/** @typedef {{ tree: 'before' | 'after', bench: string, pair: number, load: number[], exit: number, figures: { bench: string, name: string, value: number, unit: string, note: string }[] }} Run */

const spawnCollect = (command, args, cwd, env) => runBench(command, args, { cwd, env, timeoutMs: TIMEOUT_MS }).then(({ code, figures }) => ({ exit: code, figures }));

const benchFiles = (tree) => readdirSync(path.join(tree, 'test', 'bench')).filter((f) => /\.bench\.(ts|mjs)$/.test(f));
const extensionDir = (tree) => path.join(tree, '.output-bench', 'chrome-mv3');

async function measure() {
  const before = path.resolve(opt('before', ''));
  const after = path.resolve(opt('after', '.'));
  if (!opt('before') || !existsSync(path.join(before, 'test', 'bench'))) throw new Error('--before <checkout> is needed (a tree with test/bench/)');
  const pairs = Number(opt('pairs', 3));
  const out = opt('out', 'bench-compare.json');
  const trees = { before, after };
  const common = benchFiles(before).filter((f) => benchFiles(after).includes(f) && !NOT_AB.has(f));
  const wanted = opt('benches')?.split(',') ?? null;
  const benches = common.filter((f) => (wanted ? wanted.includes(f) : flag('skip-page') ? NODE_BENCHES.has(f) : true));
  const needsBuild = benches.some((f) => !NODE_BENCHES.has(f));
  if (needsBuild && flag('build')) {
    for (const [name, tree] of Object.entries(trees)) {
      console.log(`build ${name}: ${tree}`);
      const { exit } = await spawnCollect(path.join(tree, 'node_modules', '.bin', 'wxt'), ['build'], tree, { RAADSLENS_OUT_DIR: '.output-bench', RAADSLENS_MEASURE: '1' });
      if (exit !== 0) throw new Error(`build of ${name} failed (exit ${exit})`);
    }
  }
  if (needsBuild) for (const tree of Object.values(trees)) if (!existsSync(extensionDir(tree))) throw new Error(`no build at ${extensionDir(tree)} (use --build)`);

  /** @type {{ before: string, after: string, runs: Run[] }} */
  // The benches' own knobs (fewer loads on a busy machine) are kept with the runs they shaped.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(BENCH_|RAADSLENS_BENCH_)/.test(k)));
  const saved = existsSync(out) && flag('append') ? JSON.parse(readFileSync(out, 'utf8')) : { before, after, env, runs: [] };
  for (let pair = 1; pair <= pairs; pair++) {
    const order = pair % 2 ? ['before', 'after'] : ['after', 'before'];
    for (const bench of benches) {
      for (const name of order) {
        const tree = trees[name];
        const file = path.join(tree, 'test', 'bench', bench);
        const [command, args] = bench.endsWith('.ts') ? [path.join(tree, 'node_modules', '.bin', 'tsx'), [file]] : [process.execPath, [file]];
        const load = loadavg().map((x) => Math.round(x * 100) / 100);
        const started = Date.now();
        const { exit, figures } = await spawnCollect(command, args, tree, NODE_BENCHES.has(bench) ? {} : { RAADSLENS_EXTENSION_DIR: extensionDir(tree) });
        saved.runs.push({ tree: name, bench, pair, load, exit, figures });
        writeFileSync(out, JSON.stringify(saved, null, 1));
        console.log(`pair ${pair} ${name.padEnd(6)} ${bench.padEnd(22)} load ${load.join(' ')}  ${((Date.now() - started) / 1000).toFixed(0)} s  ${figures.length} figures${exit ? `  exit ${exit}` : ''}`);
      }
    }
  }
  return saved;
}

const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
/** Throughput and "how many times faster than the other tool" grow when better; times and ratios to a floor shrink. */
const higherIsBetter = (f) => /\/s$/.test(f.unit) || /^mark\.js \/ scan/.test(f.name);

export function table(saved) {
  /** @type {Map<string, { unit: string, higher: boolean, before: number[], after: number[] }>} */
  const rows = new Map();
  for (const run of saved.runs) {
    for (const f of run.figures) {
      // A figure a run could not measure arrives as null (NaN in JSON): it is no run of that figure.
      if (typeof f.value !== 'number' || !Number.isFinite(f.value)) continue;
      const key = `${f.bench}\t${f.name}`;
      const row = rows.get(key) ?? { unit: f.unit, higher: higherIsBetter(f), before: [], after: [] };
      row[run.tree].push(f.value);
      rows.set(key, row);
    }
  }
  const lines = [];
  const head = ['figure', 'unit', 'before median [min–max]', 'after median [min–max]', 'Δ median', ''];
  const body = [];
  for (const [key, row] of rows) {
    if (row.before.length === 0 || row.after.length === 0) continue;
    // A figure a knob left out (BENCH_SKIP_MARK: mark.js) prints 0 in every run.
    if ([...row.before, ...row.after].every((v) => v === 0)) continue;
    const [b, a] = [med(row.before), med(row.after)];
    const delta = b === 0 ? 0 : ((a - b) / Math.abs(b)) * 100;
    const worseAll = row.higher ? Math.max(...row.after) < Math.min(...row.before) : Math.min(...row.after) > Math.max(...row.before);
    const betterAll = row.higher ? Math.min(...row.after) > Math.max(...row.before) : Math.max(...row.after) < Math.min(...row.before);
    // Fewer than three runs a side say nothing about noise on a shared machine.
    const enough = row.before.length >= MIN_RUNS && row.after.length >= MIN_RUNS;
    const verdict = !enough ? `n < ${MIN_RUNS}` : worseAll && Math.abs(delta) > 5 ? 'WORSE' : betterAll && Math.abs(delta) > 5 ? 'better' : 'noise';
    const cell = (xs) => `${fmt(med(xs))} [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}] n=${xs.length}`;
    body.push([key.replace('\t', ': '), row.unit, cell(row.before), cell(row.after), `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} %`, verdict]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  lines.push(line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line));
  const loads = saved.runs.map((r) => `${r.pair}:${r.tree}:${r.bench.replace(/\.bench\.(ts|mjs)$/, '')} ${r.load[0]}`);
  lines.push('', `load average (1 min) at the start of each run: ${loads.join(', ')}`);
  const failed = saved.runs.filter((r) => r.exit !== 0);
  if (failed.length) lines.push(`not run to the end: ${failed.map((r) => `${r.pair}:${r.tree}:${r.bench} (exit ${r.exit})`).join(', ')}`);
  return lines.join('\n');
}

const saved = opt('from') ? JSON.parse(readFileSync(opt('from'), 'utf8')) : await measure();
console.log(`\nbefore: ${saved.before}\nafter:  ${saved.after}${saved.env && Object.keys(saved.env).length ? `\nsettings: ${Object.entries(saved.env).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}\n`);
console.log(table(saved));
