// Where the analysis' CPU goes on a whole meeting, by function (issue 17, target 5): a V8 sampling
// profile (node:inspector, 100 µs) of scanPages over the meeting's 40 generated documents
// (./meeting-analysis.ts meetingTexts), after a warm-up run, printed by self time and by our
// frames on the stack (inclusive, each function counted once per sample).
// Run: npx tsx test/bench/meeting-status-prof.ts   (PROF_RUNS=2, PROF_TOP=40, PROF_OUT=file.cpuprofile)
// Under tsx every function is at line 1 of its file; for lines, bundle it first (esbuild --bundle
// --platform=node --format=esm) and read the bundle's lines, or open PROF_OUT's positionTicks.
// meeting22 (main 1ee20a6, bundled, load ~12, per run of the 40 documents, sampled ms): scanPages
// 1,421, of it the status reading (classifyWithText) 1,061: structure 284 (of it the rejected asks'
// line heads 102), features 298, segmentation of the whole text 227, the rule engine 165, the model's
// verdicts and passages 75; matching 118; the document's opening (documentOpening) 49. The garbage
// collector 396 ms self (20 % of all samples): tokens, features' strings, the rule engine's objects
// and the opening's folded lines are most of the 454 MB allocated (meeting-alloc.ts analysis).
// The profile is flat below that: no line over 3 %.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createAnalyser } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { scanPages } from '../../lib/surface/pdf/scan';
import { meetingTexts } from './meeting-analysis';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const docs = await meetingTexts(Number(process.env.MEETING_PAGES ?? 2000));
const analyser = createAnalyser(loadBuiltinRules());
const runAll = async () => {
  for (const d of docs) await scanPages((async function* () { yield* d.pages; })(), analyser, { url: d.name });
};
await runAll();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.PROF_INTERVAL_US ?? 100) });
await session.post('Profiler.start');
const runs = Number(process.env.PROF_RUNS ?? 2);
for (let r = 0; r < runs; r++) await runAll();
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
if (process.env.PROF_OUT) writeFileSync(process.env.PROF_OUT, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(lib|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}:${(n.callFrame as { columnNumber?: number }).columnNumber ?? 0}`;
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  total += dt;
  const leaf = byId.get(id)!;
  self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let n: Node | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
    const k = name(n);
    if (seen.has(k) || !/\/lib\/|prof\.mjs/.test(n.callFrame.url)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + dt);
  }
});
const top = Number(process.env.PROF_TOP ?? 40);
const show = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${(v / runs).toFixed(1).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
console.log(`scanPages over ${docs.length} documents, ${runs} runs profiled, ${(total / runs).toFixed(0)} ms per run (sampled wall)`);
console.log('self time:\n' + show(self));
console.log('inclusive (our frames):\n' + show(incl));
