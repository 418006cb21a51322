// The order in which the panel lists a document's notes and flags. (Loading them, the guard
// against a late reply after a tab switch and the writes: panel-store.test.ts.)
import { describe, expect, it } from 'vitest';
import type { StoredNote } from '../../../../lib/record/db';
import { inReadingOrder } from '../../../../lib/extension/ui/document-notes';

const A = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/a';

describe('inReadingOrder', () => {
  it('puts notes without a passage first, then by passage, then by age', () => {
    const note = (id: string, start: number | null, createdAt: number) =>
      ({ id, documentId: A, text: id, status: 'open', tags: [], createdAt, updatedAt: createdAt, revision: 1, ...(start === null ? {} : { anchor: { exact: 'x', prefix: '', suffix: '', start, end: start + 1 } }) }) as unknown as StoredNote;
    const { list } = inReadingOrder({ notes: [note('b', 50, 1), note('a', null, 2), note('c', 10, 3), note('d', 10, 0)], flags: [], document: undefined });
    expect(list.map((n) => n.id)).toEqual(['a', 'd', 'c', 'b']);
  });
});
