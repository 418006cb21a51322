// The stored shape of a passage a reader selected: W3C TextQuoteSelector (exact + context) and
// TextPositionSelector (start/end) in one record, because re-finding needs both: the quote
// survives edits elsewhere in the document, the position breaks ties between repeated quotes.
import { z } from 'zod';

import { CONTEXT_LENGTH } from './shape';

export { CONTEXT_LENGTH };

export const AnchorSchema = z
  .object({
    exact: z.string().min(1),
    prefix: z.string().max(CONTEXT_LENGTH),
    suffix: z.string().max(CONTEXT_LENGTH),
    /** Offsets into the text the anchor was described on (page text for a PDF). */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** 1-based PDF page, as pdf.js numbers pages; absent for web pages. */
    page: z.number().int().positive().optional(),
  })
  .refine((a) => a.end > a.start, { message: 'end moet na start liggen', path: ['end'] });

export type Anchor = z.infer<typeof AnchorSchema>;
