import { describe, expect, it } from 'vitest';
import { MAX_SIDE, sentenceSpan } from '@/lib/core/anchor/sentence';

const around = (text: string, word: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  const s = sentenceSpan(text, at, at + word.length);
  return text.slice(s.start, s.end);
};

describe('sentenceSpan', () => {
  const text = 'Cameratoezicht binnenstad. Het college stelt voor het cameratoezicht uit te breiden met 12 camera’s. Een DPIA volgt later.';

  it('gives the sentence of that occurrence, not the first one (the title)', () => {
    expect(around(text, 'cameratoezicht')).toBe('Het college stelt voor het cameratoezicht uit te breiden met 12 camera’s.');
    expect(around(text, 'Cameratoezicht')).toBe('Cameratoezicht binnenstad.');
  });

  it('does not end a sentence at abbreviations or article numbers', () => {
    const t = 'Zie art. 5 van de verordening m.b.t. de camera’s op het plein. Daarna niets.';
    expect(around(t, 'camera’s')).toBe('Zie art. 5 van de verordening m.b.t. de camera’s op het plein.');
  });

  it('ends at line breaks, semicolons and bullets (PDF text has no line breaks)', () => {
    expect(around('Besluit:\nde sensoren plaatsen\nVerder', 'sensoren')).toBe('de sensoren plaatsen');
    expect(around('Roept op: ● geen gezichtsherkenning te gebruiken ● de raad te informeren', 'gezichtsherkenning')).toBe(
      'geen gezichtsherkenning te gebruiken',
    );
    expect(around('eerst dit; dan de drone inzetten; klaar', 'drone')).toBe('dan de drone inzetten');
  });

  it('cuts a sentence without end at a word boundary, keeping the match', () => {
    const long = 'woord '.repeat(200) + 'algoritme ' + 'woord '.repeat(200);
    const got = around(long, 'algoritme');
    expect(got).toContain('algoritme');
    expect(got.length).toBeLessThanOrEqual(2 * MAX_SIDE + 'algoritme'.length);
    expect(got.startsWith('woord')).toBe(true);
    expect(got.endsWith('woord')).toBe(true);
  });
});
