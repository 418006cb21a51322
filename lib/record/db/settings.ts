import type { z } from 'zod';
import { inTransaction, parseStored, validateForWrite } from './records';
import { StoredSettingSchema } from './schema';

/**
 * Key-value settings. The schema of each value belongs to the code that owns the setting (the
 * options page), so `get` takes it: a value written by an older build that no longer fits is
 * reported as StorageError 'invalid' and the caller falls back to its default.
 */
export const settingsRepo = {
  get: <T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> =>
    inTransaction(['settings'], 'readonly', async (tx) => {
      const record = parseStored(StoredSettingSchema, await tx.objectStore('settings').get(key));
      return record === undefined ? undefined : parseStored(schema, record.value);
    }),

  set: <T>(key: string, value: T, schema?: z.ZodType<T>): Promise<void> => {
    try {
      const checked = schema ? validateForWrite(schema, value) : value;
      const record = validateForWrite(StoredSettingSchema, { key, value: checked, updatedAt: Date.now() });
      return inTransaction(['settings'], 'readwrite', async (tx) => {
        await tx.objectStore('settings').put(record);
      });
    } catch (e) {
      return Promise.reject(e);
    }
  },

  remove: (key: string): Promise<void> =>
    inTransaction(['settings'], 'readwrite', async (tx) => {
      await tx.objectStore('settings').delete(key);
    }),
};
