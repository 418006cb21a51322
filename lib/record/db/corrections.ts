// The reader's corrections of the checklist: per document and safeguard one status. A correction
// back to what Raadslens read is no correction: it is removed, so the document reads as scanned.
import { inTransaction, listed, validateForWrite, type Listed } from './records';
import { CorrectionRecordSchema, type CorrectionRecord } from './schema';

export type CorrectionInput = Pick<CorrectionRecord, 'documentId' | 'safeguard' | 'status'> & Partial<Pick<CorrectionRecord, 'detected' | 'passage'>>;

const key = (documentId: string, safeguard: string): [string, string] => [documentId, safeguard];

export const correctionsRepo = {
  listByDocument: (documentId: string): Promise<Listed<CorrectionRecord>> =>
    inTransaction(['corrections'], 'readonly', async (tx) =>
      listed('corrections', CorrectionRecordSchema, await tx.objectStore('corrections').index('byDocument').getAll(documentId)),
    ),

  listAll: (): Promise<Listed<CorrectionRecord>> =>
    inTransaction(['corrections'], 'readonly', async (tx) => listed('corrections', CorrectionRecordSchema, await tx.objectStore('corrections').getAll())),

  /** Sets the reader's status; the same as `detected` removes the correction instead. Resolves to what is stored (or null). */
  set: (input: CorrectionInput): Promise<CorrectionRecord | null> =>
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
        const previous = CorrectionRecordSchema.safeParse(await store.get(k));
        const now = Date.now();
        const record = validateForWrite(CorrectionRecordSchema, {
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
