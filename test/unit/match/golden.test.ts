// lib/match gives exactly the outputs it gave before the speed work (see golden.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenCases, type GoldenCase } from './golden';

describe('golden outputs', () => {
  it('fold, matcher and safeguard-style terms give the recorded results on random and prose texts', () => {
    const expected = JSON.parse(readFileSync(resolve(process.cwd(), 'test/unit/match/golden.json'), 'utf8')) as GoldenCase[];
    expect(goldenCases()).toEqual(expected);
  });
});
