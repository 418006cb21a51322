import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, DB_NAME, MIGRATIONS, StorageError, getDb, notesRepo } from '../../../../lib/record/db';
import { newNote, useFreshDatabase } from './helpers';

useFreshDatabase();

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a StorageError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('storage errors', () => {
  it('maps a full disk to kind "quota" with a Dutch message, and nothing is stored', async () => {
    await notesRepo.listAll(); // open the database before the disk "fills up"
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota;
    });

    const error = await failure(notesRepo.create(newNote()));
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/^De opslag van de browser is vol/);
    expect(error.cause).toBe(quota);

    vi.restoreAllMocks();
    expect(await notesRepo.listAll()).toHaveLength(0);
  });

  it('maps a missing IndexedDB (private window) to kind "unavailable", and recovers once it is back', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const error = await failure(notesRepo.listAll());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/^Opslaan is in dit venster niet mogelijk \(privévenster\?\)/);

    vi.unstubAllGlobals();
    expect(await notesRepo.listAll()).toHaveLength(0);
  });

  it('maps a refused open (storage disabled) to kind "unavailable"', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    expect((await failure(getDb())).kind).toBe('unavailable');
  });

  it('maps an upgrade held up by an old tab to kind "blocked", and opens once that tab is gone', async () => {
    const oldTab = await openDB(DB_NAME, 1, {
      upgrade(db, _old, _new, tx) {
        void MIGRATIONS[0]?.upgrade(db, tx);
      },
    });

    const error = await failure(getDb());
    expect(error.kind).toBe('blocked');
    expect(error.message).toMatch(/^Sluit andere tabbladen met Raadslens/);

    oldTab.close();
    await vi.waitFor(async () => {
      expect((await getDb()).version).toBe(DB_VERSION);
    });
  });

  it('steps aside when a newer version wants to open, and then reports the stored version as newer', async () => {
    await getDb();
    const newer = await openDB(DB_NAME, DB_VERSION + 1); // would hang as 'blocked' if our connection stayed open
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();

    const error = await failure(getDb());
    expect(error.kind).toBe('version');
    expect(error.message).toMatch(/nieuwere versie van Raadslens/);
  });

  it('leaves the stored database at its old version, data intact, when a migration fails', async () => {
    // A database that calls itself v1 but lacks the flags store: the v2 migration cannot index it.
    const broken = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('notes', { keyPath: 'id' }).createIndex('byDocument', 'documentId');
      },
    });
    await broken.put('notes', { id: 'n1', text: 'bewaar mij' });
    broken.close();

    const error = await failure(getDb());
    expect(error.kind).toBe('unknown');
    expect((error.cause as Error).name).toBe('NotFoundError');

    const after = await openDB(DB_NAME);
    expect(after.version).toBe(1);
    expect([...after.objectStoreNames]).toEqual(['notes']);
    expect([...after.transaction('notes').store.indexNames]).toEqual(['byDocument']);
    expect(await after.get('notes', 'n1')).toEqual({ id: 'n1', text: 'bewaar mij' });
    after.close();
  });
});
