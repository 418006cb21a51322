// A document whose only record is a checklist correction is a first-class entry of "Alles":
// listed with its document, searched by name, filtered by gemeente and kind, and selected for the
// letter, which leads with the corrected safeguard.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../lib/core/analyse';
import { snapshotItems } from '../../../lib/core/questions';
import { loadBuiltinRules } from '../../../lib/core/rules';
import type { StoredCorrection, StoredDocument } from '../../../lib/record/db';
import { applyFilter, correctionEntry, facetsOf, filterEntries, listEntries, sortEntries, type ListEntry } from '../../../lib/record/entries';
import { buildLetter, letterQuestions } from '../../../lib/record/export/letter';
import { selectEntries } from '../../../lib/record/export/model';
import { selectionLetters } from '../../../lib/extension/ui/letter-input';
import { DOC_A, documents, flags, notes } from './export/fixtures';

const rules = loadBuiltinRules();
const DOC_C = 'https://zwolle.raadsinformatie.nl/document/77/raadsvoorstel-slimme-lantaarnpalen';
const VOORSTEL = [
  'Raadsvoorstel slimme lantaarnpalen Zwolle-Zuid',
  'Het college wil in Zwolle-Zuid lantaarnpalen met sensoren plaatsen die geluid en drukte meten.',
  'Er is een DPIA uitgevoerd.',
  'De gegevens worden 28 dagen bewaard.',
].join('\n');
const { assessment } = createAnalyser(rules).analyse(VOORSTEL, 'wrapped');
const corrected: StoredDocument = {
  id: DOC_C,
  url: DOC_C,
  title: 'Slimme lantaarnpalen Zwolle-Zuid',
  gemeente: 'Zwolle',
  type: 'raadsvoorstel',
  meetingDate: '2026-11-05',
  checklist: { readAt: 1, items: snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules) },
  createdAt: 10_000,
  updatedAt: 10_000,
};
const correction = (over: Partial<StoredCorrection>): StoredCorrection => ({ documentId: DOC_C, safeguard: 'dpia', status: 'negated', detected: 'stated', createdAt: 11_000, updatedAt: 11_000, ...over });
const corrections = [
  correction({ safeguard: 'fg', status: 'planned', detected: 'absent', createdAt: 12_000, updatedAt: 13_000 }),
  correction({ passage: 'Er is een DPIA uitgevoerd.' }),
];
const allDocuments = [...documents, corrected];
const entries = listEntries(allDocuments, notes, flags, corrections);
const kinds = (list: readonly ListEntry[]) => list.map((e) => `${e.kind}:${e.documentId === DOC_C ? 'C' : e.documentId === DOC_A ? 'A' : 'B'}`);

describe('a corrected document in "Alles"', () => {
  it('is one entry per document, with its name, gemeente, kind and date as stored, and its corrections', () => {
    const mine = entries.filter((e) => e.kind === 'correction');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: `correction:${DOC_C}`,
      documentId: DOC_C,
      url: DOC_C,
      title: 'Slimme lantaarnpalen Zwolle-Zuid',
      gemeente: 'Zwolle',
      documentType: 'raadsvoorstel',
      meetingDate: '2026-11-05',
      createdAt: 11_000,
      updatedAt: 13_000,
      tags: [],
    });
    expect(mine[0]!.kind === 'correction' && mine[0]!.corrections.map((c) => c.safeguard)).toEqual(['dpia', 'fg']);
    // Without corrections the list is the notes and flags alone.
    expect(listEntries(allDocuments, notes, flags, []).some((e) => e.kind === 'correction')).toBe(false);
    // A correction whose document is not stored (never written so) still names its address.
    expect(correctionEntry('https://ede.nl/x', [correction({ documentId: 'https://ede.nl/x' })], undefined)).toMatchObject({ title: 'https://ede.nl/x', url: 'https://ede.nl/x' });
  });

  it('is found by its name, kind, gemeente and corrected safeguard, diacritics- and case-insensitive', () => {
    expect(kinds(filterEntries(entries, { query: 'LANTAARNPALEN zuid' }))).toEqual(['correction:C']);
    expect(kinds(filterEntries(entries, { query: 'zwolle' }))).toEqual(['correction:C']);
    expect(kinds(filterEntries(entries, { query: 'fg lantaarnpalen' }))).toEqual(['correction:C']);
    expect(filterEntries(entries, { query: 'lantaarnpalen bewaartermijn' })).toEqual([]);
  });

  it('passes a gemeente or "correcties" filter and no filter of what only notes and flags have', () => {
    expect(kinds(applyFilter(entries, { gemeente: 'Zwolle' }))).toEqual(['correction:C']);
    expect(kinds(applyFilter(entries, { kind: 'correction' }))).toEqual(['correction:C']);
    expect(applyFilter(entries, { kind: 'note' }).some((e) => e.kind === 'correction')).toBe(false);
    for (const filter of [{ status: 'open' as const }, { tag: 'dpia' }, { category: 'camera' as const }, { question: 'ap-2' as const }]) {
      expect(applyFilter(entries, filter).some((e) => e.kind === 'correction')).toBe(false);
    }
    expect(facetsOf(entries).gemeenten).toEqual(['Amersfoort', 'Utrecht', 'Zwolle']);
  });

  it('sorts by its document like the rest: by meeting date, and ahead of passages within its document', () => {
    const order = kinds(sortEntries([...entries], 'meeting-desc'));
    // Utrecht (10 December) before Zwolle (5 November) before the undated Amersfoort brief.
    expect(order.indexOf('correction:C')).toBeGreaterThan(order.lastIndexOf('note:A'));
    expect(order.indexOf('correction:C')).toBeLessThan(order.indexOf('note:B'));
    expect(kinds(sortEntries([...entries], 'updated-desc'))[0]).toBe('correction:C');
    // With a note on the same document: the corrections (the whole document) before a passage's note.
    const withNote = listEntries(allDocuments, [{ ...notes[0]!, documentId: DOC_C }], [], corrections);
    expect(kinds(sortEntries(withNote, 'meeting-desc'))).toEqual(['correction:C', 'note:C']);
  });

  it('selected for the letter, it brings its corrections, and the letter leads with the corrected safeguard', () => {
    const selection = selectEntries({ documents: allDocuments, notes, flags, corrections }, filterEntries(entries, { query: 'lantaarnpalen zuid' }));
    expect(selection.documents.map((d) => d.id)).toEqual([DOC_C]);
    expect([selection.notes.length, selection.flags.length]).toEqual([0, 0]);
    expect(selection.corrections).toEqual(corrections);
    const [letter, ...more] = selectionLetters(selection, selection.corrections!, rules, 'onbekend');
    expect(more).toEqual([]);
    expect(letter!.gemeente).toBe('Zwolle');
    const questions = letterQuestions(buildLetter({ ...letter!.input, date: 0 }));
    expect(questions[0]).toMatchObject({ about: 'dpia', status: 'negated' });
    // Without the correction the same document asks nothing about its DPIA: the letter follows the reader.
    const uncorrected = letterQuestions(buildLetter({ ...selectionLetters(selection, [], rules, 'onbekend')[0]!.input, date: 0 }));
    expect(uncorrected.some((q) => q.about === 'dpia')).toBe(false);
  });
});
