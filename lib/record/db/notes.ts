import type { z } from 'zod';
import { inTransaction, listed, type Listed } from './records';
import { revisionedRepo, type CreateInput, type SaveInput } from './revisioned';
import { StoredNoteSchema, type StoredNote, type NoteStatus } from './schema';

export type NoteInput = SaveInput<z.input<typeof StoredNoteSchema>>;
export type NewNote = CreateInput<z.input<typeof StoredNoteSchema>>;

const base = revisionedRepo<StoredNote, z.input<typeof StoredNoteSchema>>({
  store: 'notes',
  schema: StoredNoteSchema,
  messages: {
    changed:
      'Deze notitie is intussen elders gewijzigd (bijvoorbeeld in een ander tabblad). Uw wijziging is niet opgeslagen: bekijk de nieuwste versie en breng uw wijziging daarin aan.',
    removed:
      'Deze notitie is intussen elders verwijderd. Uw wijziging is niet opgeslagen: bewaar de tekst als nieuwe notitie als u hem wilt houden.',
  },
});

export const notesRepo = {
  ...base,
  /** For the "before the fractievergadering" view: everything still open, or already asked. Newest first. */
  listByStatus: (status: NoteStatus): Promise<Listed<StoredNote>> =>
    inTransaction(['notes'], 'readonly', async (tx) => {
      const index = tx.objectStore('notes').index('byStatus');
      const items = listed('notes', StoredNoteSchema, await index.getAll(status));
      items.sort((a, b) => b.updatedAt - a.updatedAt);
      return items;
    }),
};
