// The panel's memo draws a row again only when its props change, like preact/compat's did, without
// compat's global vnode hook (which every element of the panel then paid for).
import { options } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memo } from '../../../../components/common/memo';
import { mount } from '../../support/mount';

describe('memo', () => {
  it('skips a draw when the props are the same objects, draws when one differs', () => {
    let draws = 0;
    const Row = memo(function Row({ item, label }: { item: { n: number }; label: string }) {
      draws++;
      return <li data-n={item.n}>{label}</li>;
    });
    const a = { n: 1 };
    let set!: (v: { item: { n: number }; label: string; other: number }) => void;
    function List() {
      const [s, setS] = useState({ item: a, label: 'een', other: 0 });
      set = setS;
      return <ul><Row item={s.item} label={s.label} /></ul>;
    }
    const root = mount(<List />);
    expect(draws).toBe(1);
    act(() => set({ item: a, label: 'een', other: 1 })); // the parent drew, the row's props are equal
    expect(draws).toBe(1);
    act(() => set({ item: { n: 1 }, label: 'een', other: 1 })); // an equal-looking but new object
    expect(draws).toBe(2);
    act(() => set({ item: { n: 2 }, label: 'twee', other: 1 }));
    expect(draws).toBe(3);
    expect(root.querySelector('li')?.getAttribute('data-n')).toBe('2');
    expect(root.textContent).toBe('twee');
  });

  it('follows its own comparison where one is given', () => {
    let draws = 0;
    const Row = memo(
      function Row({ id, at }: { id: string; at: number }) {
        draws++;
        return <span>{id}</span>;
      },
      (p, n) => p.id === n.id,
    );
    let set!: (n: number) => void;
    function Host() {
      const [at, setAt] = useState(0);
      set = setAt;
      return <Row id="x" at={at} />;
    }
    mount(<Host />);
    act(() => set(1));
    act(() => set(2));
    expect(draws).toBe(1);
  });

  it('leaves no global vnode hook, and no component imports preact/compat', () => {
    expect(options.vnode).toBeUndefined();
    const root = resolve(__dirname, '../../../../components');
    const files = readdirSync(root, { recursive: true }) as string[];
    const importers = files.filter((f) => /\.tsx?$/.test(f) && /from ['"]preact\/compat['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(importers).toEqual([]);
  });
});
