import { describe, expect, it } from 'vitest';
import { matchesInCategories, tCount } from '@/lib/extension/i18n';

describe('counts with their noun', () => {
  it('says "1 vondst" and "1 categorie" for one, the plural for every other number', () => {
    expect(tCount(1, 'matchCountLabel', 'matchCountLabelOne')).toBe('1 vondst');
    expect(tCount(0, 'matchCountLabel', 'matchCountLabelOne')).toBe('0 vondsten');
    expect(tCount(2, 'matchCountLabel', 'matchCountLabelOne')).toBe('2 vondsten');
    expect(matchesInCategories(2, 1)).toEqual(['2 vondsten', '1 categorie']);
    expect(matchesInCategories(80, 6)).toEqual(['80 vondsten', '6 categorieën']);
  });
});
