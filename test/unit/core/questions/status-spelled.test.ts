// Phrases compared with the text as written (lib/core/questions/status/spelled.ts): the answer
// cells of a table and the words looked for before a line is tokenized. And the status engine's
// words live in rules/status.json, not in its code (issue 13).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiWord, containsWord, endsOf, spelled, startsWith } from '../../../../lib/core/questions/status/spelled';

const all = (phrase: string, text: string) => endsOf(spelled(phrase), text, 0);
const whole = (phrases: string[], text: string) => startsWith(phrases.map(spelled), text, 0, (e) => e === text.length);

describe('spelled phrases', () => {
  it('leaves out a dot, and a space right after a dot', () => {
    for (const t of ['n.v.t.', 'nvt', 'n. v. t.', 'n.v.t', 'n v t.', 'n.vt']) expect(whole(['n. v. t.'], t), t).toBe(true);
    expect(whole(['n.v.t.'], 'n. v. t.')).toBe(false);
    expect(whole(['nog niet'], 'nogniet')).toBe(false);
    expect(all('n.v.t.', 'n.v.t.')).toEqual([5, 6]);
  });

  it('reads # as digits and * as a word of letters and dashes, every length', () => {
    expect(all('in #', 'in 2027')).toEqual([4, 5, 6, 7]);
    expect(all('#e kwartaal', '3e kwartaal')).toEqual([11]);
    expect(all('na *', 'na oplevering, daarna')).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(all('na *', 'na 1 mei')).toEqual([]);
    expect(all('q#', 'q')).toEqual([]);
  });

  it('keeps a space at the end and compares ASCII letters without case', () => {
    expect(all('na ', 'nadruk')).toEqual([]);
    expect(all('ja', 'JA')).toEqual([2]);
    expect(all('vóór ', 'VÓÓR 1 mei')).toEqual([]);
    expect(all('✓', '✓ ja')).toEqual([1]);
  });

  it('finds a phrase as a word, as a pattern with \\b would', () => {
    const neg = ['geen', 'niet'].map(spelled);
    expect(containsWord(neg, 'DPIA niet', asciiWord)).toBe(true);
    expect(containsWord(neg, 'Geen-DPIA', asciiWord)).toBe(true);
    expect(containsWord(neg, 'nietig', asciiWord)).toBe(false);
    expect(containsWord(neg, 'geen_x', asciiWord)).toBe(false);
    expect(containsWord(neg, 'x2niet', asciiWord)).toBe(false);
  });
});

describe('the status engine keeps its words in rules/status.json', () => {
  it('has no list of words in its code', () => {
    const dir = join(import.meta.dirname, '../../../../lib/core/questions/status');
    const found: string[] = [];
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('structure.ts');
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      // A set or list of two or more quoted words: Roman numerals (list markers) are layout, not language.
      for (const m of source.matchAll(/(?:new Set\(|=\s*)\[\s*'([a-zà-ÿ]{2,})'\s*,\s*'[a-zà-ÿ]{2,}'/g)) {
        if (!/^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$/.test(m[1]!) && !['negated', 'stated', 'planned', 'absent', 'sense', 'default'].includes(m[1]!)) found.push(`${file}: ${m[0]}`);
      }
      // Nor words as the alternatives of a pattern: "/\b(?:geen|niet)\b/".
      for (const m of source.matchAll(/\((?:\?:)?[a-zà-ÿ]{2,}\|[a-zà-ÿ]{2,}/g)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
