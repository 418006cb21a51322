// @vitest-environment node
// The PDF budget: a decompression bomb is refused before pdf.js unpacks it, and a page that reads
// for too long ends the worker with the Dutch message while the pages before it are kept. The
// hostile files are made here (test/fixtures/pdf/make-hostile-pdf.mjs), never stored. No
// assertion is about time: the budgets are far below what the hostile pages need on any machine,
// and the fake pages never answer at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { t } from '@/lib/extension/i18n';
import { checkUnpackedSize, extractPages, PdfError, scanPages, type ExtractedPage, type PdfDocumentLike } from '@/lib/surface/pdf';
import { flateStreams, inflatedSize, MAX_DEFLATE_RATIO } from '@/lib/surface/pdf/budget';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { bombPdf, floodPdf } from '../../../fixtures/pdf/make-hostile-pdf.mjs';
import { imageOnlyPdf, simplePdf } from '../../../fixtures/pdf/make-simple-pdf.mjs';
import { rejectionOf } from '../../support/rejection';

const MB = 1024 * 1024;
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../fixtures/pdf', name)));

const failure = (p: Promise<unknown>) => rejectionOf(p, PdfError);

async function collect(pages: AsyncIterable<ExtractedPage>, into: ExtractedPage[]): Promise<void> {
  for await (const p of pages) into.push(p);
}

let bomb: Uint8Array;
beforeAll(async () => {
  bomb = await bombPdf({ unpackedMb: 300, pages: 3, bombPage: 2 });
});

describe('the unpacked-size check', () => {
  it('finds the Flate content streams in the raw file, and no picture', () => {
    expect(flateStreams(bomb)).toHaveLength(3);
    expect(flateStreams(simplePdf([['onverpakt']]))).toHaveLength(0);
    expect(flateStreams(imageOnlyPdf())).toHaveLength(0);
  });

  it('counts what a stream unpacks to without keeping it, and stops past the limit', async () => {
    const text = Buffer.from('BT (cameratoezicht) Tj ET\n'.repeat(1000), 'latin1');
    expect(await inflatedSize(zlib.deflateSync(text), 10 * MB)).toBe(text.length);
    const big = flateStreams(bomb)[1]!.data;
    expect(big.length).toBeLessThan(MB); // the bomb is small on the wire…
    const counted = await inflatedSize(big, 16 * MB);
    expect(counted).toBeGreaterThan(16 * MB); // …and was stopped just past the limit, not at 300 MB
    expect(counted).toBeLessThan(24 * MB);
  });

  it('refuses a 300 MB bomb with a Dutch message, before pdf.js reads a page', async () => {
    expect(bomb.length).toBeLessThan(MB);
    const err = await failure(checkUnpackedSize(bomb));
    expect(err.kind).toBe('unpacks-too-far');
    expect(err.message).toBe(t('pdfErrorUnpacksTooFar', 128));
    expect(err.message).toMatch(/pakt uit tot meer dan 128 MB/);
    const pages: ExtractedPage[] = [];
    expect((await failure(collect(extractPdfPagesInNode(bomb), pages))).kind).toBe('unpacks-too-far');
    expect(pages).toHaveLength(0);
  });

  it('counts all streams together against the document budget', async () => {
    const three = await bombPdf({ unpackedMb: 40, pages: 3, bombPage: 2 });
    await expect(checkUnpackedSize(three, { streamBytes: 64 * MB, documentBytes: 512 * MB })).resolves.toBeUndefined();
    expect((await failure(checkUnpackedSize(three, { streamBytes: 64 * MB, documentBytes: 32 * MB }))).kind).toBe('unpacks-too-far');
  });

  it('bounds a stream by its compressed length: deflate at its best stays under the ratio', () => {
    const zeros = Buffer.alloc(8 * MB);
    const packed = zlib.deflateSync(zeros, { level: 9 });
    expect(zeros.length / packed.length).toBeGreaterThan(1000); // the bound is close to what deflate reaches…
    expect(zeros.length / packed.length).toBeLessThanOrEqual(MAX_DEFLATE_RATIO); // …and never beyond it
  });

  it('inflates only the streams whose bound could break the budget, largest first', async () => {
    const counted: number[] = [];
    const spy = async (data: Uint8Array, limit: number) => {
      counted.push(data.length);
      return inflatedSize(data, limit);
    };
    // 40 MB from a few kB: within a 64 MB stream budget by its bound alone, nothing inflated.
    const forty = await bombPdf({ unpackedMb: 40, pages: 3, bombPage: 2 });
    await checkUnpackedSize(forty, { streamBytes: 64 * MB, documentBytes: 512 * MB }, spy);
    expect(counted).toEqual([]);
    // The 300 MB bomb: its large stream is inflated (and refused); the small ones never are.
    const largest = Math.max(...flateStreams(bomb).map((s) => s.data.length));
    expect((await failure(checkUnpackedSize(bomb, undefined, spy))).kind).toBe('unpacks-too-far');
    expect(counted).toEqual([largest]);
  });

  it('lets a real LibreOffice PDF through', async () => {
    await expect(checkUnpackedSize(fixture('raadsvoorstel-3p.pdf'))).resolves.toBeUndefined();
  });
});

/** A document whose page `stuck` never answers, as a worker lost in a bomb. */
function stuckDocument(pages: number, stuck: number): PdfDocumentLike {
  return {
    numPages: pages,
    getPage: async (n) => ({
      getTextContent: () => (n === stuck ? new Promise(() => {}) : Promise.resolve({ items: [{ str: `Pagina ${n} noemt cameratoezicht.`, hasEOL: true }] })),
    }),
  };
}

describe('the time budget', () => {
  it('ends the worker on a page that does not finish, keeping the pages before it', async () => {
    let terminated = 0;
    const pages: ExtractedPage[] = [];
    // A second, not 50 ms: pages 1 and 2 answer at once, but on a loaded machine (CI shares 2 cores)
    // the process can be off the core for longer than 50 ms between them, and page 1 or 2 overran.
    const err = await failure(collect(extractPages(stuckDocument(5, 3), { budget: { pageMs: 1000 }, terminate: () => terminated++ }), pages));
    expect(err.kind).toBe('over-budget');
    expect(err.message).toBe(t('pdfErrorOverBudget', 1));
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(terminated).toBe(1);
  });

  it('ends a loading task through its terminate, not its destroy (a busy worker never answers destroy)', async () => {
    const calls: string[] = [];
    const task = {
      promise: Promise.resolve(stuckDocument(3, 1)),
      destroy: () => {
        calls.push('destroy');
        return new Promise<void>(() => {});
      },
      terminate: () => calls.push('terminate'),
    };
    expect((await failure(collect(extractPages(task, { budget: { pageMs: 50 } }), []))).kind).toBe('over-budget');
    expect(calls).toEqual(['terminate']);
  });

  it('gives the whole document a budget too', async () => {
    let terminated = 0;
    const slow: PdfDocumentLike = {
      numPages: 1000,
      getPage: async (n) => ({
        getTextContent: () => new Promise((resolve) => setTimeout(() => resolve({ items: [{ str: `Pagina ${n}`, hasEOL: true }] }), 20)),
      }),
    };
    const pages: ExtractedPage[] = [];
    const err = await failure(collect(extractPages(slow, { budget: { pageMs: 60_000, documentMs: 200 }, terminate: () => terminated++ }), pages));
    expect(err.kind).toBe('over-budget');
    expect(pages.length).toBeLessThan(1000);
    expect(terminated).toBe(1);
  });

  // In Node pdf.js reads in this thread and no timer fires during a page: the budget stops the
  // reading after the page that overran it (in the extension the worker is ended on time).
  it('stops after a real page of two million text operators and keeps what was read as an incomplete result', async () => {
    const flood = floodPdf({ operators: 2_000_000, pages: 3, floodPage: 2 });
    const progress: number[] = [];
    const result = await scanPages(extractPdfPagesInNode(flood, { budget: { pageMs: 1000 } }), createAnalyser(loadBuiltinRules()), {
      url: 'https://gemeente.raadsinformatie.nl/document/1/vloed.pdf',
      onPage: (p) => progress.push(p.page),
    });
    expect(progress).not.toContain(3);
    expect(result).toMatchObject({ incomplete: true, truncated: true, pageCount: 3, scannedPages: progress.length });
    expect(result.matches.map((m) => m.text.toLowerCase())).toContain('cameratoezicht');
  });
});
