// What every portal page the reader opens has to load and parse before Raadslens does anything:
// the content script, raw and gzipped (as a measure of how much it carries), beside the targets
// of issue 17 (≤ 120 KB, ≤ 40 KB gzip) and beside the REF build when one is given.
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/bundle.bench.ts
//      REF_EXTENSION_DIR=.output-before/chrome-mv3 adds the other build's figures.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, summary } from './corpus';

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const refDir = process.env.REF_EXTENSION_DIR ? resolve(process.env.REF_EXTENSION_DIR) : null;

function sizes(dir: string) {
  const scripts = join(dir, 'content-scripts');
  if (!existsSync(scripts)) throw new Error(`geen build in ${dir} (eerst: npx wxt build)`);
  return readdirSync(scripts)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const bytes = readFileSync(join(scripts, f));
      return { file: f, raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
    });
}

const kb = (v: number) => `${v.toFixed(1).padStart(7)} KB`;
console.log(`\nContent scripts of ${extensionDir}${refDir ? ` (REF ${refDir})` : ''}\n`);
const ref = refDir ? new Map(sizes(refDir).map((s) => [s.file, s])) : null;
for (const s of sizes(extensionDir)) {
  const r = ref?.get(s.file);
  console.log(`  ${s.file.padEnd(16)} ${kb(s.raw)}  gzip ${kb(s.gzip)}${r ? `   REF ${kb(r.raw)}  gzip ${kb(r.gzip)}` : ''}   target ≤ 120 KB, gzip ≤ 40 KB`);
  summary('bundle', `${s.file} raw`, s.raw, 'KB', 'target ≤ 120 KB');
  summary('bundle', `${s.file} gzip`, s.gzip, 'KB', 'target ≤ 40 KB');
}
