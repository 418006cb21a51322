// What matching needs of the rules, and no more: term packs without their labels, descriptions,
// reasons or notes, safeguards and signals as ids with terms. The content script carries only
// this (lib/core/rules/builtin-scan.ts); the background composes the rest of the report from the
// whole rule set (lib/core/questions/partial.ts composeAssessment).
import type { CategoryId, Term } from './schema';

export interface MatchCategory {
  id: CategoryId;
  terms: Term[];
}
export interface MatchGroup {
  id: string;
  terms: Term[];
}
export interface MatchRuleSet {
  categories: MatchCategory[];
  safeguards: { safeguards: MatchGroup[]; signals: MatchGroup[] };
}

const termOnly = ({ note: _note, ...term }: Term): Term => term;
const groupOnly = (g: MatchGroup): MatchGroup => ({ id: g.id, terms: g.terms.map(termOnly) });

/** The rules cut down to what matching needs (notes are for maintainers, never shown or matched). */
export function matchRulesOf(rules: MatchRuleSet): MatchRuleSet {
  return {
    categories: rules.categories.map((c) => ({ id: c.id, terms: c.terms.map(termOnly) })),
    safeguards: { safeguards: rules.safeguards.safeguards.map(groupOnly), signals: rules.safeguards.signals.map(groupOnly) },
  };
}
