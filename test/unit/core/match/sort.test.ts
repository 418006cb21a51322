// The span-start sort of the resolver: a stable sort, whether the insertion sort finishes or
// hands over to the radix sort when the order is far from sorted.
import { describe, expect, it } from 'vitest';
import { sortBySpanStart } from '../../../../lib/core/match/compile';
import { rng } from './rng';

function check(keys: number[]): void {
  const key = Int32Array.from(keys);
  const items = Int32Array.from(keys, (_, i) => i);
  const want = [...items].sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0));
  const got = sortBySpanStart(items, new Int32Array(items.length), items.length, key);
  expect(Array.from(got.subarray(0, items.length))).toEqual(want);
}

describe('sortBySpanStart', () => {
  it('sorts stably when only a few items are out of place (insertion sort)', () => {
    const next = rng(3);
    for (let run = 0; run < 200; run++) {
      const keys = Array.from({ length: 1 + Math.floor(next() * 300) }, (_, i) => i * 3);
      for (let k = 0; k < 4; k++) {
        const at = Math.floor(next() * keys.length);
        keys[at] = Math.max(0, (keys[at] ?? 0) - Math.floor(next() * 20));
      }
      check(keys);
    }
  });

  it('sorts stably far from sorted, with repeated keys and keys over 16 bits (radix sort)', () => {
    const next = rng(5);
    for (let run = 0; run < 200; run++) {
      const size = 1 + Math.floor(next() * 400);
      const range = run % 2 === 0 ? 50 : 300_000;
      check(Array.from({ length: size }, () => Math.floor(next() * range)));
    }
    check(Array.from({ length: 1000 }, (_, i) => 1000 - i));
  });
});
