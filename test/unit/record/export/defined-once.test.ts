import { describe, expect, it } from 'vitest';
import { definedOnce } from '../../../../lib/record/export/defined-once';

describe('a term with its abbreviation is spelled out once per question', () => {
  it('keeps the first spelling, then the abbreviation alone', () => {
    expect(definedOnce('Het raadsvoorstel zegt niet of de functionaris gegevensbescherming (FG) om advies is gevraagd. Heeft de functionaris gegevensbescherming (FG) op tijd advies gegeven?')).toBe(
      'Het raadsvoorstel zegt niet of de functionaris gegevensbescherming (FG) om advies is gevraagd. Heeft de FG op tijd advies gegeven?',
    );
  });

  it('spells out at the first mention an abbreviation a later sentence defines', () => {
    expect(definedOnce('Het raadsvoorstel zegt niet of er een IAMA is uitgevoerd. Is er een Impact Assessment Mensenrechten en Algoritmes (IAMA) uitgevoerd?')).toBe(
      'Het raadsvoorstel zegt niet of er een Impact Assessment Mensenrechten en Algoritmes (IAMA) is uitgevoerd. Is er een IAMA uitgevoerd?',
    );
  });

  it('leaves quotes, and an abbreviation whose words do not spell it, as they are', () => {
    const quoted = 'Het college schrijft: “De functionaris gegevensbescherming (FG) is gehoord.” Heeft de functionaris gegevensbescherming (FG) advies gegeven?';
    expect(definedOnce(quoted)).toBe(quoted);
    const avg = 'Past het binnen de privacywetgeving (AVG), en de privacywetgeving (AVG) van 2018?';
    expect(definedOnce(avg)).toBe(avg);
    expect(definedOnce('Is er een IAMAX of een DPIA?')).toBe('Is er een IAMAX of een DPIA?');
  });
});
