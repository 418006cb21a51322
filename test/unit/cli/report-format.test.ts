import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../lib/core/analyse';
import { formatFailure, formatHuman } from '../../../lib/cli/format-human';
import { formatJson } from '../../../lib/cli/format-json';
import { analyseDocument } from '../../../lib/cli/report';
import { termTextLookup } from '../../../lib/cli/run';
import { loadBuiltinRules } from '../../../lib/core/rules';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);

const RAADSVOORSTEL = [
  'Raadsvoorstel uitbreiding cameratoezicht',
  '',
  'Het college wil acht camera’s plaatsen bij het station.',
  'Er is een DPIA uitgevoerd. De camera’s filmen de openbare ruimte.',
  'Het beeldkwaliteitsplan blijft van kracht.',
].join('\n');

describe('analyseDocument', () => {
  it('gives offsets into the text as read, with the term id and category', () => {
    const report = analyseDocument(analyser, 'stuk.txt', 'txt', { pages: [{ text: RAADSVOORSTEL }] });
    expect(report.matches.map((m) => [m.category, m.term, m.text])).toEqual([
      ['camera', 'camera.cameratoezicht', 'cameratoezicht'],
      ['camera', 'camera.camera', 'camera’s'],
      ['camera', 'camera.camera', 'camera’s'],
    ]);
    for (const m of report.matches) {
      expect(RAADSVOORSTEL.slice(m.start, m.end)).toBe(m.text);
      expect(m).not.toHaveProperty('page');
    }
  });

  it('maps PDF matches to their page, with offsets into that page', () => {
    const pages = [
      { page: 1, text: 'Inleiding zonder technologie.' },
      { page: 2, text: 'De gemeente zet een drone in.' },
      { page: 3, text: 'Het algoritme en de drone.' },
    ];
    const report = analyseDocument(analyser, 'stuk.pdf', 'pdf', { pages });
    expect(report.matches.map((m) => ({ page: m.page, text: m.text }))).toEqual([
      { page: 2, text: 'drone' },
      { page: 3, text: 'algoritme' },
      { page: 3, text: 'drone' },
    ]);
    for (const m of report.matches) expect(pages[m.page! - 1]!.text.slice(m.start, m.end)).toBe(m.text);
    // One assessment for the whole document.
    expect(report.assessment.categories.map((c) => c.category).sort()).toEqual(['algoritme', 'drone']);
  });
});

describe('formatJson', () => {
  it('prints exactly files[{file, kind, matches, questions, safeguards[], found, missing}]', () => {
    const report = analyseDocument(analyser, 'stuk.txt', 'txt', { pages: [{ text: RAADSVOORSTEL }] });
    const doc = JSON.parse(formatJson([report])) as { files: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['files']);
    const file = doc.files[0]!;
    expect(Object.keys(file)).toEqual(['file', 'kind', 'matches', 'questions', 'safeguards', 'found', 'missing']);
    expect(file).toMatchObject({ file: 'stuk.txt', kind: 'txt' });
    expect((file.matches as unknown[])[0]).toEqual({ category: 'camera', term: 'camera.cameratoezicht', text: 'cameratoezicht', start: 26, end: 40 });
    expect((file.questions as { id: string }[]).map((q) => q.id)).toEqual(['ap-1', 'ap-2', 'ap-3']);
    // Every safeguard in rules order, with what the document says and the sentence that says it.
    const safeguards = file.safeguards as Array<{ id: string; status: string; passages: Array<{ start: number; end: number; text: string; status: string }> }>;
    expect(safeguards.map((s) => s.id)).toEqual(rules.safeguards.safeguards.map((s) => s.id));
    const dpia = safeguards.find((s) => s.id === 'dpia')!;
    expect(dpia).toMatchObject({ status: 'stated', passages: [{ text: 'Er is een DPIA uitgevoerd.', status: 'stated' }] });
    expect(RAADSVOORSTEL.slice(dpia.passages[0]!.start, dpia.passages[0]!.end)).toBe('Er is een DPIA uitgevoerd.');
    expect(safeguards.find((s) => s.id === 'bewaartermijn')).toMatchObject({ status: 'absent', passages: [] });
    // The panel's two lists stay beside it.
    expect((file.found as { id: string }[]).map((s) => s.id)).toContain('dpia');
    expect((file.missing as { id: string }[]).map((s) => s.id)).toContain('bewaartermijn');
  });

  it('gives a PDF passage its page and offsets into that page', () => {
    const pages = [
      { page: 1, text: 'Het college plaatst camera’s op het plein.' },
      { page: 2, text: 'Inleiding. Voor de camera’s is nog geen DPIA uitgevoerd.' },
    ];
    const report = analyseDocument(analyser, 'stuk.pdf', 'pdf', { pages });
    const dpia = report.safeguards.find((s) => s.id === 'dpia')!;
    expect(dpia.status).toBe('negated');
    const p = dpia.passages[0]!;
    expect(p.page).toBe(2);
    expect(pages[1]!.text.slice(p.start, p.end)).toBe('Voor de camera’s is nog geen DPIA uitgevoerd.');
    expect(pages[1]!.text.slice(p.term.start, p.term.end)).toBe('DPIA');
    expect(dpia.ask).toMatch(/^Waarom is er geen DPIA uitgevoerd/);
  });

  it('prints an empty file list when nothing could be scanned', () => {
    expect(JSON.parse(formatJson([]))).toEqual({ files: [] });
  });
});

describe('formatHuman', () => {
  const report = analyseDocument(analyser, 'stuk.txt', 'txt', { pages: [{ text: RAADSVOORSTEL }] });
  const out = formatHuman([report], [], { termText: termTextLookup(rules) });

  it('lists per category the terms with counts, spellings and line numbers', () => {
    expect(out).toContain('== stuk.txt (txt) ==');
    expect(out).toMatch(/\[camera\] — 3×/);
    expect(out).toContain('    camera (camera’s) — 2× — regels 3, 4');
    expect(out).toContain('    cameratoezicht — 1× — regel 1');
  });

  it('then the three AP questions and the checklist: per safeguard its status and sentence', () => {
    const questions = out.indexOf('Vragen van de Autoriteit Persoonsgegevens:');
    const checklist = out.indexOf('Waarborgen — wat het stuk erover zegt:');
    expect(questions).toBeGreaterThan(out.indexOf('Gevonden termen'));
    expect(checklist).toBeGreaterThan(questions);
    expect(out).toMatch(/Vraag 1: .*\n[\s\S]*Vraag 2: [\s\S]*Vraag 3: /);
    expect(out).toContain('  [x] DPIA — gedaan\n        “Er is een DPIA uitgevoerd.” — regel 4\n');
    expect(out).toMatch(/\[ \] Bewaartermijn — niet genoemd\n {8}Vraag 2: /);
  });

  it('marks what the document says was not done or only announced, with the question to ask', () => {
    const text = 'Het college wil camera’s plaatsen.\nEr is geen DPIA uitgevoerd.\nDe FG wordt nog geraadpleegd.';
    const text2 = formatHuman([analyseDocument(analyser, 'neg.txt', 'txt', { pages: [{ text }] })]);
    expect(text2).toContain('  [-] DPIA — niet gedaan\n        “Er is geen DPIA uitgevoerd.” — regel 2\n        Vraag 2: Waarom is er geen DPIA uitgevoerd');
    expect(text2).toContain('  [~] Advies van de functionaris gegevensbescherming (FG) — nog niet gedaan, wel aangekondigd\n        “De FG wordt nog geraadpleegd.” — regel 3');
  });

  it('says plainly when a document has no technology', () => {
    const empty = analyseDocument(analyser, 'leeg.txt', 'txt', { pages: [{ text: 'Het beeldkwaliteitsplan en de vergaderdata.' }] });
    const text = formatHuman([empty]);
    expect(text).toContain('Geen technologie gevonden.');
    expect(text).toContain('Niet van toepassing: geen technologie gevonden.');
    expect(text).not.toContain('[ ]');
  });

  it('gives PDF places as pages, and counts failed files', () => {
    const pdf = analyseDocument(analyser, 'b.pdf', 'pdf', { pages: [{ page: 1, text: 'Niets.' }, { page: 2, text: 'Een drone. En nog een drone.' }] });
    const text = formatHuman([pdf], [{ file: 'x.docx', message: 'niet ondersteund' }], { termText: termTextLookup(rules) });
    expect(text).toContain('== b.pdf (pdf, 2 blz.) ==');
    expect(text).toContain('drone — 2× — blz. 2');
    expect(text).toContain('1 van 2 bestanden gescand.');
    expect(formatFailure({ file: 'x.docx', message: 'niet ondersteund' })).toBe('raadslens: x.docx: niet ondersteund');
  });
});
