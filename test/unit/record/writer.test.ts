// The one writer: the document is stored before what belongs to it, edits are checked against
// the revision the reader saw, failures are Dutch, and every write is announced to the other views.
import { describe, expect, it } from 'vitest';
import { ConflictError, correctionsRepo, documentsRepo, flagsRepo, notesRepo, onRecordChange, type RecordChange } from '../../../lib/record/db';
import { addFlag, addNote, clearRecord, correctStatus, keepChecklistSnapshot, learnListedOutcomes, removeEntry, saveEntry, undoCorrection } from '../../../lib/record/writer';
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

  it('keeps the technology its matches showed with the snapshot, and its portal, for the Alles letter; only when they changed', async () => {
    await addNote(doc, { text: 'bewaard' });
    expect(await keepChecklistSnapshot(DOC, [item])).toBe(true);
    // The same snapshot, now with what the matches showed (a record of an older build learns them).
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { categories: ['algoritme'], portal: 'ibabs' })).toBe(true);
    expect(await documentsRepo.get(DOC)).toMatchObject({ categories: ['algoritme'], portal: 'ibabs', checklist: { items: [item] } });
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { categories: ['algoritme'], portal: 'ibabs' })).toBe(false);
    // Categories come with a read of the checklist: none without one; a read that shows other technology replaces them.
    expect(await keepChecklistSnapshot(DOC, null, undefined, undefined, undefined, { categories: ['camera'] })).toBe(false);
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { categories: ['camera', 'biometrie'] })).toBe(true);
    expect(await documentsRepo.get(DOC)).toMatchObject({ categories: ['camera', 'biometrie'], portal: 'ibabs' });
    // A correction stores the document with what was read, the categories among it.
    await correctStatus({ url: `${DOC}-2`, title: 'Ander stuk', portal: 'ibabs' }, { safeguard: 'dpia', status: 'negated' }, [item], { categories: ['algoritme'] });
    expect(await documentsRepo.get(`${DOC}-2`)).toMatchObject({ portal: 'ibabs', categories: ['algoritme'], checklist: { items: [item] } });
  });

  it('keeps the ids of the signals the letter asks about with the snapshot; only when they changed, never without a read', async () => {
    await addNote(doc, { text: 'bewaard' });
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { categories: ['algoritme'] })).toBe(true);
    expect((await documentsRepo.get(DOC))?.signals).toBeUndefined();
    // The same snapshot, now with the signals (a record of an older build learns them).
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { categories: ['algoritme'], signals: ['leverancier', 'kinderen'] })).toBe(true);
    expect(await documentsRepo.get(DOC)).toMatchObject({ signals: ['leverancier', 'kinderen'], categories: ['algoritme'] });
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { signals: ['leverancier', 'kinderen'] })).toBe(false);
    expect(await keepChecklistSnapshot(DOC, null, undefined, undefined, undefined, { signals: [] })).toBe(false);
    // A read that shows none: an empty list (known: none), not the earlier ones.
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { signals: [] })).toBe(true);
    expect((await documentsRepo.get(DOC))?.signals).toEqual([]);
    // A correction stores the document with what was read, the signals among it.
    await correctStatus({ url: `${DOC}-3`, title: 'Derde stuk' }, { safeguard: 'dpia', status: 'negated' }, [item], { signals: ['proefproject'] });
    expect(await documentsRepo.get(`${DOC}-3`)).toMatchObject({ signals: ['proefproject'], checklist: { items: [item] } });
    // Page text is refused at the boundary: an id is lower-case letters, digits and dashes.
    await expect(keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { signals: ['De leverancier levert de camera’s.'] })).rejects.toThrow();
  });

  it('keeps whether a motie’s dictum asks a study: from a read, a change of meaning only', async () => {
    await addNote({ ...doc, type: 'motie' }, { text: 'bewaard' });
    // Not a study, as an absent field already says: nothing written.
    expect(await keepChecklistSnapshot(DOC, null, undefined, undefined, undefined, { asks: 'other' })).toBe(false);
    expect((await documentsRepo.get(DOC))?.asks).toBeUndefined();
    // A study, with or without a snapshot (the reading is the opening's, not the matches').
    expect(await keepChecklistSnapshot(DOC, null, undefined, undefined, undefined, { asks: 'study' })).toBe(true);
    expect((await documentsRepo.get(DOC))?.asks).toBe('study');
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { asks: 'study' })).toBe(true);
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { asks: 'study' })).toBe(false);
    // No reading (a web page's motie): what was kept stays.
    expect(await keepChecklistSnapshot(DOC, [item])).toBe(false);
    expect((await documentsRepo.get(DOC))?.asks).toBe('study');
    // A later read that no longer says so.
    expect(await keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { asks: 'other' })).toBe(true);
    expect((await documentsRepo.get(DOC))?.asks).toBe('other');
    // A correction stores the document with what was read, the reading among it.
    await correctStatus({ url: `${DOC}-4`, title: 'Motie onderzoek', type: 'motie' }, { safeguard: 'dpia', status: 'negated' }, [item], { asks: 'study' });
    expect(await documentsRepo.get(`${DOC}-4`)).toMatchObject({ asks: 'study', checklist: { items: [item] } });
    // A value that is no reading is refused at the boundary.
    await expect(keepChecklistSnapshot(DOC, [item], undefined, undefined, undefined, { asks: 'onderzoek' as never })).rejects.toThrow();
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

  describe('what a list says the raad did with a kept motie', () => {
    const motie = { url: DOC, title: 'Motie camera’s', type: 'motie' };
    const OTHER = 'https://utrecht.raadsinformatie.nl/document/2/1/Motie+2';

    it('a kept motie without an outcome learns the list row’s, in one announced write; nothing else is stored', async () => {
      await addNote(motie, { text: 'Mag dit?' });
      const { changes, stop } = announced();
      // The list links the kept motie (by another spelling of its address) and a motie the reader never kept.
      const written = await learnListedOutcomes([
        { url: `${DOC}#p2`, decision: 'verworpen' },
        { url: OTHER, decision: 'aangenomen' },
        { url: 'https://utrecht.raadsinformatie.nl/document/3/1/Motie+3' },
      ]);
      stop();
      expect(written).toEqual([DOC]);
      expect(await documentsRepo.get(DOC)).toMatchObject({ decision: 'verworpen', decisionFrom: 'list' });
      expect(await documentsRepo.get(OTHER)).toBeUndefined();
      expect(changes).toMatchObject([{ stores: ['documents'], ids: [DOC] }]);
      // The same list again: nothing written, nothing announced.
      const again = announced();
      expect(await learnListedOutcomes([{ url: DOC, decision: 'verworpen' }])).toEqual([]);
      again.stop();
      expect(again.changes).toEqual([]);
    });

    it('never replaces the motie’s own word; a list’s later word replaces its earlier one', async () => {
      await addNote({ ...motie, decision: 'aangenomen' }, { text: 'eigen tekst' });
      expect(await learnListedOutcomes([{ url: DOC, decision: 'verworpen' }])).toEqual([]);
      expect(await documentsRepo.get(DOC)).toMatchObject({ decision: 'aangenomen', decisionFrom: 'text' });
      // Nor through the facts of a note saved where only the list says it (the PDF's own text wins).
      await addNote({ ...motie, decision: 'verworpen', decisionFrom: 'list' }, { text: 'uit de lijst' });
      expect((await documentsRepo.get(DOC))?.decision).toBe('aangenomen');
      expect(await keepChecklistSnapshot(DOC, null, undefined, 'verworpen', 'list')).toBe(false);

      await addNote({ url: OTHER, title: 'Motie 2', type: 'motie' }, { text: 'nog open' });
      await learnListedOutcomes([{ url: OTHER, decision: 'aangenomen' }]);
      await learnListedOutcomes([{ url: OTHER, decision: 'ingetrokken' }]);
      expect(await documentsRepo.get(OTHER)).toMatchObject({ decision: 'ingetrokken', decisionFrom: 'list' });
      // The motie's own text, read later, wins over the list's.
      expect(await keepChecklistSnapshot(OTHER, null, undefined, 'verworpen', 'text')).toBe(true);
      expect(await documentsRepo.get(OTHER)).toMatchObject({ decision: 'verworpen', decisionFrom: 'text' });
    });

    it('a kept outcome of older builds (no source) counts as the text’s; a raadsvoorstel or a doubtful list learns nothing', async () => {
      await addNote({ ...motie }, { text: 'ouder' });
      await documentsRepo.reviseAll([DOC], () => ({ decision: 'aangenomen' }));
      expect((await documentsRepo.get(DOC))?.decisionFrom).toBeUndefined();
      expect(await learnListedOutcomes([{ url: DOC, decision: 'verworpen' }])).toEqual([]);

      await addNote({ url: OTHER, title: 'Raadsvoorstel', type: 'raadsvoorstel' }, { text: 'bijlage' });
      expect(await learnListedOutcomes([{ url: OTHER, decision: 'aangenomen' }])).toEqual([]);
      const third = 'https://utrecht.raadsinformatie.nl/document/4/1/Motie+4';
      await addNote({ url: third, title: 'Motie 4', type: 'motie' }, { text: 'twee rijen' });
      // One address with two outcomes in one list: the list does not say.
      expect(await learnListedOutcomes([{ url: third, decision: 'aangenomen' }, { url: third, decision: 'verworpen' }])).toEqual([]);
      expect((await documentsRepo.get(third))?.decision).toBeUndefined();
    });
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
