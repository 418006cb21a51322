// lib/core/match gives exactly the outputs it gave before the speed work (see golden.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCombinedMatcher, compileMatcher, compileTerms, foldCodes } from '../../../../lib/core/match';
import { GOLDEN_OPTIONS, goldenCases, prose, randomText, SAFEGUARD_ENTRIES, type GoldenCase } from './golden';
import { TEST_PACKS } from './packs';
import { rng } from './rng';

describe('golden outputs', () => {
  it('fold, matcher and safeguard-style terms give the recorded results on random and prose texts', () => {
    const expected = JSON.parse(readFileSync(resolve(process.cwd(), 'test/unit/core/match/golden.json'), 'utf8')) as GoldenCase[];
    expect(goldenCases()).toEqual(expected);
  });

  it('the combined matcher finds exactly what the two matchers find on their own', () => {
    const matcher = compileMatcher(TEST_PACKS, GOLDEN_OPTIONS);
    const safeguards = compileTerms(SAFEGUARD_ENTRIES);
    const combined = compileCombinedMatcher(TEST_PACKS, GOLDEN_OPTIONS, SAFEGUARD_ENTRIES);
    const next = rng(4);
    const texts = [...Array.from({ length: 1500 }, () => randomText(next, 40)), prose(next, 100_000)];
    let found = 0;
    for (const text of texts) {
      const both = combined.match(text);
      expect(both).toEqual({ matches: matcher.match(text), groupMatches: safeguards.match(text) });
      found += both.matches.length + both.groupMatches.length;
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('a matcher folding into its shared buffer gives what a fresh fold gives, whatever it matched before', () => {
    const matcher = compileMatcher(TEST_PACKS, GOLDEN_OPTIONS);
    const next = rng(9);
    const long = prose(next, 120_000);
    const differences: string[] = [];
    for (let i = 0; i < 300; i++) {
      const text = randomText(next, 40);
      matcher.match(i % 2 === 0 ? long : text.repeat(50)); // leave other text behind in the buffer
      const fresh = matcher.matchFolded(text, foldCodes(text));
      if (JSON.stringify(matcher.match(text)) !== JSON.stringify(fresh)) differences.push(JSON.stringify(text));
    }
    expect(differences).toEqual([]);
  });
});
