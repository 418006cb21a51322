// Storage of the extension origin. Import only from extension pages and the background, never
// from a content script (its IndexedDB would be the portal's).
export { DB_NAME, STORE_NAMES, NOTE_STATUSES, FLAG_KINDS, SAFEGUARD_STATUSES } from './schema';
export {
  StoredDocumentSchema,
  StoredNoteSchema,
  NoteStatusSchema,
  StoredFlagSchema,
  StoredSettingSchema,
  StoredCorrectionSchema,
  ChecklistSnapshotSchema,
  type ChecklistSnapshot,
  type StoredCorrection,
  type StoredDocument,
  type StoredNote,
  type NoteStatus,
  type StoredFlag,
  type StoredSetting,
  type StoreName,
} from './schema';
export { MIGRATIONS, DB_VERSION, runMigrations, type Migration } from './migrations';
export { getDb, openRaadslensDb, resetDbForTests, type RaadslensDB, type RaadslensDatabase } from './connection';
export { StorageError, ConflictError, type StorageErrorKind } from './errors';
export type { InvalidRecord, Listed } from './records';
export { notesRepo, type NoteInput, type NewNote } from './notes';
export { flagsRepo, type FlagInput, type NewFlag } from './flags';
export { documentsRepo, type DocumentInput } from './documents';
export { settingsRepo } from './settings';
export { correctionsRepo, type CorrectionInput } from './corrections';
export { normaliseDocumentUrl, webUrl } from './url';
export { readAllRecords, mergeRecords, clearAllRecords, type AllRecords, type IncomingRecords, type MergeResult, type MergeCount } from './bulk';
export { announceChange, onRecordChange, CHANGE_CHANNEL, type RecordChange } from './changes';
