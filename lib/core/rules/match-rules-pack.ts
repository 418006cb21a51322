// The matcher's patterns of the shipped terms packed beside the rules (./match-rules-text.ts), for
// the matcher that runs in the background (it used to run in the content script): worked out at
// build time, so it does not fold and vary every spelling again when it starts.
import type { MatchRuleSet } from './match-rules';
import type { Term } from './schema';
import { setPrebuiltPatterns, termPatterns, type TermPatterns } from '../match/compile';
import { FIELD, ITEM, LINE, SHARED, shareWith, unpackMatchRules, unshareWith } from './match-rules-text';

export { packMatchRules, unpackMatchRules } from './match-rules-text';

// The matcher's patterns of the same terms (core/match/compile.ts termPatterns: spellings,
// compounds and line-end variants, folded, without repeats), so a page does not work them out
// again at every load. One line per term, in the rules' order (categories, safeguards, signals):
// the folded spellings, for an acronym their cased views, the exceptions; each pattern written
// against the one before it, as the rules' forms are.

function allTerms(rules: MatchRuleSet): Term[] {
  return [...rules.categories, ...rules.safeguards.safeguards, ...rules.safeguards.signals].flatMap((g) => g.terms);
}

/** A first pattern that is the term's text (lowered, but for an acronym's cased view). */
const AS_TEXT = '*';

const stringOf = (units: Uint16Array): string => String.fromCharCode(...units);

function unitsOf(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The terms' patterns as one string (build time). Throws on a pattern it cannot write. */
export function packPatterns(rules: MatchRuleSet): string {
  let before = '';
  // `own`: what the term's first pattern most often is (its text lowered, or as written for an
  // acronym's cased view), written as one mark instead.
  const list = (items: readonly Uint16Array[] | null, own: string) =>
    (items ?? [])
      .map((units, k) => {
        const item = stringOf(units);
        for (const mark of [LINE, FIELD, ITEM, SHARED, AS_TEXT]) if (item.includes(mark)) throw new Error(`patroon '${item}' bevat een scheidingsteken`);
        const shared = k === 0 && item === own ? AS_TEXT : shareWith(before, item);
        before = item;
        return shared;
      })
      .join(ITEM);
  return allTerms(rules)
    .map((term) => {
      const p = termPatterns(term);
      const fields = [list(p.lower, term.text.toLowerCase()), list(p.cased, term.text), list(p.except, '')];
      while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
      return fields.join(FIELD);
    })
    .join(LINE);
}

/** The patterns back from packPatterns' string, one entry per term of `rules` in order. */
export function unpackPatterns(rules: MatchRuleSet, packed: string): TermPatterns[] {
  const terms = allTerms(rules);
  const lines = packed.split(LINE);
  if (lines.length !== terms.length) throw new Error(`${lines.length} regels patronen voor ${terms.length} termen`);
  let before = '';
  const list = (field: string | undefined, own: string): Uint16Array[] => {
    if (!field) return [];
    const items = field.split(ITEM);
    const out: Uint16Array[] = [];
    for (const packedItem of items) {
      before = packedItem === AS_TEXT ? own : unshareWith(before, packedItem);
      out.push(unitsOf(before));
    }
    return out;
  };
  return terms.map((term, i) => {
    const [lower, cased, except] = lines[i]!.split(FIELD);
    const p: TermPatterns = { lower: list(lower, term.text.toLowerCase()), cased: null, except: [] };
    const casedList = list(cased, term.text);
    if (term.match === 'acronym') p.cased = casedList;
    p.except = list(except, '');
    return p;
  });
}

/**
 * The rules back from packMatchRules' string, with their terms' patterns from packPatterns'
 * handed to the matcher (what the content script loads).
 */
export function unpackScanRules(packedRules: string, packedPatterns: string): MatchRuleSet {
  const rules = unpackMatchRules(packedRules);
  const terms = allTerms(rules);
  unpackPatterns(rules, packedPatterns).forEach((p, i) => setPrebuiltPatterns(terms[i]!, p));
  return rules;
}
