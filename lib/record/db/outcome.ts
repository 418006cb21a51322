// What the raad did with a stored motie is read in two places: its own text (a stamp "Verworpen",
// a page's "Status: Aangenomen") and the row of a list that links it ("Verworpen" in a Status
// column). The text wins: a list's word never replaces an outcome the document itself gave, and
// a record kept before the source was kept (an outcome without `decisionFrom`) counts as the
// text's, since nobody can say it was not. A list's later word does replace a list's earlier one:
// the raad decided after the reader first saw it. Pure.
import type { ProposalDecision } from '../../core/rules/decisions';

export const DECISION_SOURCES = ['text', 'list'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

export interface KeptDecision {
  decision?: ProposalDecision;
  decisionFrom?: DecisionSource;
}

/**
 * The outcome to write over `stored`'s when `read` is read, or null when the stored one stays
 * (nothing read, the same read, or a list's word against the document's own). A read without a
 * source is the text's.
 */
export function decisionToKeep(stored: KeptDecision | undefined, read: KeptDecision): Required<KeptDecision> | null {
  if (!read.decision) return null;
  const from = read.decisionFrom ?? 'text';
  const storedFrom = stored?.decision ? (stored.decisionFrom ?? 'text') : undefined;
  if (from === 'list' && storedFrom === 'text') return null;
  if (stored?.decision === read.decision && storedFrom === from) return null;
  return { decision: read.decision, decisionFrom: from };
}
