// The packed match table's zod schemas (./match-table.ts packs and unpacks it), for the readers
// that check it: the background and the extension pages.
import { z } from 'zod';
import { CategoryIdSchema } from '../../core/rules/schema';
import { MAX_REPORTED_MATCHES, tableIssue, type MatchSummary, type MatchTable } from './match-table';

export const MatchSummarySchema = z.strictObject({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  termId: z.string().min(1),
  category: CategoryIdSchema,
  text: z.string(),
  /** Some words either side, for the panel list. */
  snippet: z.string(),
});

/** The table's shape alone: what a content script sends before the background completes its contexts. */
export const MatchTableShape = z.strictObject({
  /** The distinct terms, referred to by position in `spans`. */
  terms: z.array(z.strictObject({ termId: z.string().min(1), category: CategoryIdSchema })),
  /**
   * Three whole numbers ≥ 0 per match, in text order: start, end (in the tab's joined text), term
   * position. Checked in tableIssue's loop: an element schema per number costs ~10× as much.
   */
  spans: z.array(z.number()).max(3 * MAX_REPORTED_MATCHES),
  /**
   * Stretches of the text in order, none overlapping, each within one block: every match lies in
   * one, with MATCH_SNIPPET_RADIUS + 1 characters either side (or up to its block's edge).
   */
  contexts: z.array(z.strictObject({ at: z.number().int().nonnegative(), text: z.string() })),
});

export const MatchTableSchema = MatchTableShape.superRefine((t: MatchTable, ctx) => {
  const issue = tableIssue(t);
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});


// The hand-written types and the schemas describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameSummary: Same<z.infer<typeof MatchSummarySchema>, MatchSummary> = true;
const sameTable: Same<z.infer<typeof MatchTableShape>, MatchTable> = true;
void sameSummary;
void sameTable;
