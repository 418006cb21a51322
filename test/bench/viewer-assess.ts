// What the viewer page's own reading of a PDF (lib/surface/pdf/viewer-assess.ts) costs its main
// thread, after its pages are in: total busy time and the longest stretch between two yields, on
// the meeting's longest document (./meeting-analysis.ts meetingTexts: the meeting bench's PDFs, as
// pdf.js reads their pages). Node, the built-in rules, setImmediate as the new task.
// npx tsx test/bench/viewer-assess.ts
// record23, load 7.9: the meeting's 450-page report, 3,553 matches; run 1 (cold: the code compiled
// on its way) busy 2,482 ms in 540 tasks, longest 251 ms; runs 2-3 (warm, as in the viewer, whose
// analyser has matched every page before) busy 738 / 407 ms, median task 0.1 / 0.0 ms, longest
// 23.7 / 14.8 ms. The viewer's pages and notes are answered between those tasks.
import { createAnalyser } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { assessViewedPages } from '../../lib/surface/pdf/viewer-assess';
import type { ScannedPage } from '../../lib/surface/pdf/scan';
import { meetingTexts } from './meeting-analysis';

const analyser = createAnalyser(loadBuiltinRules());
const docs = await meetingTexts();
const longest = docs.reduce((a, b) => (b.pages.length > a.pages.length ? b : a));
const pages: readonly ScannedPage[] = longest.pages;
const count = pages.length;

for (let run = 0; run < 3; run++) {
  const stretches: number[] = [];
  let since = performance.now();
  const nextTask = () =>
    new Promise<void>((resolve) => {
      stretches.push(performance.now() - since);
      setImmediate(() => {
        since = performance.now();
        resolve();
      });
    });
  const t0 = performance.now();
  const result = await assessViewedPages(pages, analyser, { url: 'https://example.org/a.pdf', signal: new AbortController().signal, nextTask });
  stretches.push(performance.now() - since);
  const busy = stretches.reduce((a, b) => a + b, 0);
  const sorted = [...stretches].sort((a, b) => a - b);
  console.log(
    `run ${run + 1}: ${count} pages, ${result?.matchCount} matches; busy ${busy.toFixed(0)} ms in ${stretches.length} tasks (wall ${(performance.now() - t0).toFixed(0)} ms), ` +
      `median task ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, longest ${sorted.at(-1)!.toFixed(1)} ms`,
  );
}
