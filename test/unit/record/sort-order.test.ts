// sortEntries sorts positions by keys read once per entry: it must give exactly the order of the
// plain stable sort by document rank and reading order (the one it replaced), ties included.
import { describe, expect, it } from 'vitest';
import { compareReadingOrder, correctionEntry, flagEntry, noteEntry, sortEntries, type ListEntry } from '../../../lib/record/entries';
import type { StoredDocument, StoredFlag, StoredNote } from '../../../lib/record/db/schema';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** The reference: a stable sort of the entries themselves with the comparator. */
function reference(entries: ListEntry[], order: 'meeting-desc' | 'meeting-asc'): string[] {
  const direction = order === 'meeting-asc' ? 1 : -1;
  const docs = new Map<string, { date: string; title: string }>();
  for (const e of entries) if (!docs.has(e.documentId)) docs.set(e.documentId, { date: e.meetingDate ?? '', title: e.title });
  const ranked = [...docs.entries()].sort(([idA, a], [idB, b]) => {
    if (a.date !== b.date) {
      if (!a.date) return 1;
      if (!b.date) return -1;
      return a.date < b.date ? -direction : direction;
    }
    return collator.compare(a.title, b.title) || (idA < idB ? -1 : 1);
  });
  const rank = new Map(ranked.map(([id], i) => [id, i]));
  return [...entries].sort((a, b) => rank.get(a.documentId)! - rank.get(b.documentId)! || compareReadingOrder(a, b)).map((e) => e.id);
}

function entries(seed: number): ListEntry[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const documents: StoredDocument[] = Array.from({ length: 8 }, (_, i) => {
    const url = `https://zwolle.raadsinformatie.nl/document/${i}`;
    return { id: url, url, title: pick(['Motie', 'motie', 'Agenda 2', 'Agenda 10', '']), meetingDate: r() < 0.2 ? undefined : `2025-0${1 + Math.floor(r() * 2)}-01`, createdAt: i, updatedAt: i };
  });
  const ids = [...documents.map((d) => d.id), 'https://elders.nl/stuk'];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const list: ListEntry[] = [];
  for (let i = 0; i < 60; i++) {
    const documentId = pick(ids);
    const start = Math.floor(r() * 3) * 10;
    // Few distinct positions, pages and times, so every key ties somewhere.
    const anchor = r() < 0.25 ? undefined : { exact: 'camera', prefix: '', suffix: '', start, end: start + 6, ...(r() < 0.5 ? { page: Math.floor(r() * 3) } : {}) };
    const common = { id: `${i}`, documentId, ...(anchor ? { anchor } : {}), status: 'open' as const, tags: [], createdAt: Math.floor(r() * 3), updatedAt: Math.floor(r() * 3), revision: 1 };
    if (r() < 0.8) list.push(noteEntry({ ...common, text: `n${i}` } as StoredNote, byId.get(documentId)));
    else list.push(flagEntry({ ...common, kind: 'document', reason: `f${i}` } as StoredFlag, byId.get(documentId)));
  }
  const doc = pick(documents);
  list.push(correctionEntry(doc.id, [{ documentId: doc.id, safeguard: 'dpia', status: 'negated', createdAt: 1, updatedAt: 1 }], doc));
  return list;
}

describe('sortEntries', () => {
  it('orders exactly as the stable sort by document rank and reading order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const list = entries(seed);
      for (const order of ['meeting-desc', 'meeting-asc'] as const) {
        const copy = [...list];
        const sorted = sortEntries(copy, order);
        expect(sorted).toBe(copy); // in place
        expect(sorted.map((e) => e.id)).toEqual(reference(list, order));
      }
    }
  });
});
