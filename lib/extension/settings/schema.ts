// What the reader sets in the options page and the content script needs on every page:
// categories switched off, own terms, and how highlights look. Kept in storage.local (not in
// our IndexedDB) because a content script runs with the page's origin and cannot open that.
import { z } from 'zod';
import { CATEGORY_IDS, CategoryIdSchema, OwnTermSchema } from '../../core/rules/schema';
import { MAX_OWN_TERMS, PALETTES } from './defaults';

export * from './defaults';

/** Only #rrggbb: the colour goes into a generated stylesheet, so nothing else may get in. */
const HexColourSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'een kleur is #rrggbb');

export const HighlightStyleSchema = z.strictObject({
  /** Coloured background with a thin underline, or only a thick underline (quieter on busy pages). */
  mode: z.enum(['background', 'underline']),
  palette: z.enum(PALETTES),
  /** The reader's own colour per category; absent = the palette's colour. */
  colours: z.partialRecord(CategoryIdSchema, HexColourSchema),
});
export type HighlightStyle = z.infer<typeof HighlightStyleSchema>;

export const SettingsSchema = z.strictObject({
  version: z.literal(1),
  disabledCategories: z.array(CategoryIdSchema).max(CATEGORY_IDS.length),
  ownTerms: z.array(OwnTermSchema).max(MAX_OWN_TERMS),
  highlight: HighlightStyleSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;
