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
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { selectionLetters } from '../../../../lib/extension/ui/letter-input';
import { buildLetters, letterQuestions } from '../../../../lib/record/export/letter';
import { keepChecklistSnapshot } from '../../../../lib/record/writer';

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
    expect(DB_VERSION).toBe(4);
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
      // Nor the technology its matches showed (unknown: the rules' words); it takes them at its next read.
      expect(kept?.categories).toBeUndefined();
      await documentsRepo.upsert({ ...kept!, categories: ['algoritme'] });
      expect((await documentsRepo.get(DOC))?.categories).toEqual(['algoritme']);
      await expect(documentsRepo.upsert({ ...kept!, categories: ['gezichtsherkenning'] as never })).rejects.toThrow();
      // Its portal: an older build's record gets it from its host (DOC is an iBabs address); a v4 build writes it itself.
      expect(kept?.portal).toBe(version < 4 ? 'ibabs' : undefined);
      // Editable after the upgrade.
      if (!flag) throw new Error('flag lost');
      expect((await flagsRepo.save({ ...flag, status: 'gesteld', question: 'ap-2' })).revision).toBe(2);
    });
  }
});

/** A v3 build's documents as it kept them (documentFacts and keepChecklistSnapshot of that build): no portal, no categories. */
const STCRT = 'https://zoek.officielebekendmakingen.nl/stcrt-2025-12345.html';
const GMB = 'https://zoek.officielebekendmakingen.nl/gmb-2025-512078.html';
const NOTUBIZ = 'https://utrecht.raadsinformatie.nl/document/14350011/1/raadsvoorstel-slimme-camera-s';
const ELSEWHERE = 'https://www.tiel.nl/publish/pages/1234/algoritmebeleid.pdf';
const IMPORTED = 'https://www.amsterdam.nl/bestuur/raadsvoorstel-algoritme';
const registerItem = {
  id: 'algoritmeregister',
  status: 'absent',
  passages: [],
  ask: 'Wordt het algoritme of het herkenningssysteem opgenomen in het Algoritmeregister, en wanneer?',
};
const dpiaItem = {
  id: 'dpia',
  status: 'negated',
  passages: [{ text: 'Er is geen DPIA uitgevoerd, omdat het college dit niet nodig acht.', status: 'negated' }],
  ask: 'Waarom is er geen DPIA uitgevoerd, terwijl de AVG die voorschrijft bij een hoog risico voor inwoners?',
};
const v3Documents = [
  { id: STCRT, url: STCRT, title: 'Regeling algoritmetoezicht', checklist: { readAt: 1_700_000_000_000, items: [registerItem] }, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 },
  { id: GMB, url: GMB, title: 'Algoritmebeleid gemeente Tiel', gemeente: 'Tiel', type: 'besluit', checklist: { readAt: 1_700_000_000_001, items: [registerItem] }, createdAt: 1_700_000_000_001, updatedAt: 1_700_000_000_001 },
  { id: NOTUBIZ, url: NOTUBIZ, title: 'Raadsvoorstel slimme camera’s', gemeente: 'Utrecht', type: 'raadsvoorstel', meetingDate: '2025-03-12', checklist: { readAt: 1_700_000_000_002, items: [dpiaItem, registerItem] }, addressee: 'college', createdAt: 1_700_000_000_002, updatedAt: 1_700_000_000_003 },
  { id: ELSEWHERE, url: ELSEWHERE, title: 'algoritmebeleid.pdf', createdAt: 1_700_000_000_004, updatedAt: 1_700_000_000_004 },
  // Read in from a backup with a portal of its own: kept as it is.
  { id: IMPORTED, url: IMPORTED, title: 'Raadsvoorstel algoritme', portal: 'generic', createdAt: 1_700_000_000_005, updatedAt: 1_700_000_000_005 },
];

describe('version 4: the portal and the technology kept with a document', () => {
  async function seedV3Documents(): Promise<void> {
    const db = await openDB(DB_NAME, 3, {
      async upgrade(database, oldVersion, _new, tx) {
        for (const m of MIGRATIONS) if (m.version > oldVersion && m.version <= 3) await m.upgrade(database, tx as never);
      },
    });
    for (const d of v3Documents) await db.put('documents', d);
    // A record no build could read (no title): the migration leaves it unreadable, not lost.
    await db.put('documents', { id: 'https://zoek.officielebekendmakingen.nl/kst-1.html', url: 'https://zoek.officielebekendmakingen.nl/kst-1.html', createdAt: 1, updatedAt: 1 });
    db.close();
  }

  it('gives a v3 document its portal from its host, nothing else changed, and no categories', async () => {
    await seedV3Documents();
    const portals = Object.fromEntries(v3Documents.map((d) => [d.id, 'portal' in d ? d.portal : undefined]));
    expect(portals[STCRT]).toBeUndefined();
    const all = await documentsRepo.listAll();
    expect(all.map((d) => [d.url, d.portal]).sort()).toEqual(
      [
        [STCRT, 'officielebekendmakingen'],
        [GMB, 'officielebekendmakingen'],
        [NOTUBIZ, 'notubiz'],
        [ELSEWHERE, undefined],
        [IMPORTED, 'generic'],
      ].sort(),
    );
    for (const before of v3Documents) {
      const { portal: _p, ...after } = (await documentsRepo.get(before.id))!;
      const { portal: _q, ...was } = before as typeof before & { portal?: string };
      expect(after).toEqual(was);
      expect(after.categories).toBeUndefined();
    }
    expect(all.invalid).toHaveLength(1);
    expect((await getDb()).version).toBe(4);
  });

  it('writes an Alles letter from them as before for the technology (the rules’ words), and asks the Staatscourant what it means for the gemeente', async () => {
    await seedV3Documents();
    const rules = loadBuiltinRules();
    const documents = (await documentsRepo.listAll()).filter((d) => d.url !== ELSEWHERE && d.url !== IMPORTED);
    const letters = selectionLetters({ documents, notes: [], flags: [] }, [], rules, 'onbekend');
    const text = letters.flatMap((l) => buildLetters({ ...l.input, date: 0 }).flatMap(letterQuestions)).map((q) => q.text);
    // No categories kept: the combined wording, as a v3 build's Alles letter had it.
    expect(text.filter((q) => q.includes('Wordt het algoritme of het herkenningssysteem daarin opgenomen'))).toHaveLength(2);
    // The Staatscourant (found from its address by the migration): what it means, no safeguard asked.
    const [stcrt] = selectionLetters({ documents: documents.filter((d) => d.url === STCRT), notes: [], flags: [] }, [], rules, 'onbekend');
    const [letter] = buildLetters({ ...stcrt!.input, date: 0 });
    expect(letter!.inleiding).toContain('De publicatie is geen stuk van de gemeente, maar een publicatie in de Staatscourant.');
    expect(letterQuestions(letter!).map((q) => q.about)).toEqual(['betekenis']);
  });

  it('lets a v3 document learn its categories at its next read, and then names only that technology', async () => {
    await seedV3Documents();
    const rules = loadBuiltinRules();
    // The panel reads it again: the same snapshot, now with what its matches showed.
    expect(await keepChecklistSnapshot(NOTUBIZ, [dpiaItem, registerItem] as never, undefined, undefined, undefined, { categories: ['algoritme', 'camera'], portal: 'notubiz' })).toBe(true);
    const doc = (await documentsRepo.get(NOTUBIZ))!;
    expect(doc).toMatchObject({ categories: ['algoritme', 'camera'], portal: 'notubiz', checklist: { readAt: 1_700_000_000_002 } });
    const [only] = selectionLetters({ documents: [doc], notes: [], flags: [] }, [], rules, 'onbekend');
    const questions = letterQuestions(buildLetters({ ...only!.input, date: 0 })[0]!).map((q) => q.text);
    expect(questions).toContain('Het raadsvoorstel noemt het Algoritmeregister niet. Wordt het algoritme daarin opgenomen, en wanneer?');
    expect(questions.join(' ')).not.toMatch(/herkenningssysteem/);
    // Read again with the same: nothing written.
    expect(await keepChecklistSnapshot(NOTUBIZ, [dpiaItem, registerItem] as never, undefined, undefined, undefined, { categories: ['algoritme', 'camera'], portal: 'notubiz' })).toBe(false);
  });
});
