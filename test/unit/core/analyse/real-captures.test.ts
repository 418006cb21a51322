// @vitest-environment node
// The real documents captured from the portals (../shared/real/, outside the repository), read
// the way the command-line scanner reads them: every camera and face-recognition mention of the
// Den Haag motie found, every AI mention of the other, and nothing at all in the Den Helder
// besluitenlijst, whose document numbers (AI15.02693), Raad van Toezicht and "app voor de
// begroting" are exactly the traps. Skipped, and said so, where the captures are not present.
// The time limits only keep a busy machine's first pdf.js load from failing the test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { analyseDocument } from '@/lib/cli/report';
import { readHtml, readPdf } from '@/lib/cli/readers';
import { loadBuiltinRules } from '@/lib/core/rules';
import { REAL_DIR, realFiles } from '../../../tools/real-captures.mjs';

const analyser = createAnalyser(loadBuiltinRules());
const pdfs = realFiles('pdf', '.pdf');
const htmls = [...realFiles('go', '.html'), ...realFiles('ibabs', '.html'), ...realFiles('gemeenteblad', '.html')];
const present = pdfs.length > 0;
const byName = (name: string) => pdfs.find((f) => path.basename(f) === name);

/** The PDF as the command-line scanner reads it, with its matches at offsets into the whole text. */
async function scanPdf(file: string) {
  const doc = await readPdf(new Uint8Array(readFileSync(file)));
  const text = doc.pages.map((p) => p.text).join('\n\n');
  const base: number[] = [];
  doc.pages.reduce((at, p) => (base.push(at), at + p.text.length + 2), 0);
  const report = analyseDocument(analyser, file, 'pdf', doc);
  const found = report.matches.map((m) => ({ ...m, start: m.start + base[(m.page ?? 1) - 1]!, end: m.end + base[(m.page ?? 1) - 1]! }));
  return { text, report, found };
}

/** Every occurrence of a word (with what follows it up to the word's end) in `text`. */
function wordsWith(text: string, stem: RegExp): { start: number; end: number }[] {
  return [...text.matchAll(stem)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe.skipIf(!present)(`real captures in ${REAL_DIR}${present ? '' : ' (not present: skipped)'}`, () => {
  const motie = byName('denhaag-motie-15518187-gezichtsherkenning-cameras.pdf');
  it.skipIf(!motie)('the gezichtsherkenning motie: every camera and every gezichtsherkenning is found, in its category', async () => {
    const { text, report, found: all } = await scanPdf(motie!);
    const found = all.map((m) => ({ start: m.start, category: m.category }));
    const cameras = wordsWith(text, /camera[\p{L}’']*/giu);
    const faces = wordsWith(text, /gezichtsherkenning\p{L}*/giu);
    expect(cameras.length).toBeGreaterThan(0);
    expect(faces.length).toBeGreaterThan(0);
    for (const w of cameras) expect(found).toContainEqual({ start: w.start, category: 'camera' });
    for (const w of faces) expect(found).toContainEqual({ start: w.start, category: 'biometrie' });
    expect(report.matches.length).toBe(cameras.length + faces.length);
    expect(report.assessment.hasTechnology).toBe(true);
  }, 60_000);

  const ai = byName('denhaag-motie-15667381-onderzoek-ai.pdf');
  it.skipIf(!ai)('the AI motie: every AI and the kunstmatige intelligentie it stands for are found', async () => {
    const { text, found, report } = await scanPdf(ai!);
    // Its second page is blank: named as a page without text, not counted as read.
    expect(report.textlessPages).toEqual([2]);
    const mentions = [...wordsWith(text, /\bAI\b/g), ...wordsWith(text, /kunstmatige intelligentie/gi)];
    expect(mentions.length).toBeGreaterThan(3);
    for (const w of mentions) expect(found.some((m) => m.category === 'algoritme' && m.start <= w.start && w.end <= m.end)).toBe(true);
    expect(found.every((m) => m.category === 'algoritme')).toBe(true);
  }, 60_000);

  const besluitenlijst = byName('denhelder-besluitenlijst-raad-2015-06-29.pdf');
  it.skipIf(!besluitenlijst)('the Den Helder besluitenlijst: its traps are there, and nothing is found', async () => {
    const { text, report } = await scanPdf(besluitenlijst!);
    for (const trap of ['AI15.02693', 'Raad van Toezicht', 'app voor de begroting']) expect(text).toContain(trap);
    expect(report.matches).toEqual([]);
    expect(report.assessment.hasTechnology).toBe(false);
    expect(report.assessment.signals).toEqual([]);
    // Every page has text: nothing said about unread pages.
    expect(report.textlessPages).toBeUndefined();
  }, 60_000);

  it.each(htmls.map((f) => [path.relative(REAL_DIR, f), f]))('%s: an agenda or list page without technology, nothing found', async (_name, file) => {
    const doc = await readHtml(new Uint8Array(readFileSync(file)));
    expect(doc.pages[0]!.text.length).toBeGreaterThan(100);
    expect(analyseDocument(analyser, file, 'html', doc).matches).toEqual([]);
  }, 60_000);
});
