// Whole-database operations for backup, restore and "alles verwijderen". Each runs in ONE
// transaction over every store: a restore either lands completely or not at all, and a reader
// never sees half a backup.
import { inTransaction, listed, validateForWrite, type Listed } from './records';
import {
  StoredCorrectionSchema,
  StoredDocumentSchema,
  StoredFlagSchema,
  StoredNoteSchema,
  StoredSettingSchema,
  STORE_NAMES,
  type StoredCorrection,
  type StoredDocument,
  type StoredFlag,
  type StoredNote,
  type StoredSetting,
} from './schema';

export interface AllRecords {
  documents: Listed<StoredDocument>;
  notes: Listed<StoredNote>;
  flags: Listed<StoredFlag>;
  settings: Listed<StoredSetting>;
  corrections: Listed<StoredCorrection>;
}

/** Everything stored, read in one snapshot (so an export is consistent with itself). */
export function readAllRecords(): Promise<AllRecords> {
  return inTransaction([...STORE_NAMES], 'readonly', async (tx) => {
    const read = async (name: (typeof STORE_NAMES)[number]) => {
      return tx.objectStore(name).getAll();
    };
    const [d, n, f, s, c] = await Promise.all([read('documents'), read('notes'), read('flags'), read('settings'), read('corrections')]);
    return {
      documents: listed('documents', StoredDocumentSchema, d),
      notes: listed('notes', StoredNoteSchema, n),
      flags: listed('flags', StoredFlagSchema, f),
      settings: listed('settings', StoredSettingSchema, s),
      corrections: listed('corrections', StoredCorrectionSchema, c),
    };
  });
}

export interface IncomingRecords {
  documents: readonly StoredDocument[];
  notes: readonly StoredNote[];
  flags: readonly StoredFlag[];
  settings?: readonly StoredSetting[];
  corrections?: readonly StoredCorrection[];
}

export interface MergeCount {
  added: number;
  updated: number;
  /** Same id already stored with the same or a newer updatedAt: the stored one stays. */
  kept: number;
}

export type MergeResult = Record<'documents' | 'notes' | 'flags' | 'settings' | 'corrections', MergeCount>;

type Keyed = { updatedAt: number };

function updatedAtOf(value: unknown): number {
  const at = typeof value === 'object' && value !== null && 'updatedAt' in value ? value.updatedAt : undefined;
  // An unreadable stored record loses against any valid incoming one.
  return typeof at === 'number' && Number.isFinite(at) ? at : -1;
}

function revisionOf(value: unknown): number {
  const r = typeof value === 'object' && value !== null && 'revision' in value ? value.revision : undefined;
  return typeof r === 'number' && Number.isInteger(r) && r > 0 ? r : 0;
}

/**
 * Merges a validated backup into the database, keeping its timestamps (unlike the repos' save,
 * which stamps "now"): per id, the record with the newest updatedAt wins. A replaced note or flag
 * gets a revision above both, so an editor still holding the old one gets a conflict instead of
 * silently overwriting the restored text. All-or-nothing: one failing put aborts every write.
 */
export function mergeRecords(incoming: IncomingRecords): Promise<MergeResult> {
  // Parsed again here: lib/record/db accepts nothing it did not validate itself.
  const documents = incoming.documents.map((r) => validateForWrite(StoredDocumentSchema, r));
  const notes = incoming.notes.map((r) => validateForWrite(StoredNoteSchema, r));
  const flags = incoming.flags.map((r) => validateForWrite(StoredFlagSchema, r));
  const settings = (incoming.settings ?? []).map((r) => validateForWrite(StoredSettingSchema, r));
  const corrections = (incoming.corrections ?? []).map((r) => validateForWrite(StoredCorrectionSchema, r));

  return inTransaction([...STORE_NAMES], 'readwrite', async (tx) => {
    const merge = async <T extends Keyed>(
      name: (typeof STORE_NAMES)[number],
      records: T[],
      keyOf: (r: T) => IDBValidKey,
      revisioned: boolean,
    ): Promise<MergeCount> => {
      const store = tx.objectStore(name);
      const count: MergeCount = { added: 0, updated: 0, kept: 0 };
      for (const record of records) {
        const stored: unknown = await store.get(keyOf(record));
        if (stored === undefined) {
          await store.put(record);
          count.added += 1;
        } else if (record.updatedAt > updatedAtOf(stored)) {
          const revision = Math.max(revisionOf(stored), revisionOf(record)) + 1;
          await store.put(revisioned ? { ...record, revision } : record);
          count.updated += 1;
        } else {
          count.kept += 1;
        }
      }
      return count;
    };
    return {
      documents: await merge('documents', documents, (r) => r.id, false),
      notes: await merge('notes', notes, (r) => r.id, true),
      flags: await merge('flags', flags, (r) => r.id, true),
      settings: await merge('settings', settings, (r) => r.key, false),
      corrections: await merge('corrections', corrections, (r) => [r.documentId, r.safeguard], false),
    };
  });
}

/** Deletes every document, note, flag, setting and correction (the reader confirmed "alles verwijderen"). */
export function clearAllRecords(): Promise<void> {
  return inTransaction([...STORE_NAMES], 'readwrite', async (tx) => {
    await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
  });
}
