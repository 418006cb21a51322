// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { snippetAround } from '@/lib/core/questions';
import { loadBuiltinRules } from '@/lib/core/rules';
import { PdfError, PdfScanResultSchema, scanPages, type PageProgress } from '@/lib/surface/pdf';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { simplePdf } from '../../../fixtures/pdf/make-simple-pdf.mjs';
import { wholeMotie } from '../../support/whole-proposals';

const analyser = createAnalyser(loadBuiltinRules());
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../fixtures/pdf', name)));

describe('scanPages', () => {
  it('finds the known terms on their known pages, with snippets, and assesses the whole PDF', async () => {
    const progress: PageProgress[] = [];
    const result = await scanPages(extractPdfPagesInNode(fixture('raadsvoorstel-3p.pdf')), analyser, {
      url: 'https://gemeente.raadsinformatie.nl/document/1/raadsvoorstel.pdf',
      onPage: (p) => progress.push(p),
    });
    expect(PdfScanResultSchema.parse(result)).toEqual(result);
    expect(result.pageCount).toBe(3);
    expect(result.scannedPages).toBe(3);
    expect(result.truncated).toBe(false);
    const pagesOf = (text: RegExp) => [...new Set(result.matches.filter((m) => text.test(m.text)).map((m) => m.page))];
    expect(pagesOf(/^cameratoezicht$/i)).toEqual([1]);
    expect(pagesOf(/^AI-verordening$/)).toEqual([2]);
    expect(pagesOf(/^wifitracking$/)).toEqual([2]);
    expect(pagesOf(/^gezichtsherkenning$/i)).toEqual([3]);
    const joined = result.matches.find((m) => m.text === 'cameratoezicht');
    expect(joined?.snippet).toContain('een pilot met cameratoezicht op het Stationsplein');
    // Offsets are into the page text: the viewer highlights with them.
    expect(joined && joined.end - joined.start).toBe('cameratoezicht'.length);
    // Streamed per page, in order, and the same matches as the final result, but for the weak
    // ones (pilot): those wait for the pages around them and join the final result.
    expect(progress.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(progress.flatMap((p) => p.matches.map((m) => `${m.page}:${m.start}:${m.termId}`))).toEqual(
      result.matches.filter((m) => !analyser.isWeak(m.termId)).map((m) => `${m.page}:${m.start}:${m.termId}`),
    );
    expect(result.matches.filter((m) => m.category === 'pilot').length).toBeGreaterThan(0);
    // The compound the fixture always had and the matcher missed.
    expect(result.matches.find((m) => m.text === 'voorspellingsmodel')).toMatchObject({ category: 'algoritme' });
    // The PDF as a whole: camera and tracking make the questions apply; DPIA and evaluatie are said.
    expect(result.assessment.hasTechnology).toBe(true);
    const found = result.assessment.safeguards.found.map((f) => f.id);
    expect(found).toEqual(expect.arrayContaining(['dpia', 'bewaartermijn', 'evaluatie']));
    expect(result.assessment.safeguards.missing.length).toBeGreaterThan(0);
  });

  it('reads a rejected motie’s dictum as negated, with its vote on the next page (round 21b)', async () => {
    // PDF text: every line a block. The dictum on page 1, the toelichting and the vote on page 2.
    const text = wholeMotie('verworpen');
    const cut = text.indexOf('Toelichting van de indieners');
    const pages = (async function* () {
      yield { page: 1, pageCount: 2, pageLimit: 2, text: text.slice(0, cut) };
      yield { page: 2, pageCount: 2, pageLimit: 2, text: text.slice(cut) };
    })();
    const result = await scanPages(pages, analyser, { url: 'https://example.org/document-12345.pdf' });
    expect(result.opening).toMatchObject({ kind: 'motie', decision: 'verworpen' });
    const status = Object.fromEntries(result.assessment.safeguards.found.map((f) => [f.id, f.status]));
    expect(status).toMatchObject({ iama: 'negated', algoritmeregister: 'negated', informeren: 'negated', fg: 'stated' });
  });

  it('lists each match with the snippet of its page, the streamed ones and the rest alike', async () => {
    const texts: string[] = [];
    const progress: PageProgress[] = [];
    const pages = (async function* () {
      for await (const p of extractPdfPagesInNode(fixture('raadsvoorstel-3p.pdf'))) {
        texts[p.page] = p.text;
        yield p;
      }
    })();
    const result = await scanPages(pages, analyser, { url: 'https://example.org/a.pdf', onPage: (p) => progress.push(p) });
    expect(result.matches.length).toBeGreaterThan(3);
    for (const m of [...result.matches, ...progress.flatMap((p) => p.matches)]) expect(m.snippet).toBe(snippetAround(texts[m.page]!, m.start, m.end, 60));
  });

  it('gives the caller a turn after each page and before the assessment (yieldTask), with the same result', async () => {
    const events: string[] = [];
    const url = 'https://gemeente.raadsinformatie.nl/document/1/raadsvoorstel.pdf';
    const plain = await scanPages(extractPdfPagesInNode(fixture('raadsvoorstel-3p.pdf')), analyser, { url, now: () => 0 });
    const yielded = await scanPages(extractPdfPagesInNode(fixture('raadsvoorstel-3p.pdf')), analyser, {
      url,
      now: () => 0,
      onPage: (p) => void events.push(`page ${p.page}`),
      yieldTask: async () => void events.push('yield'),
    });
    expect(events).toEqual(['page 1', 'yield', 'page 2', 'yield', 'page 3', 'yield']);
    expect({ ...yielded, scannedAt: 0 }).toEqual({ ...plain, scannedAt: 0 });
  });

  it('says a scanned PDF has no searchable text instead of "no terms"', async () => {
    const e = await scanPages(extractPdfPagesInNode(fixture('gescand.pdf')), analyser, { url: 'x' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PdfError);
    expect((e as PdfError).kind).toBe('no-text');
    expect((e as PdfError).message).toBe('Dit document bevat geen doorzoekbare tekst (gescand?).');
  });

  it('names the pages without text (a scanned first page, a blank page) and reads the rest', async () => {
    const bytes = simplePdf([[], ['Het college wil cameratoezicht op het Stationsplein.', 'De beelden worden 28 dagen bewaard.'], ['2'], ['Einde van het voorstel over de camera’s.']]);
    const result = await scanPages(extractPdfPagesInNode(bytes), analyser, { url: 'x' });
    expect(PdfScanResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ pageCount: 4, scannedPages: 4, textlessPages: [1, 3] });
    expect(result.matches.some((m) => m.page === 2)).toBe(true);
    // Every page with text: no list at all (results stay as they were).
    const full = await scanPages(extractPdfPagesInNode(fixture('raadsvoorstel-3p.pdf')), analyser, { url: 'x' });
    expect(full).not.toHaveProperty('textlessPages');
  });

  it('marks a document over the page limit as truncated, with its full length', async () => {
    const bytes = simplePdf(Array.from({ length: 120 }, (_, i) => [`Pagina ${i + 1}: de inzet van een drone boven het park.`]));
    const result = await scanPages(extractPdfPagesInNode(bytes, { maxPages: 40 }), analyser, { url: 'x' });
    expect(result).toMatchObject({ pageCount: 120, scannedPages: 40, truncated: true });
    expect(result.matches.filter((m) => m.text === 'drone').map((m) => m.page)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
