// The reader's checklist corrections in the reading exports: a selection of only corrected
// documents exports them, a document with notes and corrections carries both, in the plain Dutch
// of "Alles", escaped like the rest. The JSON backup is covered by formats.test.ts, unchanged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredCorrection, StoredDocument } from '../../../../lib/record/db';
import { CSV_COLUMNS, parseCsv, toCsv, toMarkdown, toWebAnnotations, type ExportSet } from '../../../../lib/record/export';
import { STATUS_WORDING } from '../../../../lib/core/questions/status-words';
import { selectEntries } from '../../../../lib/record/export/model';
import { filterEntries, listEntries } from '../../../../lib/record/entries';
import { DOC_A, documents, flags, labels, notes, set } from './fixtures';

const DOC_C = 'https://almelo.bestuurlijkeinformatie.nl/Document/789';
const onlyCorrected: StoredDocument = {
  id: DOC_C, url: DOC_C, title: 'Raadsvoorstel slimme camera’s evenementen', gemeente: 'Almelo', type: 'raadsvoorstel',
  meetingDate: '2027-01-20', createdAt: 10_000, updatedAt: 10_000,
};
const correction = (documentId: string, safeguard: string, status: StoredCorrection['status'], detected: StoredCorrection['detected'], passage?: string, at = 11_000): StoredCorrection => ({
  documentId, safeguard, status, ...(detected ? { detected } : {}), ...(passage ? { passage } : {}), createdAt: at, updatedAt: at + 1,
});
const corrections: StoredCorrection[] = [
  // Stored out of checklist order: the exports list the checklist's order (as "Alles" does).
  correction(DOC_C, 'fg', 'planned', 'absent'),
  correction(DOC_C, 'dpia', 'negated', 'stated', '=HYPERLINK("x") Voor de camera’s is geen DPIA uitgevoerd.'),
  correction(DOC_A, 'bewaartermijn', 'stated', 'negated', 'De beelden worden 28 dagen bewaard.', 12_000),
];
const onlyCorrections: ExportSet = { documents: [onlyCorrected], notes: [], flags: [], corrections: corrections.filter((c) => c.documentId === DOC_C) };
const both: ExportSet = { documents: [...documents, onlyCorrected], notes, flags, corrections };

describe('corrections in the Markdown export', () => {
  it('a selection of only corrected documents exports their corrections, in plain Dutch', () => {
    const md = toMarkdown(onlyCorrections, labels, { exportedAt: 0 });
    expect(md).toContain(`## [Raadsvoorstel slimme camera’s evenementen](<${DOC_C}>)`);
    expect(md).toContain('Gemeente: Almelo · Soort: raadsvoorstel · Vergadering: 20 januari 2027');
    expect(md).toContain('### Checklist gecorrigeerd');
    const dpia = md.indexOf('- DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)');
    const fg = md.indexOf('- Advies van de functionaris gegevensbescherming (FG): het stuk zegt volgens u: nog niet gedaan, wel aangekondigd (Raadslens las: niet genoemd)');
    expect(dpia).toBeGreaterThan(0);
    expect(fg).toBeGreaterThan(dpia);
    // The corrected sentence from the page is text, not Markdown.
    expect(md).toContain('  “=HYPERLINK("x") Voor de camera’s is geen DPIA uitgevoerd.”');
    expect(md).not.toContain('Geen notities');
  });

  it('a document with notes and a correction carries both, the correction first', () => {
    const md = toMarkdown(both, labels, { exportedAt: 0 });
    const section = md.slice(md.indexOf('## [Raadsvoorstel cameratoezicht Stationsplein'));
    const corrected = section.indexOf('- Bewaartermijn: het stuk zegt volgens u: gedaan (Raadslens las: niet gedaan)');
    expect(corrected).toBeGreaterThan(0);
    expect(section.indexOf('Geen DPIA bijgevoegd?')).toBeGreaterThan(corrected);
    expect(section.indexOf('Is de FG om advies gevraagd?')).toBeGreaterThan(corrected);
    // Without corrections, the export is as it was.
    expect(toMarkdown({ ...set, corrections: [] }, labels, { exportedAt: 0 })).toBe(toMarkdown(set, labels, { exportedAt: 0 }));
  });

  it('escapes what a label or passage could open in Markdown', () => {
    const hostile = correction(DOC_C, 'dpia', 'negated', undefined, '# Kop [klik](javascript:alert(1)) <img src=x onerror=alert(1)>');
    const md = toMarkdown({ ...onlyCorrections, corrections: [hostile] }, labels, { exportedAt: 0 });
    expect(md).toContain('- DPIA: het stuk zegt volgens u: niet gedaan\n');
    expect(md).toContain('“\\# Kop \\[klik\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>”');
  });
});

describe('corrections in the CSV export', () => {
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

  it('a selection of only corrected documents has a row per correction, soort "correctie"', () => {
    const rows = parseCsv(toCsv(onlyCorrections, labels));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const [dpia, fg] = rows.slice(1);
    expect(dpia![col('soort')]).toBe('correctie');
    expect(dpia![col('document')]).toBe('Raadsvoorstel slimme camera’s evenementen');
    expect(dpia![col('gemeente')]).toBe('Almelo');
    expect(dpia![col('tekst')]).toBe('DPIA: het stuk zegt volgens u: niet gedaan (Raadslens las: gedaan)');
    expect(dpia![col('status')]).toBe('niet gedaan');
    expect(dpia![col('ap_vraag')]).toMatch(/^AP-vraag \d+: /);
    expect(dpia![col('link')]).toMatch(new RegExp(`^${DOC_C}#:~:text=`));
    expect(fg![col('tekst')]).toBe('Advies van de functionaris gegevensbescherming (FG): het stuk zegt volgens u: nog niet gedaan, wel aangekondigd (Raadslens las: niet genoemd)');
    expect(fg![col('citaat')]).toBe('');
  });

  it('neutralises a formula in a corrected sentence, as in every other cell', () => {
    const csv = toCsv(onlyCorrections, labels);
    expect(parseCsv(csv)[1]![col('citaat')]).toBe(`'=HYPERLINK("x") Voor de camera’s is geen DPIA uitgevoerd.`);
    expect(csv).toContain(`"'=HYPERLINK(""x"") Voor de camera’s is geen DPIA uitgevoerd."`);
  });

  it('a document with notes and a correction has both kinds of rows', () => {
    const rows = parseCsv(toCsv(both, labels)).slice(1);
    expect(rows).toHaveLength(notes.length + flags.length + corrections.length);
    const ofA = rows.filter((r) => r[col('document')] === 'Raadsvoorstel cameratoezicht Stationsplein').map((r) => r[col('soort')]);
    expect(ofA[0]).toBe('correctie');
    expect(ofA.filter((s) => s !== 'correctie').length).toBeGreaterThan(0);
    expect(toCsv({ ...set, corrections: [] }, labels)).toBe(toCsv(set, labels));
  });
});

describe('a selection in "Alles"', () => {
  const entries = listEntries(both.documents, notes, flags, corrections);
  const exported = (filter: Parameters<typeof filterEntries>[1]) => {
    const selection = selectEntries(both, filterEntries(entries, filter));
    return parseCsv(toCsv(selection, labels)).slice(1).map((r) => `${r[CSV_COLUMNS.indexOf('soort')]}:${r[CSV_COLUMNS.indexOf('document')]}`);
  };

  it('exports the corrections it shows, and none that a filter leaves out', () => {
    // Only the corrected document, found by its name: its corrections, nothing else.
    expect(exported({ query: 'evenementen' })).toEqual(['correctie:Raadsvoorstel slimme camera’s evenementen', 'correctie:Raadsvoorstel slimme camera’s evenementen']);
    // Notes only: the Stationsplein document's correction is not in the list, so not in the file.
    expect(exported({ kind: 'note' }).some((r) => r.startsWith('correctie:'))).toBe(false);
    // The letter of that selection still hears the document's corrections.
    expect(selectEntries(both, filterEntries(entries, { kind: 'note' })).corrections!.map((c) => c.safeguard)).toEqual(['bewaartermijn']);
    // Everything: every correction.
    expect(exported({}).filter((r) => r.startsWith('correctie:'))).toHaveLength(corrections.length);
  });
});

describe('the words of the exports', () => {
  it('are the panel’s words for a corrected status', () => {
    const nl = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../public/_locales/nl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect(Object.fromEntries(Object.entries(STATUS_WORDING).map(([s, w]) => [s, w.word]))).toEqual({ stated: nl.statusOptStated!.message, negated: nl.statusOptNegated!.message, planned: nl.statusOptPlanned!.message, absent: nl.statusOptAbsent!.message });
    expect(nl.correctionSays!.message).toBe('het stuk zegt volgens u: $1');
    expect(nl.correctionDetected!.message).toBe('Raadslens las: $1');
  });

  it('leave the Web Annotation export as it was', () => {
    const ids = { collectionId: 'urn:uuid:c', pageId: 'urn:uuid:p' };
    expect(toWebAnnotations(both, labels, ids)).toEqual(toWebAnnotations({ documents: both.documents, notes, flags }, labels, ids));
  });
});
