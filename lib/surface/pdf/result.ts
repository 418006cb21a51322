// The result of scanning one PDF, as the panel shows it and the cache stores it. A zod schema,
// because it is read back from the cache's IndexedDB (cache.ts), which keeps whatever an older build wrote.
import { z } from 'zod';
import { PROPOSAL_DECISIONS } from '../../core/rules/decisions';
import { AssessmentSummarySchema, MatchSummarySchema, MAX_REPORTED_MATCHES } from '../../extension/messages/protocol';

export const PdfMatchSchema = MatchSummarySchema.extend({
  /** 1-based page; start/end are offsets into that page's text. */
  page: z.number().int().positive(),
});
export type PdfMatch = z.infer<typeof PdfMatchSchema>;

export const PdfScanResultSchema = z.strictObject({
  url: z.string().min(1),
  title: z.string(),
  scannedAt: z.number(),
  ms: z.number().nonnegative(),
  pageCount: z.number().int().nonnegative(),
  /** Pages read; fewer than pageCount when the document was over the limit. */
  scannedPages: z.number().int().nonnegative(),
  truncated: z.boolean(),
  /** Reading stopped at the time budget: the pages before it were read, the rest not. */
  incomplete: z.literal(true).optional(),
  /** Pages read that have (almost) no text, blank or scanned: nothing could be found there. Absent when none (and in results cached by older builds). */
  textlessPages: z.array(z.number().int().positive()).min(1).max(100_000).optional(),
  chars: z.number().int().nonnegative(),
  matchCount: z.number().int().nonnegative(),
  matches: z.array(PdfMatchSchema).max(MAX_REPORTED_MATCHES),
  assessment: AssessmentSummarySchema,
  /**
   * What the text's own opening says it is (a motie or an amendement, where its name may not say
   * so), what the raad did with it and whom the questions go to, where the text says (lib/core/questions/document-kind.ts).
   * Absent when it says neither (and in results cached by older builds).
   */
  opening: z
    .strictObject({
      kind: z.enum(['motie', 'amendement']).optional(),
      decision: z.enum(PROPOSAL_DECISIONS).optional(),
      /** The questions go to the burgemeester ("Verzoekt de burgemeester", "artikel 151c"). */
      addressee: z.literal('burgemeester').optional(),
      /** The meeting's date as the opening writes it ("in vergadering bijeen op 12 juni 2025"). */
      date: z.string().max(40).optional(),
      /** Its dictum asks for a study of the technology, not its deployment ("verzoekt het college onderzoek te doen naar …"). */
      asks: z.literal('study').optional(),
    })
    .optional(),
});
export type PdfScanResult = z.infer<typeof PdfScanResultSchema>;
