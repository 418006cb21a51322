// The matcher for every page's content script, in the background: one automaton kept warm (the
// content script ran cold on every page and built its own each time). A page sends its blocks'
// text in parts (lib/surface/page/session/remote-match.ts) and gets the matches back packed;
// nothing of the text is kept here.
import { createScanner, type AnalyserOptions, type Scanner } from '../../core/analyse/scanner';
import { packFound, type MatchWire } from '../../core/analyse/match-service';
import { loadScanRules } from '../../core/rules/builtin-scan';

let last: { key: string; scanner: Scanner } | null = null;

/** The scanner for these options, compiled again only when they change what is matched. */
function scannerFor(options: AnalyserOptions): { scanner: Scanner; builtMs: number } {
  const key = JSON.stringify(options);
  if (last?.key === key) return { scanner: last.scanner, builtMs: 0 };
  const t0 = performance.now();
  last = { key, scanner: createScanner(loadScanRules(), options) };
  return { scanner: last.scanner, builtMs: performance.now() - t0 };
}

/** The matches of each text; `ms` is the background's time for them, building the matcher included when it did. */
export function matchTexts(texts: readonly string[], options: AnalyserOptions = {}): MatchWire {
  const { scanner, builtMs } = scannerFor(options);
  const t0 = performance.now();
  const parts = texts.map((t) => scanner.find(t));
  return packFound(parts, builtMs + performance.now() - t0);
}
