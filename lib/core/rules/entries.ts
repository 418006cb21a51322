// Apart from ./load.ts (which validates with zod), so the content script's matcher can use it.
import type { Term } from './schema';
import type { MatchRuleSet } from './match-rules';

/**
 * The safeguard and signal terms as entries for the matcher's `compileTerms`: `group` is the
 * safeguard or signal id (unique across both, checked at load), which is what `assessDocument`
 * expects back in its `safeguardHits`.
 */
export function safeguardTermEntries(pack: MatchRuleSet['safeguards']): Array<{ term: Term; group: string }> {
  return [...pack.safeguards, ...pack.signals].flatMap((s) => s.terms.map((term) => ({ term, group: s.id })));
}
