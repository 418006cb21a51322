// A long page's matches are drawn in steps (issue 17 target 2, the panel's first open): a few
// dozen per task (the groups start folded; 250 per task was still the panel's longest task), every group's count
// whole from the start, and in the end every match, as drawn at once; a click on a match drawn
// early reaches the latest handler.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { MatchGroups } from '../../../../components/panel/MatchGroups';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import type { MatchSummary } from '../../../../lib/extension/messages/protocol';
import { PROGRESSIVE_FOLDED_STEP } from '../../../../lib/extension/ui/use-progressive';
import { mount } from '../../support/mount';

const rules = loadBuiltinRules();
const categories = ['camera', 'algoritme', 'biometrie'] as const;
const matches = Array.from({ length: 1200 }, (_, i) => ({
  index: i,
  termId: `t${i % 7}`,
  category: categories[i % 3]!,
  text: `term ${i % 7}`,
  snippet: `… term ${i % 7} nummer ${i} …`,
})) as unknown as MatchSummary[];

const drawn = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid=match-item]')];
const counts = (root: HTMLElement) => [...root.querySelectorAll('[data-testid=match-group] .count')].map((e) => e.textContent);
const nextTask = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('a long page in the panel', () => {
  it('draws a few dozen matches per task, the first at once, counts whole from the start', async () => {
    const root = mount(<MatchGroups matches={matches} categories={rules.categories} onShow={() => {}} onNote={() => {}} onFlag={() => {}} />);
    expect(drawn(root)).toHaveLength(PROGRESSIVE_FOLDED_STEP);
    expect(counts(root)).toEqual(['400', '400', '400']);
    const first = drawn(root)[0];
    await nextTask();
    expect(drawn(root)).toHaveLength(2 * PROGRESSIVE_FOLDED_STEP);
    // What was drawn stays as it was: a step adds its piece.
    expect(drawn(root)[0]).toBe(first);
    for (let i = 0; i < 20 && drawn(root).length < matches.length; i++) await nextTask();
    const byGroup = [...root.querySelectorAll<HTMLElement>('[data-testid=match-group]')].map((g) => [g.dataset.category, [...g.querySelectorAll('[data-testid=match-item] .snippet')].map((s) => s.textContent)]);
    const expected = [...new Set(byGroup.map(([c]) => c))].map((c) => [c, matches.filter((m) => m.category === c).map((m) => m.snippet)]);
    expect(byGroup).toEqual(expected);
    // Lists of 400 are laid out only in view past their first items (theme.css .match-list.long).
    expect([...root.querySelectorAll('.match-list')].map((l) => l.className)).toEqual(['match-list long', 'match-list long', 'match-list long']);
    // Each item with its three buttons and its own labels.
    const item = drawn(root)[0]!;
    expect(item.querySelectorAll('button')).toHaveLength(3);
    expect(item.querySelector('[data-testid=match-note]')!.getAttribute('aria-label')).toContain(item.querySelector('strong')!.textContent!);
  });

  it('a list of more than 150 matches is marked long, a shorter one is laid out whole', () => {
    const many = Array.from({ length: 230 }, (_, i) => ({ ...matches[0]!, index: i, category: i < 151 ? 'camera' : 'algoritme' })) as MatchSummary[];
    const root = mount(<MatchGroups matches={many} categories={rules.categories} onShow={() => {}} onNote={() => {}} />);
    expect([...root.querySelectorAll<HTMLElement>('[data-testid=match-group]')].map((g) => [g.dataset.category, g.querySelector('.match-list')!.className])).toEqual([
      ['camera', 'match-list long'],
      ['algoritme', 'match-list'],
    ]);
  });

  it('a button drawn in an early step calls the handler the panel hands at the latest drawing', async () => {
    const first = vi.fn();
    const latest = vi.fn();
    const root = mount(<MatchGroups matches={matches} categories={rules.categories} onShow={first} onNote={first} />);
    expect(root.querySelector('[data-testid=match-flag]')).toBeNull();
    act(() => render(<MatchGroups matches={matches} categories={rules.categories} onShow={latest} onNote={latest} />, root));
    const item = drawn(root)[0]!;
    const m = matches.find((x) => x.snippet === item.querySelector('.snippet')!.textContent)!;
    item.querySelector<HTMLButtonElement>('[data-testid=match-note]')!.click();
    item.querySelector<HTMLButtonElement>('.match-show')!.click();
    expect(first).not.toHaveBeenCalled();
    expect(latest.mock.calls).toEqual([[m], [m]]);
  });
});
