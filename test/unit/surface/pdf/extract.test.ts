// @vitest-environment node
// Extraction from real LibreOffice PDFs (test/fixtures/pdf, see generate.mjs) with pdf.js' legacy
// build in Node, as the command-line scanner runs it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPages, PdfError, segmentsFor, type ExtractedPage } from '@/lib/surface/pdf';
import { extractPdfPagesInNode, extractPdfTextPages, openPdfInNode } from '@/lib/surface/pdf/node';
import { simplePdf } from '../../../fixtures/pdf/make-simple-pdf.mjs';
import { rejectionOf } from '../../support/rejection';

const dir = path.resolve(__dirname, '../../../fixtures/pdf');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

async function all(bytes: Uint8Array, options = {}): Promise<ExtractedPage[]> {
  const out: ExtractedPage[] = [];
  for await (const p of extractPdfPagesInNode(bytes, options)) out.push(p);
  return out;
}

const failure = (p: Promise<unknown>) => rejectionOf(p, PdfError);

describe('extractPages on the 3-page raadsvoorstel', () => {
  it('reads three pages with their known text', async () => {
    const pages = await all(fixture('raadsvoorstel-3p.pdf'));
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.pageCount === 3 && p.pageLimit === 3)).toBe(true);
    const [p1, p2, p3] = pages.map((p) => p.text);
    // camera-⏎toezicht is joined, the typographic apostrophe folded, auto-hyphenation undone.
    expect(p1).toContain('een pilot met cameratoezicht op het Stationsplein');
    expect(p1).toContain("de camera's in het uitgaansgebied geëvalueerd");
    expect(p1).toContain('in het uitgaansgebied en stuurt');
    // Lines are joined; a line break stands only where the layout starts a block (the title).
    expect(p1?.split('\n')[0]).toBe('Raadsvoorstel 1: Cameratoezicht en slimme sensoren in de binnenstad');
    expect(p1).toContain('beperkt en dat de gegevens');
    // A real compound hyphen after capitals stays.
    expect(p2).toContain('de Europese AI-verordening; het college');
    expect(p2).toContain('van mobiele telefoons');
    expect(p3).toContain('De bewaartermijn van de beelden is 28 dagen.');
    expect(p3).toContain('Gemeente Voorbeeldstad – pagina 3');
    expect(p1).not.toContain('pagina 2');
  });

  it('maps every character back to its text item, exactly', async () => {
    const task = await openPdfInNode(fixture('raadsvoorstel-3p.pdf'));
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items as { str: string }[];
    let first: ExtractedPage | undefined;
    for await (const p of extractPages(doc, {})) {
      first = p;
      break;
    }
    await task.destroy();
    expect(first).toBeDefined();
    const { text, map } = first as ExtractedPage;
    expect(map.item.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) {
      const it = map.item[i] as number;
      if (it === -1) {
        expect(text[i] === ' ' || text[i] === '\n').toBe(true); // a line end: wrapped, or a block edge
        continue;
      }
      const source = items[it]?.str[map.offset[i] as number];
      const expected = source === '\u2019' ? "'" : /\s/.test(source ?? '') ? text[i] === '\n' ? '\n' : ' ' : source;
      expect(text[i], `char ${i}`).toBe(expected);
    }
    // The joined word spans two items; the dropped hyphen is highlighted with it.
    const at = text.indexOf('cameratoezicht');
    const segs = segmentsFor(map, at, at + 'cameratoezicht'.length);
    expect(segs).toHaveLength(2);
    const [a, b] = segs as [{ item: number; start: number; end: number }, { item: number; start: number; end: number }];
    expect(items[a.item]?.str.slice(a.start, a.end)).toBe('camera-');
    expect(items[b.item]?.str.slice(b.start, b.end)).toBe('toezicht');
  });

  it('gives the command-line scanner page-numbered text', async () => {
    const pages = await extractPdfTextPages(fixture('raadsvoorstel-3p.pdf'));
    expect(pages.map((p) => [p.page, p.pageCount])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(pages[1]?.text).toContain('AI-verordening');
  });
});

describe('extractPages: bad input and limits', () => {
  it('says a password-protected PDF is beveiligd met een wachtwoord', async () => {
    const e = await failure(all(fixture('beveiligd.pdf')));
    expect(e.kind).toBe('password');
    expect(e.message).toContain('beveiligd met een wachtwoord');
  });

  it('says a truncated download is not a readable PDF', async () => {
    const e = await failure(all(fixture('kapot.pdf')));
    expect(e.kind).toBe('corrupt');
    expect(e.message).toBe('Dit bestand is geen leesbare PDF (beschadigd of onvolledig).');
  });

  it('says an HTML page is not a readable PDF', async () => {
    const e = await failure(all(new TextEncoder().encode('<!doctype html><title>Inloggen</title>')));
    expect(e.kind).toBe('corrupt');
  });

  it('returns empty pages for a scan without a text layer (the scanner decides what that means)', async () => {
    const pages = await all(fixture('gescand.pdf'));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.text).toBe('');
    expect(pages[0]?.items).toBe(0);
  });

  it('reads at most maxPages pages of a long document and says how long it is', async () => {
    const bytes = simplePdf(Array.from({ length: 2000 }, (_, i) => [`Pagina ${i + 1} over cameratoezicht`]));
    const pages = await all(bytes, { maxPages: 25 });
    expect(pages).toHaveLength(25);
    expect(pages[24]?.pageCount).toBe(2000);
    expect(pages[24]?.pageLimit).toBe(25);
    expect(pages[24]?.text).toBe('Pagina 25 over cameratoezicht');
  });

  it('stops at maxChars', async () => {
    const bytes = simplePdf(Array.from({ length: 50 }, () => ['Cameratoezicht op het Stationsplein.']));
    const pages = await all(bytes, { maxChars: 1000 });
    const chars = pages.map((p) => p.text.length);
    const total = chars.reduce((a, b) => a + b, 0);
    expect(pages.length).toBeLessThan(50);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total - (chars.at(-1) ?? 0)).toBeLessThan(1000);
  });

  it('cancels between pages and destroys the document', async () => {
    const bytes = simplePdf(Array.from({ length: 200 }, (_, i) => [`Pagina ${i + 1}`]));
    const controller = new AbortController();
    const seen: number[] = [];
    const e = await failure(
      (async () => {
        for await (const p of extractPdfPagesInNode(bytes, { signal: controller.signal })) {
          seen.push(p.page);
          if (p.page === 3) controller.abort();
        }
      })(),
    );
    expect(e.kind).toBe('cancelled');
    expect(e.message).toBe('Scan geannuleerd.');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('cancels before the document is open', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await failure(all(fixture('raadsvoorstel-3p.pdf'), { signal: controller.signal }));
    expect(e.kind).toBe('cancelled');
  });
});
