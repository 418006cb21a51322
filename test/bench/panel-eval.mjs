// Diagnostic (not part of npm run bench): what the side panel's module evaluation costs, module by
// module. A copy of an unminified build gets a performance.mark before each module's region (the
// `// path` comments the bundler leaves), the panel page is opened RUNS times in one browser (the
// first run cold), and each module is charged the time from its mark to the next; medians, ms.
// The time from the first mark to the last is the evaluation as a whole (without the entry's own
// first render). Used for issue 17 (target 2): the schemas built at import, lib/core/lazy-schema.ts.
// Run: RAADSLENS_NO_MINIFY=1 RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-prof npx wxt build &&
//      node test/bench/panel-eval.mjs .output-prof/chrome-mv3   (RUNS, default 9)
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../tools/extension-browser.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const source = path.resolve(process.argv[2] ?? '.output-prof/chrome-mv3');
const dir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-eval-'));
await cp(source, dir, { recursive: true });
for (const f of await readdir(path.join(dir, 'chunks'))) {
  const file = path.join(dir, 'chunks', f);
  const text = await readFile(file, 'utf8');
  const marked = text.replace(/^\/\/ ((?:node_modules|lib|components|entrypoints)\/\S+)$/gm, (line, name) => `performance.mark(${JSON.stringify(`R:${name}`)});\n${line}`);
  await writeFile(file, marked);
}

const times = new Map();
const add = (k, v) => times.set(k, [...(times.get(k) ?? []), v]);
const { context, close } = await launchWithExtension({ extensionDir: dir, port: 1 });
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  for (let r = 0; r < RUNS; r++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    await page.waitForTimeout(800);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('R:')).map((m) => [m.name.slice(2), m.startTime]));
    if (marks.length < 2) throw new Error('geen markeringen: is de build ongeminimaliseerd (RAADSLENS_NO_MINIFY=1)?');
    for (let i = 0; i < marks.length - 1; i++) add(marks[i][0], marks[i + 1][1] - marks[i][1]);
    add('(first mark to last)', marks.at(-1)[1] - marks[0][1]);
    await page.close();
  }
} finally {
  await close();
  await rm(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`The side panel's module evaluation, ${RUNS} runs (the first cold), ms: median [runs]; ${source}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const rows = [...times].map(([k, v]) => [k, median(v), v]).sort((a, b) => b[1] - a[1]);
for (const [k, m, v] of rows.slice(0, 15)) console.log(`${m.toFixed(1).padStart(7)}  ${k}  [${v.map((x) => x.toFixed(1)).join(' ')}]`);
