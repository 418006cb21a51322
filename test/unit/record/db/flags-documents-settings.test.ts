import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ConflictError, documentsRepo, flagsRepo, settingsRepo, getDb, type StoredSetting } from '../../../../lib/record/db';
import { DOC, anchor, useFreshDatabase } from './helpers';

useFreshDatabase();

describe('flagsRepo', () => {
  it('saves flags of each kind and lists them per document', async () => {
    const onTerm = await flagsRepo.create({ documentId: DOC, kind: 'match', anchor, termId: 'camera.cameratoezicht', category: 'camera', reason: 'camera zonder DPIA' });
    const onDoc = await flagsRepo.create({ documentId: DOC, kind: 'document', reason: 'inwoners niet geïnformeerd' });
    await flagsRepo.create({ documentId: 'https://example.nl/ander', kind: 'document', reason: 'ander stuk' });

    expect((await flagsRepo.listByDocument(DOC)).map((f) => f.id).sort()).toEqual([onTerm.id, onDoc.id].sort());
    expect(onTerm).toMatchObject({ revision: 1, kind: 'match', termId: 'camera.cameratoezicht' });
    expect(await flagsRepo.listAll()).toHaveLength(3);
  });

  it('rejects a passage flag without anchor and a term flag without termId', async () => {
    await expect(flagsRepo.create({ documentId: DOC, kind: 'passage', reason: 'x' })).rejects.toMatchObject({
      kind: 'invalid',
      problems: ['anchor: een markering van een passage of term heeft een anker nodig'],
    });
    await expect(flagsRepo.create({ documentId: DOC, kind: 'match', anchor, reason: 'x' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(await flagsRepo.listAll()).toHaveLength(0);
  });

  it('detects conflicting edits with a flag-specific message', async () => {
    const flag = await flagsRepo.create({ documentId: DOC, kind: 'passage', anchor, reason: 'bewaartermijn' });
    await flagsRepo.save({ ...flag, reason: 'bewaartermijn te lang' });
    const error = (await flagsRepo.save({ ...flag, reason: 'oud' }).catch((e: unknown) => e)) as ConflictError<unknown>;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^Deze markering is intussen elders gewijzigd/);
  });
});

describe('documentsRepo', () => {
  it('keys a document by its normalised URL and merges what a later visit knows', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const first = await documentsRepo.upsert({
      url: `${DOC}?utm_source=nieuwsbrief#p2`, title: 'Raadsvoorstel cameratoezicht', portal: 'ibabs', meetingDate: '2026-03-12',
    });
    expect(first.id).toBe(DOC);

    now.mockReturnValue(2_000);
    const second = await documentsRepo.upsert({ url: DOC, title: 'Raadsvoorstel cameratoezicht Stationsplein', gemeente: 'Utrecht' });

    expect(second).toEqual({
      id: DOC,
      url: DOC,
      title: 'Raadsvoorstel cameratoezicht Stationsplein',
      portal: 'ibabs',
      gemeente: 'Utrecht',
      meetingDate: '2026-03-12',
      createdAt: 1_000,
      updatedAt: 2_000,
    });
    expect(await documentsRepo.getByUrl(`${DOC}/#x`)).toEqual(second);
    expect(await documentsRepo.listAll()).toHaveLength(1);
  });

  it('rejects an id that does not belong to the URL, and a malformed meeting date', async () => {
    await expect(documentsRepo.upsert({ id: 'https://elders.nl', url: DOC, title: 't' })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(documentsRepo.upsert({ url: DOC, title: 't', meetingDate: '12-03-2026' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(await documentsRepo.listAll()).toHaveLength(0);
  });
});

describe('settingsRepo', () => {
  const Engine = z.enum(['css', 'mark']);

  it('stores JSON values and reads them through the owner’s schema', async () => {
    await settingsRepo.set('highlightEngine', 'mark', Engine);
    expect(await settingsRepo.get('highlightEngine', Engine)).toBe('mark');
    expect(await settingsRepo.get('onbekend', Engine)).toBeUndefined();
    await settingsRepo.remove('highlightEngine');
    expect(await settingsRepo.get('highlightEngine', Engine)).toBeUndefined();
  });

  it('refuses a value that fails its schema or is not JSON, and reports a stale stored value', async () => {
    await expect(settingsRepo.set('highlightEngine', 'canvas' as 'css', Engine)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(settingsRepo.set('since', new Date(0))).rejects.toMatchObject({ kind: 'invalid' });

    const db = await getDb();
    await db.put('settings', { key: 'highlightEngine', value: 'paint', updatedAt: 1 } satisfies StoredSetting);
    await expect(settingsRepo.get('highlightEngine', Engine)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
