import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreement, pairReadings, parseSecondReadings, topicOf } from '../../../bench/eval/agreement';
import { parseStatusAnnotated } from '../../../bench/eval/status-score';

const statusDir = join(__dirname, '..', '..', '..', 'fixtures', 'eval', 'status');

describe('agreement between two readers', () => {
  it('is 1 and κ 1 when both readers agree everywhere, and κ 0 when the agreement is what chance gives', () => {
    const same = agreement([['stated', 'stated'], ['negated', 'negated'], ['planned', 'planned'], ['absent', 'absent']]);
    expect(same.observed).toBe(1);
    expect(same.kappa).toBe(1);
    // Reader A says stated half the time, B says stated half the time, independently: 50 % agreement, κ 0.
    const chance = agreement([['stated', 'stated'], ['stated', 'negated'], ['negated', 'stated'], ['negated', 'negated']]);
    expect(chance.observed).toBe(0.5);
    expect(chance.kappa).toBeCloseTo(0, 10);
    expect(chance.confusion.stated.negated).toBe(1);
  });

  it('refuses a reading file with a gap, a double, a wrong safeguard or a bad line, naming it', () => {
    const doc = parseStatusAnnotated('Er is {{stated:dpia:een DPIA}} en {{negated:fg:geen FG}}.', 'd.txt');
    const ok = parseSecondReadings('d.txt\t1\tdpia\tstated\tsure\t\nd.txt\t2\tfg\tnegated\tunsure\tmaybe\n');
    expect(pairReadings('d.txt', doc.labels, ok).map((p) => [p.gold, p.second, p.sure])).toEqual([
      ['stated', 'stated', true],
      ['negated', 'negated', false],
    ]);
    expect(() => pairReadings('d.txt', doc.labels, ok.slice(0, 1))).toThrow(/markering 2 heeft geen tweede lezing/);
    expect(() => pairReadings('d.txt', doc.labels, [...ok, ok[0]!])).toThrow(/twee lezingen/);
    expect(() => pairReadings('d.txt', doc.labels, [{ ...ok[0]!, safeguard: 'iama' }, ok[1]!])).toThrow(/is dpia, de lezing zegt iama/);
    expect(() => pairReadings('d.txt', doc.labels, [...ok, { ...ok[0]!, mark: 3 }])).toThrow(/bestaat niet/);
    expect(() => parseSecondReadings('d.txt\t1\tdpia\tdone\tsure\n')).toThrow(/onbekende status "done"/);
    expect(() => parseSecondReadings('d.txt\tx\tdpia\tstated\tsure\n')).toThrow(/geen volgnummer/);
    expect(() => parseSecondReadings('d.txt\t1\tdpia\tstated\tmaybe\n')).toThrow(/sure of unsure/);
  });

  it('the committed second readings cover every mark of their documents, wherever those documents are now', () => {
    const where = new Map<string, string>();
    for (const set of ['tune', 'holdout']) {
      for (const f of readdirSync(join(statusDir, set)).filter((x) => x.endsWith('.txt'))) where.set(topicOf(f), join(statusDir, set, f));
    }
    const dir = join(statusDir, 'agreement');
    const tsvs = readdirSync(dir).filter((f) => f.endsWith('.tsv'));
    expect(tsvs.length).toBeGreaterThan(0);
    for (const tsv of tsvs) {
      const readings = parseSecondReadings(readFileSync(join(dir, tsv), 'utf8'), tsv);
      const files = new Set(readings.map((r) => r.file));
      let paired = 0;
      for (const file of files) {
        const path = where.get(topicOf(file));
        expect(path, `${tsv}: ${file}`).toBeDefined();
        const doc = parseStatusAnnotated(readFileSync(path!, 'utf8'), file);
        paired += pairReadings(file, doc.labels, readings.filter((r) => r.file === file)).length;
      }
      expect(paired).toBe(readings.length);
    }
  });
});
