// Round 21b: a motie or amendement that is the whole document has its vote at its end, beyond the
// reach of round 21's decision line (lib/core/questions/status/rejected.ts) and beyond the window
// the content script sends. What became of the document is read once from the document itself
// (documentOpening, the portal's field) and given to the reading (lib/core/questions/outcome.ts):
// a rejected one's dictum asks for what nobody will carry out (negated); an adopted or open one's
// stays planned; what is no ask (constaterende, toelichting) keeps its own reading.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { readMentions } from '../../../../lib/core/questions';
import { textOutcome } from '../../../../lib/core/questions/document-kind';
import { outcomeOf, parseDocumentOutcome, type DocumentOutcome } from '../../../../lib/core/questions/outcome';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { documentKindRules } from '../../../../lib/core/rules/document-kind';
import { WHOLE_AMENDEMENT, wholeMotie } from '../../support/whole-proposals';

const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);

/** "safeguard:status" for every mention, read with the outcome the text says of itself. */
function read(text: string, outcome: DocumentOutcome = textOutcome(text, documentKindRules())): string[] {
  const { matches, safeguardHits } = analyser.find(text);
  return readMentions({ matches, safeguardHits, text, rules, layout: 'wrapped', outcome }, true).map((r) => `${r.hit.group}:${r.status!.status}`);
}

describe('round 21b: a whole-document motie or amendement, read with its own outcome', () => {
  it('reads a rejected motie’s dictum as negated, its vote far below it; what it notes keeps its reading', () => {
    const text = wholeMotie('verworpen');
    expect(textOutcome(text, documentKindRules())).toBe('rejected');
    // The vote stands beyond round 21's reach and beyond the window around the last item.
    expect(text.indexOf('Stemming') - text.indexOf('over de gedragsherkenning')).toBeGreaterThan(1500);
    expect(read(text)).toEqual(['fg:stated', 'iama:negated', 'algoritmeregister:negated', 'informeren:negated']);
  });

  it('reads an adopted motie’s dictum as planned: its vote is read as adopted, and adopted asks are still to come', () => {
    const text = wholeMotie('aangenomen');
    expect(textOutcome(text, documentKindRules())).toBe('adopted');
    expect(read(text)).toEqual(['fg:stated', 'iama:planned', 'algoritmeregister:planned', 'informeren:planned']);
  });

  it('reads an open motie (no vote yet) as planned, and the same text negated once it says it was voted down', () => {
    const open = wholeMotie('open');
    expect(textOutcome(open, documentKindRules())).toBe('unknown');
    expect(read(open)).toEqual(['fg:stated', 'iama:planned', 'algoritmeregister:planned', 'informeren:planned']);
    // The reading takes the outcome it is given (a portal's field), not only the text's.
    expect(read(open, 'rejected')).toEqual(['fg:stated', 'iama:negated', 'algoritmeregister:negated', 'informeren:negated']);
  });

  it('reads a rejected amendement’s items under "met dien verstande dat:" as negated', () => {
    expect(textOutcome(WHOLE_AMENDEMENT, documentKindRules())).toBe('rejected');
    expect(read(WHOLE_AMENDEMENT)).toEqual(['bewaartermijn:negated', 'evaluatie:negated']);
    expect(read(WHOLE_AMENDEMENT, 'unknown')).toEqual(['bewaartermijn:planned', 'evaluatie:planned']);
  });

  it('lets a decision line within reach decide: a besluitenlijst’s adopted motie stays planned in a rejected document', () => {
    const text = 'Het college wil slimme camera’s plaatsen.\n\nMotie M4 "Eerst een IAMA"\nVerzoekt het college vóór de start een IAMA te laten uitvoeren.\nBesluit: aangenomen met 20 stemmen voor en 11 tegen.\n';
    expect(read(text, 'rejected')).toEqual(['iama:planned', 'iama:planned']);
  });

  it('leaves a document that is no motie or amendement, and one withdrawn, as open', () => {
    expect(outcomeOf('raadsvoorstel', 'verworpen')).toBe('unknown');
    expect(outcomeOf(undefined, 'verworpen')).toBe('unknown');
    expect(outcomeOf('motie', 'ingetrokken')).toBe('unknown');
    expect(outcomeOf('amendement', 'verworpen')).toBe('rejected');
    expect(outcomeOf('motie', 'aangenomen')).toBe('adopted');
    // A raadsvoorstel that quotes a rejected motie's vote is no motie: its own text sets no outcome.
    expect(textOutcome(`Raadsvoorstel slimme camera’s\n\nDe motie wordt met 11 stemmen voor en 20 stemmen tegen verworpen.\n`, documentKindRules())).toBe('unknown');
  });

  it('checks the outcome where it enters the reading, with a Dutch message', () => {
    expect(parseDocumentOutcome('rejected')).toBe('rejected');
    expect(() => parseDocumentOutcome('verworpen')).toThrow('Uitkomst van het stuk onbekend: "verworpen" (verwacht: rejected, adopted, unknown)');
    const text = wholeMotie('verworpen');
    const { matches, safeguardHits } = analyser.find(text);
    expect(() => readMentions({ matches, safeguardHits, text, rules, layout: 'wrapped', outcome: 'weg' as DocumentOutcome }, true)).toThrow(/Uitkomst van het stuk onbekend/);
  });
});
