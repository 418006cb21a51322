import { describe, expect, it } from 'vitest';
import { snippetAround } from '../../../lib/questions';

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
});
