// The upsert polyfill pdf.js needs in Firefox ESR 140 (lib/surface/pdf/map-upsert.ts): installed
// only where missing, with the proposal's semantics. Node 20 lacks the methods, so the polyfill's
// own code runs here.
import { describe, expect, it, vi } from 'vitest';
import '@/lib/surface/pdf/map-upsert';

type Upsert = { getOrInsert<K, V>(k: K, v: V): V; getOrInsertComputed<K, V>(k: K, f: (k: K) => V): V };

describe('Map/WeakMap getOrInsert(Computed)', () => {
  it('returns what is there, and inserts (computing once, with the key) only what is missing', () => {
    const m = new Map<string, number[]>([['a', [1]]]) as Map<string, number[]> & Upsert;
    const make = vi.fn(() => [] as number[]);
    expect(m.getOrInsertComputed('a', make)).toEqual([1]);
    expect(make).not.toHaveBeenCalled();
    const b = m.getOrInsertComputed('b', make);
    b.push(2);
    expect(make).toHaveBeenCalledOnce();
    expect(make).toHaveBeenCalledWith('b');
    expect(m.get('b')).toEqual([2]);
    expect(m.getOrInsert('c', [3])).toEqual([3]);
    expect(m.getOrInsert('c', [4])).toEqual([3]);
    // An undefined value that is there counts as there.
    const u = new Map([['x', undefined]]) as Map<string, undefined | number> & Upsert;
    expect(u.getOrInsert('x', 5)).toBeUndefined();
  });

  it('works on a WeakMap, is not enumerable, and refuses a callback that is not a function', () => {
    const key = {};
    const w = new WeakMap<object, string>() as WeakMap<object, string> & Upsert;
    expect(w.getOrInsertComputed(key, () => 'v')).toBe('v');
    expect(w.get(key)).toBe('v');
    expect(Object.keys(Map.prototype)).not.toContain('getOrInsertComputed');
    expect(() => (new Map() as Map<string, string> & Upsert).getOrInsertComputed('k', 'x' as never)).toThrow(TypeError);
  });
});
