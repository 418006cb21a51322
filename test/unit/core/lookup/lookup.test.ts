import { describe, expect, it } from 'vitest';
import { buildAnswers } from '@/lib/core/lookup/answer';
import { compileLookup, MIN_SCORE, type LookupHit } from '@/lib/core/lookup';
import { loadBuiltinRules } from '@/lib/core/rules';

const rules = loadBuiltinRules();
const index = compileLookup(rules);
const first = (q: string) => index.search(q, 1)[0];
const answers = (q: string) => buildAnswers(rules, index.search(q, 20));

describe('compileLookup', () => {
  it('indexes every term, category, question, instrument and register once', () => {
    const registers = new Set(rules.categories.flatMap((c) => c.registers));
    const terms = rules.categories.reduce((n, c) => n + c.terms.length, 0);
    expect(index.size).toBe(terms + rules.categories.length + 3 + rules.questions.instruments.length + registers.size);
  });

  it('finds "slimme lantaarnpalen" for `lantaarnpaal`, and through a typo', () => {
    expect(first('lantaarnpaal')?.target).toMatchObject({ kind: 'term', category: 'sensor', termId: 'sensor.slimme-lantaarnpaal' });
    expect(first('slimme lantarenpalen')?.target).toMatchObject({ kind: 'term', termId: 'sensor.slimme-lantaarnpaal' });
  });

  it('finds gezichtsherkenning with a letter missing, in capitals, and with diacritics typed', () => {
    for (const q of ['gezichtsherkening', 'GEZICHTSHERKENNING', 'gézichtsherkenning']) {
      const hit = first(q);
      expect(hit?.target, q).toMatchObject({ category: 'biometrie' });
    }
  });

  it('finds a swapped-letter typo of a short word', () => {
    expect(first('camrea')?.target).toMatchObject({ category: 'camera' });
  });

  it('finds compounds whether written apart, together or hyphenated', () => {
    for (const q of ['wifi tracking', 'wifitracking', 'wifi-tracking']) {
      expect(first(q)?.target, q).toMatchObject({ kind: 'term', termId: 'tracking.wifitracking' });
    }
  });

  it('finds AP questions and instruments by their words', () => {
    expect(first('noodzakelijk')?.target).toEqual({ kind: 'question', question: 'ap-2' });
    expect(first('vraag 3')?.target).toEqual({ kind: 'question', question: 'ap-3' });
    expect(first('DPIA')?.target).toEqual({ kind: 'instrument', instrument: 'dpia' });
    expect(first('iama')?.target).toEqual({ kind: 'instrument', instrument: 'iama' });
    expect(index.search('algoritmeregister').map((h) => h.target)).toContainEqual({ kind: 'register', register: 'Algoritmeregister' });
  });

  it('ignores the words of a question typed in plain Dutch', () => {
    expect(first('wat moet ik vragen over slimme lantaarnpalen?')?.target).toMatchObject({ termId: 'sensor.slimme-lantaarnpaal' });
  });

  it('returns nothing for nonsense, empty input or punctuation, and keeps scores in range', () => {
    expect(index.search('xyzzy')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('   ?!  ')).toEqual([]);
    for (const h of index.search('camera', 50)) {
      expect(h.score).toBeGreaterThanOrEqual(MIN_SCORE);
      expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it('sorts by score and respects the limit; a very long query is cut, not slow', () => {
    const hits = index.search('camera', 50);
    expect(hits.length).toBeGreaterThan(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(index.search('camera', 2)).toHaveLength(2);
    expect(index.search('camera '.repeat(10_000)).length).toBeGreaterThan(0);
  });
});

describe('buildAnswers', () => {
  it('answers a term with its category, the questions with the reasons from the rules, and the instruments', () => {
    const [a] = answers('lantaarnpaal');
    expect(a?.kind).toBe('category');
    if (a?.kind !== 'category') return;
    const sensor = rules.categories.find((c) => c.id === 'sensor')!;
    expect(a.label).toBe(sensor.label);
    expect(a.via).toContain('slimme lantaarnpaal');
    expect(a.questions.map((q) => q.reason)).toEqual(sensor.questions.map((q) => q.reason));
    expect(a.questions.map((q) => q.number)).toEqual([1, 2, 3]);
    expect(a.instruments.map((i) => i.id)).toEqual(sensor.instruments);
    expect(a.instruments.find((i) => i.id === 'dpia')?.label).toMatch(/DPIA/);
    expect(a.registers).toEqual(sensor.registers);
  });

  it('merges a category name and its terms into one answer', () => {
    const list = answers('camera');
    expect(list.filter((a) => a.kind === 'category' && a.category === 'camera')).toHaveLength(1);
  });

  it('answers an instrument with the questions and categories that use it', () => {
    const a = answers('iama')[0];
    expect(a?.kind).toBe('instrument');
    if (a?.kind !== 'instrument') return;
    expect(a.instrument.description.length).toBeGreaterThan(10);
    expect(a.categories.map((c) => c.id)).toContain('algoritme');
  });

  it('answers a question with its toelichting and instruments', () => {
    const a = answers('noodzakelijk')[0];
    expect(a?.kind).toBe('question');
    if (a?.kind !== 'question') return;
    expect(a.question.number).toBe(2);
    expect(a.question.toelichting.length).toBeGreaterThan(20);
  });

  it('skips hits that point at nothing and respects the limit', () => {
    const bogus: LookupHit[] = [
      { target: { kind: 'category', category: 'camera' }, score: 1, via: 'x' },
      { target: { kind: 'instrument', instrument: 'bestaat-niet' }, score: 1, via: 'x' },
      { target: { kind: 'question', question: 'ap-1' }, score: 1, via: 'x' },
    ];
    expect(buildAnswers(rules, bogus).map((a) => a.key)).toEqual(['category:camera', 'question:ap-1']);
    expect(buildAnswers(rules, bogus, 1)).toHaveLength(1);
  });
});

describe('via', () => {
  it('names the spelling that matched, never a description', () => {
    const hits = index.search('meetapparatuur', 5);
    expect(hits[0]?.target).toEqual({ kind: 'category', category: 'sensor' });
    expect(hits[0]?.via).toBe('');
    const [a] = buildAnswers(rules, hits);
    expect(a?.kind === 'category' && a.via).toEqual([]);
  });
});
