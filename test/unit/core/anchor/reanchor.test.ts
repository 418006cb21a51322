import { describe, expect, it } from 'vitest';
import { describeQuote, reanchor, type Anchor } from '../../../../lib/core/anchor';

const original =
  'Raadsvoorstel cameratoezicht Stationsplein. Het college stelt de raad voor om in te stemmen met ' +
  'de inzet van cameratoezicht op het Stationsplein gedurende een proefperiode van twee jaar. ' +
  'De beelden worden achtendertig dagen bewaard. Een DPIA is uitgevoerd en de functionaris ' +
  'gegevensbescherming heeft advies gegeven. Inwoners worden via borden en de website geïnformeerd.';

function anchorOn(text: string, quote: string, occurrence = 0): Anchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`test text lacks ${quote}`);
  return describeQuote(text, start, start + quote.length);
}

/** Deterministic Dutch-looking filler (mulberry32), so the big-text tests do not depend on luck. */
function filler(length: number, seed: number): string {
  const words = ['de', 'het', 'gemeente', 'raad', 'college', 'besluit', 'inwoners', 'wijk', 'openbare', 'ruimte',
    'voorstel', 'en', 'van', 'een', 'voor', 'met', 'op', 'worden', 'is', 'begroting', 'jaar', 'kosten'];
  let a = seed;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const w = (words[Math.floor(rnd() * words.length)] ?? 'de') + (rnd() < 0.1 ? '. ' : ' ');
    parts.push(w);
    size += w.length;
  }
  return parts.join('').slice(0, length);
}

describe('reanchor', () => {
  it('finds an unchanged quote at its stored offsets with full score', () => {
    const anchor = anchorOn(original, 'achtendertig dagen bewaard');
    expect(reanchor(original, anchor)).toEqual({ start: anchor.start, end: anchor.end, score: 1 });
  });

  it('follows a quote that moved because text was inserted before it', () => {
    const anchor = anchorOn(original, 'Een DPIA is uitgevoerd');
    const inserted = 'Bijlage 1 is toegevoegd na de commissievergadering van 12 maart. ';
    const changed = inserted + original;

    const found = reanchor(changed, anchor);
    expect(found).not.toBeNull();
    expect(found?.start).toBe(anchor.start + inserted.length);
    expect(changed.slice(found?.start, found?.end)).toBe('Een DPIA is uitgevoerd');
    expect(found?.score).toBeGreaterThan(0.99);
  });

  it('still finds the quote when the words around it were edited', () => {
    const anchor = anchorOn(original, 'de inzet van cameratoezicht op het Stationsplein');
    const changed = original
      .replace('om in te stemmen met', 'om akkoord te gaan met')
      .replace('gedurende een proefperiode', 'voor een proef');

    const found = reanchor(changed, anchor);
    expect(found).not.toBeNull();
    expect(changed.slice(found?.start, found?.end)).toBe('de inzet van cameratoezicht op het Stationsplein');
    expect(found?.score).toBeLessThan(1);
  });

  it('finds a quote that now has a small typo fixed (fuzzy match) and reports the edited span', () => {
    const anchor = anchorOn(original, 'functionaris gegevensbescherming heeft advies gegeven');
    const changed = original.replace('heeft advies gegeven', 'heeft adviez gegeven');

    const found = reanchor(changed, anchor);
    expect(found).not.toBeNull();
    expect(changed.slice(found?.start, found?.end)).toBe('functionaris gegevensbescherming heeft adviez gegeven');
    expect(found?.score).toBeGreaterThan(0.9);
    expect(found?.score).toBeLessThan(1);
  });

  it('picks the repeated quote whose context matches, not the one that now sits at the old offset', () => {
    const text = 'In de wijk Noord komt cameratoezicht. In het centrum komt ook cameratoezicht bij de uitgaanszone.';
    const anchor = anchorOn(text, 'cameratoezicht', 1);
    // Deleting the first sentence moves the second occurrence to the front.
    const changed = text.slice(text.indexOf('In het centrum'));

    const found = reanchor(changed, anchor);
    expect(found?.start).toBe(changed.indexOf('cameratoezicht'));
    expect(changed.slice((found?.end ?? 0), (found?.end ?? 0) + 8)).toBe(' bij de ');
  });

  it('returns null when the passage is gone', () => {
    const anchor = anchorOn(original, 'De beelden worden achtendertig dagen bewaard.');
    const changed = original.replace('De beelden worden achtendertig dagen bewaard. ', '');
    expect(reanchor(changed, anchor)).toBeNull();
  });

  it('orphans a short quote whose passage is gone rather than attach it to a chance occurrence elsewhere', () => {
    const anchor = anchorOn(original, 'DPIA');
    const changed =
      original.replace('Een DPIA is uitgevoerd en de functionaris', 'De functionaris') +
      ' Zie de handreiking over de DPIA van de VNG.';
    expect(changed).toContain('DPIA');
    expect(reanchor(changed, anchor)).toBeNull();
    // The same chance occurrence is accepted when the caller lowers the bar on purpose.
    expect(reanchor(changed, anchor, { minScore: 0.3 })?.start).toBe(changed.indexOf('DPIA'));
  });

  it('returns null for an empty text', () => {
    expect(reanchor('', anchorOn(original, 'DPIA'))).toBeNull();
  });

  describe('on a 1 MB text', () => {
    const big = filler(1_000_000, 42);

    // How long these take is printed by test/bench/anchor.bench.ts; here only what they find.
    it('finds a moved quote with a typo and answers a vanished one', () => {
      const at = 600_000;
      const anchor = describeQuote(big, at, at + 60);
      const edited = big.slice(0, 3_000) + big.slice(3_100, at + 10) + '#' + big.slice(at + 11);

      const found = reanchor(edited, anchor);
      const gone = reanchor(big, { ...anchor, exact: 'gezichtsherkenning met slimme lantaarnpalen', start: 10, end: 53 });
      const longGone = reanchor(big.slice(0, 100_000) + big.slice(105_000), describeQuote(big, 100_000, 105_000));

      expect(found?.start).toBe(at - 100);
      expect(found?.end).toBe(at - 100 + 60);
      expect(gone).toBeNull();
      expect(longGone).toBeNull();
    });

    it('on repetitive text such as dot leaders in a table of contents ends on a leader, not beyond it', () => {
      const toc = Array.from({ length: 20_000 }, (_, i) => `Hoofdstuk ${i} ${'.'.repeat(40)} ${i + 3}`).join('\n');
      const found = reanchor(toc, { exact: `${'.'.repeat(30)} ontbreekt`, prefix: '', suffix: '', start: 500, end: 540 });
      // Without context and with a quarter of its characters allowed to differ, the quote fits any leader.
      expect(found).not.toBeNull();
      expect(toc.slice(found!.start, found!.end)).toContain('.'.repeat(30));
      expect(found!.end).toBeLessThanOrEqual(toc.length);
    });
  });
});
