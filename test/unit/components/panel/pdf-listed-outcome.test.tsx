// A motie read from a list of moties (an attachment in the panel): its PDF says nothing about what
// the raad did with it, the list's row does. The row's outcome words the verdict and the questions,
// and says it comes from the list; the PDF's own outcome wins; a raadsvoorstel takes none.
import { describe, expect, it } from 'vitest';
import { PdfResults, PdfVerdict } from '../../../../components/panel/PdfResults';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { attachmentsOf } from '../../../../lib/surface/pdf/detect';
import { mount } from '../../support/mount';
import { onePagePdfResult } from '../../support/pdf-result';

const rules = loadBuiltinRules();
const URL_ = 'https://denhaag.raadsinformatie.nl/document/13400002/1/Motie+302';
const TEXT = [
  'De raad van de gemeente Den Haag, in vergadering bijeen op 5 februari 2026,',
  'overwegende dat sensoren in de openbare ruimte gegevens van inwoners verzamelen;',
  'verzoekt het college:',
  '- een openbaar register van sensoren en slimme camera’s bij te houden;',
  'en gaat over tot de orde van de dag.',
].join('\n');

const result = (opening: PdfScanResult['opening'] | null = { kind: 'motie' }): PdfScanResult => onePagePdfResult(URL_, 'Motie 302', TEXT, opening ? { opening } : {});
const decisionIn = (root: HTMLElement) => root.querySelector('[data-testid=verdict-decision]')?.textContent ?? null;

describe('a list row’s outcome for its PDF', () => {
  it('a motie whose text says no outcome: the row’s “Verworpen” words the verdict, says it is the list’s, and asks nothing about carrying it out', () => {
    const root = mount(<PdfResults result={result()} url={URL_} name="Motie 302 Register van sensoren" fromCache={false} rules={rules} onOpen={() => {}} listed="verworpen" />);
    expect(decisionIn(root)).toBe('De raad heeft de motie verworpen (zo staat het in de lijst; de motie zelf zegt het niet). Niemand voert haar uit, dus er zijn geen vragen over de uitvoering.');
    expect(root.querySelector('[data-testid=pdf-results]')!.textContent).not.toContain('Als de motie wordt aangenomen');
  });

  it('without the row, the same motie is asked about as a proposal whose outcome is unknown', () => {
    const root = mount(<PdfResults result={result()} url={URL_} name="Motie 302 Register van sensoren" fromCache={false} rules={rules} onOpen={() => {}} />);
    expect(decisionIn(root)).toBeNull();
  });

  it('the PDF’s own outcome wins over the row’s', () => {
    const root = mount(<PdfVerdict result={result({ kind: 'motie', decision: 'aangenomen' })} rules={rules} listed="verworpen" />);
    expect(decisionIn(root)).toBe('De raad heeft de motie aangenomen. De vragen gaan over wat het college doet voordat het de motie uitvoert.');
  });

  it('a document that is no motie or amendement takes no outcome from its row', () => {
    const root = mount(<PdfVerdict result={result(null)} rules={rules} kind="raadsvoorstel" listed="aangenomen" />);
    expect(decisionIn(root)).toBeNull();
  });

  it('the panel’s attachment list keeps the outcome the report gives, and nothing that is not one', () => {
    const list = attachmentsOf({ attachments: [{ name: 'Motie 302', url: URL_, decision: 'verworpen' }, { name: 'Motie 303', url: `${URL_}3`, decision: 'aangehouden' }] });
    expect(list).toEqual([{ name: 'Motie 302', url: URL_, decision: 'verworpen' }, { name: 'Motie 303', url: `${URL_}3` }]);
  });
});
