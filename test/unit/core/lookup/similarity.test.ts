import { describe, expect, it } from 'vitest';
import { boundedEditDistance, diceSimilarity, trigrams, typoBudget, wordScore } from '@/lib/core/lookup';
import { indexWord } from '@/lib/core/lookup/similarity';

describe('boundedEditDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps', () => {
    expect(boundedEditDistance('camera', 'camera', 2)).toBe(0);
    expect(boundedEditDistance('gezichtsherkening', 'gezichtsherkenning', 3)).toBe(1);
    expect(boundedEditDistance('camrea', 'camera', 2)).toBe(1);
    expect(boundedEditDistance('kamera', 'camera', 2)).toBe(1);
    expect(boundedEditDistance('drone', 'drones', 2)).toBe(1);
    expect(boundedEditDistance('', 'abc', 5)).toBe(3);
    expect(boundedEditDistance('abc', '', 5)).toBe(3);
  });

  it('gives up beyond the bound with max + 1', () => {
    expect(boundedEditDistance('sensor', 'cloud', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(boundedEditDistance('abcdef', 'ghijkl', 1)).toBe(2);
  });

  it('agrees with a plain dynamic programme on random words within the bound', () => {
    const plain = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => 'abcd'[Math.floor(rnd() * 4)]).join('');
    for (let n = 0; n < 500; n++) {
      const a = word();
      const b = word();
      const exact = plain(a, b);
      expect(boundedEditDistance(a, b, 3)).toBe(Math.min(exact, 4));
    }
  });
});

describe('trigrams and dice', () => {
  it('pads words and compares sets', () => {
    expect([...trigrams('cam')]).toEqual([' ca', 'cam', 'am ']);
    expect(diceSimilarity(trigrams('camera'), trigrams('camera'))).toBe(1);
    expect(diceSimilarity(trigrams('camera'), trigrams('xyz'))).toBe(0);
    expect(diceSimilarity(new Set(), trigrams('a'))).toBe(0);
  });
});

describe('wordScore', () => {
  const s = (q: string, w: string) => wordScore(indexWord(q), indexWord(w));
  it('ranks exact above prefix above inflection above typo, and noise below 0.5', () => {
    expect(s('camera', 'camera')).toBe(1);
    expect(s('lantaarn', 'lantaarnpaal')).toBeGreaterThan(0.75);
    expect(s('lantaarnpaal', 'lantaarnpalen')).toBeGreaterThan(0.6);
    expect(s('gezichtsherkening', 'gezichtsherkenning')).toBeGreaterThan(0.6);
    expect(s('camera', 'camera')).toBeGreaterThan(s('camrea', 'camera'));
    expect(s('lantaarn', 'lantaarnpaal')).toBeGreaterThan(s('lantaarnpaal', 'lantaarnpalen'));
    expect(s('camera', 'cloud')).toBeLessThan(0.5);
    expect(s('sensor', 'drone')).toBeLessThan(0.5);
  });

  it('allows no typos in very short words', () => {
    expect(typoBudget(2)).toBe(0);
    expect(s('ai', 'al')).toBeLessThan(0.5);
  });
});
