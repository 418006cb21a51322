// The scoring of the eval harness (test/bench/eval): what counts as a hit, a false positive, a
// false negative and a split, and how labels are parsed. The scores themselves are printed by
// `npm run eval`, not asserted.
import { describe, expect, it } from 'vitest';
import { lineOf, parseAnnotated, type GoldSpan } from '../../../bench/eval/annotations';
import { precision, recall, scoreDocument, tally, type Predicted } from '../../../bench/eval/score';

const gold = (start: number, end: number, category: GoldSpan['category'] = 'camera'): GoldSpan => ({ start, end, category, text: '' });
const pred = (start: number, end: number, category: Predicted['category'] = 'camera'): Predicted => ({ start, end, category, text: '' });

describe('parseAnnotated', () => {
  it('strips the markers and gives offsets into the stripped text', () => {
    const doc = parseAnnotated('Het [[camera:cameratoezicht]] en de [[sensor:slimme\nlantaarnpalen]].');
    expect(doc.text).toBe('Het cameratoezicht en de slimme\nlantaarnpalen.');
    expect(doc.gold).toEqual([
      { start: 4, end: 18, category: 'camera', text: 'cameratoezicht' },
      { start: 25, end: 45, category: 'sensor', text: 'slimme\nlantaarnpalen' },
    ]);
    for (const g of doc.gold) expect(doc.text.slice(g.start, g.end)).toBe(g.text);
  });

  it('keeps text without markers unchanged, brackets included', () => {
    expect(parseAnnotated('Artikel [1] en [a]').text).toBe('Artikel [1] en [a]');
  });

  it.each([
    ['[[kamera:camera]]', /onbekende categorie "kamera"/],
    ['[[camera]]', /onbekende categorie ""/],
    ['[[camera:]]', /lege tekst/],
    ['tekst\n[[camera:camera', /doc:2: "\[\[" zonder/],
    ['[[camera:[[drone:drone]]]]', /zonder bijbehorende/],
    ['camera]] los', /"\]\]" zonder "\[\["/],
  ])('refuses %j with a message naming the line', (source, message) => {
    expect(() => parseAnnotated(source, 'doc')).toThrow(message);
  });

  it('counts lines from 1', () => {
    expect(lineOf('a\nb\nc', 0)).toBe(1);
    expect(lineOf('a\nb\nc', 4)).toBe(3);
  });
});

describe('scoreDocument', () => {
  it('counts an overlapping prediction of the same category as a hit, whatever the boundaries', () => {
    const s = scoreDocument([gold(10, 20)], [pred(12, 25)]);
    expect(s.truePositives).toHaveLength(1);
    expect(s.falsePositives).toEqual([]);
    expect(s.falseNegatives).toEqual([]);
  });

  it('uses each gold span once: a second prediction on it is a split, not a hit and not a false positive', () => {
    const s = scoreDocument([gold(0, 22, 'algoritme')], [pred(0, 11, 'algoritme'), pred(12, 22, 'algoritme')]);
    expect(s.truePositives).toHaveLength(1);
    expect(s.split).toHaveLength(1);
    expect(s.falsePositives).toEqual([]);
  });

  it('gives two hits for two gold spans covered by two predictions', () => {
    const s = scoreDocument([gold(0, 5), gold(10, 15)], [pred(10, 15), pred(0, 5)]);
    expect(s.truePositives.map((t) => t.gold.start)).toEqual([0, 10]);
  });

  it('counts a prediction without gold as a false positive and gold without prediction as a false negative', () => {
    const s = scoreDocument([gold(50, 60)], [pred(0, 5)]);
    expect(s.falsePositives).toEqual([{ predicted: pred(0, 5), wrongCategoryOf: undefined }]);
    expect(s.falseNegatives).toEqual([{ gold: gold(50, 60), takenBy: undefined }]);
  });

  it('counts a wrong category as both a false positive and a false negative, and says so', () => {
    const s = scoreDocument([gold(0, 4, 'camera')], [pred(0, 4, 'tracking')]);
    expect(s.truePositives).toEqual([]);
    expect(s.falsePositives[0]?.wrongCategoryOf).toEqual(gold(0, 4, 'camera'));
    expect(s.falseNegatives[0]?.takenBy).toEqual(pred(0, 4, 'tracking'));
  });

  it('does not count touching spans as overlapping', () => {
    const s = scoreDocument([gold(0, 5)], [pred(5, 9)]);
    expect(s.truePositives).toEqual([]);
  });
});

describe('tally, precision and recall', () => {
  it('sums per category and overall (micro average)', () => {
    const a = scoreDocument([gold(0, 5), gold(10, 15, 'drone')], [pred(0, 5), pred(20, 25, 'drone')]);
    const b = scoreDocument([gold(0, 5)], [pred(0, 5), pred(8, 9)]);
    const { perCategory, overall } = tally([a, b]);
    expect(perCategory.get('camera')).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(perCategory.get('drone')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(overall).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(precision(overall)).toBe(0.5);
    expect(recall(overall)).toBeCloseTo(2 / 3);
  });

  it('leaves precision and recall undefined when there is nothing to divide', () => {
    expect(precision({ tp: 0, fp: 0, fn: 3 })).toBeNull();
    expect(recall({ tp: 0, fp: 2, fn: 0 })).toBeNull();
    expect(recall({ tp: 0, fp: 0, fn: 1 })).toBe(0);
  });
});
