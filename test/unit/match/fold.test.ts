import { describe, expect, it } from 'vitest';
import { foldText, originalEnd } from '../../../lib/match';

function folded(text: string): string {
  return foldText(text).folded;
}

describe('foldText', () => {
  it('lowers case and keeps a cased view of the same length', () => {
    const f = foldText('De AI-Verordening en IoT');
    expect(f.folded).toBe('de ai-verordening en iot');
    expect(f.cased).toBe('De AI-Verordening en IoT');
  });

  it.each([
    ['artificiële', 'artificiele'],
    ['geïnformeerd', 'geinformeerd'],
    ['Één café', 'een cafe'],
    ['artificie\u0308le', 'artificiele'],
    ['ﬁnanciële ﬂexibiliteit', 'financiele flexibiliteit'],
    ['İstanbul', 'istanbul'],
    ['Ｆｕｌｌ', 'full'],
  ])('removes diacritics and compatibility forms: %s', (text, want) => {
    expect(folded(text)).toBe(want);
  });

  it('unifies apostrophes', () => {
    expect(folded('camera’s camera‘s camera`s camera´s camera\'s cameraʼs')).toBe(
      "camera's camera's camera's camera's camera's camera's",
    );
  });

  it('removes soft hyphens and zero-width characters', () => {
    expect(folded('came\u00adra\u200btoe\u200c\u200dzicht\u2060\ufeff')).toBe('cameratoezicht');
  });

  it('turns every whitespace run into one space', () => {
    expect(folded('a\u00a0\u202f b\t\n\r\nc\u2003\u3000d\u0085e')).toBe('a b c d e');
  });

  it.each([
    ['camera-\ntoezicht', 'cameratoezicht'],
    ['camera-\r\n  toezicht', 'cameratoezicht'],
    ['camera- \n\ttoezicht', 'cameratoezicht'],
    ['Camera-\ntoezicht', 'cameratoezicht'],
    ['camera\u2010\ntoezicht', 'cameratoezicht'],
    ['came\u00ad\nra', 'camera'],
    ['AI-\nverordening', 'ai-verordening'],
    ['IoT-\nsensoren', 'iot-sensoren'],
    ['5G-\nnetwerk', '5g-netwerk'],
    ['e-\nmail', 'e-mail'],
    ['Noord-\nHolland', 'noord-holland'],
    ['camera- en beeldtoezicht', 'camera- en beeldtoezicht'],
    ['2019-\n2020', '2019- 2020'],
    ['camera -\ntoezicht', 'camera - toezicht'],
    ['camera-\n', 'camera- '],
  ])('handles a hyphen at a line end: %j', (text, want) => {
    expect(folded(text)).toBe(want);
  });

  it('maps every folded unit back to where it came from', () => {
    const text = ' Het\u00a0\u00a0came\u00adra-\ntoezicht’s ﬁ 😀';
    const f = foldText(text);
    expect(f.folded).toBe(" het cameratoezicht's fi 😀");
    expect(f.toOriginal.length).toBe(f.folded.length + 1);
    expect(f.toOriginal[f.folded.length]).toBe(text.length);
    for (let i = 1; i < f.toOriginal.length; i++) {
      expect(f.toOriginal[i]).toBeGreaterThanOrEqual(f.toOriginal[i - 1] ?? 0);
    }
    const start = f.folded.indexOf('camera');
    const end = start + "cameratoezicht's".length;
    expect(text.slice(f.toOriginal[start], originalEnd(text, f.toOriginal, end))).toBe('came\u00adra-\ntoezicht’s');
    // the ligature unfolds to two units that both point at it
    const fi = f.folded.indexOf('fi');
    expect(f.toOriginal[fi]).toBe(f.toOriginal[fi + 1]);
    expect(text.slice(f.toOriginal[fi], originalEnd(text, f.toOriginal, fi + 2))).toBe('ﬁ');
    // an astral character keeps both surrogates
    const e = f.folded.length;
    expect(text.slice(f.toOriginal[e - 2], originalEnd(text, f.toOriginal, e))).toBe('😀');
  });

  it('keeps a dropped combining mark inside the original end', () => {
    const text = 'cafe\u0301 x';
    const f = foldText(text);
    expect(originalEnd(text, f.toOriginal, 4)).toBe(5);
  });

  it('handles the empty string', () => {
    const f = foldText('');
    expect(f.folded).toBe('');
    expect(Array.from(f.toOriginal)).toEqual([0]);
  });
});
