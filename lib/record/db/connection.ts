// The one connection per extension page or service worker. Content scripts must never import
// lib/record/db: there IndexedDB would belong to the portal's origin, not to Raadslens.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { StorageError, toStorageError } from './errors';
import { DB_VERSION, runMigrations } from './migrations';
import { DB_NAME, type StoredCorrection, type StoredDocument, type StoredFlag, type StoredNote, type NoteStatus, type StoredSetting } from './schema';

export interface RaadslensDB extends DBSchema {
  documents: { key: string; value: StoredDocument };
  notes: {
    key: string;
    value: StoredNote;
    indexes: { byDocument: string; byStatus: NoteStatus; byUpdatedAt: number };
  };
  flags: { key: string; value: StoredFlag; indexes: { byDocument: string; byUpdatedAt: number } };
  settings: { key: string; value: StoredSetting };
  corrections: { key: [string, string]; value: StoredCorrection; indexes: { byDocument: string } };
}

export type RaadslensDatabase = IDBPDatabase<RaadslensDB>;

let cached: Promise<RaadslensDatabase> | undefined;

/**
 * Opens (and if needed upgrades) the database at `version`. Rejects with a StorageError:
 * 'unavailable' without IndexedDB, 'blocked' when an old tab keeps the previous version open,
 * 'version' when the stored database is newer than this build.
 */
export function openRaadslensDb(version: number = DB_VERSION): Promise<RaadslensDatabase> {
  const factory: IDBFactory | undefined = globalThis.indexedDB;
  if (!factory) return Promise.reject(new StorageError('unavailable'));

  return new Promise((resolve, reject) => {
    let gaveUp = false;
    let migrationError: unknown;
    let db: IDBPDatabase | undefined;
    let opening: Promise<IDBPDatabase>;
    try {
      opening = openDB(DB_NAME, version, {
        upgrade(database, oldVersion, newVersion, tx) {
          // A failed upgrade rejects the open request below; this only keeps the aborted
          // transaction's own promise from surfacing as an unhandled rejection.
          tx.done.catch(() => undefined);
          runMigrations(database, tx, oldVersion, newVersion ?? version).catch((e: unknown) => {
            migrationError = e;
            // Aborting keeps the stored database at its old version instead of half-migrated.
            try {
              tx.abort();
            } catch {
              // Already finished or aborted: the open request reports the failure.
            }
          });
        },
        blocked() {
          gaveUp = true;
          reject(new StorageError('blocked'));
        },
        // Our open connection must not be the old tab that blocks a newer Raadslens: step aside.
        blocking() {
          db?.close();
          cached = undefined;
        },
        terminated() {
          cached = undefined;
        },
      });
    } catch (e) {
      // Some browsers throw from open() itself when storage is disabled.
      reject(toStorageError(e, true));
      return;
    }
    opening.then(
      (opened) => {
        db = opened;
        // The old tab closed after we reported 'blocked'; nobody waits for this connection now.
        if (gaveUp) opened.close();
        // The migrations create exactly the stores and indexes RaadslensDB describes.
        else resolve(opened as unknown as RaadslensDatabase);
      },
      (e: unknown) => {
        if (gaveUp) return;
        reject(migrationError ? new StorageError('unknown', { cause: migrationError }) : toStorageError(e, true));
      },
    );
  });
}

/** The shared connection, opened on first use; a failed open is retried on the next call. */
export function getDb(): Promise<RaadslensDatabase> {
  if (!cached) {
    const opening = openRaadslensDb();
    cached = opening;
    opening.catch(() => {
      if (cached === opening) cached = undefined;
    });
  }
  return cached;
}

/** Closes and forgets the shared connection, so each test starts from its own fresh indexedDB. */
export async function resetDbForTests(): Promise<void> {
  const previous = cached;
  cached = undefined;
  if (previous) {
    try {
      (await previous).close();
    } catch {
      // A failed open leaves nothing to close.
    }
  }
}
