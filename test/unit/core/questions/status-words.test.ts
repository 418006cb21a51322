// The context words of the experimental richer status model (test/tools/status-words.ts):
// tagged by side of the term and next sentence, folded like the rules' words, hashed stably.
import { describe, expect, it } from 'vitest';
import { compiledStatusRules, segmentText } from '../../../../lib/core/questions/status';
import { contextWords, hashedWords, wordBucket } from '../../../tools/status-words';
import { loadBuiltinRules } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();

function words(text: string, term: string): string[] {
  const start = text.indexOf(term);
  const mention = { start, end: start + term.length, safeguard: 'dpia', termId: '' };
  return contextWords(text, [mention], segmentText(text, compiledStatusRules(rules.status).segment, 'wrapped'))[0]!;
}

describe('contextWords', () => {
  it('tags the words before and after the term, the pairs beside it with the term as §, and the next sentence', () => {
    const w = words('Er is nog géén DPIA uitgevoerd. Dat volgt in mei.', 'DPIA');
    expect(w).toEqual(expect.arrayContaining(['b:geen', 'b:nog geen', 'b:geen §', 'a:§ uitgevoerd', 'a:uitgevoerd', 'n:dat volgt', 'n:mei']));
    expect(w.some((x) => x.includes('dpia'))).toBe(false);
  });

  it('reads the same words whatever the line breaks and hyphenation', () => {
    expect(words('Er is nog geen DPIA uit-\ngevoerd.', 'DPIA')).toEqual(words('Er is nog geen DPIA uitgevoerd.', 'DPIA'));
  });
});

describe('hashedWords', () => {
  it('puts a word in the same bucket every time, within the number of buckets', () => {
    expect(wordBucket('b:geen §', 1 << 14)).toBe(wordBucket('b:geen §', 1 << 14));
    expect(wordBucket('b:geen §', 1 << 14)).toBeLessThan(1 << 14);
    expect(hashedWords(['a:x', 'a:x'], 16)).toHaveLength(1);
    expect(hashedWords(['a:x'], 16)[0]).toMatch(/^h:\d+$/);
  });
});
