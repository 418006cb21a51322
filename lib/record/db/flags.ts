import type { z } from 'zod';
import { revisionedRepo, type CreateInput, type SaveInput } from './revisioned';
import { StoredFlagSchema, type StoredFlag } from './schema';

export type FlagInput = SaveInput<z.input<typeof StoredFlagSchema>>;
export type NewFlag = CreateInput<z.input<typeof StoredFlagSchema>>;

export const flagsRepo = revisionedRepo<StoredFlag, z.input<typeof StoredFlagSchema>>({
  store: 'flags',
  schema: StoredFlagSchema,
  messages: {
    changed:
      'Deze markering is intussen elders gewijzigd (bijvoorbeeld in een ander tabblad). Uw wijziging is niet opgeslagen: bekijk de nieuwste versie en breng uw wijziging daarin aan.',
    removed: 'Deze markering is intussen elders verwijderd. Uw wijziging is niet opgeslagen.',
  },
});
