// The reader's corrections of the checklist: one per document and safeguard, live, and never a
// correction back to what was read.
import { describe, expect, it } from 'vitest';
import { correctionsRepo, documentsRepo, onRecordChange, readAllRecords, clearAllRecords } from '../../../../lib/record/db';
import { DOC, useFreshDatabase } from './helpers';

useFreshDatabase();

describe('corrections', () => {
  it('keeps one status per document and safeguard; a second correction replaces the first', async () => {
    await correctionsRepo.set({ documentId: DOC, safeguard: 'dpia', status: 'stated', detected: 'negated', passage: 'Er is geen DPIA.' });
    const later = await correctionsRepo.set({ documentId: DOC, safeguard: 'dpia', status: 'planned', detected: 'negated' });
    expect(later).toMatchObject({ status: 'planned' });
    expect(await correctionsRepo.listByDocument(DOC)).toHaveLength(1);
    expect((await correctionsRepo.listByDocument(DOC))[0]).toMatchObject({ safeguard: 'dpia', status: 'planned', detected: 'negated' });
    expect(await correctionsRepo.listByDocument('https://elders.nl/')).toEqual([]);
  });

  it('a correction back to what Raadslens read removes the correction', async () => {
    await correctionsRepo.set({ documentId: DOC, safeguard: 'fg', status: 'negated', detected: 'absent' });
    expect(await correctionsRepo.set({ documentId: DOC, safeguard: 'fg', status: 'absent', detected: 'absent' })).toBeNull();
    expect(await correctionsRepo.listAll()).toEqual([]);
  });

  it('refuses what is not a status or a safeguard id, in Dutch, and stores nothing', async () => {
    await expect(correctionsRepo.set({ documentId: DOC, safeguard: 'dpia', status: 'misschien' as never })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(correctionsRepo.set({ documentId: DOC, safeguard: 'DPIA!', status: 'stated' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(await correctionsRepo.listAll()).toEqual([]);
  });

  it('is announced to other pages, read with everything else, and cleared with everything else', async () => {
    const seen: string[][] = [];
    const stop = onRecordChange((c) => seen.push(c.stores));
    await documentsRepo.upsert({ url: DOC, title: 'Raadsvoorstel' });
    await correctionsRepo.set({ documentId: DOC, safeguard: 'evaluatie', status: 'planned' });
    stop();
    expect(seen).toContainEqual(['corrections']);
    expect((await readAllRecords()).corrections.map((c) => c.safeguard)).toEqual(['evaluatie']);
    await clearAllRecords();
    expect(await correctionsRepo.listAll()).toEqual([]);
  });
});
