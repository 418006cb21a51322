// The extraction worker (lib/surface/pdf/extraction.worker.ts) without a thread, for the pages'
// side of tests that talk to it through an ExtractionLane as the panel and the viewer do: its host
// (createExtractionHost) with the worker's own new task (the status reading in slices), each
// message structured-cloned and delivered in a later task. No pdf.js: a 'read' is refused here.
import { createAnalyser, type Analyser, type AnalyserOptions } from '../../../lib/core/analyse';
import { loadBuiltinRules } from '../../../lib/core/rules';
import { createExtractionHost, ExtractionLane, type ExtractionPort, type FromExtraction, type ToExtraction } from '../../../lib/surface/pdf/extraction';
import { createNextTask } from '../../../lib/surface/pdf/next-task';

export interface ThreadlessWorker extends ExtractionPort {
  /** What the worker was told (after its copy), in order. */
  received: ToExtraction[];
  /** What the worker answered, in order. */
  posted: FromExtraction[];
  terminated: boolean;
}

const analysers = new Map<string, Analyser>();
function analyserFor(options: AnalyserOptions): Analyser {
  const key = JSON.stringify(options);
  let analyser = analysers.get(key);
  if (!analyser) analysers.set(key, (analyser = createAnalyser(loadBuiltinRules(), options)));
  return analyser;
}

/**
 * The worker's new task as a timer, in the same queue as the messages delivered to it: a DOM
 * test environment's MessageChannel may answer in a microtask, and the status reading's pauses
 * would then never let a 'drop' in.
 */
function taskChannel(): Parameters<typeof createNextTask>[0] {
  const port1: { onmessage: ((event: unknown) => void) | null } = { onmessage: null };
  return { port1, port2: { postMessage: () => void setTimeout(() => port1.onmessage?.(null), 0) } };
}

export function threadlessWorker(): ThreadlessWorker {
  const later = <T>(m: T, to: (copy: T) => void) => {
    const copy = structuredClone(m);
    setTimeout(() => port.terminated || to(copy), 0);
  };
  const receive = createExtractionHost(
    (m: FromExtraction) => port.terminated || (port.posted.push(m), later(m, (c) => port.onmessage?.({ data: c }))),
    () => Promise.reject(new Error('no pdf.js in this worker')),
    analyserFor,
    createNextTask(taskChannel()),
  );
  const port: ThreadlessWorker = {
    received: [],
    posted: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (m) =>
      later(m, (c) => {
        port.received.push(c);
        void receive(c);
      }),
    terminate: () => void (port.terminated = true),
  };
  return port;
}

/** A lane on a threadless worker, as browser.ts' newExtractionLane makes one on a real Worker. */
export function threadlessLane(): { lane: ExtractionLane; worker: ThreadlessWorker } {
  const worker = threadlessWorker();
  return { lane: new ExtractionLane(worker), worker };
}
