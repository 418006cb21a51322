import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cacheKey, MAX_CACHED_PDFS, pdfCache } from '@/lib/surface/pdf/cache';
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

describe('pdfCache', () => {
  it('stores and returns a result under the normalised URL', async () => {
    const url = 'https://a.raadsinformatie.nl/doc.pdf?utm_source=mail#page=3';
    await pdfCache.put(url, { etag: '"1"' }, result(url));
    const back = await pdfCache.get('https://a.raadsinformatie.nl/doc.pdf');
    expect(back?.validators).toEqual({ etag: '"1"' });
    expect(back?.result.matches[0]?.page).toBe(2);
    expect(cacheKey(url)).toBe('raadslens:pdf:https://a.raadsinformatie.nl/doc.pdf');
  });

  it('does not return a result made with other analyser settings', async () => {
    const url = 'https://a.nl/doc.pdf';
    await pdfCache.put(url, { etag: '"1"' }, result(url), '{"ownTerms":[]}');
    expect(await pdfCache.get(url, '{"ownTerms":[]}')).not.toBeNull();
    expect(await pdfCache.get(url, '{"ownTerms":["x"]}')).toBeNull();
  });

  it('drops an entry that does not parse instead of showing it', async () => {
    await fakeBrowser.storage.local.set({ [cacheKey('https://a.nl/x.pdf')]: { version: 1, result: { url: 'x' } } });
    expect(await pdfCache.get('https://a.nl/x.pdf')).toBeNull();
    expect(await fakeBrowser.storage.local.get(cacheKey('https://a.nl/x.pdf'))).toEqual({});
  });

  it('keeps only the most recently stored results', async () => {
    for (let i = 0; i < MAX_CACHED_PDFS + 3; i++) {
      await pdfCache.put(`https://a.nl/${i}.pdf`, { etag: `"${i}"` }, result(`https://a.nl/${i}.pdf`));
    }
    expect(await pdfCache.get('https://a.nl/0.pdf')).toBeNull();
    expect(await pdfCache.get(`https://a.nl/${MAX_CACHED_PDFS + 2}.pdf`)).not.toBeNull();
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith('raadslens:pdf:'))).toHaveLength(MAX_CACHED_PDFS);
  });
});
