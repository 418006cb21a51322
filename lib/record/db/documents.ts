import { inTransaction, listed, parseStored, validateForWrite, type Listed } from './records';
import { StorageError } from './errors';
import { StoredDocumentSchema, type StoredDocument } from './schema';
import { DOCUMENT_URL_PROBLEM, normaliseDocumentUrl, webUrl } from './url';
import { decisionToKeep } from './outcome';

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
      const { decision, decisionFrom, ...defined } = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as DocumentInput;
      const record = validateForWrite(StoredDocumentSchema, {
        ...stored,
        ...defined,
        // What the raad did: the document's own text wins over a list's word (./outcome.ts).
        ...decisionToKeep(stored, { decision, decisionFrom }),
        id,
        createdAt: stored?.createdAt ?? now,
        updatedAt: Math.max(now, stored?.updatedAt ?? 0),
      });
      await store.put(record);
      return record;
    }, (record) => [record.id]);
  },

  /**
   * Changes the stored documents among `ids` as `revise` says (null: that one stays), all in one
   * transaction or none; an address that is not stored is passed over. Read first without
   * writing: when nothing changes, nothing is written or announced. Gives the ids written.
   */
  reviseAll: async (ids: readonly string[], revise: (stored: StoredDocument) => Partial<Omit<StoredDocument, 'id' | 'createdAt' | 'updatedAt'>> | null): Promise<string[]> => {
    const changesIn = async (store: { get(id: string): Promise<unknown> }) => {
      const out: Array<{ stored: StoredDocument; patch: Partial<StoredDocument> }> = [];
      for (const id of new Set(ids)) {
        const parsed = StoredDocumentSchema.safeParse(await store.get(id));
        // An unreadable record is left as it is: "Alles" names it, and nothing is added to it.
        const patch = parsed.success ? revise(parsed.data) : null;
        if (patch) out.push({ stored: parsed.data!, patch });
      }
      return out;
    };
    if ((await inTransaction(['documents'], 'readonly', (tx) => changesIn(tx.objectStore('documents')))).length === 0) return [];
    return inTransaction(['documents'], 'readwrite', async (tx) => {
      const store = tx.objectStore('documents');
      const now = Date.now();
      const written: string[] = [];
      // Read again inside the write: a change between the two transactions is not undone.
      for (const { stored, patch } of await changesIn(store)) {
        await store.put(validateForWrite(StoredDocumentSchema, { ...stored, ...patch, updatedAt: Math.max(now, stored.updatedAt) }));
        written.push(stored.id);
      }
      return written;
    }, (written) => written);
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
