import { describe, expect, it, vi } from 'vitest';
import { flagsRepo, notesRepo, onRecordChange, type RecordChange } from '../../../lib/record/db';
import { keepMine, saveOrConflict } from '../../../lib/record/conflict';
import { DOC, newNote, useFreshDatabase } from './db/helpers';

useFreshDatabase();

describe('two edits of one note', () => {
  it('never silently overwrite each other: the second gets both versions and can keep its own', async () => {
    const note = await notesRepo.create(newNote({ text: 'begin' }));
    // Window 1 and window 2 both read revision 1.
    const first = await saveOrConflict(notesRepo.save, { ...note, text: 'uit venster 1' });
    expect(first).toMatchObject({ kind: 'saved', stored: { text: 'uit venster 1', revision: 2 } });

    const second = await saveOrConflict(notesRepo.save, { ...note, text: 'uit venster 2' });
    if (second.kind !== 'conflict') throw new Error('expected a conflict');
    expect(second.message).toMatch(/^Deze notitie is intussen elders gewijzigd/);
    expect(second.mine.text).toBe('uit venster 2');
    expect(second.current).toMatchObject({ text: 'uit venster 1', revision: 2 });
    expect((await notesRepo.get(note.id))?.text).toBe('uit venster 1');

    // The reader chooses "mijn versie": saved on top of the stored revision.
    const kept = await saveOrConflict(notesRepo.save, keepMine(second.mine, second.current));
    expect(kept).toMatchObject({ kind: 'saved', stored: { text: 'uit venster 2', revision: 3 } });
  });

  it('when the note was deleted elsewhere, "mijn versie" saves it as a new note', async () => {
    const note = await notesRepo.create(newNote({ text: 'weg' }));
    await notesRepo.remove(note.id);
    const outcome = await saveOrConflict(notesRepo.save, { ...note, text: 'toch bewaren' });
    if (outcome.kind !== 'conflict') throw new Error('expected a conflict');
    expect(outcome.current).toBeUndefined();
    expect(outcome.message).toMatch(/verwijderd/);
    const again = await saveOrConflict(notesRepo.save, keepMine(outcome.mine, outcome.current));
    expect(again).toMatchObject({ kind: 'saved', stored: { text: 'toch bewaren', revision: 1 } });
    if (again.kind === 'saved') expect(again.stored.id).not.toBe(note.id);
  });

  it('rethrows storage errors instead of calling them conflicts', async () => {
    const note = await notesRepo.create(newNote());
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('vol', 'QuotaExceededError');
    });
    await expect(saveOrConflict(notesRepo.save, { ...note, text: 'x' })).rejects.toMatchObject({ kind: 'quota' });
  });
});

describe('live updates across pages', () => {
  it('announce every committed write, in this page and over the BroadcastChannel to other pages', async () => {
    const here: RecordChange[] = [];
    const stop = onRecordChange((c) => here.push(c));
    // Another page of the extension: a channel of its own.
    const elsewhere: unknown[] = [];
    const other = new BroadcastChannel('raadslens-record');
    other.onmessage = (e) => elsewhere.push(e.data);

    const note = await notesRepo.create(newNote());
    await flagsRepo.create({ documentId: DOC, kind: 'document', reason: 'let op' });
    await notesRepo.listAll(); // reads announce nothing
    expect(here.map((c) => c.stores)).toEqual([['notes'], ['flags']]);
    await vi.waitFor(() => expect(elsewhere).toHaveLength(2));
    expect(elsewhere[0]).toMatchObject({ stores: ['notes'] });

    // A failed write announces nothing.
    await notesRepo.save({ ...note, revision: 99 }).catch(() => undefined);
    expect(here).toHaveLength(2);
    stop();
    other.close();
    await notesRepo.create(newNote());
    expect(here).toHaveLength(2);
  });

  it('deliver a change made by another page to this page’s listeners', async () => {
    const received: RecordChange[] = [];
    const stop = onRecordChange((c) => received.push(c));
    const other = new BroadcastChannel('raadslens-record');
    other.postMessage({ stores: ['notes'], origin: 'andere-pagina', at: 1 });
    other.postMessage({ nonsense: true });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.origin).toBe('andere-pagina');
    stop();
    other.close();
  });
});
