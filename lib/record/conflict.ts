// Two edits never silently overwrite each other: a save names the revision it started from, and
// when the stored record moved on the reader sees both versions and chooses.
import { ConflictError } from './db/errors';

interface Revisioned {
  id: string;
  revision: number;
}

export type SaveOutcome<T, In> =
  | { kind: 'saved'; stored: T }
  | { kind: 'conflict'; message: string; mine: In; current: T | undefined };

/** Runs `save(input)`; a ConflictError becomes an outcome the UI shows, every other error is rethrown. */
export async function saveOrConflict<T, In>(save: (input: In) => Promise<T>, input: In): Promise<SaveOutcome<T, In>> {
  try {
    return { kind: 'saved', stored: await save(input) };
  } catch (e) {
    if (e instanceof ConflictError) return { kind: 'conflict', message: e.message, mine: input, current: e.current as T | undefined };
    throw e;
  }
}

/**
 * "Mijn versie bewaren": the reader's edit, now based on the stored revision, so the next save
 * succeeds. When the record was deleted elsewhere the edit is saved as a new record instead.
 */
export function keepMine<In extends { id?: string; revision?: number }>(mine: In, current: Revisioned | undefined): In {
  if (!current) return { ...mine, id: undefined, revision: undefined };
  return { ...mine, id: current.id, revision: current.revision };
}
