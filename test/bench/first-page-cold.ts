// The first document's first page in a fresh lane, in Node (issue 17, target 5: first results):
// the extraction host (lib/surface/pdf/extraction.ts) in a new process, with or without its
// warm-up page read first (FIRST_WARM=1), then the meeting's first document: CPU ms from its 'read'
// to the analysis' first page message. A fresh process per run, as a fresh worker is.
// Run: for i in 1 2 3 4 5; do FIRST_WARM=1 npx tsx test/bench/first-page-cold.ts; npx tsx test/bench/first-page-cold.ts; done
import { createAnalyser, type AnalyserOptions } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { createExtractionHost } from '../../lib/surface/pdf/extraction';
import { loadLegacyPdfJs, openPdfInNode } from '../../lib/surface/pdf/node';
import { meetingDocs, meetingPdf } from './meeting-pdfs';

const warm = !!process.env.FIRST_WARM;
const rules = loadBuiltinRules();
const analysers = new Map<string, ReturnType<typeof createAnalyser>>();
const analyserFor = (options: AnalyserOptions) => analysers.get(JSON.stringify(options)) ?? analysers.set(JSON.stringify(options), createAnalyser(rules, options)).get(JSON.stringify(options))!;
const bytes = meetingPdf(meetingDocs(40, 2000)[0]!, 1);
let firstAt = 0;
const receive = createExtractionHost(
  (m) => {
    if (!firstAt && m.kind === 'analysis' && m.message.kind === 'pages') firstAt = process.cpuUsage().user + process.cpuUsage().system;
  },
  openPdfInNode,
  analyserFor,
  () => new Promise((r) => setImmediate(r)),
);
// pdf.js and its worker module loaded, as the extraction worker's are before its first message
// (there the worker module is imported statically; in Node pdf.js imports it at the first document).
await loadLegacyPdfJs();
const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerModule);
// As the panel does before the click: the analyser compiled (and, with the warm-up, its page read).
if (warm) await receive({ kind: 'warm', options: {} });
else analyserFor({});
const cpu = () => process.cpuUsage().user + process.cpuUsage().system;
void receive({ kind: 'analysis', message: { kind: 'begin', id: 1, options: {}, url: 'u' } });
const t0 = cpu();
await receive({ kind: 'read', id: 1, bytes: bytes.slice().buffer });
console.log(`${warm ? 'warm' : 'cold'}: read → first page's matches ${((firstAt - t0) / 1000).toFixed(1)} ms CPU`);
