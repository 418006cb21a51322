// The whole list of a store is read a page at a time (so 10,000 notes are not one long task on
// the panel's thread); page by page it must be the same list as one read, damaged records included.
import { describe, expect, it } from 'vitest';
import { getDb, notesRepo, StoredNoteSchema, type StoredNote } from '../../../../lib/record/db';
import { listed, listedInPages } from '../../../../lib/record/db/records';
import { DOC, newNote, useFreshDatabase } from './helpers';

useFreshDatabase();

describe('listedInPages', () => {
  it('reads every record across page edges, the damaged ones beside them, in key order', async () => {
    for (let i = 0; i < 10; i++) await notesRepo.create(newNote({ text: `notitie ${i}` }));
    const db = await getDb();
    const damaged = { id: '00000000-0000-4000-8000-000000000000', documentId: DOC, text: 42, status: 'open', tags: [], createdAt: 1, updatedAt: 1, revision: 1 };
    await db.put('notes', damaged as unknown as StoredNote);

    const once = listed('notes', StoredNoteSchema, await db.getAll('notes'));
    for (const pageSize of [1, 3, 5, 11, 1000]) {
      const paged = await listedInPages('notes', StoredNoteSchema, pageSize);
      expect(paged).toEqual(once);
      expect(paged.invalid).toEqual(once.invalid);
    }
    expect(once).toHaveLength(10);
    expect(once.invalid).toHaveLength(1);
    // listAll reads in pages and keeps its order: newest first.
    const all = await notesRepo.listAll();
    expect(all.map((n) => n.id)).toEqual([...once].sort((a, b) => b.updatedAt - a.updatedAt).map((n) => n.id));
    expect(await notesRepo.count()).toBe(11);
  });
});
