import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  correctionsRepo,
  DB_NAME,
  DB_VERSION,
  MIGRATIONS,
  documentsRepo,
  flagsRepo,
  getDb,
  notesRepo,
  resetDbForTests,
  settingsRepo,
} from '../../../../lib/record/db';
import { z } from 'zod';
import { DOC, anchor, useFreshDatabase } from './helpers';

useFreshDatabase();

const ids = {
  early: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  later: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  flag: '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
};

/** Writes data the way a v1 build did, with only the v1 migration applied. */
async function seedVersion1(): Promise<void> {
  const v1Migration = MIGRATIONS[0];
  if (!v1Migration) throw new Error('no v1 migration');
  const v1 = await openDB(DB_NAME, 1, {
    upgrade(db, _old, _new, tx) {
      void v1Migration.upgrade(db, tx);
    },
  });
  await v1.put('documents', { id: DOC, url: DOC, title: 'Raadsvoorstel cameratoezicht', createdAt: 10, updatedAt: 10 });
  // An early v1 note: no revision, no tags.
  await v1.put('notes', { id: ids.early, documentId: DOC, anchor, text: 'Waarom 38 dagen?', status: 'open', createdAt: 20, updatedAt: 20 });
  await v1.put('notes', {
    id: ids.later, documentId: DOC, text: 'FG gehoord?', status: 'gesteld', tags: ['fg'], createdAt: 30, updatedAt: 40, revision: 3,
  });
  await v1.put('flags', { id: ids.flag, documentId: DOC, kind: 'document', reason: 'geen DPIA genoemd', createdAt: 50, updatedAt: 50 });
  await v1.put('settings', { key: 'highlightEngine', value: 'css', updatedAt: 60 });
  v1.close();
}

describe('migrations', () => {
  it('are numbered 1, 2, … so a new version only appends', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(DB_VERSION).toBe(3);
  });

  it('upgrade a v1 database to the current version with all data intact and backfilled', async () => {
    await seedVersion1();

    const notes = await notesRepo.listByDocument(DOC);
    expect(notes.invalid).toEqual([]);
    expect(notes.find((n) => n.id === ids.early)).toEqual({
      id: ids.early, documentId: DOC, anchor, text: 'Waarom 38 dagen?', status: 'open', tags: [], createdAt: 20, updatedAt: 20, revision: 1,
    });
    expect(notes.find((n) => n.id === ids.later)).toMatchObject({ tags: ['fg'], revision: 3 });
    expect(await flagsRepo.get(ids.flag)).toMatchObject({ kind: 'document', reason: 'geen DPIA genoemd', revision: 1 });
    expect(await documentsRepo.get(DOC)).toMatchObject({ title: 'Raadsvoorstel cameratoezicht', createdAt: 10 });
    expect(await settingsRepo.get('highlightEngine', z.enum(['css', 'mark']))).toBe('css');

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    // The backfill is what makes an early note editable again: revision 1 is now its revision.
    const early = notes.find((n) => n.id === ids.early);
    if (!early) throw new Error('early note lost');
    expect((await notesRepo.save({ ...early, status: 'gesteld' })).revision).toBe(2);
    expect((await notesRepo.listByStatus('gesteld')).map((n) => n.id).sort()).toEqual([ids.early, ids.later].sort());
  });

  it('give a migrated database the same stores and indexes as a fresh one', async () => {
    const shape = async () => {
      const db = (await getDb()) as unknown as IDBPDatabase;
      return [...db.objectStoreNames].sort().map((name) => {
        const store = db.transaction(name).store;
        return [name, store.keyPath, [...store.indexNames].sort()];
      });
    };
    const freshShape = await shape();
    expect(freshShape).toEqual([
      ['corrections', ['documentId', 'safeguard'], ['byDocument']],
      ['documents', 'id', []],
      ['flags', 'id', ['byDocument', 'byUpdatedAt']],
      ['notes', 'id', ['byDocument', 'byStatus', 'byUpdatedAt']],
      ['settings', 'key', []],
    ]);

    await resetDbForTests();
    globalThis.indexedDB = new (globalThis.indexedDB.constructor as { new (): IDBFactory })();
    await seedVersion1();
    expect(await shape()).toEqual(freshShape);
  });
});

/** A database as the build of `version` left it: only migrations 1..version applied, then data written raw. */
async function seedAt(version: number): Promise<void> {
  const db = await openDB(DB_NAME, version, {
    async upgrade(database, oldVersion, _new, tx) {
      for (const m of MIGRATIONS) if (m.version > oldVersion && m.version <= version) await m.upgrade(database, tx as never);
    },
  });
  await db.put('documents', { id: DOC, url: DOC, title: `Gemaakt door v${version}`, createdAt: 1, updatedAt: 2 });
  await db.put('notes', {
    id: ids.later, documentId: DOC, anchor, text: `notitie v${version}`, status: 'gesteld', tags: ['x'], createdAt: 3, updatedAt: 4, revision: 2,
  });
  // Flags from before they had a status, tags and a linked question.
  await db.put('flags', {
    id: ids.flag, documentId: DOC, kind: 'passage', anchor, reason: `markering v${version}`, createdAt: 5, updatedAt: 6, revision: 1,
  });
  await db.put('settings', { key: 'k', value: { v: version }, updatedAt: 7 });
  if (version >= 3) await db.put('corrections', { documentId: DOC, safeguard: 'dpia', status: 'negated', detected: 'stated', createdAt: 8, updatedAt: 9 });
  db.close();
}

describe('a database made by each earlier version', () => {
  for (let version = 1; version <= DB_VERSION; version++) {
    it(`opens from v${version} with all its data intact`, async () => {
      await seedAt(version);
      expect((await getDb()).version).toBe(DB_VERSION);
      expect(await documentsRepo.get(DOC)).toMatchObject({ title: `Gemaakt door v${version}`, createdAt: 1, updatedAt: 2 });
      expect(await notesRepo.get(ids.later)).toMatchObject({ text: `notitie v${version}`, anchor, status: 'gesteld', tags: ['x'], revision: 2 });
      const flag = await flagsRepo.get(ids.flag);
      expect(flag).toMatchObject({ reason: `markering v${version}`, anchor, status: 'open', tags: [], revision: 1, updatedAt: 6 });
      expect(flag?.question).toBeUndefined();
      expect(await settingsRepo.get('k', z.object({ v: z.number() }))).toEqual({ v: version });
      const flags = await flagsRepo.listAll();
      expect(flags.invalid).toEqual([]);
      // Corrections: kept from v3 on, an empty store after upgrading an older one, writable either way.
      expect(await correctionsRepo.listByDocument(DOC)).toEqual(version >= 3 ? [{ documentId: DOC, safeguard: 'dpia', status: 'negated', detected: 'stated', createdAt: 8, updatedAt: 9 }] : []);
      await correctionsRepo.set({ documentId: DOC, safeguard: 'fg', status: 'planned' });
      expect((await correctionsRepo.listByDocument(DOC)).map((c) => c.safeguard)).toContain('fg');
      // A document kept before the addressee was: valid, without one (the college); it takes one at its next read.
      const kept = await documentsRepo.get(DOC);
      expect(kept?.addressee).toBeUndefined();
      await documentsRepo.upsert({ ...kept!, addressee: 'burgemeester' });
      expect(await documentsRepo.get(DOC)).toMatchObject({ title: `Gemaakt door v${version}`, addressee: 'burgemeester' });
      // Nor an outcome (asked as an open proposal); it takes one the same way, and refuses another word.
      expect(kept?.decision).toBeUndefined();
      await documentsRepo.upsert({ ...kept!, decision: 'verworpen' });
      expect((await documentsRepo.get(DOC))?.decision).toBe('verworpen');
      await expect(documentsRepo.upsert({ ...kept!, decision: 'aangehouden' as never })).rejects.toThrow();
      // Editable after the upgrade.
      if (!flag) throw new Error('flag lost');
      expect((await flagsRepo.save({ ...flag, status: 'gesteld', question: 'ap-2' })).revision).toBe(2);
    });
  }
});
