// A list's row says what became of the motie it links (a status column: "Aangenomen"); the PDF's
// own text may not. The row's outcome is read from its other cells as a motie's short blocks are,
// used only for a motie or an amendement, and only where the text itself says nothing.
import { describe, expect, it } from 'vitest';
import { listedDecision } from '@/lib/core/questions/document-kind';
import { decisionLine, decisionOf } from '@/lib/core/questions/proposal';
import { documentKindRules } from '@/lib/core/rules/document-kind';

const rules = documentKindRules();

describe('listedDecision: the outcome a list row gives', () => {
  it('reads a status cell as a motie’s own stamp is read', () => {
    expect(listedDecision('5 februari 2026\nAangenomen', rules)).toBe('aangenomen');
    expect(listedDecision('Verworpen\n12-02-2026', rules)).toBe('verworpen');
    expect(listedDecision('Status: ingetrokken', rules)).toBe('ingetrokken');
    expect(listedDecision('J. Jansen (VVD)\nAangenomen met 23 stemmen voor', rules)).toBe('aangenomen');
  });

  it('says nothing for a row without an outcome, a word inside a title, or two outcomes', () => {
    expect(listedDecision('5 februari 2026\nBurgemeester', rules)).toBeUndefined();
    expect(listedDecision('Uitvoering van de eerder aangenomen motie over camera’s', rules)).toBeUndefined();
    expect(listedDecision('Motie 301 Geen gezichtsherkenning in de openbare ruimte', rules)).toBeUndefined();
    expect(listedDecision('Aangenomen\nVerworpen', rules)).toBeUndefined();
  });
});

describe('decisionOf: the text first, the row only for a proposal', () => {
  it('takes the row’s outcome for a motie or an amendement whose text says none', () => {
    expect(decisionOf(undefined, 'motie', 'verworpen')).toBe('verworpen');
    expect(decisionOf(undefined, 'amendement', 'aangenomen')).toBe('aangenomen');
  });

  it('the text’s own outcome wins; a raadsvoorstel or an unknown kind takes none from the row', () => {
    expect(decisionOf('aangenomen', 'motie', 'verworpen')).toBe('aangenomen');
    expect(decisionOf(undefined, 'raadsvoorstel', 'aangenomen')).toBeUndefined();
    expect(decisionOf(undefined, undefined, 'aangenomen')).toBeUndefined();
    expect(decisionOf(undefined, 'motie', undefined)).toBeUndefined();
  });

  it('the panel’s line says where an outcome from the list comes from; the text’s own line is as before', () => {
    expect(decisionLine('motie', 'verworpen', 'college', true)).toBe('De raad heeft de motie verworpen (zo staat het in de lijst; de motie zelf zegt het niet). Niemand voert haar uit, dus er zijn geen vragen over de uitvoering.');
    expect(decisionLine('motie', 'ingetrokken', 'college', true)).toBe('De motie is ingetrokken (zo staat het in de lijst; de motie zelf zegt het niet): niemand voert haar uit, dus er zijn geen vragen over de uitvoering.');
    expect(decisionLine('motie', 'verworpen')).toBe('De raad heeft de motie verworpen. Niemand voert haar uit, dus er zijn geen vragen over de uitvoering.');
  });
});
