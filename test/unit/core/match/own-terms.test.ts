import { describe, expect, it } from 'vitest';
import { validateOwnTerm } from '../../../../lib/core/match';

function message(text: string): string {
  const r = validateOwnTerm(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  return r.message;
}

describe('validateOwnTerm', () => {
  it('accepts literal terms, trimmed and with single spaces', () => {
    expect(validateOwnTerm('  slimme   deurbel \n')).toEqual({ ok: true, text: 'slimme deurbel' });
    expect(validateOwnTerm('a.b*')).toEqual({ ok: true, text: 'a.b*' });
    expect(validateOwnTerm('5G')).toEqual({ ok: true, text: '5G' });
    expect(validateOwnTerm('x'.repeat(60))).toEqual({ ok: true, text: 'x'.repeat(60) });
  });

  it('refuses an empty term', () => {
    expect(message('')).toBe('Vul een woord of woordgroep in.');
    expect(message(' \t\u00a0 ')).toBe('Vul een woord of woordgroep in.');
  });

  it('refuses a term longer than 60 characters and says how long it is', () => {
    expect(message('x'.repeat(61))).toBe('Een eigen term mag hoogstens 60 tekens lang zijn; deze is 61 tekens.');
  });

  it.each(['2024', '...', '12-3', '€ 5,-', '\u00ad\u200b'])('refuses %j: no letters', (text) => {
    expect(message(text)).toMatch(/minstens één letter/);
  });

  it('refuses a single letter, which would match everywhere', () => {
    expect(message('a')).toMatch(/minstens twee letters of cijfers/);
    expect(message('é.')).toMatch(/minstens twee letters of cijfers/);
  });
});
