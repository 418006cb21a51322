import { describe, expect, it } from 'vitest';
import { groupByCategory } from '@/lib/extension/ui/category-groups';

const cats = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
const m = (category: string, n: number) => ({ category, n });

describe('groupByCategory', () => {
  it('leaves out empty categories, puts the fullest first and keeps rule order on ties and within a group', () => {
    const matches = [m('c', 1), m('b', 2), m('c', 3), m('a', 4), m('x', 5), m('b', 6)];
    const groups = groupByCategory(cats, matches);
    expect(groups.map((g) => [g.cat.id, g.items.map((i) => i.n)])).toEqual([
      ['b', [2, 6]],
      ['c', [1, 3]],
      ['a', [4]],
    ]);
  });

  it('gives no groups for no matches', () => {
    expect(groupByCategory(cats, [])).toEqual([]);
  });
});
