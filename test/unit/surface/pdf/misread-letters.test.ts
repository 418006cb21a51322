// A font that names no encoding and is flagged symbolic: pdf.js reads its codes as Mac Roman, and
// a Word document's "coöperatie" comes out "coˆperatie" (a real GO besluitenlijst). The page text
// gives the letter the page shows where the character cannot stand in a word.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { scanPages } from '@/lib/surface/pdf';
import { buildPageText, pageTextOnly, type TextItemLike } from '@/lib/surface/pdf/page-text';
import { extractPdfPagesInNode, extractPdfTextPages, openPdfInNode } from '@/lib/surface/pdf/node';
import { symbolicFontPdf } from '../../../fixtures/pdf/make-simple-pdf.mjs';

const one = (str: string): TextItemLike[] => [{ str }];

describe('letters pdf.js read through the wrong code table', () => {
  it('are given as the page shows them inside a word and at its end', () => {
    expect(pageTextOnly(one('deelname in de coˆperatie'))).toBe('deelname in de coöperatie');
    expect(pageTextOnly(one('geÎvalueerd, ideeÎn en een cafÈ.'))).toBe('geëvalueerd, ideeën en een café.');
    expect(pageTextOnly(one('financiÎle ruÔne re¸nie'))).toBe('financiële ruïne reünie');
    // One character for one: the map still points at the item's own characters.
    const { text, map } = buildPageText(one('coˆperatie'));
    expect(text).toBe('coöperatie');
    expect([...map.offset]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('are left where they can be what they say: a capital at a word start or after a capital, an accent standing alone', () => {
    expect(pageTextOnly(one('École Île ÉÈN IJÓ'))).toBe('École Île ÉÈN IJÓ');
    expect(pageTextOnly(one('de toets ˆ of ¸ en het teken ‰'))).toBe('de toets ˆ of ¸ en het teken ‰');
    expect(pageTextOnly(one('aÈB'))).toBe('aÈB');
    // A correctly read "é" or "ö" is left as it is.
    expect(pageTextOnly(one('één coöperatie'))).toBe('één coöperatie');
  });

  it('on a PDF with such a font, term matching and quotes see "coöperatie" and "geëvalueerd"', async () => {
    const pdf = symbolicFontPdf([
      'De raad besluit tot deelname in de co\xF6peratie voor slimme camera\x27s.',
      'De camera\x27s worden na een jaar ge\xEBvalueerd.',
    ]);
    // The fixture has the cause: pdf.js gives the Mac Roman reading.
    const doc = await (await openPdfInNode(pdf)).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items as TextItemLike[];
    expect(items.map((i) => i.str).join(' ')).toContain('coˆperatie');
    const [page] = await extractPdfTextPages(pdf);
    expect(page!.text).toContain('deelname in de coöperatie');
    expect(page!.text).toContain('na een jaar geëvalueerd.');

    const analyser = createAnalyser(loadBuiltinRules(), { ownTerms: [{ id: 'coop', text: 'coöperatie', category: 'data' }] });
    const result = await scanPages(extractPdfPagesInNode(pdf), analyser, { url: 'https://gemeente.nl/besluitenlijst.pdf' });
    const coop = result.matches.find((m) => m.termId === 'own:coop');
    expect(coop?.text).toBe('coöperatie');
    expect(coop?.snippet).toContain('deelname in de coöperatie');
    const evaluatie = result.assessment.safeguards.found.find((f) => f.id === 'evaluatie');
    expect(evaluatie?.passages?.[0]?.text ?? JSON.stringify(evaluatie)).toContain('geëvalueerd');
  });
});
