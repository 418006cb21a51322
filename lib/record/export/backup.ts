// The JSON backup: everything a reader wrote, restorable in another browser profile. Versioned so
// a later Raadslens can read today's files (and today's refuses tomorrow's with a clear message).
import { z } from 'zod';
import { StoredCorrectionSchema, StoredDocumentSchema, StoredFlagSchema, StoredNoteSchema } from '../db/schema';
import type { ExportSet } from './model';

export const BACKUP_FORMAT = 'raadslens-backup';
/** 2: the reader's checklist corrections too. Version 1 files (without them) are still read. */
export const BACKUP_VERSION = 2;

export const BackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: z.iso.datetime(),
  documents: z.array(StoredDocumentSchema),
  notes: z.array(StoredNoteSchema),
  flags: z.array(StoredFlagSchema),
  corrections: z.array(StoredCorrectionSchema).optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

export function toBackup(set: ExportSet, exportedAt: number = Date.now()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    documents: [...set.documents].sort((a, b) => (a.id < b.id ? -1 : 1)),
    notes: [...set.notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    flags: [...set.flags].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    corrections: [...(set.corrections ?? [])].sort((a, b) => a.createdAt - b.createdAt || (a.documentId + a.safeguard < b.documentId + b.safeguard ? -1 : 1)),
  };
}

export const backupJson = (backup: Backup): string => `${JSON.stringify(backup, null, 2)}\n`;
