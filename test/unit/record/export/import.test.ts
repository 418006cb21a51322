import { describe, expect, it, vi } from 'vitest';
import { clearAllRecords, correctionsRepo, documentsRepo, flagsRepo, mergeRecords, notesRepo, readAllRecords, type StoredDocument } from '../../../../lib/record/db';
import { ImportError, backupJson, importBackup, parseBackup, toBackup } from '../../../../lib/record/export';
import { useFreshDatabase } from '../db/helpers';
import { DOC_A, documents, flags, notes, set } from './fixtures';

useFreshDatabase();

const good = toBackup(set, Date.UTC(2026, 10, 28));
const json = (value: unknown) => JSON.stringify(value);
const withChange = (change: (b: Record<string, any>) => void) => {
  const copy = structuredClone(good) as Record<string, any>;
  change(copy);
  return json(copy);
};

/** [what is wrong, file content, a word the Dutch message must contain] */
const MALFORMED: Array<[string, string, RegExp]> = [
  ['empty file', '', /leeg/],
  ['only whitespace', '  \n ', /leeg/],
  ['not JSON', 'dit is geen json', /geen geldig JSON/],
  ['truncated JSON', backupJson(good).slice(0, 200), /geen geldig JSON/],
  ['a JSON array', json([good]), /geen Raadslens-back-up/],
  ['a JSON string', json('raadslens-backup'), /geen Raadslens-back-up/],
  ['null', 'null', /geen Raadslens-back-up/],
  ['no format', withChange((b) => delete b.format), /geen Raadslens-back-up/],
  ['foreign format', json({ format: 'hypothesis-export', version: 1, annotations: [] }), /formaat “hypothesis-export”/],
  ['a Web Annotation export', json({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' }), /Web Annotation/],
  ['newer version', withChange((b) => (b.version = 3)), /nieuwere versie van Raadslens \(back-upversie 3/],
  ['correction of a document that is not in the file', withChange((b) => (b.corrections = [{ documentId: 'https://elders.nl/x', safeguard: 'dpia', status: 'negated', createdAt: 1, updatedAt: 1 }])), /document dat er niet in staat/],
  ['correction with an unknown status', withChange((b) => (b.corrections = [{ documentId: b.documents[0].id, safeguard: 'dpia', status: 'misschien', createdAt: 1, updatedAt: 1 }])), /beschadigd.*corrections\.0\.status/],
  ['version as text', withChange((b) => (b.version = '1')), /geen geldig versienummer/],
  ['version 0', withChange((b) => (b.version = 0)), /geen geldig versienummer/],
  ['fractional version', withChange((b) => (b.version = 1.5)), /geen geldig versienummer/],
  ['missing notes list', withChange((b) => delete b.notes), /beschadigd.*notes/],
  ['notes not a list', withChange((b) => (b.notes = {})), /beschadigd.*notes/],
  ['bad exportedAt', withChange((b) => (b.exportedAt = 'gisteren')), /beschadigd.*exportedAt/],
  ['unknown top-level field', withChange((b) => (b.extra = true)), /beschadigd/],
  ['note with unknown status', withChange((b) => (b.notes[0].status = 'afgehandeld')), /beschadigd.*notes\.0\.status/],
  ['note without id', withChange((b) => delete b.notes[1].id), /beschadigd.*notes\.1\.id/],
  ['note id not a uuid', withChange((b) => (b.notes[0].id = '42')), /beschadigd.*notes\.0\.id/],
  ['note with negative updatedAt', withChange((b) => (b.notes[0].updatedAt = -5)), /beschadigd.*updatedAt/],
  ['anchor ending before it starts', withChange((b) => (b.notes[0].anchor.end = 1)), /beschadigd.*anchor/],
  ['passage flag without anchor', withChange((b) => delete b.flags[0].anchor), /beschadigd.*flags\.0\.anchor/],
  ['flag of unknown kind', withChange((b) => (b.flags[0].kind = 'alles')), /beschadigd.*flags\.0\.kind/],
  ['note text of 30 000 characters', withChange((b) => (b.notes[0].text = 'x'.repeat(30_000))), /beschadigd.*text/],
  ['document without title', withChange((b) => delete b.documents[0].title), /beschadigd.*documents\.0\.title/],
  ['meeting date not a date', withChange((b) => (b.documents[0].meetingDate = '10-12-2026')), /beschadigd.*meetingDate/],
  ['duplicate note ids', withChange((b) => b.notes.push(b.notes[0])), /dubbel/],
  ['note of a document that is not in the file', withChange((b) => b.documents.splice(0, 1)), /document dat er niet in staat/],
  ['unknown AP question', withChange((b) => (b.notes[0].question = 'ap-9')), /beschadigd.*question/],
  ['document with an unknown technology category', withChange((b) => (b.documents[0].categories = ['algoritme', 'gezichtsherkenning'])), /beschadigd.*documents\.0\.categories\.1/],
  ['document with a category twice', withChange((b) => (b.documents[0].categories = ['camera', 'camera'])), /beschadigd.*documents\.0\.categories/],
  ['document with categories not a list', withChange((b) => (b.documents[0].categories = 'camera')), /beschadigd.*documents\.0\.categories/],
  ['document with a signal that is no id', withChange((b) => (b.documents[0].signals = ['leverancier', 'De gemeente koopt camera’s van Acme.'])), /beschadigd.*documents\.0\.signals\.1/],
  ['document with a signal twice', withChange((b) => (b.documents[0].signals = ['kinderen', 'kinderen'])), /beschadigd.*documents\.0\.signals/],
  ['document whose dictum asks an unknown thing', withChange((b) => (b.documents[0].asks = 'onderzoek')), /beschadigd.*documents\.0\.asks/],
  ['document whose dictum is kept as text', withChange((b) => (b.documents[0].asks = 'verzoekt het college onderzoek te doen naar beeldherkenning')), /beschadigd.*documents\.0\.asks/],
  ['document with an empty portal', withChange((b) => (b.documents[0].portal = '')), /beschadigd.*documents\.0\.portal/],
  ['too large', ' '.repeat(50 * 1024 * 1024 + 1), /te groot/],
];

describe('import of a JSON backup', () => {
  it(`rejects ${MALFORMED.length} malformed, foreign or newer files with a Dutch message naming the problem, changing nothing`, async () => {
    // Something already stored, which must stay exactly as it is.
    const existing = await notesRepo.create({ documentId: DOC_A, text: 'al bewaard' });
    await documentsRepo.upsert({ url: DOC_A, title: 'Eerder bewaard' });
    const before = await readAllRecords();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');

    for (const [what, content, message] of MALFORMED) {
      const parsed = parseBackup(content);
      expect(parsed.ok, what).toBe(false);
      if (!parsed.ok) expect(parsed.problem, what).toMatch(message);
      const error = await importBackup(content).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(ImportError);
    }
    expect(put).not.toHaveBeenCalled();
    expect(await readAllRecords()).toEqual(before);
    expect((await notesRepo.get(existing.id))?.text).toBe('al bewaard');
  });

  it('restores a backup into an empty database with every record identical (timestamps kept)', async () => {
    const { result } = await importBackup(backupJson(good));
    expect(result.notes).toEqual({ added: 3, updated: 0, kept: 0 });
    const all = await readAllRecords();
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(all.notes)).toEqual(byId(notes));
    expect(byId(all.flags)).toEqual(byId(flags));
    expect(byId(all.documents)).toEqual(byId(documents));
  });

  it('merges by newest updatedAt per id, and bumps the revision of a replaced record', async () => {
    await importBackup(backupJson(good));
    const note = notes[0]!;
    // Edited here after the backup was made: stays.
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const local = await notesRepo.save({ ...note, text: 'hier nieuwer' });
    vi.restoreAllMocks();
    // Edited in the other profile later still: wins.
    const other = notes[2]!;
    const newer = withChange((b) => {
      b.notes[0].text = 'ouder in het bestand';
      b.notes[2].text = 'nieuwer in het bestand';
      b.notes[2].updatedAt = 9_000_000;
      b.notes[2].revision = 1;
    });
    const { result } = await importBackup(newer);
    expect(result.notes).toEqual({ added: 0, updated: 1, kept: 2 });
    expect((await notesRepo.get(note.id))?.text).toBe('hier nieuwer');
    const replaced = await notesRepo.get(other.id);
    expect(replaced).toMatchObject({ text: 'nieuwer in het bestand', updatedAt: 9_000_000, revision: 4 });
    // An editor still holding the old revision gets a conflict, not a silent overwrite.
    await expect(notesRepo.save({ ...other, text: 'oude editor' })).rejects.toThrow(/intussen elders gewijzigd/);
  });

  it('keeps the reader’s checklist corrections: exported, imported, and a version 1 file (without them) still reads', async () => {
    await documentsRepo.upsert({ url: DOC_A, title: 'Raadsvoorstel' });
    await correctionsRepo.set({ documentId: DOC_A, safeguard: 'dpia', status: 'negated', detected: 'stated', passage: 'Er is een DPIA.' });
    const all = await readAllRecords();
    const file = backupJson(toBackup(all));
    expect(JSON.parse(file).corrections).toHaveLength(1);
    await correctionsRepo.remove(DOC_A, 'dpia');
    const { result } = await importBackup(file);
    expect(result.corrections).toEqual({ added: 1, updated: 0, kept: 0 });
    expect(await correctionsRepo.listByDocument(DOC_A)).toMatchObject([{ safeguard: 'dpia', status: 'negated', detected: 'stated' }]);

    const v1 = withChange((b) => {
      b.version = 1;
      delete b.corrections;
    });
    expect(parseBackup(v1).ok).toBe(true);
    await expect(importBackup(v1)).resolves.toMatchObject({ result: { corrections: { added: 0, updated: 0, kept: 0 } } });
  });

  it('keeps a document’s categories, portal, signals and what its dictum asks through export and import, and reads a backup made before them', async () => {
    const kept = { ...documents[0]!, portal: 'notubiz', categories: ['camera', 'algoritme'] as StoredDocument['categories'], signals: ['leverancier', 'proefproject'], asks: 'study' as const };
    const file = backupJson(toBackup({ ...set, documents: [kept, documents[1]!] }, Date.UTC(2026, 11, 7)));
    expect(JSON.parse(file).documents.find((d: StoredDocument) => d.id === DOC_A)).toMatchObject({ portal: 'notubiz', categories: ['camera', 'algoritme'], signals: ['leverancier', 'proefproject'], asks: 'study' });
    await importBackup(file);
    expect(await documentsRepo.get(DOC_A)).toEqual(kept);
    // Exported again: the same content.
    expect(JSON.parse(backupJson(toBackup(await readAllRecords(), Date.UTC(2026, 11, 7))))).toEqual(JSON.parse(file));

    // A file of an older build (the same version, without either field) still imports, and its
    // documents have neither: their letters keep the rules' words.
    const older = withChange((b) => {
      for (const d of b.documents) {
        delete d.portal;
        delete d.categories;
        delete d.signals;
        delete d.asks;
      }
    });
    expect(JSON.parse(older).documents.some((d: object) => 'categories' in d || 'portal' in d || 'signals' in d || 'asks' in d)).toBe(false);
    await clearAllRecords();
    await importBackup(older);
    const read = await documentsRepo.listAll();
    expect(read.map((d) => [d.portal, d.categories, d.signals, d.asks])).toEqual([
      [undefined, undefined, undefined, undefined],
      [undefined, undefined, undefined, undefined],
    ]);
  });

  it('writes nothing, corrections included, when the last put of a file with corrections fails (all-or-nothing)', async () => {
    const withCorrection = toBackup({ ...set, corrections: [{ documentId: DOC_A, safeguard: 'dpia', status: 'negated', detected: 'stated', createdAt: 1_000, updatedAt: 1_000 }] }, Date.UTC(2026, 10, 28));
    const puts = withCorrection.documents.length + withCorrection.notes.length + withCorrection.flags.length + withCorrection.corrections!.length;
    await notesRepo.listAll();
    let calls = 0;
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      // The correction is the last record written: everything before it is rolled back with it.
      if (calls === puts) throw new DOMException('vol', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(importBackup(backupJson(withCorrection))).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    const all = await readAllRecords();
    expect([all.documents.length, all.notes.length, all.flags.length, all.corrections.length]).toEqual([0, 0, 0, 0]);
    // The same file, without the failure, lands whole.
    await importBackup(backupJson(withCorrection));
    expect(await correctionsRepo.listByDocument(DOC_A)).toMatchObject([{ safeguard: 'dpia', status: 'negated' }]);
  });

  it('writes nothing when the transaction fails halfway (all-or-nothing)', async () => {
    await notesRepo.listAll();
    let calls = 0;
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      if (calls === 4) throw new DOMException('vol', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(mergeRecords(good)).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    const all = await readAllRecords();
    expect([all.documents.length, all.notes.length, all.flags.length]).toEqual([0, 0, 0]);
    expect(await flagsRepo.listAll()).toEqual([]);
  });
});
