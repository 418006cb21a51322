// A status reading as the content script builds it (lib/core/questions/reading.ts), from a text it
// holds whole here: for the tests that hold the background's reading to the whole text's.
import { createAnalyser } from '@/lib/core/analyse';
import { partialAssessment, restCategories, snippetAround, strongCategoriesOf } from '@/lib/core/questions';
import { readingRanges, type StatusReading } from '@/lib/core/questions/reading';
import { loadBuiltinRules } from '@/lib/core/rules';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);

/** As the content script builds it, from a text it holds whole here. */
export function readingOf(text: string) {
  const found = analyser.find(text);
  const dropped = analyser.outOfContext([{ text, matches: found.matches, hits: found.safeguardHits }]);
  const matches = found.matches.filter((m) => !dropped.has(m));
  const hits = found.safeguardHits.filter((h) => !dropped.has(h));
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const mentions = hits.filter((h) => ids.has(h.group));
  const ranges = readingRanges(mentions, text.length);
  const inWindow = (m: { start: number; end: number }) => ranges.some((r) => m.start >= r.start && m.end <= r.end);
  const partial = partialAssessment(matches, hits, text, rules);
  const reading: StatusReading = {
    windows: ranges.map((r) => ({ start: r.start, text: text.slice(r.start, r.end) })),
    mentions: mentions.map((h) => ({ group: h.group, start: h.start, end: h.end, text: h.text, termId: h.termId ?? '', snippet: snippetAround(text, h.start, h.end, 40) })),
    tech: matches.filter(inWindow).map((m) => ({ start: m.start, end: m.end, category: m.category })),
    rest: restCategories(matches, strongCategoriesOf(partial)),
  };
  return { matches, hits, mentions, partial, reading, windowChars: ranges.reduce((n, r) => n + r.end - r.start, 0) };
}
