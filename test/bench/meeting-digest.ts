// The meeting's analysis results as one digest (and per document): what the worker returns for
// each of the 40 generated documents, without the clock's fields. Before and after a change to the
// analysis, the digests must be equal. Run: npx tsx test/bench/meeting-digest.ts [--write FILE]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createAnalyser } from '../../lib/core/analyse';
import { loadBuiltinRules } from '../../lib/core/rules';
import { scanPages } from '../../lib/surface/pdf/scan';
import { meetingTexts } from './meeting-analysis';

const docs = await meetingTexts(Number(process.env.MEETING_PAGES ?? 2000));
const analyser = createAnalyser(loadBuiltinRules());
const all = createHash('sha256');
const lines: string[] = [];
for (const d of docs) {
  const progress: unknown[] = [];
  const r = await scanPages((async function* () { yield* d.pages; })(), analyser, { url: d.name, onPage: (p) => progress.push(p) });
  const { scannedAt: _, ms: __, ...rest } = r;
  const json = JSON.stringify({ rest, progress });
  all.update(json);
  lines.push(`${createHash('sha256').update(json).digest('hex').slice(0, 16)}  ${d.name}`);
  if (process.argv.includes('--write')) writeFileSync(process.argv[process.argv.indexOf('--write') + 1]!, json + '\n', { flag: 'a' });
}
console.log(lines.join('\n'));
console.log(`meeting ${all.digest('hex')}`);
