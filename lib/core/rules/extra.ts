// Term packs from outside the extension (a griffie's policy or settings file) joined to the
// built-in rules at run time. They follow the rules/terms/*.json format and are validated by the
// same schema before they get here; their terms join the category of the same id.
import type { MatchRuleSet } from './match-rules';
import type { CategoryPack } from './schema';

/** Griffie terms carry this prefix in their id: never a clash with a shipped term, and recognisable in results. */
export const GRIFFIE_TERM_PREFIX = 'griffie:';

export function isGriffieTerm(termId: string): boolean {
  return termId.startsWith(GRIFFIE_TERM_PREFIX);
}

/** The rules with the extra packs' terms added to their categories (the given rules are not changed). */
export function withExtraPacks<R extends MatchRuleSet>(rules: R, packs: readonly CategoryPack[] | undefined): R {
  if (!packs?.length) return rules;
  const categories = rules.categories.map((category) => {
    const extra = packs.filter((p) => p.id === category.id).flatMap((p) => p.terms);
    if (extra.length === 0) return category;
    const seen = new Set(category.terms.map((t) => t.id));
    const terms = [...category.terms];
    for (const term of extra) {
      const id = GRIFFIE_TERM_PREFIX + term.id;
      if (seen.has(id)) continue;
      seen.add(id);
      terms.push({ ...term, id });
    }
    return { ...category, terms };
  });
  return { ...rules, categories };
}
