import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheKey, MAX_CACHED_PDFS, PDF_CACHE_DB, pdfCache } from '@/lib/surface/pdf/cache';
import type { PdfScanResult } from '@/lib/surface/pdf';

const result = (url: string): PdfScanResult => ({
  url,
  title: 'Raadsvoorstel',
  scannedAt: 1,
  ms: 5,
  pageCount: 3,
  scannedPages: 3,
  truncated: false,
  chars: 100,
  matchCount: 1,
  matches: [{ index: 0, page: 2, start: 0, end: 6, termId: 'camera', category: 'camera', text: 'camera', snippet: 'camera' }],
  assessment: { hasTechnology: true, categories: [], questions: [], safeguards: { found: [], missing: [] }, signals: [] },
});

/** The keys in the cache's database, read as another page would (the cache's own connection stays open). */
async function storedKeys(): Promise<string[]> {
  const db = await openDB(PDF_CACHE_DB, 1);
  try {
    return (await db.getAllKeys('scans')) as string[];
  } finally {
    db.close();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('pdfCache', () => {
  it('stores and returns a result under the normalised URL', async () => {
    const url = 'https://a.raadsinformatie.nl/doc.pdf?utm_source=mail#page=3';
    expect(await pdfCache.put(url, { etag: '"1"' }, result(url))).toBe(true);
    const back = await pdfCache.get('https://a.raadsinformatie.nl/doc.pdf');
    expect(back?.validators).toEqual({ etag: '"1"' });
    expect(back?.result.matches[0]?.page).toBe(2);
    expect(cacheKey(url)).toBe('https://a.raadsinformatie.nl/doc.pdf');
    expect(await storedKeys()).toEqual(['https://a.raadsinformatie.nl/doc.pdf']);
  });

  it('does not return a result made with other analyser settings', async () => {
    const url = 'https://a.nl/doc.pdf';
    await pdfCache.put(url, { etag: '"1"' }, result(url), '{"ownTerms":[]}');
    expect(await pdfCache.get(url, '{"ownTerms":[]}')).not.toBeNull();
    expect(await pdfCache.get(url, '{"ownTerms":["x"]}')).toBeNull();
  });

  it('drops an entry that does not parse instead of showing it', async () => {
    await pdfCache.get('https://a.nl/other.pdf'); // creates the database
    const db = await openDB(PDF_CACHE_DB, 1);
    await db.put('scans', { url: cacheKey('https://a.nl/x.pdf'), usedAt: 1, version: 1, result: { url: 'x' } });
    db.close();
    expect(await pdfCache.get('https://a.nl/x.pdf')).toBeNull();
    expect(await storedKeys()).toEqual([]);
  });

  it('drops a result stored by a build before results named their pages without text (version 1)', async () => {
    const url = 'https://a.nl/oud.pdf';
    await pdfCache.put(url, { etag: '"1"' }, result(url));
    const db = await openDB(PDF_CACHE_DB, 1);
    const stored = (await db.get('scans', cacheKey(url))) as Record<string, unknown>;
    await db.put('scans', { ...stored, version: 1 });
    db.close();
    expect(await pdfCache.get(url)).toBeNull();
  });

  it('keeps only the most recently stored results', async () => {
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now++);
    for (let i = 0; i < MAX_CACHED_PDFS + 3; i++) {
      await pdfCache.put(`https://a.nl/${i}.pdf`, { etag: `"${i}"` }, result(`https://a.nl/${i}.pdf`));
    }
    expect(await pdfCache.get('https://a.nl/0.pdf')).toBeNull();
    expect(await pdfCache.get('https://a.nl/2.pdf')).toBeNull();
    expect(await pdfCache.get('https://a.nl/3.pdf')).not.toBeNull();
    expect(await pdfCache.get(`https://a.nl/${MAX_CACHED_PDFS + 2}.pdf`)).not.toBeNull();
    expect(await storedKeys()).toHaveLength(MAX_CACHED_PDFS);
    // Storing one again makes it the most recent: the next put evicts another.
    await pdfCache.put('https://a.nl/3.pdf', { etag: '"3b"' }, result('https://a.nl/3.pdf'));
    await pdfCache.put('https://a.nl/new.pdf', { etag: '"n"' }, result('https://a.nl/new.pdf'));
    expect(await pdfCache.get('https://a.nl/3.pdf')).not.toBeNull();
    expect(await pdfCache.get('https://a.nl/4.pdf')).toBeNull();
  });

  it('makes room once when the quota is reached, and otherwise gives up quietly with false', async () => {
    for (let i = 0; i < 4; i++) await pdfCache.put(`https://a.nl/${i}.pdf`, {}, result(`https://a.nl/${i}.pdf`));
    const quota = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(quota);
    expect(await pdfCache.put('https://a.nl/big.pdf', {}, result('https://a.nl/big.pdf'))).toBe(true);
    // The older half made room.
    expect((await storedKeys()).sort()).toEqual(['https://a.nl/2.pdf', 'https://a.nl/3.pdf', 'https://a.nl/big.pdf']);
    put.mockImplementation(quota);
    expect(await pdfCache.put('https://a.nl/bigger.pdf', {}, result('https://a.nl/bigger.pdf'))).toBe(false);
    expect(await pdfCache.get('https://a.nl/bigger.pdf')).toBeNull();
  });

  it('removes one entry', async () => {
    await pdfCache.put('https://a.nl/a.pdf', {}, result('https://a.nl/a.pdf'));
    await pdfCache.remove('https://a.nl/a.pdf#page=2');
    expect(await pdfCache.get('https://a.nl/a.pdf')).toBeNull();
  });

  it('empties itself (Alles verwijderen)', async () => {
    await pdfCache.put('https://a.nl/a.pdf', {}, result('https://a.nl/a.pdf'));
    await pdfCache.put('https://a.nl/b.pdf', {}, result('https://a.nl/b.pdf'));
    expect(await pdfCache.clear()).toBe(true);
    expect(await pdfCache.get('https://a.nl/a.pdf')).toBeNull();
    expect(await pdfCache.get('https://a.nl/b.pdf')).toBeNull();
  });

  it('removes the results kept in storage.local by older versions, once, and nothing else', async () => {
    await fakeBrowser.storage.local.set({
      'raadslens:pdf:https://a.nl/x.pdf': { version: 1 },
      'raadslens:pdf-index': [{ key: 'raadslens:pdf:https://a.nl/x.pdf', usedAt: 1 }],
      'raadslens:settings': { keep: true },
    });
    await pdfCache.get('https://a.nl/x.pdf');
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['raadslens:settings']));
    // Once: only when the database is created.
    await fakeBrowser.storage.local.set({ 'raadslens:pdf-index': [] });
    await pdfCache.get('https://a.nl/x.pdf');
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.storage.local.get('raadslens:pdf-index')).toEqual({ 'raadslens:pdf-index': [] });
  });

  it('misses, without throwing, when IndexedDB cannot be opened', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('disabled', 'InvalidStateError');
    });
    expect(await pdfCache.get('https://a.nl/a.pdf')).toBeNull();
    expect(await pdfCache.put('https://a.nl/a.pdf', {}, result('https://a.nl/a.pdf'))).toBe(false);
    await expect(pdfCache.remove('https://a.nl/a.pdf')).resolves.toBeUndefined();
    expect(await pdfCache.clear()).toBe(false);
  });
});
