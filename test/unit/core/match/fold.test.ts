import { describe, expect, it } from 'vitest';
import { foldText, originalEnd } from '../../../../lib/core/match';
import { rng } from './rng';

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

describe('line-end hyphenation in long joined words', () => {
  // The rule as the fold documents it, written plainly: a hyphen before a line break and a
  // lower-case letter is dropped when the word part before it (back to the last non-letter,
  // looking at most 16 units back) has two letters or more, no digits and no capitals after
  // its first letter; otherwise it stays and only the break goes.
  function reference(text: string): string {
    const out: string[] = [];
    const isAlnum = (c: string) => /[a-z0-9]/i.test(c);
    const plainBefore = () => {
      const end = out.length;
      const limit = Math.max(0, end - 16);
      let k = end - 1;
      while (k >= limit && isAlnum(out[k]!)) k--;
      const first = k + 1;
      if (end - first < 2) return false;
      const initial = first > 0 && isAlnum(out[first - 1]!) ? -1 : first;
      for (let q = first; q < end; q++) {
        const c = out[q]!;
        if (/[0-9]/.test(c)) return false;
        if (q !== initial && c !== c.toLowerCase()) return false;
      }
      return true;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\n') {
        if (out.length > 0 && out[out.length - 1] !== ' ') out.push(' ');
      } else if (c === '-' && text[i + 1] === '\n' && /[a-zA-Z]/.test(text[i + 2] ?? '') && /[a-zA-Z]/.test(out[out.length - 1] ?? '')) {
        if (!(/[a-z]/.test(text[i + 2]!) && plainBefore())) out.push('-');
        i++;
      } else out.push(c);
    }
    return out.join('').toLowerCase();
  }

  it('joins exactly where the rule says, over thousands of random broken words', () => {
    const r = rng(77);
    const pick = (s: string) => s[Math.floor(r() * s.length)]!;
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let w = 0; w < 60; w++) {
        const len = 1 + Math.floor(r() * 7);
        for (let k = 0; k < len; k++) text += r() < 0.08 ? pick('ABCXYZ') : r() < 0.04 ? pick('0123456789') : pick('abcdefghijklmnopqrstuvwxyz');
        text += r() < 0.7 ? '-\n' : r() < 0.5 ? '\n' : r() < 0.5 ? '-' : ' ';
      }
      expect(foldText(text).folded, `case ${t}: ${JSON.stringify(text.slice(0, 80))}`).toBe(reference(text));
    }
  });
});
