import { describe, expect, it } from 'vitest';
import { compileMatcher, foldText, type TermMatch } from '../../../../lib/core/match';
import { TEST_PACKS } from './packs';
import { rng } from './rng';

const PIECES = [
  'a', 'e', 'i', 's', 'n', 'A', 'I', 'ë', 'ï', 'é', 'e\u0301', 'ﬁ', 'İ', 'ß', '😀', '\ud800', '7',
  '-', '‐', '’', "'", '`', '\u00ad', '\u200b', ' ', '\u00a0', '\n', '-\n', '\t', '.', '(',
  'camera', 'came', 'ANPR', 'AI', 'IoT', 'sensor', 'isch', 'algoritme', 'slimme', 'lantaarnpa', 'al', 'len',
  'wifi', 'tracking', 'gezichts', 'herkenning', 'proef', 'schrift', 'drone', 'pilot', 'man', "'s", 'en', 'tje',
];

function randomText(next: () => number): string {
  const parts = Math.floor(next() * 40);
  let s = '';
  for (let k = 0; k < parts; k++) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return s;
}

function assertWellFormed(text: string, matches: TermMatch[]): void {
  // Collected and asserted once: an expect() per match makes the 50 000-match case crawl.
  const problems: string[] = [];
  let lastEnd = 0;
  for (const m of matches) {
    if (!(m.start < m.end)) problems.push(`empty or reversed ${m.start}-${m.end}`);
    if (m.start < lastEnd) problems.push(`overlap or out of order at ${m.start}`);
    if (m.end > text.length) problems.push(`past the end at ${m.end}`);
    if (text.slice(m.start, m.end) !== m.text) problems.push(`text differs at ${m.start}`);
    lastEnd = m.end;
  }
  expect(problems, JSON.stringify(text)).toEqual([]);
}

describe('fuzz', () => {
  const matcher = compileMatcher(TEST_PACKS, {
    ownTerms: [
      { id: '1', text: 'a.b*', category: 'data' },
      { id: '2', text: "e'-", category: 'data' },
    ],
  });

  it('never throws and always returns ordered, non-overlapping, exact matches', () => {
    const next = rng(20241128);
    let total = 0;
    for (let run = 0; run < 4000; run++) {
      const text = randomText(next);
      const matches = matcher.match(text);
      assertWellFormed(text, matches);
      total += matches.length;
    }
    // the pieces are term fragments, so a fair share of texts must produce matches
    expect(total).toBeGreaterThan(500);
  });

  it('folds random text into a consistent mapping', () => {
    const next = rng(7);
    for (let run = 0; run < 2000; run++) {
      const text = randomText(next);
      const f = foldText(text);
      expect(f.cased.length).toBe(f.folded.length);
      expect(f.toOriginal.length).toBe(f.folded.length + 1);
      expect(f.folded).not.toMatch(/ {2}|\u00ad|\u200b/);
      for (let i = 1; i < f.toOriginal.length; i++) {
        expect(f.toOriginal[i]).toBeGreaterThanOrEqual(f.toOriginal[i - 1] ?? 0);
      }
    }
  });

  it('finds a term in one huge word once, and every term in a long run of words', () => {
    const word = 'camera'.repeat(100_000);
    const one = matcher.match(word);
    expect(one).toHaveLength(1);
    expect(one[0]?.end).toBe(word.length);

    const many = 'camera '.repeat(50_000);
    const all = matcher.match(many);
    expect(all).toHaveLength(50_000);
    assertWellFormed(many, all);

    expect(matcher.match('camer '.repeat(50_000))).toEqual([]);
  });
});
