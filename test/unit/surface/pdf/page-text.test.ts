import { describe, expect, it } from 'vitest';
import { buildPageText, segmentsFor, textOffsetOf, type TextItemLike } from '@/lib/surface/pdf';
import { pageTextOnly } from '@/lib/surface/pdf/page-text';

const lines = (...ls: string[]): TextItemLike[] => ls.map((str) => ({ str, hasEOL: true }));

describe('buildPageText', () => {
  it('joins a word hyphenated between two lower-case letters', () => {
    expect(buildPageText(lines('De sensoren meten ge-', 'luid en drukte.')).text).toBe('De sensoren meten geluid en drukte.');
    expect(buildPageText(lines('een pilot met camera-', 'toezicht')).text).toBe('een pilot met cameratoezicht');
    expect(buildPageText(lines('zijn geë-', 'valueerd')).text).toBe('zijn geëvalueerd');
  });

  it('keeps a compound hyphen after a capital or before a capital', () => {
    expect(buildPageText(lines('de Europese AI-', 'verordening')).text).toBe('de Europese AI-verordening');
    expect(buildPageText(lines('provincie Noord-', 'Holland')).text).toBe('provincie Noord-Holland');
    expect(buildPageText(lines('artikel 5-', '3')).text).toBe('artikel 5-3');
  });

  it('keeps a hyphen that is not at a line end, and a dash between words', () => {
    expect(buildPageText(lines('de AI-verordening – en verder')).text).toBe('de AI-verordening – en verder');
    expect(buildPageText(lines('wel of niet -', 'zo is het')).text).toBe('wel of niet -zo is het');
  });

  it('handles the line end on an empty item (a font change), and justified word items', () => {
    const items: TextItemLike[] = [
      { str: 'camera-', hasEOL: false },
      { str: '', hasEOL: true },
      { str: 'toezicht', hasEOL: false },
      { str: ' ', hasEOL: false },
      { str: 'is', hasEOL: true },
      { str: 'nodig' },
    ];
    const { text, map } = buildPageText(items);
    expect(text).toBe('cameratoezicht is nodig');
    expect([...map.item]).toEqual([0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 4, -1, 5, 5, 5, 5, 5]);
  });

  it('drops soft hyphens, folds apostrophes one for one and collapses white space', () => {
    const { text, map } = buildPageText(lines('camera’s\u00AD  en\tzo', ''));
    expect(text).toBe("camera's en zo");
    expect(map.item.length).toBe(text.length);
    expect(map.offset[6]).toBe(6); // the apostrophe stays at its own place
  });

  it('skips marked-content entries and gives empty text for an empty page', () => {
    expect(buildPageText([{ hasEOL: true } as TextItemLike, { str: 'tekst' }]).text).toBe('tekst');
    expect(buildPageText([]).text).toBe('');
  });
});

describe('segmentsFor / textOffsetOf', () => {
  it('cuts a match into one stretch per item', () => {
    const { text, map } = buildPageText([{ str: 'een slimme camera-', hasEOL: true }, { str: 'toezicht', hasEOL: true }]);
    const at = text.indexOf('slimme');
    expect(segmentsFor(map, at, at + 6)).toEqual([{ item: 0, start: 4, end: 10 }]);
    const cam = text.indexOf('cameratoezicht');
    const segs = segmentsFor(map, cam, cam + 14);
    expect(segs[0]?.item).toBe(0);
    expect(segs[0]?.start).toBe(11);
    expect(segs[0]!.end).toBeGreaterThanOrEqual(18); // through the dropped hyphen
    expect(segs[1]).toEqual({ item: 1, start: 0, end: 8 });
  });

  it('maps a selection point in an item back to the page text', () => {
    const { text, map } = buildPageText(lines('eerste regel', 'tweede regel'));
    expect(textOffsetOf(map, 1, 0)).toBe(text.indexOf('tweede'));
    expect(textOffsetOf(map, 0, 7)).toBe(text.indexOf('regel'));
    expect(textOffsetOf(map, 5, 0)).toBe(text.length);
  });
});

describe('pageTextOnly', () => {
  it('gives buildPageText\'s text for any items (hyphens, soft hyphens, apostrophes, white space, marked content)', () => {
    // A small alphabet of the characters the joining looks at, so every rule meets every other.
    const alphabet = ['a', 'z', 'A', 'é', 'Ö', '-', '\u2010', '\u00ad', '\u2019', '\u2018', ' ', '\t', '\u00a0', '\u2003', '1', '.'];
    let seed = 17;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 2000; round++) {
      const items: TextItemLike[] = [];
      for (let i = rand(8); i >= 0; i--) {
        if (rand(10) === 0) {
          items.push({});
          continue;
        }
        let str = '';
        for (let k = rand(7); k > 0; k--) str += alphabet[rand(alphabet.length)];
        items.push({ str, hasEOL: rand(2) === 0 });
      }
      expect(pageTextOnly(items)).toBe(buildPageText(items).text);
    }
  });
});
