import { describe, expect, it, vi } from 'vitest';
import { ConflictError, StorageError, getDb, notesRepo, resetDbForTests, type StoredNote } from '../../../../lib/record/db';
import { DOC, anchor, newNote, useFreshDatabase } from './helpers';

useFreshDatabase();

describe('notesRepo', () => {
  it('creates a note with an id, revision 1, defaults and timestamps', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    const note = await notesRepo.create(newNote());

    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note).toMatchObject({
      documentId: DOC,
      text: 'Is er een DPIA gedaan?',
      anchor,
      status: 'open',
      tags: [],
      revision: 1,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
    expect(await notesRepo.get(note.id)).toEqual(note);
  });

  it('keeps a note on the whole document without an anchor', async () => {
    const note = await notesRepo.create(newNote({ anchor: undefined, text: 'Algemene vraag' }));
    expect((await notesRepo.get(note.id))?.anchor).toBeUndefined();
  });

  it('updates against the stored revision, bumping revision and updatedAt but not createdAt', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const created = await notesRepo.create(newNote());
    now.mockReturnValue(5_000);

    const updated = await notesRepo.save({ ...created, status: 'gesteld', tags: ['commissie'] });

    expect(updated).toMatchObject({ id: created.id, status: 'gesteld', tags: ['commissie'], revision: 2, createdAt: 1_000, updatedAt: 5_000 });
    expect(await notesRepo.get(created.id)).toEqual(updated);
  });

  it('lists notes per document in creation order and all notes newest first', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const first = await notesRepo.create(newNote({ text: 'eerste' }));
    now.mockReturnValue(2_000);
    const other = await notesRepo.create(newNote({ documentId: 'https://example.nl/ander', text: 'ander' }));
    now.mockReturnValue(3_000);
    const second = await notesRepo.create(newNote({ text: 'tweede' }));

    const forDoc = await notesRepo.listByDocument(DOC);
    expect(forDoc.map((n) => n.text)).toEqual(['eerste', 'tweede']);
    expect(forDoc.invalid).toEqual([]);
    expect((await notesRepo.listAll()).map((n) => n.id)).toEqual([second.id, other.id, first.id]);
  });

  it('lists by status with the v2 index', async () => {
    const a = await notesRepo.create(newNote({ text: 'a' }));
    await notesRepo.create(newNote({ text: 'b', status: 'beantwoord' }));
    await notesRepo.save({ ...a, status: 'gesteld' });

    expect((await notesRepo.listByStatus('gesteld')).map((n) => n.text)).toEqual(['a']);
    expect((await notesRepo.listByStatus('beantwoord')).map((n) => n.text)).toEqual(['b']);
    expect(await notesRepo.listByStatus('open')).toHaveLength(0);
  });

  it('survives closing and reopening the database', async () => {
    const note = await notesRepo.create(newNote({ tags: ['privacy'] }));
    await resetDbForTests(); // closes the connection; the same indexedDB stays

    expect(await notesRepo.get(note.id)).toEqual(note);
    expect(await notesRepo.listByDocument(DOC)).toEqual([note]);
  });

  it('removes a note and reports whether there was one', async () => {
    const note = await notesRepo.create(newNote());
    expect(await notesRepo.remove(note.id)).toBe(true);
    expect(await notesRepo.get(note.id)).toBeUndefined();
    expect(await notesRepo.remove(note.id)).toBe(false);
  });

  describe('optimistic concurrency', () => {
    it('rejects a save based on an old revision and returns the stored version', async () => {
      const created = await notesRepo.create(newNote());
      const inOtherTab = await notesRepo.save({ ...created, text: 'Gewijzigd in het andere tabblad' });

      const stale = notesRepo.save({ ...created, text: 'Mijn versie' });
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      const error = (await stale.catch((e: unknown) => e)) as ConflictError<StoredNote>;
      expect(error.message).toMatch(/^Deze notitie is intussen elders gewijzigd/);
      expect(error.current).toEqual(inOtherTab);
      expect(await notesRepo.get(created.id)).toEqual(inOtherTab);
    });

    it('lets exactly one of two simultaneous saves of the same revision win', async () => {
      const created = await notesRepo.create(newNote());
      const results = await Promise.allSettled([
        notesRepo.save({ ...created, text: 'A' }),
        notesRepo.save({ ...created, text: 'B' }),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(ConflictError);
      expect((await notesRepo.get(created.id))?.revision).toBe(2);
    });

    it('treats an update without revision, or creating an existing id, as a conflict', async () => {
      const created = await notesRepo.create(newNote());
      await expect(notesRepo.save({ ...created, revision: undefined })).rejects.toBeInstanceOf(ConflictError);
      await expect(notesRepo.create(newNote({ id: created.id }))).rejects.toBeInstanceOf(ConflictError);
      expect((await notesRepo.get(created.id))?.revision).toBe(1);
    });

    it('reports an edit of a note deleted elsewhere, without resurrecting it', async () => {
      const created = await notesRepo.create(newNote());
      await notesRepo.remove(created.id);

      const error = (await notesRepo.save({ ...created, text: 'Nog een gedachte' }).catch((e: unknown) => e)) as ConflictError<StoredNote>;
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.current).toBeUndefined();
      expect(error.message).toMatch(/verwijderd/);
      expect(await notesRepo.listAll()).toHaveLength(0);
    });

    it('refuses to remove a note changed since the caller read it', async () => {
      const created = await notesRepo.create(newNote());
      await notesRepo.save({ ...created, text: 'nieuw' });
      await expect(notesRepo.remove(created.id, created.revision)).rejects.toBeInstanceOf(ConflictError);
      expect(await notesRepo.get(created.id)).toBeDefined();
      expect(await notesRepo.remove(created.id, 2)).toBe(true);
    });
  });

  describe('validation', () => {
    it('rejects an invalid note before writing anything, naming the fields in Dutch', async () => {
      const bad = newNote({ status: 'vergeten' as never, category: 'kernenergie' as never, tags: [''] });
      const error = (await notesRepo.create(bad).catch((e: unknown) => e)) as StorageError;

      expect(error).toBeInstanceOf(StorageError);
      expect(error.kind).toBe('invalid');
      expect(error.problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['status', 'category', 'tags.0']));
      expect(error.message).toMatch(/^Deze gegevens kloppen niet en zijn niet opgeslagen\./);
      expect(error.message).toMatch(/Ongeldige/);
      expect(await notesRepo.listAll()).toHaveLength(0);
    });

    it('leaves the stored note untouched when an update is invalid', async () => {
      const created = await notesRepo.create(newNote());
      await expect(notesRepo.save({ ...created, anchor: { ...anchor, end: anchor.start } })).rejects.toMatchObject({ kind: 'invalid' });
      expect(await notesRepo.get(created.id)).toEqual(created);
    });

    it('reports a damaged stored note beside the readable ones instead of failing the list', async () => {
      const good = await notesRepo.create(newNote());
      const db = await getDb();
      const damaged = { id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', documentId: DOC, text: 42, status: 'open', tags: [], createdAt: 1, updatedAt: 1, revision: 1 };
      await db.put('notes', damaged as unknown as StoredNote);

      const list = await notesRepo.listByDocument(DOC);
      expect(list).toEqual([good]);
      expect(list.invalid).toHaveLength(1);
      expect(list.invalid[0]).toMatchObject({ store: 'notes', key: damaged.id, value: damaged });
      expect(list.invalid[0]?.problems.join()).toMatch(/^text:/);
      expect((await notesRepo.listAll()).invalid).toHaveLength(1);
      await expect(notesRepo.get(damaged.id)).rejects.toMatchObject({ kind: 'invalid' });
      // Saving over it with its stored revision repairs it.
      const repaired = await notesRepo.save({ id: damaged.id, documentId: DOC, text: 'hersteld', revision: 1 });
      expect(repaired.revision).toBe(2);
    });
  });
});
