// A lane's extraction worker (see ./extraction.ts): pdf.js' display API in this thread with its
// "fake worker" (pdf.js takes it when globalThis.pdfjsWorker holds its WorkerMessageHandler, which
// importing its worker module sets), so a page is parsed and its text content built here, with no
// message between two threads; the pages' matching and status reading run here too. The upsert
// polyfill first (Firefox ESR 140; see ./map-upsert.ts). No extension API, no request: the panel
// fetches and transfers the bytes.
import './map-upsert';
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { getDocument } from 'pdfjs-dist';
import { createAnalyser, type Analyser, type AnalyserOptions } from '../../core/analyse';
import { loadBuiltinRules } from '../../core/rules';
import { checkUnpackedSize, MAX_IMAGE_PIXELS } from './budget';
import { decoderUrl } from './decoders';
import { createExtractionHost, type FromExtraction, type ToExtraction } from './extraction';
import type { PdfLoadingTaskLike } from './extract';
import { createNextTask } from './next-task';
import { passTextChunks } from './text-chunks';

interface WorkerScope {
  postMessage(message: FromExtraction): void;
  onmessage: ((event: { data: ToExtraction }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
// pdf.js' fake worker clones each message in this thread; the pages' text goes by reference.
passTextChunks(globalThis);

/** As openPdf (./browser.ts) opens a document for the viewer: same checks and options. */
async function open(bytes: Uint8Array): Promise<PdfLoadingTaskLike> {
  await checkUnpackedSize(bytes);
  return getDocument({
    data: bytes,
    useWasm: false,
    wasmUrl: decoderUrl(globalThis.location.href),
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  }) as unknown as PdfLoadingTaskLike;
}

const nextTask = createNextTask();

const rules = loadBuiltinRules();
let last: { key: string; analyser: Analyser } | null = null;

/** The reader's settings change rarely: the last analyser is kept, compiled again only when they change. */
function analyserFor(options: AnalyserOptions): Analyser {
  const key = JSON.stringify(options);
  if (last?.key !== key) last = { key, analyser: createAnalyser(rules, options) };
  return last.analyser;
}

const receive = createExtractionHost((m) => scope.postMessage(m), open, analyserFor, nextTask);
// One document at a time (the lane's); the analysis' messages are read between its pages.
scope.onmessage = (e) => void receive(e.data);
