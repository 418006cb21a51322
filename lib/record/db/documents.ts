import { inTransaction, listed, parseStored, validateForWrite, type Listed } from './records';
import { StorageError } from './errors';
import { StoredDocumentSchema, type StoredDocument } from './schema';
import { DOCUMENT_URL_PROBLEM, normaliseDocumentUrl, webUrl } from './url';

export type DocumentInput = Omit<StoredDocument, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

export const documentsRepo = {
  /**
   * Creates the document or refreshes what is known about it. Fields the caller leaves out keep
   * their stored value: the detector of a later visit may know less (no meeting date on a PDF).
   */
  upsert: (input: DocumentInput): Promise<StoredDocument> => {
    let id: string;
    try {
      id = normaliseDocumentUrl(input.url);
    } catch (e) {
      return Promise.reject(new StorageError('invalid', { cause: e, problems: [`url: ${input.url}`] }));
    }
    // Only web documents, so every backup of this database can be read in again (the import
    // refuses other addresses).
    if (!webUrl(input.url)) {
      return Promise.reject(new StorageError('invalid', { problems: [`url: ${DOCUMENT_URL_PROBLEM}`] }));
    }
    if (input.id !== undefined && input.id !== id) {
      return Promise.reject(new StorageError('invalid', { problems: [`id: hoort ${id} te zijn, niet ${input.id}`] }));
    }
    return inTransaction(['documents'], 'readwrite', async (tx) => {
      const store = tx.objectStore('documents');
      // An unreadable stored record is replaced: the input carries every required field.
      const previous = StoredDocumentSchema.safeParse(await store.get(id));
      const stored = previous.success ? previous.data : undefined;
      const now = Date.now();
      const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const record = validateForWrite(StoredDocumentSchema, {
        ...stored,
        ...defined,
        id,
        createdAt: stored?.createdAt ?? now,
        updatedAt: Math.max(now, stored?.updatedAt ?? 0),
      });
      await store.put(record);
      return record;
    }, (record) => [record.id]);
  },

  get: (id: string): Promise<StoredDocument | undefined> =>
    inTransaction(['documents'], 'readonly', async (tx) => parseStored(StoredDocumentSchema, await tx.objectStore('documents').get(id))),

  getByUrl: (url: string): Promise<StoredDocument | undefined> => documentsRepo.get(normaliseDocumentUrl(url)),

  listAll: (): Promise<Listed<StoredDocument>> =>
    inTransaction(['documents'], 'readonly', async (tx) => {
      const store = tx.objectStore('documents');
      const items = listed('documents', StoredDocumentSchema, await store.getAll());
      items.sort((a, b) => b.updatedAt - a.updatedAt);
      return items;
    }),
};
