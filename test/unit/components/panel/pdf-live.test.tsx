// A document's matches show while it is read (issue 17 target 5): the row of a running scan lists
// the matches of the pages read so far, under test ids of their own; the finished document's
// result takes its place.
import { describe, expect, it } from 'vitest';
import { PdfScanRow } from '../../../../components/panel/PdfScan';
import { PdfMatchGroups } from '../../../../components/panel/PdfResults';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { startedFromQueue, type PdfScanState } from '../../../../components/panel/PdfScanState';
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

  it('once read, the result replaces the list', async () => {
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
    // Folded (after "Scan alle"), its parts come a task at a time (pdf-long-result.test.tsx).
    for (let i = 0; i < 4; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    expect(root.querySelectorAll('[data-testid=pdf-match]').length).toBe(1);
  });
});

describe('a growing match list draws only what is new', () => {
  it('keeps the drawn matches as they were and ends as a list drawn at once', () => {
    const all = [match(0, 1, 'cameratoezicht', 'camera'), match(1, 3, 'algoritme', 'algoritme'), match(2, 4, 'camera', 'camera'), match(3, 9, 'algoritmes', 'algoritme')];
    const state = (n: number): PdfScanState => ({ status: 'running', phase: 'reading', page: 9, pageLimit: 40, pageCount: 40, liveMatches: n, live: all.slice(0, n) });
    const onScan = () => {};
    const onCancel = () => {};
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<PdfScanRow name="Raadsvoorstel" url={url} state={state(2)} rules={rules} onScan={onScan} onCancel={onCancel} />, root));
    const first = root.querySelector('[data-testid=pdf-live-match]');
    // Changed behind the list's back: a match drawn again would show it.
    all[0]!.text = 'ongezien';
    act(() => render(<PdfScanRow name="Raadsvoorstel" url={url} state={state(4)} rules={rules} onScan={onScan} onCancel={onCancel} />, root));
    expect(root.querySelector('[data-testid=pdf-live-match]')).toBe(first);
    expect(first?.querySelector('strong')?.textContent).toBe('cameratoezicht');
    expect(root.querySelectorAll('[data-testid=pdf-live-match]')).toHaveLength(4);
    all[0]!.text = 'cameratoezicht';
    const once = row(state(4));
    expect(root.innerHTML).toBe(once.innerHTML);
    render(null, root);
    root.remove();
  });
});

describe('which changes of a scan the whole panel hears', () => {
  it('not a queued document starting, every other change of status', () => {
    const running = (phase: 'checking' | 'reading'): PdfScanState => ({ status: 'running', phase, page: 0, pageLimit: 0, pageCount: 0, liveMatches: 0 });
    expect(startedFromQueue({ status: 'queued' }, running('checking'))).toBe(true);
    // A phase of reading tells a PDF tab what its address is.
    expect(startedFromQueue({ status: 'queued' }, running('reading'))).toBe(false);
    expect(startedFromQueue(undefined, running('checking'))).toBe(false);
    expect(startedFromQueue({ status: 'queued' }, { status: 'blocked', host: 'x.nl' })).toBe(false);
    expect(startedFromQueue(running('reading'), { status: 'queued' })).toBe(false);
  });
});

describe('a match drawn once opens with the handler of the latest drawing', () => {
  it('calls the onOpen given last, not the one it was first drawn with', () => {
    const matches = [match(0, 2, 'cameratoezicht', 'camera')];
    const calls: string[] = [];
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<PdfMatchGroups matches={matches} rules={rules} onOpen={() => calls.push('first')} live />, root));
    act(() => render(<PdfMatchGroups matches={matches} rules={rules} onOpen={(page, at) => calls.push(`latest ${page} ${at}`)} live />, root));
    act(() => root.querySelector<HTMLButtonElement>('[data-testid=pdf-live-match] button')!.click());
    expect(calls).toEqual(['latest 2 10']);
    render(null, root);
    root.remove();
  });
});
