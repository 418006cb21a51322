// The extension ships the status rules without their notes (shippedStatusRules, built into
// background.js and the panel's bundle); the engine must read them exactly as it reads the file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules, shippedStatusRules } from '@/lib/core/rules';
import { scoreStatusDocument } from '../../../bench/eval/status';

const statusDir = join(__dirname, '..', '..', '..', 'fixtures', 'eval', 'status');

describe('status rules without their notes', () => {
  it('give every mention of the status evaluation set the same status, certainty and place', () => {
    const file = loadBuiltinRules();
    const shipped = { ...file, status: shippedStatusRules(file.status) };
    expect(JSON.stringify(shipped.status)).not.toMatch(/"note":/);
    const withNotes = createAnalyser(file);
    const without = createAnalyser(shipped);
    let pairs = 0;
    for (const set of ['tune', 'holdout']) {
      for (const f of readdirSync(join(statusDir, set)).filter((x) => x.endsWith('.txt'))) {
        const source = readFileSync(join(statusDir, set, f), 'utf8');
        const a = scoreStatusDocument(source, f, file, withNotes).pairs;
        expect(scoreStatusDocument(source, f, shipped, without).pairs, f).toEqual(a);
        pairs += a.length;
      }
    }
    expect(pairs).toBeGreaterThan(200);
  });
});
