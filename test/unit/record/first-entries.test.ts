// "Alles" shows its first rows before the whole record is read: from the documents and the
// entries of the newest few. Those rows must be exactly the head of what the whole record then
// shows, or the list would jump under the reader's eyes.
import { describe, expect, it } from 'vitest';
import { buildEntries, firstEntries, flagEntry, noteEntry, sortEntries, type RecordEntry } from '../../../lib/record/entries';
import type { StoredDocument, StoredFlag, StoredNote } from '../../../lib/record/db/schema';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function dataset(seed: number, { orphans = 0, undated = 0.1 } = {}) {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const documents: StoredDocument[] = Array.from({ length: 12 }, (_, i) => {
    const url = `https://utrecht.raadsinformatie.nl/document/${i}`;
    // Few dates and titles, so ties in date and title occur.
    const date = r() < undated ? undefined : `2025-0${1 + Math.floor(r() * 3)}-1${Math.floor(r() * 2)}`;
    return { id: url, url, title: pick(['Raadsvoorstel', 'Motie', 'Agenda', '']), meetingDate: date, createdAt: i, updatedAt: i };
  });
  const docIds = [...documents.map((d) => d.id), ...Array.from({ length: orphans }, (_, i) => `https://elders.nl/stuk/${i}`)];
  const notes: StoredNote[] = Array.from({ length: 90 }, (_, i) => {
    const start = Math.floor(r() * 5) * 10;
    return {
      id: `n-${String(Math.floor(r() * 1e6)).padStart(7, '0')}-${i}`,
      documentId: pick(docIds),
      ...(r() < 0.8 ? { anchor: { exact: 'camera', prefix: '', suffix: '', start, end: start + 6 } } : {}),
      text: `notitie ${i}`,
      status: 'open',
      tags: [],
      createdAt: Math.floor(r() * 4),
      updatedAt: Math.floor(r() * 4),
      revision: 1,
    };
  });
  const flags: StoredFlag[] = Array.from({ length: 15 }, (_, i) => ({
    id: `f-${i}`,
    documentId: pick(docIds),
    kind: 'document',
    reason: `vlag ${i}`,
    status: 'open',
    tags: [],
    createdAt: Math.floor(r() * 4),
    updatedAt: Math.floor(r() * 4),
    revision: 1,
  }));
  return { documents, notes, flags };
}

/** As the repositories hand them over: listAll newest first from key order; per document the same. */
const newestFirst = <T extends { id: string; updatedAt: number }>(list: T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : 1)).sort((a, b) => b.updatedAt - a.updatedAt);

async function head(data: ReturnType<typeof dataset>, count: number) {
  const byId = new Map(data.documents.map((d) => [d.id, d]));
  return firstEntries(
    data.documents,
    async (id): Promise<RecordEntry[]> => [
      ...newestFirst(data.notes.filter((n) => n.documentId === id)).map((n) => noteEntry(n, byId.get(id))),
      ...newestFirst(data.flags.filter((f) => f.documentId === id)).map((f) => flagEntry(f, byId.get(id))),
    ],
    count,
  );
}

const full = (data: ReturnType<typeof dataset>) =>
  sortEntries(buildEntries(data.documents, newestFirst(data.notes), newestFirst(data.flags)), 'meeting-desc');

describe('firstEntries', () => {
  it('is the head of the whole sorted record, ties in date, title and position included', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 80; seed++) {
      // Half with entries whose document is not stored: they rank among the undated documents.
      const data = dataset(seed, { orphans: seed % 2 ? 3 : 0, undated: 0.3 });
      for (const count of [1, 7, 20, 60]) {
        const first = await head(data, count);
        if (!first) continue;
        compared += 1;
        expect(first.map((e) => e.id)).toEqual(full(data).slice(0, count).map((e) => e.id));
      }
    }
    // Most heads lie before the undated documents.
    expect(compared).toBeGreaterThan(100);
  });

  it('gives up where entries without a stored document could rank, and reads no further', async () => {
    const data = dataset(3, { orphans: 2, undated: 0 });
    const reached: string[] = [];
    const byId = new Map(data.documents.map((d) => [d.id, d]));
    const first = await firstEntries(data.documents, async (id) => {
      reached.push(id);
      return data.notes.filter((n) => n.documentId === id).map((n) => noteEntry(n, byId.get(id)));
    }, 10_000);
    expect(first).toBeNull();
    expect(reached).toHaveLength(data.documents.length);
    // With a head short enough, the orphans (ranked last) do not matter.
    const short = await head(data, 5);
    expect(short!.map((e) => e.id)).toEqual(full(data).slice(0, 5).map((e) => e.id));
  });

  it('reads only the documents it needs', async () => {
    const data = dataset(5, { undated: 0 });
    const reached: string[] = [];
    const byId = new Map(data.documents.map((d) => [d.id, d]));
    await firstEntries(data.documents, async (id) => {
      reached.push(id);
      return data.notes.filter((n) => n.documentId === id).map((n) => noteEntry(n, byId.get(id)));
    }, 3);
    expect(reached.length).toBeLessThan(data.documents.length);
  });
});
