// A PDF's own tab says how many matches it has once: in the panel's header (panel-summary). Its
// row does not repeat the name (the link just above) nor the count ("Resultaten voor ‘…’ · 15
// vondsten"), and its results have no summary line of their own; a row in a list of attachments,
// with no header about it, keeps both.
import { describe, expect, it } from 'vitest';
import { PdfScanRow } from '../../../../components/panel/PdfScan';
import { createAnalyser } from '../../../../lib/core/analyse';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { AssessmentSummarySchema } from '../../../../lib/extension/messages/protocol';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const TEXT = "Het college stelt cameratoezicht met slimme camera's voor. Voor de slimme camera's is geen DPIA uitgevoerd.";
const result: PdfScanResult = {
  url: 'https://zwolle.raadsinformatie.nl/document/90005/1/Raadsvoorstel+camera%27s',
  title: 'Raadsvoorstel',
  scannedAt: 1,
  ms: 1,
  pageCount: 3,
  scannedPages: 3,
  truncated: false,
  chars: TEXT.length,
  matchCount: 15,
  matches: [],
  assessment: AssessmentSummarySchema.parse(createAnalyser(rules).analyse(TEXT, 'blocks').assessment),
};
const row = (verdictAbove: boolean) =>
  mount(<PdfScanRow name="Raadsvoorstel camera’s" url={result.url} state={{ status: 'done', result, fromCache: false, expanded: true }} rules={rules} onScan={() => {}} onCancel={() => {}} verdictAbove={verdictAbove} />);

describe('the count of a PDF’s matches', () => {
  it('is not said again in its own tab', () => {
    const tab = row(true);
    expect(tab.querySelector('[data-testid=pdf-doc]')).not.toBeNull();
    expect(tab.querySelector('details.pdf-result > summary')!.textContent).toBe('Vondsten per pagina, vragen en checklist');
    expect(tab.querySelector('[data-testid=pdf-summary]')).toBeNull();
    expect(tab.textContent).not.toMatch(/15 vondsten/);
  });

  it('is said once in a row of a list of attachments', () => {
    const list = row(false);
    expect(list.querySelector('details.pdf-result > summary')!.textContent).toBe('Resultaten voor ‘Raadsvoorstel camera’s’ · 15 vondsten');
    expect(list.querySelector('[data-testid=pdf-summary]')!.textContent).toContain('15 vondsten');
  });
});
