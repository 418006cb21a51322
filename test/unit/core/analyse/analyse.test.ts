// The analyser folds a text once for both matchers: its results must be exactly those of the two
// matchers run on their own (each folding for itself) and the assessment over them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { compileMatcher, compileTerms, foldCodes } from '../../../../lib/core/match';
import { assessDocument } from '../../../../lib/core/questions';
import { loadBuiltinRules, safeguardTermEntries } from '../../../../lib/core/rules';

const rules = loadBuiltinRules();
const pages = resolve(process.cwd(), 'test/fixtures/pages');
const evalDir = resolve(process.cwd(), 'test/fixtures/eval/tune');

function texts(): string[] {
  const out = [
    '',
    'Het college wil cameratoezicht en ANPR-camera’s; een DPIA is niet gedaan. De FG is niet gehoord.',
    'AIVD draaien e-mail beeldkwaliteitsplan vergaderdata proefschrift, maar wel een algo\u00adritme en wifi-\ntracking bij jongeren in de openbare ruimte.',
  ];
  for (const f of readdirSync(pages)) out.push(readFileSync(join(pages, f), 'utf8'));
  for (const f of readdirSync(evalDir).slice(0, 6)) out.push(readFileSync(join(evalDir, f), 'utf8'));
  return out;
}

describe('createAnalyser', () => {
  const options = { ownTerms: [{ id: 'x', text: 'lantaarn', category: 'sensor' as const }], disabledCategories: ['pilot' as const] };
  const analyser = createAnalyser(rules, options);
  const terms = compileMatcher(rules.categories, options);
  const safeguards = compileTerms(safeguardTermEntries(rules.safeguards));

  it('analyse and find give what the matchers give on their own, with one shared fold', () => {
    let total = 0;
    for (const text of texts()) {
      const matches = terms.match(text);
      const safeguardHits = safeguards.match(text);
      total += matches.length + safeguardHits.length;
      expect(analyser.find(text)).toEqual({ matches, safeguardHits });
      expect(analyser.analyse(text, 'wrapped')).toEqual({ matches, assessment: assessDocument({ matches, text, safeguardHits, rules, layout: 'wrapped' }) });
    }
    expect(total).toBeGreaterThan(100);
  });

  it('matchFolded leaves the shared fold as it found it', () => {
    const text = texts().join('\n');
    const folded = foldCodes(text);
    const copy = { lower: folded.lower.slice(), cased: folded.cased.slice(), toOriginal: folded.toOriginal.slice() };
    const first = terms.matchFolded(text, folded);
    safeguards.matchFolded(text, folded);
    expect(terms.matchFolded(text, folded)).toEqual(first);
    expect(folded.lower).toEqual(copy.lower);
    expect(folded.cased).toEqual(copy.cased);
    expect(folded.toOriginal).toEqual(copy.toOriginal);
  });
});
