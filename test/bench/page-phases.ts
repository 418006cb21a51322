// Injected into the benchmark page (bundled by esbuild into an IIFE): the content script's scan,
// split into its phases, so the page benchmark can say where the time goes. Same lib/ code as
// lib/surface/page/session/page-session.ts: findMainContent → buildTextIndex → analyse → rangesFor → paint.
import { createAnalyser } from '../../lib/core/analyse';
import { compileMatcher } from '../../lib/core/match';
import { loadBuiltinRules } from '../../lib/core/rules';
import { findMainContent, isPageChrome } from '../../lib/surface/page/scan/main-content';
import { buildTextIndex, rangesFor } from '../../lib/surface/page/scan/text-index';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const matcher = compileMatcher(rules.categories);

(globalThis as unknown as { raadslensPhases: () => Record<string, number> }).raadslensPhases = () => {
  const t0 = performance.now();
  const root = findMainContent(document);
  const index = buildTextIndex(root, { exclude: isPageChrome });
  const t1 = performance.now();
  const { matches } = analyser.analyse(index.text, 'wrapped');
  const t2 = performance.now();
  const ranges = rangesFor(index, matches, (startContainer, startOffset, endContainer, endOffset) => new StaticRange({ startContainer, startOffset, endContainer, endOffset })).filter((r): r is StaticRange => r !== null);
  const t3 = performance.now();
  const highlight = new Highlight(...ranges);
  CSS.highlights.set('raadslens-bench', highlight);
  const t4 = performance.now();
  CSS.highlights.delete('raadslens-bench');
  const t5 = performance.now();
  matcher.match(index.text);
  const matcherOnly = performance.now() - t5;
  return { matcherOnly, index: t1 - t0, analyse: t2 - t1, ranges: t3 - t2, paint: t4 - t3, total: t4 - t0, chars: index.text.length, nodes: index.nodes.length, matches: matches.length };
};

// The category matcher alone on the main content's text, for a figure in thread time
// (trace-scan.ts): the text is indexed at the first call, each call then only matches.
let matchText: string | null = null;
(globalThis as unknown as { raadslensMatchOnly: () => number }).raadslensMatchOnly = () => {
  matchText ??= buildTextIndex(findMainContent(document), { exclude: isPageChrome }).text;
  return matcher.match(matchText).length;
};
