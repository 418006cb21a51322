import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../../../lib/core/questions';
import { visibleLength } from '../../../../lib/core/questions/snippet';
import { rng } from '../match/rng';

/** The regular-expression version snippetAround replaced (for speed): the oracle. */
function snippetOracle(text: string, start: number, end: number, radius: number): string {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = Math.max(0, s - radius);
  let to = Math.min(text.length, e + radius);
  if (from > 0 && /\S/.test(text[from - 1] ?? '')) {
    const space = text.slice(from, s).search(/\s/);
    if (space !== -1) from += space + 1;
  }
  if (to < text.length && /\S/.test(text[to] ?? '')) {
    const tail = text.slice(e, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'));
    if (space !== -1) to = e + space;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
}

describe('snippetAround', () => {
  const text = 'Het college heeft besloten dat er\n  vooraf een   DPIA wordt uitgevoerd voordat de camera’s in de binnenstad worden opgehangen.';
  const at = text.indexOf('DPIA');

  it('cuts at word boundaries, folds whitespace and marks what was left out', () => {
    expect(snippetAround(text, at, at + 4, 20)).toBe('… er vooraf een DPIA wordt uitgevoerd …');
  });

  it('does not add an ellipsis at the ends of the text', () => {
    expect(snippetAround('Een DPIA.', 4, 8, 40)).toBe('Een DPIA.');
  });

  it('keeps the passage whole even when the radius is smaller than a word', () => {
    expect(snippetAround(text, at, at + 4, 2)).toContain('DPIA');
  });

  it('survives offsets outside the text', () => {
    expect(snippetAround('kort', -5, 99, 10)).toBe('kort');
  });

  it('gives exactly what the regular-expression version gave, on random texts with every kind of whitespace', () => {
    const next = rng(11);
    const pieces = ['a', 'b', ' ', '  ', '\n', '\t', '\r\n', '\u000b', '\u000c', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u3000', '\ufeff', '\u200b', '\u0085', 'é', '😀', '\ud800', '.', 'woord'];
    const differences: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let t = '';
      for (let j = Math.floor(next() * 60); j > 0; j--) t += pieces[Math.floor(next() * pieces.length)];
      for (let r = 0; r < 6; r++) {
        const a = Math.floor(next() * (t.length + 6)) - 3;
        const b = a + Math.floor(next() * 12) - 2;
        const radius = Math.floor(next() * 50);
        if (snippetAround(t, a, b, radius) !== snippetOracle(t, a, b, radius)) differences.push(JSON.stringify([t, a, b, radius]));
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('visibleLength', () => {
  it('counts what the regular expression it replaced counts: every code unit, and mixed text', () => {
    const oracle = (t: string) => t.length - (t.match(/\s/g)?.length ?? 0);
    for (let c = 0; c < 0x10000; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      if (visibleLength(t) !== oracle(t)) throw new Error(`U+${c.toString(16)}`);
    }
    const mixed = 'De\u00a0DPIA\t is\r\n\u2003uitgevoerd\u3000\ufeff. 😀 \u200b';
    expect(visibleLength(mixed)).toBe(oracle(mixed));
    expect(visibleLength('')).toBe(0);
  });
});
