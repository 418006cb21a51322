// Schema history. Each entry takes the database from version − 1 to `version`; openDB's upgrade
// callback runs every entry above the stored version, in order, inside the one versionchange
// transaction (so a failing step leaves the stored database as it was). A new version only ever
// appends an entry: a reader may skip releases, and old entries are how their data gets here.
// Migrations see the stored data as it was then, so they work on untyped values.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { hostMatches, PORTAL_HOSTS } from '../../surface/page/portals/hosts';

type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface Migration {
  version: number;
  description: string;
  upgrade(db: IDBPDatabase, tx: UpgradeTransaction): Promise<void> | void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** The portal whose hosts hold `url` (lib/surface/page/portals/hosts.ts); undefined for any other address. */
function portalOfAddress(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return Object.entries(PORTAL_HOSTS).find(([, hosts]) => hosts.some((pattern) => hostMatches(pattern, host)))?.[0];
}

/** Rewrites each record of `store` that `patch` changes; `patch` returns null for "leave as is". */
async function backfill(
  tx: UpgradeTransaction,
  store: string,
  patch: (record: Record<string, unknown>) => Record<string, unknown> | null,
): Promise<void> {
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor) {
    const value: unknown = cursor.value;
    const changes = isRecord(value) ? patch(value) : null;
    if (changes) await cursor.update({ ...(value as Record<string, unknown>), ...changes });
    cursor = await cursor.continue();
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents, notes, flags and settings',
    upgrade(db) {
      db.createObjectStore('documents', { keyPath: 'id' });
      db.createObjectStore('notes', { keyPath: 'id' }).createIndex('byDocument', 'documentId');
      db.createObjectStore('flags', { keyPath: 'id' }).createIndex('byDocument', 'documentId');
      db.createObjectStore('settings', { keyPath: 'key' });
    },
  },
  {
    version: 2,
    description: 'indexes for the "all flagged items" view; revision and tags on records from early v1 builds',
    async upgrade(_db, tx) {
      const notes = tx.objectStore('notes');
      notes.createIndex('byStatus', 'status');
      notes.createIndex('byUpdatedAt', 'updatedAt');
      tx.objectStore('flags').createIndex('byUpdatedAt', 'updatedAt');
      // Early v1 builds wrote notes before optimistic concurrency and tags existed. Without a
      // revision such a note could never be saved again (every save would be a conflict).
      await backfill(tx, 'notes', (note) => {
        const changes: Record<string, unknown> = {};
        if (!isPositiveInteger(note.revision)) changes.revision = 1;
        if (!Array.isArray(note.tags)) changes.tags = [];
        return Object.keys(changes).length > 0 ? changes : null;
      });
      await backfill(tx, 'flags', (flag) => (isPositiveInteger(flag.revision) ? null : { revision: 1 }));
    },
  },
  {
    version: 3,
    description: "the reader's corrections of the checklist, one per document and safeguard",
    upgrade(db) {
      // Keyed by document and safeguard: a second correction of the same one replaces the first.
      db.createObjectStore('corrections', { keyPath: ['documentId', 'safeguard'] }).createIndex('byDocument', 'documentId');
    },
  },
  {
    version: 4,
    description: "a document's portal from its address, for documents kept before the portal was stored",
    async upgrade(_db, tx) {
      // From version 4 a document keeps its portal and the technology its matches showed, for the
      // letter from "Alles". The portal of a document kept before follows from its host (a
      // Staatscourant on zoek.officielebekendmakingen.nl is then not taken for the gemeente's own);
      // what its matches showed cannot be known without its text, which the record does not keep:
      // it stays absent, and its letter keeps the rules' words for any technology.
      await backfill(tx, 'documents', (doc) => {
        if (typeof doc.portal === 'string' && doc.portal.length > 0) return null;
        const portal = typeof doc.url === 'string' ? portalOfAddress(doc.url) : undefined;
        return portal ? { portal } : null;
      });
    },
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs the migrations between the stored and the requested version, one after the other. */
export async function runMigrations(
  db: IDBPDatabase,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
): Promise<void> {
  for (const migration of MIGRATIONS) {
    if (migration.version > oldVersion && migration.version <= newVersion) {
      await migration.upgrade(db, tx);
    }
  }
}
