// Shared plumbing of the repositories: one transaction per operation with errors mapped, and
// zod on both sides of IndexedDB.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { z } from 'zod';
import { nextTurn } from '../../core/tasks';
import { announceChange } from './changes';
import { getDb } from './connection';
import { StorageError, describeIssues, dutchErrors, toStorageError } from './errors';
import type { StoreName } from './schema';

/** A stored record that failed its schema: shown to the reader as unreadable, kept in the database. */
export interface InvalidRecord {
  store: StoreName;
  key: IDBValidKey;
  problems: string[];
  value: unknown;
}

/**
 * The valid records, with the unreadable ones beside them. An array (so lists sort and map as
 * usual) that carries `invalid`, so no caller can get the records without the means to say
 * "2 notities konden niet worden gelezen".
 */
export type Listed<T> = T[] & { invalid: InvalidRecord[] };

/** The primary key of a stored value: every store has an inline keyPath (id, key for settings, [documentId, safeguard] for corrections). */
function keyOf(store: StoreName, value: unknown): IDBValidKey {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const one = (key: unknown): IDBValidKey => (typeof key === 'string' || typeof key === 'number' ? key : '');
  if (store === 'corrections') return [one(record.documentId), one(record.safeguard)];
  return one(record[store === 'settings' ? 'key' : 'id']);
}

/**
 * zod's verdict on a stored value, with Dutch messages when it fails. The Dutch error map is
 * passed only then: a parse with per-call parameters costs ~1.6× one without (10,000 notes:
 * 35 vs 21 ms warm in Node), and nearly every stored record is valid.
 */
function safeParseDutch<T>(schema: z.ZodType<T, unknown>, value: unknown): z.ZodSafeParseResult<T> {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed : schema.safeParse(value, { error: dutchErrors });
}

/** `values` as read with getAll (no getAllKeys: with inline keys it would read every record twice). */
export function listed<T>(store: StoreName, schema: z.ZodType<T>, values: unknown[]): Listed<T> {
  const items: T[] = [];
  const invalid: InvalidRecord[] = [];
  for (const value of values) {
    const parsed = safeParseDutch(schema, value);
    if (parsed.success) items.push(parsed.data);
    else invalid.push({ store, key: keyOf(store, value), problems: describeIssues(parsed.error), value });
  }
  // Not enumerable, so the list compares, logs and serialises as the plain array it mostly is.
  return Object.defineProperty(items, 'invalid', { value: invalid, enumerable: false }) as Listed<T>;
}

/**
 * Every stored value of `store` in key order, `pageSize` at a time, each page in a transaction
 * of its own with a turn of the event loop after it. Read at once, 10,000 notes are one task of
 * ~100 ms on the page's thread (the values are deserialised there) and their validation another:
 * the first rows the reader waits for and every click wait behind it. A write between pages can
 * leave the list torn; callers that keep it repeat a load that overlapped a change.
 */
export async function listedInPages<T>(store: StoreName, schema: z.ZodType<T>, pageSize = 1000): Promise<Listed<T>> {
  const items: T[] = [];
  const invalid: InvalidRecord[] = [];
  let after: IDBValidKey | undefined;
  for (;;) {
    const values = await inTransaction([store], 'readonly', (tx) =>
      tx.objectStore(store).getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), pageSize),
    );
    const page = listed(store, schema, values);
    items.push(...page);
    invalid.push(...page.invalid);
    if (values.length < pageSize) break;
    after = keyOf(store, values[values.length - 1]);
    await nextTurn();
  }
  return Object.defineProperty(items, 'invalid', { value: invalid, enumerable: false }) as Listed<T>;
}

/** Parses one stored value; an unreadable one is an error here because the caller asked for it by key. */
export function parseStored<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const parsed = safeParseDutch(schema, value);
  if (!parsed.success) {
    throw new StorageError('invalid', {
      message: 'Dit opgeslagen item is beschadigd en kan niet worden gelezen.',
      problems: describeIssues(parsed.error),
    });
  }
  return parsed.data;
}

/** Throws StorageError 'invalid' (with the problems in Dutch) before anything reaches the store. */
export function validateForWrite<T>(schema: z.ZodType<T, unknown>, value: unknown): T {
  const parsed = safeParseDutch(schema, value);
  if (!parsed.success) throw new StorageError('invalid', { problems: describeIssues(parsed.error) });
  return parsed.data;
}

type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<unknown, StoreName[], Mode>;

/**
 * Runs `work` in one transaction and resolves once it has committed, so "saved" means saved:
 * a quota error often surfaces only at commit. Values are untyped here on purpose: every read
 * goes through zod and every write was parsed before `put`.
 */
export async function inTransaction<R, Mode extends IDBTransactionMode>(
  stores: StoreName[],
  mode: Mode,
  work: (tx: Tx<Mode>) => Promise<R>,
  /** For a write: the keys it changed, so listening views can patch instead of reloading. */
  changedKeys?: (result: R) => string[],
): Promise<R> {
  const db = (await getDb()) as unknown as IDBPDatabase;
  let tx: Tx<Mode>;
  try {
    tx = db.transaction(stores, mode);
  } catch (e) {
    throw toStorageError(e);
  }
  // Observed here so a failing `work` does not also leave an unhandled rejection behind.
  const done = tx.done;
  done.catch(() => undefined);
  try {
    const result = await work(tx);
    await done;
    if (mode === 'readwrite') announceChange(stores, changedKeys?.(result));
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted.
    }
    throw toStorageError(e);
  }
}
