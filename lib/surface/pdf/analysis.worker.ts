// The side panel's analysis worker (see ./analysis.ts): matching and status reading of the PDFs
// the panel reads, off its main thread. It receives page texts (from the lanes' extraction
// workers, each document through its own port) and sends findings back to the panel; it has no
// extension API and makes no request.
import { createAnalyser, type Analyser, type AnalyserOptions } from '../../core/analyse';
import { loadBuiltinRules } from '../../core/rules';
import { createAnalysisHost, type FromAnalysis, type ToAnalysis } from './analysis';

interface WorkerScope {
  postMessage(message: FromAnalysis): void;
  onmessage: ((event: { data: ToAnalysis }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const rules = loadBuiltinRules();
let last: { key: string; analyser: Analyser } | null = null;

/** The reader's settings change rarely: the last analyser is kept, compiled again only when they change. */
function analyserFor(options: AnalyserOptions): Analyser {
  const key = JSON.stringify(options);
  if (last?.key !== key) last = { key, analyser: createAnalyser(rules, options) };
  return last.analyser;
}

const receive = createAnalysisHost((m) => scope.postMessage(m), analyserFor);
scope.onmessage = (e) => receive(e.data);
