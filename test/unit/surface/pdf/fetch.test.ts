import { describe, expect, it } from 'vitest';
import { fetchPdf, headValidators, PdfError, sameVersion, validatorsOf } from '@/lib/surface/pdf';
import { hasPdfMagic, PDF_MAGIC_WINDOW } from '@/lib/surface/pdf/fetch';
import { rejectionOf } from '../../support/rejection';

const pdfBytes = new TextEncoder().encode('%PDF-1.4 ...');
const ok = (headers: Record<string, string> = {}) => async () => new Response(pdfBytes, { status: 200, headers });

const failure = (p: Promise<unknown>) => rejectionOf(p, PdfError);

describe('fetchPdf', () => {
  it('returns the bytes and the validators', async () => {
    const r = await fetchPdf('https://x.nl/a.pdf', { fetchImpl: ok({ etag: '"v1"', 'last-modified': 'Mon, 02 Nov 2026 10:00:00 GMT', 'content-length': String(pdfBytes.length) }) });
    expect(r.bytes).toEqual(pdfBytes);
    expect(r.validators).toEqual({ etag: '"v1"', lastModified: 'Mon, 02 Nov 2026 10:00:00 GMT', length: pdfBytes.length });
  });

  it('reads nothing from another origin a server redirected to, unless that one may be read', async () => {
    let cancelled = false;
    const redirected: typeof fetch = async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          c.enqueue(pdfBytes);
        },
        cancel() {
          cancelled = true;
        },
      });
      const res = new Response(body, { status: 200, headers: { 'content-type': 'application/pdf' } });
      Object.defineProperty(res, 'url', { value: 'http://127.0.0.1:8080/intern.pdf' });
      return res;
    };
    const asked: string[] = [];
    const refused = await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: redirected, mayRead: (u) => (asked.push(u), false) }));
    expect(refused.kind).toBe('permission');
    expect(refused.message).toContain('127.0.0.1:8080');
    expect(asked).toEqual(['http://127.0.0.1:8080/intern.pdf']);
    expect(cancelled).toBe(true);
    // Without an answer at all: refused too.
    expect((await failure(fetchPdf('https://x.nl/a.pdf', { fetchImpl: redirected }))).kind).toBe('permission');
    // The same origin, or an allowed one, reads on.
    const same: typeof fetch = async () => {
      const res = new Response(pdfBytes, { status: 200, headers: { 'content-type': 'application/pdf' } });
      Object.defineProperty(res, 'url', { value: 'https://x.nl/b.pdf' });
      return res;
    };
    expect((await fetchPdf('https://x.nl/a.pdf', { fetchImpl: same })).bytes).toEqual(pdfBytes);
  });

  it('asks for validators without following a redirect', async () => {
    let init: RequestInit | undefined;
    await headValidators('https://x.nl/a.pdf', { fetchImpl: async (_u, i) => ((init = i), new Response(null, { status: 200 })) });
    expect(init?.redirect).toBe('manual');
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

/** A response whose body comes in `chunks` chunks of `size` bytes (the first starts with `head`), counting what was pulled. */
function streamed(head: string, chunks: number, size: number, headers: Record<string, string>) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      const chunk = new Uint8Array(size).fill(0x20);
      if (pulled === 0) chunk.set(new TextEncoder().encode(head));
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { fetchImpl: async () => new Response(body, { status: 200, headers }), pulled: () => pulled };
}

describe('fetchPdf: is the response a PDF at all?', () => {
  it('refuses a web page after its first bytes, and says it was a web page', async () => {
    const page = streamed('<!doctype html><title>Inloggen</title>', 1000, 64 * 1024, { 'content-type': 'text/html; charset=utf-8' });
    const e = await failure(fetchPdf('https://x.nl/document/1/1/Motie', { fetchImpl: page.fetchImpl }));
    expect(e.kind).toBe('not-pdf');
    expect(e.message).toBe('Dit adres geeft een webpagina, geen PDF.');
    // 64 MB on offer; one chunk read (a stream may pull one ahead).
    expect(page.pulled()).toBeLessThanOrEqual(2);
  });

  it('names another kind of file by its type', async () => {
    const doc = streamed('PK\u0003\u0004', 1, 2048, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const e = await failure(fetchPdf('https://x.nl/document/2/1/Notitie', { fetchImpl: doc.fetchImpl }));
    expect(e.kind).toBe('not-pdf');
    expect(e.message).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('takes a PDF served as octet-stream (or without a type) by its %PDF- header, also after some junk', async () => {
    const octet = streamed('%PDF-1.7\n', 3, 1000, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="Nota.pdf"' });
    const r = await fetchPdf('https://x.nl/download?id=3', { fetchImpl: octet.fetchImpl });
    expect(r.bytes.length).toBe(3000);
    expect(r.disposition).toBe('attachment; filename="Nota.pdf"');
    const junk = streamed(`${' '.repeat(600)}%PDF-1.4`, 2, 700, {});
    expect((await fetchPdf('https://x.nl/x', { fetchImpl: junk.fetchImpl })).bytes.length).toBe(1400);
    const small = async () => new Response('%PDF-1.4 %%EOF', { status: 200 });
    expect((await fetchPdf('https://x.nl/y', { fetchImpl: small })).bytes.length).toBe(14);
  });

  it('believes a server that says application/pdf (a broken file is pdf.js’ to name)', async () => {
    const r = await fetchPdf('https://x.nl/kapot.pdf', { fetchImpl: async () => new Response('kapot', { status: 200, headers: { 'content-type': 'application/pdf' } }) });
    expect(new TextDecoder().decode(r.bytes)).toBe('kapot');
  });

  it('finds the header only within the first 1024 bytes', () => {
    const at = (n: number) => {
      const b = new Uint8Array(n + 8).fill(0x20);
      b.set(new TextEncoder().encode('%PDF-1.7'), n);
      return b;
    };
    expect(hasPdfMagic(at(0))).toBe(true);
    expect(hasPdfMagic(at(PDF_MAGIC_WINDOW - 5))).toBe(true);
    expect(hasPdfMagic(at(PDF_MAGIC_WINDOW - 4))).toBe(false);
    expect(hasPdfMagic(new TextEncoder().encode('%PDF'))).toBe(false);
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
