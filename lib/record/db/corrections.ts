// The reader's corrections of the checklist: per document and safeguard one status. A correction
// back to what Raadslens read is no correction: it is removed, so the document reads as scanned.
import { inTransaction, listed, validateForWrite, type Listed } from './records';
import { StoredCorrectionSchema, type StoredCorrection } from './schema';

export type CorrectionInput = Pick<StoredCorrection, 'documentId' | 'safeguard' | 'status'> & Partial<Pick<StoredCorrection, 'detected' | 'passage'>>;

const key = (documentId: string, safeguard: string): [string, string] => [documentId, safeguard];

export const correctionsRepo = {
  listByDocument: (documentId: string): Promise<Listed<StoredCorrection>> =>
    inTransaction(['corrections'], 'readonly', async (tx) =>
      listed('corrections', StoredCorrectionSchema, await tx.objectStore('corrections').index('byDocument').getAll(documentId)),
    ),

  listAll: (): Promise<Listed<StoredCorrection>> =>
    inTransaction(['corrections'], 'readonly', async (tx) => listed('corrections', StoredCorrectionSchema, await tx.objectStore('corrections').getAll())),

  /** Sets the reader's status; the same as `detected` removes the correction instead. Resolves to what is stored (or null). */
  set: (input: CorrectionInput): Promise<StoredCorrection | null> =>
    inTransaction(
      ['corrections'],
      'readwrite',
      async (tx) => {
        const store = tx.objectStore('corrections');
        const k = key(input.documentId, input.safeguard);
        if (input.detected !== undefined && input.status === input.detected) {
          await store.delete(k);
          return null;
        }
        const previous = StoredCorrectionSchema.safeParse(await store.get(k));
        const now = Date.now();
        const record = validateForWrite(StoredCorrectionSchema, {
          ...input,
          createdAt: previous.success ? previous.data.createdAt : now,
          updatedAt: Math.max(now, previous.success ? previous.data.updatedAt : 0),
        });
        await store.put(record);
        return record;
      },
      () => [`${input.documentId}#${input.safeguard}`],
    ),

  remove: (documentId: string, safeguard: string): Promise<void> =>
    inTransaction(['corrections'], 'readwrite', async (tx) => tx.objectStore('corrections').delete(key(documentId, safeguard)), () => [`${documentId}#${safeguard}`]),
};
