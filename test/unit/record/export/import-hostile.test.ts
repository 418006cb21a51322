// A backup file is input from anywhere: dates beyond what a Date holds or far ahead, addresses that
// run a script or point elsewhere, a file too large to read. Each is refused with a Dutch message
// before anything is written; what is accepted is reported in full.
import { describe, expect, it, vi } from 'vitest';
import { documentsRepo, notesRepo, readAllRecords } from '../../../../lib/record/db';
import { MAX_DATE_MS } from '../../../../lib/record/db/schema';
import {
  ImportError,
  MAX_BACKUP_BYTES,
  MAX_FUTURE_MS,
  importBackup,
  importBackupFile,
  parseBackup,
  toBackup,
  toCsv,
  toMarkdown,
  toWebAnnotations,
} from '../../../../lib/record/export';
import { useFreshDatabase } from '../db/helpers';
import { DOC_A, labels, set } from './fixtures';

useFreshDatabase();

const NOW = Date.UTC(2026, 10, 28, 12);
const good = toBackup(set, NOW - 60_000);
const withChange = (change: (b: Record<string, any>) => void): string => {
  const copy = structuredClone(good) as Record<string, any>;
  change(copy);
  return JSON.stringify(copy);
};

async function refused(content: string, message: RegExp): Promise<void> {
  const parsed = parseBackup(content, NOW);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.problem).toMatch(message);
  await expect(importBackup(content, NOW)).rejects.toBeInstanceOf(ImportError);
}

describe('dates in a backup', () => {
  it('refuses a date beyond what a Date can hold (updatedAt 9e15), which made every list and export throw', async () => {
    await refused(withChange((b) => (b.notes[0].updatedAt = 9e15)), /beschadigd.*notes\.0\.updatedAt/);
    await refused(withChange((b) => (b.flags[0].createdAt = MAX_DATE_MS + 1)), /flags\.0\.createdAt/);
    expect(await readAllRecords()).toMatchObject({ notes: [], flags: [], documents: [] });
  });

  it('refuses dates more than a day ahead of this computer’s clock, and accepts a clock a few hours ahead', async () => {
    await refused(withChange((b) => (b.notes[1].updatedAt = NOW + MAX_FUTURE_MS + 1)), /notes\.1\.updatedAt: ligt te ver in de toekomst/);
    await refused(withChange((b) => (b.documents[0].createdAt = NOW + 365 * MAX_FUTURE_MS)), /documents\.0\.createdAt: ligt te ver in de toekomst/);
    await refused(withChange((b) => (b.exportedAt = '2090-01-01T00:00:00.000Z')), /exportedAt: ligt te ver in de toekomst/);
    const { result } = await importBackup(withChange((b) => (b.notes[0].updatedAt = NOW + 3 * 60 * 60 * 1000)), NOW);
    expect(result.notes.added).toBe(3);
  });

  it('a stored record with such a date is listed as unreadable, and every export of the rest still works', async () => {
    const note = await notesRepo.create({ documentId: DOC_A, text: 'goed' });
    const db = await (await import('../../../../lib/record/db')).getDb();
    await db.put('notes', { ...note, id: '99999999-9999-4999-8999-999999999999', updatedAt: 9e15 } as never);
    const all = await readAllRecords();
    expect(all.notes.map((n) => n.text)).toEqual(['goed']);
    expect(all.notes.invalid).toHaveLength(1);
    expect(() => [toMarkdown(all, labels), toCsv(all, labels), toWebAnnotations(all, labels), toBackup(all)]).not.toThrow();
  });
});

describe('document addresses in a backup', () => {
  it.each([
    ['data:', 'data:text/html,<script>alert(document.domain)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a browser page', 'chrome://settings/'],
    ['no address at all', 'raadsvoorstel'],
  ])('refuses a document at %s', async (_, url) => {
    const content = withChange((b) => {
      b.documents[0].url = url;
      b.documents[0].id = url;
      for (const r of [...b.notes, ...b.flags]) if (r.documentId === DOC_A) r.documentId = url;
    });
    await refused(content, /documents\.\d\.url: alleen een webadres \(http of https\)/);
  });

  it('refuses an id that is not its own address, so notes cannot be moved to another document', async () => {
    await refused(withChange((b) => (b.documents[0].url = 'https://evil.example/raadsvoorstel')), /documents\.0\.id: hoort bij dit adres https:\/\/evil\.example\/raadsvoorstel/);
    // A file's address is named, not copied whole into the message.
    const long = parseBackup(withChange((b) => (b.documents[0].url = `https://evil.example/${'x'.repeat(100_000)}`)), NOW);
    expect(!long.ok && long.problem.length).toBeLessThan(1_000);
  });

  it('cannot repoint a stored document: a newer copy with another address is refused, a newer title is reported as an update', async () => {
    await importBackup(JSON.stringify(good), NOW);
    await refused(
      withChange((b) => {
        b.documents[0].url = 'https://evil.example/';
        b.documents[0].updatedAt = NOW;
      }),
      /documents\.0\.id/,
    );
    expect((await documentsRepo.get(DOC_A))?.url).toBe(DOC_A);

    const renamed = withChange((b) => {
      b.documents[0].title = 'Raadsvoorstel cameratoezicht (gewijzigd)';
      b.documents[0].updatedAt = NOW;
    });
    const { result, message } = await importBackup(renamed, NOW);
    expect(result.documents).toEqual({ added: 0, updated: 1, kept: 1 });
    expect(message).toContain('0 nieuwe en 1 bijgewerkte documenten');
  });

  it('the database takes no other address either, so its own backups can always be read in again', async () => {
    await expect(documentsRepo.upsert({ url: 'file:///home/raadslid/stuk.pdf', title: 'Lokaal' })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(documentsRepo.upsert({ url: 'data:text/html,x', title: 'x' })).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('the size of a backup file', () => {
  it('is checked in bytes before the file is read', async () => {
    const text = vi.fn(async () => JSON.stringify(good));
    await expect(importBackupFile({ size: MAX_BACKUP_BYTES + 1, text })).rejects.toThrow(/te groot .*meer dan 50 MB/);
    expect(text).not.toHaveBeenCalled();
    // 20 million three-byte characters: 60 MB on disk, though fewer than 50 million UTF-16 units.
    await expect(importBackupFile({ size: 3 * 20_000_000, text })).rejects.toBeInstanceOf(ImportError);
    expect(text).not.toHaveBeenCalled();
  });

  it('within the limit the file is read and imported', async () => {
    const file = new Blob([JSON.stringify(toBackup(set, Date.UTC(2020, 0, 1)))], { type: 'application/json' });
    const { result } = await importBackupFile(file);
    expect(result.notes.added).toBe(3);
  });
});
