// A long document's result is drawn in steps (issue 17 target 5, the panel's longest task): the
// first few hundred matches at once, the rest a task at a time, every group's count whole from
// the start, and in the end the same list as drawn at once.
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { PDF_FOLDED_STEP, PdfMatchGroups, RESULT_PARTS } from '../../../../components/panel/PdfResults';
import { PdfScanRow } from '../../../../components/panel/PdfScan';
import type { PdfScanResult } from '../../../../lib/surface/pdf';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { PdfMatch } from '../../../../lib/surface/pdf';
import { PROGRESSIVE_FIRST, PROGRESSIVE_STEP } from '../../../../lib/extension/ui/use-progressive';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const categories = ['camera', 'algoritme', 'biometrie'] as const;
const matches: PdfMatch[] = Array.from({ length: 1200 }, (_, i) => {
  const category = categories[i % 3]!;
  return { index: i, page: 1 + Math.floor(i / 10), start: 0, end: 5, termId: `t${i}`, category, text: `term ${i}`, snippet: `… term ${i} …` };
});

const drawn = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid=pdf-match]')];
const counts = (root: HTMLElement) => [...root.querySelectorAll('[data-testid=pdf-match-group] .count')].map((e) => e.textContent);
const nextTask = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('a long PDF result in the panel', () => {
  it('draws the first matches at once and the rest a few hundred per task, counts whole from the start', async () => {
    const root = mount(<PdfMatchGroups matches={matches} rules={rules} onOpen={() => {}} />);
    expect(drawn(root)).toHaveLength(PROGRESSIVE_FIRST);
    expect(counts(root)).toEqual(['400', '400', '400']);
    await nextTask();
    expect(drawn(root)).toHaveLength(PROGRESSIVE_FIRST + PROGRESSIVE_STEP);
    for (let i = 0; i < 10 && drawn(root).length < matches.length; i++) await nextTask();
    // The same as drawn at once: every match, per group in the document's order.
    const byGroup = [...root.querySelectorAll<HTMLElement>('[data-testid=pdf-match-group]')].map((g) => [g.dataset.category, [...g.querySelectorAll('[data-testid=pdf-match] strong')].map((s) => s.textContent)]);
    const expected = [...new Set(byGroup.map(([c]) => c))].map((c) => [c, matches.filter((m) => m.category === c).map((m) => m.text)]);
    expect(byGroup).toEqual(expected);
  });

  const longResult = () =>
    ({
      url: 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Document/1',
      title: 'Jaarverslag',
      scannedAt: 0,
      ms: 1,
      pageCount: 120,
      scannedPages: 120,
      truncated: false,
      chars: 100_000,
      matchCount: matches.length,
      matches,
      assessment: { hasTechnology: true, categories: [], questions: [], safeguards: { found: [], missing: [] } },
    }) as unknown as PdfScanResult;
  const row = (result: PdfScanResult, expanded: boolean) => mount(<PdfScanRow name="Jaarverslag" url={result.url} state={{ status: 'done', result, fromCache: false, expanded }} rules={rules} onScan={() => {}} onCancel={() => {}} />);
  /** What the result shows, part by part: the verdict, the matches, the questions, the checklist. */
  const parts = (root: HTMLElement) => ['[data-testid=verdict]', '[data-testid=pdf-match-group]', '[data-testid=question-card]', '[data-testid=safeguards]'].filter((s) => root.querySelector(`[data-testid=pdf-results] ${s}`));

  it('a folded result (after "Scan alle") draws only the first matches until the reader opens it', async () => {
    const root = row(longResult(), false);
    // Not in the task that finished the document: its summary only, the rest a part per task.
    expect(root.querySelector('.pdf-result > summary')?.textContent).toContain('1200');
    expect(root.querySelector('[data-testid=pdf-results]')).toBeNull();
    for (let i = 0; i < RESULT_PARTS; i++) await nextTask();
    // The matches a few dozen per task: a document finishing mid-meeting is no long task.
    expect(drawn(root).length).toBeGreaterThanOrEqual(PDF_FOLDED_STEP);
    expect(drawn(root).length).toBeLessThan(PROGRESSIVE_FIRST);
    for (let i = 0; i < PROGRESSIVE_FIRST / PDF_FOLDED_STEP; i++) await nextTask();
    expect(drawn(root)).toHaveLength(PROGRESSIVE_FIRST);
    expect(counts(root)).toEqual(['400', '400', '400']);
    const details = root.querySelector<HTMLDetailsElement>('details.pdf-result')!;
    await act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    for (let i = 0; i < 10 && drawn(root).length < matches.length; i++) await nextTask();
    expect(drawn(root)).toHaveLength(matches.length);
  });

  it('a folded result is drawn a part per task, and ends as one drawn open at once', async () => {
    const root = row(longResult(), false);
    const seen: string[][] = [parts(root)];
    for (let i = 0; i < RESULT_PARTS; i++) {
      await nextTask();
      seen.push(parts(root));
    }
    expect(seen).toEqual([[], ['[data-testid=verdict]'], ['[data-testid=verdict]', '[data-testid=pdf-match-group]'], ['[data-testid=verdict]', '[data-testid=pdf-match-group]', '[data-testid=question-card]'], ['[data-testid=verdict]', '[data-testid=pdf-match-group]', '[data-testid=question-card]', '[data-testid=safeguards]']]);
    for (let i = 0; i < PROGRESSIVE_FIRST / PDF_FOLDED_STEP; i++) await nextTask();
    // The same as a result drawn open, but for the matches a folded one holds back.
    const open = row({ ...longResult(), matches: matches.slice(0, 0) } as PdfScanResult, true);
    const folded = row({ ...longResult(), matches: matches.slice(0, 0) } as PdfScanResult, false);
    for (let i = 0; i < RESULT_PARTS + 1; i++) await nextTask();
    expect(folded.querySelector('[data-testid=pdf-results]')!.outerHTML).toBe(open.querySelector('[data-testid=pdf-results]')!.outerHTML);
  });

  it('a part already drawn is not drawn again as the next ones come', async () => {
    const result = longResult();
    const root = row(result, false);
    await nextTask();
    const verdict = () => root.querySelector<HTMLElement>('[data-testid=verdict]')?.dataset.verdict;
    expect(verdict()).toBe('technology');
    // Changed behind the verdict's back: drawn again with the next part, it would show it.
    (result.assessment as { hasTechnology: boolean }).hasTechnology = false;
    for (let i = 0; i < RESULT_PARTS; i++) await nextTask();
    expect(parts(root)).toHaveLength(4);
    expect(verdict()).toBe('technology');
  });

  it('opened while its parts are still to come, it is drawn whole in that render', async () => {
    const root = row(longResult(), false);
    await nextTask();
    expect(parts(root)).toEqual(['[data-testid=verdict]']);
    const details = root.querySelector<HTMLDetailsElement>('details.pdf-result')!;
    await act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    expect(parts(root)).toEqual(['[data-testid=verdict]', '[data-testid=pdf-match-group]', '[data-testid=question-card]', '[data-testid=safeguards]']);
    expect(drawn(root)).toHaveLength(PROGRESSIVE_FIRST);
  });

  it('a short list is drawn whole at once', () => {
    const root = mount(<PdfMatchGroups matches={matches.slice(0, 12)} rules={rules} onOpen={() => {}} />);
    expect(drawn(root)).toHaveLength(12);
  });
});
