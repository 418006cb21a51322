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

describe('a font read through Mac Roman, given back whole', () => {
  const font = (str: string, fontName = 'g_d0_f1'): TextItemLike => ({ str, fontName });

  it('once a character shows it, also the readings that are letters themselves: ’ as “í”, ‘ ” as “ë” “î”, € as “Ä”, – and • alone', () => {
    expect(pageTextOnly([font('de cameraís op de boulevard')])).toBe("de camera's op de boulevard");
    expect(pageTextOnly([font('de ìslimmeî lantaarnpaal kost Ä 100 ñ of Ä250')])).toBe('de “slimme” lantaarnpaal kost € 100 – of €250');
    // (Typographic single quotes become "'", as any PDF's do.)
    expect(pageTextOnly([font('ï sensoren in ëde wijkí'), font(' van de coˆperatie')])).toBe("• sensoren in 'de wijk' van de coöperatie");
    // One character for one: the map points at the item's own characters.
    const { text, map } = buildPageText([font('cameraís')]);
    expect(text).toBe("camera's");
    expect([...map.offset]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('not a font that shows it was read right, nor one that shows nothing, nor another font on the page', () => {
    // "geëvalueerd", "financiële": a real ë inside a word; "●" no Mac Roman reading gives.
    expect(pageTextOnly([font('geëvalueerd door Martí')])).toBe('geëvalueerd door Martí');
    expect(pageTextOnly([font('● de cameraís')])).toBe('● de cameraís');
    expect(pageTextOnly([font('één café, een ruïne')])).toBe('één café, een ruïne');
    // The font that shows it is given back; the other font's "ë" and "é" stay.
    expect(pageTextOnly([font('cameraís', 'g_d0_f1'), font(' ideeën en café', 'g_d0_f2')])).toBe("camera's ideeën en café");
    // Items without a font name: only what a single character shows, as before.
    expect(pageTextOnly([{ str: 'cameraís coˆperatie' }])).toBe('cameraís coöperatie');
  });

  it('on a PDF with such a font, term matching and quotes see "camera\'s"', async () => {
    const pdf = symbolicFontPdf(['Verzoekt het college de camera\x92s op de boulevard uit te rusten met gezichtsherkenning.', '\x93Slimme\x94 camera\x92s kosten \x80 100.']);
    const doc = await (await openPdfInNode(pdf)).promise;
    const items = (await (await doc.getPage(1)).getTextContent()).items as TextItemLike[];
    // The fixture has the cause: pdf.js gives the Mac Roman reading.
    expect(items.map((i) => i.str).join(' ')).toContain('cameraís');
    const [page] = await extractPdfTextPages(pdf);
    expect(page!.text).toContain("de camera's op de boulevard");
    expect(page!.text).toContain("“Slimme” camera's kosten € 100.");
    const result = await scanPages(extractPdfPagesInNode(pdf), createAnalyser(loadBuiltinRules()), { url: 'https://gemeente.nl/motie.pdf' });
    const camera = result.matches.find((m) => m.text.startsWith('camera'));
    expect(camera?.text).toBe("camera's");
    expect(camera?.snippet).toContain("de camera's op de boulevard");
  });
});
