// The search fold (case, diacritics, ligatures) is done per non-ASCII character and kept, not by
// normalising every note's whole text: it must give exactly what the whole-text fold gives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { foldForSearch } from '../../../lib/record/search';

const whole = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

// ASCII, Latin accents, loose combining marks, ligatures, Greek (final sigma depends on context),
// dotted İ, fullwidth and Roman numerals, Hangul, astral letters and emoji (surrogate pairs).
const POOL = [...'aZ 09-\n.', ...'éÉöÖëïÏçñÅøßÆœĳĲ', '\u0301', '\u0308', '\u0327', ...'ﬁﬂ', ...'ΟΔΟΣ ς', 'İ', ...'ＡＢ１Ⅻ½²', ...'한국', '𝐀', '𝒳', '😀', '\u00a0', 'Å', 'ﬅ'];

describe('foldForSearch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('equals the whole-text fold on random mixed text', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 24) }, () => POOL[Math.floor(next() * POOL.length)]).join('');
      expect(foldForSearch(text), JSON.stringify(text)).toBe(whole(text));
    }
    expect(foldForSearch('Coöperatie ÉÉN ﬁets ΟΔΟΣ')).toBe('cooperatie een fiets οδος');
  });

  it('normalises single characters only, never a whole note, and each character once', () => {
    const note = `${'het college stelt voor cameratoezicht uit te breiden '.repeat(20)}coöperatie geïnformeerd`;
    const expected = whole(note);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    expect(foldForSearch(note)).toBe(expected);
    for (const call of normalize.mock.contexts) expect([...String(call)]).toHaveLength(1);
    normalize.mockClear();
    expect(foldForSearch(note)).toBe(expected);
    expect(normalize).not.toHaveBeenCalled();
  });
});
