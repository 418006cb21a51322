// What the analysis worker costs on a whole meeting (issue 17, target 5), by phase, in Node CPU
// time: the 40 PDFs / 2,000 pages of meeting.bench.ts, their text extracted once with pdf.js,
// analysed as the worker does it (./meeting-analysis.ts). Beside it the reference: bare pdf.js
// extraction of the same files in the same process. The panel pays the analysis on top of pdf.js
// (the two share the machine's cores), so the ratio is how far the analysis alone keeps the
// meeting from its target. Figures only.
// Run: npx tsx test/bench/meeting-analysis.bench.ts   (MEETING_PAGES=100 for a quick look)
import { summary } from './corpus';
import { bareExtractionMs, measureMeetingAnalysis, meetingTexts, phaseTable } from './meeting-analysis';

const PAGES = Number(process.env.MEETING_PAGES ?? 2000);
const docs = await meetingTexts(PAGES);
const f = await measureMeetingAnalysis(docs, Number(process.env.RUNS ?? 3));
const bare = await bareExtractionMs(PAGES);
const sum = Object.values(f.phases).reduce((a, b) => a + b, 0);
console.log(`The analysis worker on a whole meeting — Node ${process.version}: ${docs.length} documents, ${f.pages} pages, ${(f.chars / 1e6).toFixed(2)} M chars; CPU ms, best of runs per phase`);
console.log(phaseTable(f));
console.log(`  ${'reference: bare pdf.js extraction of the same PDFs'.padEnd(52)} ${bare.toFixed(1).padStart(9)} ms   (analysis = ${((100 * sum) / bare).toFixed(0)} % of it)`);
summary('meeting', 'analysis CPU, whole meeting (Node)', sum, 'ms', `bare pdf.js ${bare.toFixed(0)} ms in the same run: ${(sum / bare).toFixed(2)}×; scanPages ${f.scanPagesMs.toFixed(0)} ms`);
