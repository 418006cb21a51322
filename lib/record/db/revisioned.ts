// Notes and flags share their life cycle: created with revision 1, saved only against the
// revision the caller read (so two open side panels cannot silently overwrite each other),
// listed per document, newest first overall.
import type { z } from 'zod';
import { ConflictError } from './errors';
import { inTransaction, listed, listedInPages, parseStored, validateForWrite, type Listed } from './records';

interface Revisioned {
  id: string;
  documentId: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
}

type Managed = 'id' | 'createdAt' | 'updatedAt' | 'revision';

/**
 * What a caller hands to `save`: the record without the fields the store manages. Without `id`
 * (or with an unknown one and no `revision`) it is created; with `id` + `revision` it updates.
 * `createdAt` is honoured on create only (for restoring a backup).
 */
export type SaveInput<In> = Omit<In, Managed> & { id?: string; revision?: number; createdAt?: number };
export type CreateInput<In> = Omit<In, Managed> & { id?: string; createdAt?: number };

interface RevisionedRepo<Out extends Revisioned, In> {
  listByDocument(documentId: string): Promise<Listed<Out>>;
  listAll(): Promise<Listed<Out>>;
  /** How many records are stored, readable or not. */
  count(): Promise<number>;
  get(id: string): Promise<Out | undefined>;
  save(input: SaveInput<In>): Promise<Out>;
  create(input: CreateInput<In>): Promise<Out>;
  /** Removes the record; with `expectedRevision`, only if nobody changed it since. True if it existed. */
  remove(id: string, expectedRevision?: number): Promise<boolean>;
}

interface RevisionedRepoConfig<Out, In> {
  store: 'notes' | 'flags';
  schema: z.ZodType<Out, In>;
  messages: { changed: string; removed: string };
}

function storedRevision(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'revision' in value ? value.revision : undefined;
}

export function revisionedRepo<Out extends Revisioned, In>(config: RevisionedRepoConfig<Out, In>): RevisionedRepo<Out, In> {
  const { store, schema, messages } = config;

  const save = (input: SaveInput<In>): Promise<Out> =>
    inTransaction([store], 'readwrite', async (tx) => {
      const objects = tx.objectStore(store);
      const stored: unknown = input.id === undefined ? undefined : await objects.get(input.id);
      const now = Date.now();
      let candidate: Record<string, unknown>;
      if (stored === undefined) {
        if (input.revision !== undefined) throw new ConflictError<Out>(undefined, messages.removed);
        candidate = { ...input, id: input.id ?? crypto.randomUUID(), createdAt: input.createdAt ?? now, updatedAt: now, revision: 1 };
      } else {
        const revision = storedRevision(stored);
        const current = schema.safeParse(stored);
        if (input.revision === undefined || input.revision !== revision) {
          throw new ConflictError<Out>(current.success ? current.data : undefined, messages.changed);
        }
        // An unreadable stored record may be overwritten by a caller that names its revision:
        // that is how a reader repairs it. Its timestamps are then taken on trust where usable.
        const previous = current.success ? current.data : undefined;
        candidate = {
          ...input,
          createdAt: previous?.createdAt ?? now,
          updatedAt: Math.max(now, previous?.updatedAt ?? 0),
          revision: input.revision + 1,
        };
      }
      const record = validateForWrite(schema, candidate);
      await objects.put(record);
      return record;
    }, (record) => [record.id]);

  return {
    listByDocument: (documentId) =>
      inTransaction([store], 'readonly', async (tx) => {
        const index = tx.objectStore(store).index('byDocument');
        const items = listed(store, schema, await index.getAll(documentId));
        items.sort((a, b) => a.createdAt - b.createdAt);
        return items;
      }),

    listAll: async () => {
      const items = await listedInPages(store, schema);
      items.sort((a, b) => b.updatedAt - a.updatedAt);
      return items;
    },

    count: () => inTransaction([store], 'readonly', (tx) => tx.objectStore(store).count()),

    get: (id) => inTransaction([store], 'readonly', async (tx) => parseStored(schema, await tx.objectStore(store).get(id))),

    save,
    create: (input) => save({ ...input, revision: undefined }),

    remove: (id, expectedRevision) =>
      inTransaction([store], 'readwrite', async (tx) => {
        const objects = tx.objectStore(store);
        const stored: unknown = await objects.get(id);
        if (stored === undefined) return false;
        if (expectedRevision !== undefined && storedRevision(stored) !== expectedRevision) {
          const current = schema.safeParse(stored);
          throw new ConflictError<Out>(current.success ? current.data : undefined, messages.changed);
        }
        await objects.delete(id);
        return true;
      }, () => [id]),
  };
}
