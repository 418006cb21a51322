// One checklist for every document a view shows (a page, a PDF in the tab, a PDF from an agenda):
// keyed by the document's normalised address, the reader's corrections on top, the snapshot of
// what was read without them, and a correction that carries what was read and its passage.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { AssessmentSummarySchema } from '../../../../lib/extension/messages/protocol';
import { checklistItems, checklistSnapshot, correctionFor, documentIdOf } from '../../../../lib/extension/ui/document-checklist';
import type { StoredCorrection } from '../../../../lib/record/db';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const assess = (text: string) => AssessmentSummarySchema.parse(analyser.analyse(text, 'wrapped').assessment);
const NEGATED = assess("Het college stelt cameratoezicht met slimme camera's voor. Voor de slimme camera's is geen DPIA uitgevoerd. De bewaartermijn van de beelden is 28 dagen.");
const PDF = 'https://zwolle.raadsinformatie.nl/document/90004/1/Raadsvoorstel+slimme+camera%27s';

function correction(documentId: string, safeguard: string, status: StoredCorrection['status']): StoredCorrection {
  return { documentId, safeguard, status, createdAt: 1, updatedAt: 1 } as StoredCorrection;
}

describe('documentIdOf', () => {
  it('keys a PDF as its notes and flags are: the normalised address, whatever #page or tracking it was opened with', () => {
    expect(documentIdOf(`${PDF}#page=2`)).toBe(documentIdOf(PDF));
    expect(documentIdOf(`${PDF}?utm_source=nieuwsbrief`)).toBe(documentIdOf(PDF));
    expect(documentIdOf(PDF)).toMatch(/^https:\/\/zwolle\.raadsinformatie\.nl\/document\/90004\//);
  });

  it('is null for no address and for text that is no address', () => {
    expect(documentIdOf(undefined)).toBeNull();
    expect(documentIdOf('')).toBeNull();
    expect(documentIdOf('niet een adres')).toBeNull();
  });
});

describe('checklistItems', () => {
  it('reads the negated DPIA, and puts the reader’s correction on top with what was read kept', () => {
    const read = checklistItems(NEGATED, [], rules);
    const dpia = read.find((i) => i.id === 'dpia')!;
    expect(dpia).toMatchObject({ status: 'negated', detected: 'negated', corrected: false });

    const id = documentIdOf(PDF)!;
    const corrected = checklistItems(NEGATED, [correction(id, 'dpia', 'stated')], rules).find((i) => i.id === 'dpia')!;
    expect(corrected).toMatchObject({ status: 'stated', detected: 'negated', corrected: true });
    // The other safeguards are as read.
    const others = (items: ReturnType<typeof checklistItems>) => items.filter((i) => i.id !== 'dpia').map((i) => [i.id, i.status]);
    expect(others(checklistItems(NEGATED, [correction(id, 'dpia', 'stated')], rules))).toEqual(others(read));
  });

  it('is empty without a scan and without technology, corrections or not', () => {
    const none = assess('De raad vergadert over de begroting en het onderhoud van de parken.');
    expect(none.hasTechnology).toBe(false);
    expect(checklistItems(undefined, [], rules)).toEqual([]);
    expect(checklistItems(none, [correction(documentIdOf(PDF)!, 'dpia', 'stated')], rules)).toEqual([]);
  });
});

describe('checklistSnapshot', () => {
  it('keeps what was read (never the reader’s corrections), for letters written when the document is not open', () => {
    const snapshot = checklistSnapshot(NEGATED, rules)!;
    expect(snapshot.find((i) => i.id === 'dpia')).toMatchObject({ status: 'negated' });
    expect(snapshot.map((i) => i.id).sort()).toEqual(checklistItems(NEGATED, [], rules).map((i) => i.id).sort());
    expect(checklistSnapshot(undefined, rules)).toBeNull();
    expect(checklistSnapshot(assess('De raad vergadert over de begroting.'), rules)).toBeNull();
  });
});

describe('correctionFor', () => {
  it('carries the safeguard, the reader’s status, what was read and the passage it was read from', () => {
    const dpia = checklistItems(NEGATED, [], rules).find((i) => i.id === 'dpia')!;
    expect(correctionFor(dpia, 'stated')).toEqual({ safeguard: 'dpia', status: 'stated', detected: 'negated', passage: "Voor de slimme camera's is geen DPIA uitgevoerd." });
  });

  it('has no passage for a safeguard the document does not name', () => {
    const absent = checklistItems(NEGATED, [], rules).find((i) => i.status === 'absent')!;
    expect(correctionFor(absent, 'planned')).toEqual({ safeguard: absent.id, status: 'planned', detected: 'absent' });
  });
});
