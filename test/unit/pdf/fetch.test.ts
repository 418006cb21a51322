import { describe, expect, it } from 'vitest';
import { fetchPdf, headValidators, PdfError, sameVersion, validatorsOf } from '@/lib/pdf';

const pdfBytes = new TextEncoder().encode('%PDF-1.4 ...');
const ok = (headers: Record<string, string> = {}) => async () => new Response(pdfBytes, { status: 200, headers });

async function failure(p: Promise<unknown>): Promise<PdfError> {
  const e = await p.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(PdfError);
  return e as PdfError;
}

describe('fetchPdf', () => {
  it('returns the bytes and the validators', async () => {
    const r = await fetchPdf('https://x.nl/a.pdf', { fetchImpl: ok({ etag: '"v1"', 'last-modified': 'Mon, 02 Nov 2026 10:00:00 GMT', 'content-length': String(pdfBytes.length) }) });
    expect(r.bytes).toEqual(pdfBytes);
    expect(r.validators).toEqual({ etag: '"v1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT', length: pdfBytes.length });
  });

  it('maps 404 and other statuses to Dutch messages', async () => {
    const notFound = await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: async () => new Response('weg', { status: 404 }) }));
    expect(notFound.kind).toBe('not-found');
    expect(notFound.message).toContain('niet gevonden (404)');
    const e500 = await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: async () => new Response('', { status: 503 }) }));
    expect(e500.message).toBe('De server gaf een fout (503) bij het ophalen van het document.');
  });

  it('gives up on a server that never answers', async () => {
    const hang: typeof fetch = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const e = await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: hang, idleTimeoutMs: 30 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('De server reageert niet');
  });

  it('gives up on a server that stops sending halfway', async () => {
    const stall: typeof fetch = async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(pdfBytes);
          init?.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    };
    expect((await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: stall, idleTimeoutMs: 30 }))).kind).toBe('timeout');
  });

  it('is cancelled by the reader, and refuses documents over the size cap', async () => {
    const controller = new AbortController();
    const hang: typeof fetch = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const p = fetchPdf('https://x.nl/a.pdf', { fetchImpl: hang, signal: controller.signal });
    controller.abort();
    expect((await failure(p)).kind).toBe('cancelled');
    const big = await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: ok({ 'content-length': String(400 * 1024 * 1024) }) }));
    expect(big.kind).toBe('too-large');
  });

  it('reports an unreachable host as a network error', async () => {
    const e = await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: async () => Promise.reject(new TypeError('Failed to fetch')) }));
    expect(e.kind).toBe('network');
  });
});

describe('validators', () => {
  it('only trusts an ETag or Last-Modified, never the length alone', () => {
    expect(sameVersion({ etag: '"a"' }, { etag: '"a"' })).toBe(true);
    expect(sameVersion({ etag: '"a"' }, { etag: '"b"' })).toBe(false);
    expect(sameVersion({ lastModified: 'x', length: 5 }, { lastModified: 'x', length: 5 })).toBe(true);
    expect(sameVersion({ lastModified: 'x', length: 5 }, { lastModified: 'x', length: 6 })).toBe(false);
    expect(sameVersion({ length: 5 }, { length: 5 })).toBe(false);
    expect(validatorsOf(new Headers({ 'content-length': '10', 'content-encoding': 'gzip' }))).toEqual({});
  });

  it('HEAD: validators, or null when the server does not help', async () => {
    expect(await headValidators('https://x.nl/a.pdf', { fetchImpl: async () => new Response(null, { status: 200, headers: { etag: 'W/"1"' } }) })).toEqual({ etag: 'W/"1"' });
    expect(await headValidators('https://x.nl/a.pdf', { fetchImpl: async () => new Response(null, { status: 405 }) })).toBeNull();
    expect(await headValidators('https://x.nl/a.pdf', { fetchImpl: async () => Promise.reject(new TypeError('x')) })).toBeNull();
  });
});
