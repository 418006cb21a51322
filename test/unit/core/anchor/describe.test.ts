import { describe, expect, it } from 'vitest';
import { AnchorSchema, describeQuote } from '../../../../lib/core/anchor';

const text =
  'Het college stelt de raad voor om in te stemmen met de inzet van cameratoezicht op het ' +
  'Stationsplein gedurende een proefperiode van twee jaar.';

describe('describeQuote', () => {
  it('keeps the quote, 32 characters of context on each side and the offsets', () => {
    const start = text.indexOf('cameratoezicht');
    const anchor = describeQuote(text, start, start + 'cameratoezicht'.length);

    expect(anchor.exact).toBe('cameratoezicht');
    expect(anchor.prefix).toBe(text.slice(start - 32, start));
    expect(anchor.prefix).toHaveLength(32);
    expect(anchor.suffix).toBe(' op het Stationsplein gedurende ');
    expect(anchor.start).toBe(start);
    expect(anchor.end).toBe(start + 14);
    expect(anchor.page).toBeUndefined();
    expect(AnchorSchema.safeParse(anchor).success).toBe(true);
  });

  it('takes what context there is at the edges of the text', () => {
    const anchor = describeQuote(text, 0, 11);
    expect(anchor).toMatchObject({ exact: 'Het college', prefix: '', start: 0, end: 11 });

    const last = describeQuote(text, text.length - 5, text.length);
    expect(last.suffix).toBe('');
    expect(last.exact).toBe('jaar.');
  });

  it('records the PDF page when given', () => {
    expect(describeQuote(text, 4, 11, { page: 3 }).page).toBe(3);
  });

  it('does not cut a surrogate pair in half at the context edge', () => {
    // 31 'x' + an emoji (2 UTF-16 units) before the quote: a 32-unit cut would start mid-pair.
    const withEmoji = 'a📷' + 'x'.repeat(31) + 'DPIA' + 'y'.repeat(31) + '📷b';
    const start = withEmoji.indexOf('DPIA');
    const anchor = describeQuote(withEmoji, start, start + 4);
    expect(anchor.prefix).toBe('x'.repeat(31));
    expect(anchor.suffix).toBe('y'.repeat(31));
  });

  it('refuses an empty or out-of-range selection', () => {
    expect(() => describeQuote(text, 5, 5)).toThrow(RangeError);
    expect(() => describeQuote(text, -1, 4)).toThrow(RangeError);
    expect(() => describeQuote(text, 10, text.length + 1)).toThrow(RangeError);
  });
});

describe('AnchorSchema', () => {
  it('rejects an anchor whose end is not after its start, and an over-long context', () => {
    const base = { exact: 'DPIA', prefix: '', suffix: '', start: 10, end: 14 };
    expect(AnchorSchema.safeParse(base).success).toBe(true);
    expect(AnchorSchema.safeParse({ ...base, end: 10 }).success).toBe(false);
    expect(AnchorSchema.safeParse({ ...base, prefix: 'p'.repeat(33) }).success).toBe(false);
    expect(AnchorSchema.safeParse({ ...base, exact: '' }).success).toBe(false);
  });
});
