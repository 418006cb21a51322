// The side panel's main thread during a meeting scan, split by what runs (issue 17, target 5):
// each CPU profile sample goes to the source module of the innermost frame that has a file (a
// native call such as postMessage or an IndexedDB put counts for the script that made it), and
// the module to a part of the work. The modules come from the build's own markers ("// lib/…" above
// each module in an unminified chunk), so the build must be made with RAADSLENS_NO_MINIFY=1:
//   RAADSLENS_MEASURE=1 RAADSLENS_NO_MINIFY=1 RAADSLENS_OUT_DIR=.output-prof npx wxt build
//   MEETING_PROFILE=1 RAADSLENS_EXTENSION_DIR=.output-prof/chrome-mv3 npx tsx test/bench/meeting.bench.ts
// A minified build prints the split by chunk only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuProfile } from './meeting-profile';

/** Per chunk file: the first line of each module in it, in order. */
export type ModuleMap = Map<string, { line: number; module: string }[]>;

const MARKER = /^\/\/ ((?:lib|components|entrypoints|node_modules|utils)\/\S+\.(?:ts|tsx|js|mjs))$/;

export function moduleMap(extensionDir: string): ModuleMap {
  const out: ModuleMap = new Map();
  for (const dir of ['chunks', 'assets', '']) {
    const path = join(extensionDir, dir);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path)) {
      if (!file.endsWith('.js')) continue;
      const starts: { line: number; module: string }[] = [];
      readFileSync(join(path, file), 'utf8')
        .split('\n')
        .forEach((text, line) => {
          const m = MARKER.exec(text);
          if (m) starts.push({ line, module: m[1]! });
        });
      out.set(file, starts);
    }
  }
  return out;
}

function moduleOf(map: ModuleMap, url: string, line: number): string {
  const file = url.split('/').pop() ?? url;
  const starts = map.get(file);
  if (!starts?.length) return `(chunk ${file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js')})`;
  let found = `(chunk ${file})`;
  for (const s of starts) {
    if (s.line > line) break;
    found = s.module;
  }
  return found;
}

/** The part of the panel's work a module belongs to. */
export function partOf(module: string): string {
  if (module.startsWith('node_modules/pdfjs-dist/') || module.includes('chunk pdf.js')) return 'pdf.js API (main-thread side, bare pdf.js pays it too)';
  if (module === 'lib/surface/pdf/analysis.ts') return 'messages to/from the analysis worker';
  if (module === 'lib/surface/pdf/cache.ts' || module.startsWith('node_modules/idb/')) return 'result storage (IndexedDB raadslens-pdf-cache)';
  if (module === 'lib/surface/pdf/page-text.ts') return 'page text from pdf.js items (buildPageText)';
  if (module.startsWith('lib/surface/pdf/') || module === 'components/panel/PdfScanState.ts') return 'scan pool/queue and its state (lib/surface/pdf, PdfScanState)';
  if (module.startsWith('node_modules/preact/') || module.startsWith('components/') || module.startsWith('lib/extension/ui/') || module.startsWith('lib/extension/i18n')) return 'Preact rendering (list, rows, results)';
  if (module.startsWith('lib/extension/') || module.startsWith('node_modules/wxt') || module.startsWith('node_modules/@wxt')) return 'storage and other listeners (lib/extension)';
  if (module.startsWith('node_modules/zod')) return 'result storage (IndexedDB raadslens-pdf-cache)';
  return `other: ${module}`;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Self time of the profile's samples by part, `from`/`to` (trace µs, the profile's clock) bounding
 * them when given. A stack without any file is the bench's (its init script and evaluate calls
 * have none; the extension's code always comes from a chunk).
 */
export function panelSplit(profile: CpuProfile, map: ModuleMap, from = -Infinity, to = Infinity): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const partCache = new Map<number, string>();
  const partOfNode = (id: number): string => {
    const cached = partCache.get(id);
    if (cached) return cached;
    const leaf = byId.get(id)!.callFrame;
    let part: string;
    if (SPECIAL.has(leaf.functionName)) part = leaf.functionName === '(idle)' ? '(idle)' : leaf.functionName === '(garbage collector)' ? 'garbage collector' : '(program): browser work outside script (style, layout, paint, messages)';
    else {
      part = "the bench's own scripts (polling, init script)";
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n)!.callFrame;
        if (!f.url) continue;
        part = f.url.startsWith('chrome-extension://') ? partOf(moduleOf(map, f.url, f.lineNumber)) : "the bench's own scripts (polling, init script)";
        break;
      }
    }
    partCache.set(id, part);
    return part;
  };
  const out = new Map<string, number>();
  // Within each part, the innermost frame with a file (and its caller): which code of it ran.
  const detail = new Map<string, Map<string, number>>();
  const where = (id: number, part: string): string => {
    // Rendering: the innermost component (or ui hook) being drawn, which is what can be changed.
    if (part.startsWith('Preact')) {
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n)!.callFrame;
        const module = f.url ? moduleOf(map, f.url, f.lineNumber) : '';
        if (module.startsWith('components/') || module.startsWith('lib/extension/ui/')) return `in ${f.functionName || '(anonymous)'} ${module.split('/').pop()}`;
      }
    }
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (!f.url) continue;
      const up = parent.get(n) !== undefined ? byId.get(parent.get(n)!)!.callFrame.functionName : '';
      return `${f.functionName || '(anonymous)'} ${moduleOf(map, f.url, f.lineNumber).split('/').pop()}:${f.lineNumber} ← ${up || '(anonymous)'}`;
    }
    return byId.get(id)!.callFrame.functionName;
  };
  let t = profile.startTime ?? 0;
  profile.samples.forEach((id, k) => {
    t += profile.timeDeltas[k] ?? 0;
    if (t < from || t >= to) return;
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const part = partOfNode(id);
    out.set(part, (out.get(part) ?? 0) + ms);
    if (!detail.has(part)) detail.set(part, new Map());
    const d = detail.get(part)!;
    const w = where(id, part);
    d.set(w, (d.get(w) ?? 0) + ms);
  });
  lastDetail = detail;
  return out;
}

let lastDetail = new Map<string, Map<string, number>>();
/** The last split's heaviest places within each part (MEETING_PROFILE_DETAIL=n of them). */
export function splitDetail(n: number): string {
  return [...lastDetail]
    .filter(([k]) => k !== '(idle)')
    .map(([part, d]) => `    ${part}:\n${[...d].sort((a, b) => b[1] - a[1]).slice(0, n).map(([w, ms]) => `      ${ms.toFixed(0).padStart(6)} ms  ${w}`).join('\n')}`)
    .join('\n');
}

/**
 * The table: each part's sampled time, its share of the busy (non-idle) samples, and that share
 * of the thread's CPU (thread clock from the trace), beside bare pdf.js' main thread.
 */
export function splitTable(split: Map<string, number>, panelCpuMs: number, bare?: { mainCpuMs: number; workerCpuMs: number; panelPdfWorkerCpuMs: number }): string {
  const busy = [...split].filter(([k]) => k !== '(idle)').reduce((a, [, v]) => a + v, 0);
  const rows = [...split]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `    ${v.toFixed(0).padStart(7)} ms  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ≈ ${((panelCpuMs * v) / busy).toFixed(0).padStart(6)} ms CPU  ${k}`);
  const lines = [`  panel main thread by part (profile samples while scanning, busy ${busy.toFixed(0)} ms; thread CPU ${panelCpuMs.toFixed(0)} ms shared out by them):`, ...rows];
  if (bare) {
    lines.push(
      `  bare pdf.js, same files, same run (one worker): main thread ${bare.mainCpuMs.toFixed(0)} ms CPU, its pdf.js worker ${bare.workerCpuMs.toFixed(0)} ms CPU; the panel's main thread ${panelCpuMs.toFixed(0)} ms CPU (${(panelCpuMs / bare.mainCpuMs).toFixed(2)}×), its pdf.js or extraction worker(s) ${bare.panelPdfWorkerCpuMs.toFixed(0)} ms CPU (${(bare.panelPdfWorkerCpuMs / bare.workerCpuMs).toFixed(2)}×)`,
    );
  }
  return lines.join('\n');
}
