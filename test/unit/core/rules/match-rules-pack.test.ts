// The content script's rules travel packed into one string; unpacked they must be exactly the
// rules, so every match on every page is what the unpacked JSON gave.
import { describe, expect, it } from 'vitest';
import { createScanner } from '@/lib/core/analyse/scanner';
import { termPatterns } from '@/lib/core/match/compile';
import { loadScanRules, withoutSpellings } from '@/lib/core/rules/builtin-scan';
import type { MatchRuleSet } from '@/lib/core/rules/match-rules';
import { packMatchRules, packPatterns, unpackMatchRules, unpackPatterns, unpackScanRules } from '@/lib/core/rules/match-rules-pack';

const sample: MatchRuleSet = {
  categories: [
    {
      id: 'camera',
      terms: [
        { id: 'camera.camera', text: 'camera', match: 'stem', compound: 'both', except: ['cameraman', 'fotocamera'] },
        { id: 'camera.anpr', text: 'kentekenplaat herkenning', match: 'phrase', forms: ["ANPR's", 'kentekenplaatherkenning', 'kentekenplaatherkenningen'] },
        { id: 'other.elsewhere', text: 'Wi-Fi', match: 'acronym', weak: true },
        { id: 'camera.drone', text: 'drone', match: 'word', compounds: { modifiers: ['politie', 'AI-'], heads: ['camera'] }, weak: true },
      ],
    },
  ],
  safeguards: {
    safeguards: [{ id: 'dpia', terms: [{ id: 'dpia.dpia', text: 'DPIA', match: 'acronym', forms: ['DPIA’s', 'gegevensbeschermingseffectbeoordeling'] }] }],
    signals: [{ id: 'kinderen', terms: [{ id: 'kinderen.kind', text: 'kind', match: 'word', compound: 'none' }] }],
  },
};

describe('packMatchRules / unpackMatchRules', () => {
  it('give back the shipped rules exactly, key order included, in well under half their JSON', () => {
    const rules = loadScanRules();
    const packed = packMatchRules(rules);
    expect(JSON.stringify(unpackMatchRules(packed))).toBe(JSON.stringify(rules));
    expect(packed.length).toBeLessThan(JSON.stringify(rules).length / 2);
  });

  it('keep ids that are not their text’s slug, ids of another group, weak terms, compounds and exceptions', () => {
    const packed = packMatchRules(sample);
    expect(JSON.stringify(unpackMatchRules(packed))).toBe(JSON.stringify(sample));
    // The derived id is left out; the others are written.
    expect(packed).toContain('sB|camera||^fman;fotocamera');
    expect(packed).toContain("panpr|kentekenplaat herkenning|ANPR's;kentekenplaatherkenning;^wen");
    expect(packed).toContain('a!=other.elsewhere|Wi-Fi');
  });

  it('refuse what they cannot carry without loss', () => {
    const withTerm = (term: object): MatchRuleSet => ({ ...sample, categories: [{ id: 'camera', terms: [term as never] }] });
    expect(() => packMatchRules(withTerm({ id: 'camera.a', text: 'a|b', match: 'word' }))).toThrow(/scheidingsteken/);
    expect(() => packMatchRules(withTerm({ id: 'camera.a', text: 'a', match: 'word', forms: ['x;y'] }))).toThrow(/scheidingsteken/);
    expect(() => packMatchRules(withTerm({ id: 'camera.a', text: 'a', match: 'word', except: ['^ab'] }))).toThrow(/scheidingsteken/);
    expect(() => packMatchRules(withTerm({ id: 'camera.a', text: 'a', match: 'word', forms: [] }))).toThrow(/lege lijst/);
    expect(() => packMatchRules(withTerm({ id: 'camera.a', text: 'a', match: 'word', weak: false }))).toThrow(/weak/);
    expect(() => packMatchRules(withTerm({ id: 'camera.a', text: 'a', match: 'word', note: 'x' }))).toThrow(/note/);
    expect(() => unpackMatchRules('xw|a')).toThrow(/buiten een groep/);
    expect(() => unpackMatchRules('#camera\nq|a')).toThrow(/onbekende soort/);
  });
});

describe('packPatterns / unpackScanRules', () => {
  const allTerms = (r: MatchRuleSet) => [...r.categories, ...r.safeguards.safeguards, ...r.safeguards.signals].flatMap((g) => g.terms);

  it('give back every shipped term’s patterns exactly as the matcher works them out', () => {
    const rules = loadScanRules();
    const packed = packPatterns(rules);
    const unpacked = unpackPatterns(rules, packed);
    // Most first patterns are the text itself, written as one mark.
    expect(packed.split('\n').filter((line) => line.startsWith('*')).length).toBeGreaterThan(200);
    const terms = allTerms(rules);
    expect(unpacked).toHaveLength(terms.length);
    terms.forEach((term, i) => expect(unpacked[i], term.id).toEqual(termPatterns(term)));
    // Acronyms keep their cased views; others have none.
    expect(unpacked.some((p) => p.cased !== null && p.cased.length > 0)).toBe(true);
    expect(unpacked.some((p) => p.except.length > 0)).toBe(true);
  });

  it('match on the rules without their spellings exactly as on the whole rules', () => {
    const whole = loadScanRules();
    const page = unpackScanRules(packMatchRules(withoutSpellings(whole)), packPatterns(whole));
    // What the page gets has no forms, compounds or exceptions left: only the patterns carry them.
    expect(allTerms(page).some((t) => t.forms || t.compounds || t.except)).toBe(false);
    const text =
      "De gemeente zet bodycams, ANPR-camera's en wifi-⏎tracking in; een cameraman en de fotocamera niet. " +
      'Er is een DPIA, de FG is gehoord, een gegevensbeschermingseffectbeoordeling volgt voor de slimme lantaarnpalen met sensoren.';
    const own = { ownTerms: [{ id: 'x', text: 'lantaarnpaal', category: whole.categories[0]!.id }], disabledCategories: [whole.categories[1]!.id] };
    for (const options of [{}, own]) {
      const a = createScanner(whole, options).find(text);
      const b = createScanner(page, options).find(text);
      expect(b).toEqual(a);
      expect(a.matches.length + a.safeguardHits.length).toBeGreaterThan(3);
    }
  });

  it('refuse patterns that do not belong to the rules given, or that they cannot write', () => {
    expect(() => unpackPatterns(sample, packPatterns(loadScanRules()))).toThrow(/termen/);
    const withText = (text: string): MatchRuleSet => ({ ...sample, categories: [{ id: 'camera', terms: [{ id: 'camera.a', text, match: 'word' }] }] });
    expect(() => packPatterns(withText('a*b'))).toThrow(/scheidingsteken/);
    expect(() => packPatterns(withText('a^b'))).toThrow(/scheidingsteken/);
  });
});
