import type { z } from 'zod';
import { revisionedRepo, type CreateInput, type SaveInput } from './revisioned';
import { FlagRecordSchema, type FlagRecord } from './schema';

export type FlagInput = SaveInput<z.input<typeof FlagRecordSchema>>;
export type NewFlag = CreateInput<z.input<typeof FlagRecordSchema>>;

export const flagsRepo = revisionedRepo<FlagRecord, z.input<typeof FlagRecordSchema>>({
  store: 'flags',
  schema: FlagRecordSchema,
  messages: {
    changed:
      'Deze markering is intussen elders gewijzigd (bijvoorbeeld in een ander tabblad). Uw wijziging is niet opgeslagen: bekijk de nieuwste versie en breng uw wijziging daarin aan.',
    removed: 'Deze markering is intussen elders verwijderd. Uw wijziging is niet opgeslagen.',
  },
});
