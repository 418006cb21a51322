// A document's matches show while it is read (issue 17 target 5): the row of a running scan lists
// the matches of the pages read so far, under test ids of their own; the finished document's
// result takes its place.
import { describe, expect, it } from 'vitest';
import { PdfScanRow } from '../../../../components/panel/PdfScan';
import type { PdfScanState } from '../../../../components/panel/PdfScanState';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { PdfMatch, PdfScanResult } from '../../../../lib/surface/pdf';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const url = 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/1';
const match = (index: number, page: number, text: string, category: PdfMatch['category']): PdfMatch => ({ index, page, start: 10, end: 10 + text.length, termId: `t${index}`, category, text, snippet: `… ${text} …` });

const row = (state: PdfScanState) => mount(<PdfScanRow name="Raadsvoorstel" url={url} state={state} rules={rules} onScan={() => {}} onCancel={() => {}} />);

describe('PDF row while its pages are read', () => {
  it('lists the matches found so far, with their pages, beside the progress', () => {
    const live = [match(0, 1, 'cameratoezicht', 'camera'), match(1, 3, 'algoritme', 'algoritme')];
    const root = row({ status: 'running', phase: 'reading', page: 3, pageLimit: 40, pageCount: 40, liveMatches: 2, live });
    expect(root.querySelector('[data-testid=pdf-progress]')?.textContent).toContain('3');
    const list = root.querySelector('[data-testid=pdf-live]');
    expect(list?.querySelector('summary')?.textContent).toBe('2 vondsten tot nu toe');
    expect([...root.querySelectorAll<HTMLElement>('[data-testid=pdf-live-match]')].map((e) => e.dataset.page)).toEqual(['1', '3']);
    // Not a finished document's result: those are counted elsewhere.
    expect(root.querySelector('.pdf-result, [data-testid=pdf-match]')).toBeNull();
    // The count is said once, in the list's summary.
    expect(root.querySelector('[data-testid=pdf-progress]')?.textContent).not.toContain('tot nu toe');
  });

  it('without matches yet, only the progress', () => {
    const root = row({ status: 'running', phase: 'reading', page: 1, pageLimit: 40, pageCount: 40, liveMatches: 0, live: [] });
    expect(root.querySelector('[data-testid=pdf-live]')).toBeNull();
  });

  it('once read, the result replaces the list', () => {
    const result: PdfScanResult = {
      url,
      title: 'Raadsvoorstel',
      scannedAt: 0,
      ms: 1,
      pageCount: 3,
      scannedPages: 3,
      truncated: false,
      chars: 100,
      matchCount: 1,
      matches: [match(0, 1, 'cameratoezicht', 'camera')],
      assessment: { hasTechnology: true, categories: [], questions: [], safeguards: { found: [], missing: [] } } as unknown as PdfScanResult['assessment'],
    };
    const root = row({ status: 'done', result, fromCache: false, expanded: false });
    expect(root.querySelector('[data-testid=pdf-live]')).toBeNull();
    expect(root.querySelectorAll('[data-testid=pdf-match]').length).toBe(1);
  });
});
