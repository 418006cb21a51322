// A line end or space where pdf.js put none between two items apart on the page: the first text
// of a form XObject (a portal's stamp) follows the page's last line without either.
import { describe, expect, it } from 'vitest';
import { buildPageText, pageTextOnly, segmentsFor, type TextItemLike } from '@/lib/surface/pdf/page-text';
import { itemGaps, JOINED, LINE, SPACE } from '@/lib/surface/pdf/item-gaps';
import { extractPdfTextPages, openPdfInNode } from '@/lib/surface/pdf/node';
import { stampedPdf } from '../../../fixtures/pdf/make-simple-pdf.mjs';

/** An item as pdf.js gives it: `size` points high, half a point wide per character unless `width` says. */
const item = (str: string, x: number, y: number, o: { size?: number; hasEOL?: boolean; width?: number; font?: string } = {}): TextItemLike => {
  const size = o.size ?? 9;
  return { str, hasEOL: o.hasEOL ?? false, transform: [size, 0, 0, size, x, y], width: o.width ?? str.length * size * 0.5, height: size, fontName: o.font ?? 'body' };
};

describe('itemGaps', () => {
  it('ends the line before an item on another line that pdf.js did not mark (a stamp after the last line)', () => {
    const items = [item('Rutger de Ridder', 70, 353, { hasEOL: true }), item('Haagse VVD', 70, 341), item('I.6 VVD', 430, 771, { size: 12 })];
    expect([...itemGaps(items)!]).toEqual([JOINED, LINE, JOINED]);
    // A new block too: the stamp's size differs, so it is not a wrap of the line before.
    expect(buildPageText(items).text).toBe('Rutger de Ridder Haagse VVD\nI.6 VVD');
  });

  it('puts a space before an item further along the same line, as pdf.js does within a run', () => {
    const items = [item('Pagina', 474, 50), item('1', 504, 50)];
    expect([...itemGaps(items)!]).toEqual([SPACE, JOINED]);
    const { text, map } = buildPageText(items);
    expect(text).toBe('Pagina 1');
    // The space stands for no character on the page: highlighting "Pagina 1" takes both items whole.
    expect(map.item[6]).toBe(-1);
    expect(segmentsFor(map, 0, 8)).toEqual([{ item: 0, start: 0, end: Number.MAX_SAFE_INTEGER }, { item: 1, start: 0, end: 1 }]);
  });

  it('adds nothing inside a word split over fonts, at a superscript, or where pdf.js already put a line end or a blank', () => {
    // "e" in one font, "r tal van" in another, touching; a footnote mark raised by a third of the size.
    const word = [item('e', 106.82, 553, { width: 4.35 }), item('r tal van', 111.14, 553, { font: 'other' })];
    expect(itemGaps(word)).toBeNull();
    expect(pageTextOnly(word)).toBe('er tal van');
    const note = [item('privacywet', 70, 500, { width: 45 }), item('1', 115, 503, { size: 6, width: 3 }), item(' ', 118, 500, { width: 2 }), item('geldt', 120, 500)];
    expect(itemGaps(note)).toBeNull();
    expect(itemGaps([item('Haagse VVD', 70, 341, { hasEOL: true }), item('I.6 VVD', 430, 771)])).toBeNull();
    expect(itemGaps([item('Haagse VVD ', 70, 341), item('I.6 VVD', 430, 771)])).toBeNull();
    expect(itemGaps([item('Haagse VVD', 70, 341), { str: '', hasEOL: true }, item('I.6 VVD', 430, 771)])).toBeNull();
  });

  it('leaves rotated text and items without positions alone', () => {
    const rotated: TextItemLike[] = [item('Haagse VVD', 70, 341), { str: 'CONCEPT', transform: [0, 9, -9, 0, 500, 400], width: 40, height: 9 }];
    expect(itemGaps(rotated)).toBeNull();
    expect(itemGaps([{ str: 'Haagse VVD' }, { str: 'I.6 VVD' }])).toBeNull();
  });

  it('on a PDF whose stamp a form XObject draws after the body, the stamp is a line of its own', async () => {
    const pdf = stampedPdf(['De raad verzoekt het college een DPIA uit te voeren.', 'Naam indiener', 'Fractie'], [{ text: 'M.3 Fractie', x: 430, y: 771 }]);
    // The fixture has the cause: pdf.js marks no line end between the last line and the stamp.
    const doc = await (await openPdfInNode(pdf)).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items as TextItemLike[];
    expect(items.map((i) => [i.str, !!i.hasEOL]).slice(-2)).toEqual([['Fractie', false], ['M.3 Fractie', false]]);
    const [page] = await extractPdfTextPages(pdf);
    expect(page!.text).toMatch(/ Fractie\nM\.3 Fractie$/);
  });
});
