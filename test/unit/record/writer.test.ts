// The one writer: the document is stored before what belongs to it, edits are checked against
// the revision the reader saw, failures are Dutch, and every write is announced to the other views.
import { describe, expect, it } from 'vitest';
import { ConflictError, correctionsRepo, documentsRepo, flagsRepo, notesRepo, onRecordChange, type RecordChange } from '../../../lib/record/db';
import { addFlag, addNote, clearRecord, correctStatus, keepChecklistSnapshot, removeEntry, saveEntry, undoCorrection } from '../../../lib/record/writer';
import { anchor, DOC, useFreshDatabase } from './db/helpers';

useFreshDatabase();
const doc = { url: DOC, title: 'Raadsvoorstel cameratoezicht' };
const item = { id: 'dpia', status: 'absent' as const, passages: [] };

function announced(): { changes: RecordChange[]; stop: () => void } {
  const changes: RecordChange[] = [];
  return { changes, stop: onRecordChange((c) => changes.push(c)) };
}

describe('record writer', () => {
  it('stores the document with the first note or flag, and announces each write', async () => {
    const { changes, stop } = announced();
    const note = await addNote(doc, { text: 'DPIA?', anchor });
    const flag = await addFlag(doc, { kind: 'passage', anchor, reason: 'let op' });
    stop();
    expect((await documentsRepo.get(DOC))?.title).toBe(doc.title);
    expect(note.documentId).toBe(DOC);
    expect(flag.documentId).toBe(DOC);
    expect(changes.flatMap((c) => c.stores)).toEqual(expect.arrayContaining(['documents', 'notes', 'flags']));
  });

  it('saves against the revision shown: a stale edit is a conflict with the current row, a stale removal a Dutch error', async () => {
    const note = await addNote(doc, { text: 'een' });
    const saved = await saveEntry('note', { ...note, text: 'twee' });
    expect(saved).toMatchObject({ kind: 'saved', stored: { text: 'twee', revision: 2 } });
    const stale = await saveEntry('note', { ...note, text: 'drie' });
    expect(stale).toMatchObject({ kind: 'conflict', current: { text: 'twee' } });
    expect(stale.kind === 'conflict' && stale.message).toMatch(/gewijzigd|veranderd|ander/i);
    await expect(removeEntry('note', note.id, 1)).rejects.toBeInstanceOf(ConflictError);
    await removeEntry('note', note.id, 2);
    expect(await notesRepo.listByDocument(DOC)).toEqual([]);
    const flag = await addFlag(doc, { kind: 'document', reason: 'x' });
    await removeEntry('flag', flag.id);
    expect(await flagsRepo.listByDocument(DOC)).toEqual([]);
  });

  it('keeps a checklist snapshot only for a stored document, and only when it changed', async () => {
    const items = [item];
    expect(await keepChecklistSnapshot(DOC, items)).toBe(false);
    expect(await documentsRepo.get(DOC)).toBeUndefined();
    await addNote(doc, { text: 'bewaard' });
    expect(await keepChecklistSnapshot(DOC, items)).toBe(true);
    expect(await keepChecklistSnapshot(DOC, items)).toBe(false);
  });

  it('keeps whom the document asks: with the first note, and from a later read, a change of meaning only', async () => {
    // A motie read as asking the burgemeester, noted: stored so.
    await addNote({ ...doc, addressee: 'burgemeester' }, { text: 'Mag dit?' });
    expect((await documentsRepo.get(DOC))?.addressee).toBe('burgemeester');
    // A facts object that does not know (the PDF not read yet) keeps what a read said.
    await addFlag(doc, { kind: 'document', reason: 'let op' });
    expect((await documentsRepo.get(DOC))?.addressee).toBe('burgemeester');
    // The same read again writes nothing; a read that says the college (rules changed) does.
    expect(await keepChecklistSnapshot(DOC, null, 'burgemeester')).toBe(false);
    expect(await keepChecklistSnapshot(DOC, null, 'college')).toBe(true);
    expect((await documentsRepo.get(DOC))?.addressee).toBe('college');
    expect(await keepChecklistSnapshot(DOC, [item], 'burgemeester')).toBe(true);
    expect(await documentsRepo.get(DOC)).toMatchObject({ addressee: 'burgemeester', checklist: { items: [item] } });
  });

  it('a document kept without an addressee (older builds) means the college: a read saying so writes nothing', async () => {
    await addNote(doc, { text: 'ouder' });
    expect((await documentsRepo.get(DOC))?.addressee).toBeUndefined();
    expect(await keepChecklistSnapshot(DOC, null, 'college')).toBe(false);
    expect(await keepChecklistSnapshot(DOC, null, undefined)).toBe(false);
    expect(await keepChecklistSnapshot(DOC, null, 'burgemeester')).toBe(true);
  });

  it('keeps what the raad did with a motie: with the first note, and from a later read; a read without one keeps it', async () => {
    await addNote({ ...doc, decision: 'verworpen' }, { text: 'Mag dit?' });
    expect((await documentsRepo.get(DOC))?.decision).toBe('verworpen');
    // Facts that do not know (the PDF not read yet, a list row not seen) keep what a read said.
    await addFlag(doc, { kind: 'document', reason: 'let op' });
    expect((await documentsRepo.get(DOC))?.decision).toBe('verworpen');
    expect(await keepChecklistSnapshot(DOC, null, undefined, undefined)).toBe(false);
    expect(await keepChecklistSnapshot(DOC, null, 'college', 'verworpen')).toBe(false);
    // A read that says otherwise is written, with the checklist where that changed too.
    expect(await keepChecklistSnapshot(DOC, null, undefined, 'aangenomen')).toBe(true);
    expect((await documentsRepo.get(DOC))?.decision).toBe('aangenomen');
    expect(await keepChecklistSnapshot(DOC, [item], undefined, 'ingetrokken')).toBe(true);
    expect(await documentsRepo.get(DOC)).toMatchObject({ decision: 'ingetrokken', checklist: { items: [item] } });
  });

  it('keeps a correction with its document and undoes it; clearing empties every store', async () => {
    await correctStatus(doc, { safeguard: 'dpia', status: 'stated', detected: 'absent' }, null);
    expect((await documentsRepo.get(DOC))?.title).toBe(doc.title);
    expect(await correctionsRepo.listByDocument(DOC)).toMatchObject([{ safeguard: 'dpia', status: 'stated' }]);
    await undoCorrection(DOC, 'dpia');
    expect(await correctionsRepo.listByDocument(DOC)).toEqual([]);
    await addNote(doc, { text: 'weg' });
    await clearRecord();
    expect(await documentsRepo.get(DOC)).toBeUndefined();
    expect(await notesRepo.listByDocument(DOC)).toEqual([]);
  });
});
