// What became of the document being read, as the status reading takes it: a motie or amendement
// the raad voted down asks for what nobody will carry out (its dictum negated, not planned), an
// adopted or open one asks for what is still to come. The outcome is the document's own — its
// text's ("De motie wordt met 12 stemmen voor en 17 tegen verworpen", document-kind.ts), or the
// portal's field — and stands far from the dictum in a whole-document motie, beyond the window
// the content script sends around a mention; so it is read once per document and handed to the
// reading as an input. Anything else (a besluitenlijst, a raadsvoorstel that quotes a motie) is
// 'unknown': its asks are read by their own decision lines (status/rejected.ts).
import { z } from 'zod';
import type { ProposalDecision } from '../rules/decisions';

export const DOCUMENT_OUTCOMES = ['rejected', 'adopted', 'unknown'] as const;

export type DocumentOutcome = (typeof DOCUMENT_OUTCOMES)[number];

const DocumentOutcomeSchema = z.enum(DOCUMENT_OUTCOMES);

/** The kinds of document whose own outcome counts: the proposals the raad votes on. */
const PROPOSALS: ReadonlySet<string> = new Set(['motie', 'amendement']);

/**
 * The outcome of a document of `kind` (a portal's documentType or the opening's kind) that the raad
 * `decision`: rejected or adopted only for a motie or amendement; a withdrawn one was never voted
 * down, and is read as an open one.
 */
export function outcomeOf(kind: string | undefined, decision: ProposalDecision | undefined): DocumentOutcome {
  if (!kind || !PROPOSALS.has(kind)) return 'unknown';
  return decision === 'verworpen' ? 'rejected' : decision === 'aangenomen' ? 'adopted' : 'unknown';
}

/** The outcome checked where it enters the reading: a Dutch error on anything else. */
export function parseDocumentOutcome(value: unknown): DocumentOutcome {
  const parsed = DocumentOutcomeSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`Uitkomst van het stuk onbekend: ${JSON.stringify(value) ?? String(value)} (verwacht: ${DOCUMENT_OUTCOMES.join(', ')})`);
}
