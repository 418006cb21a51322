// Storage of the extension origin. Import only from extension pages and the background, never
// from a content script (its IndexedDB would be the portal's).
export { DB_NAME } from './schema';
export { StoredNoteSchema, type StoredCorrection, type StoredDocument, type StoredNote, type NoteStatus, type StoredFlag, type StoredSetting } from './schema';
export { MIGRATIONS, DB_VERSION } from './migrations';
export { getDb, resetDbForTests } from './connection';
export { StorageError, ConflictError } from './errors';
export { notesRepo, type NoteInput, type NewNote } from './notes';
export { flagsRepo, type FlagInput } from './flags';
export { documentsRepo } from './documents';
export { settingsRepo } from './settings';
export { correctionsRepo } from './corrections';
export { normaliseDocumentUrl } from './url';
export { readAllRecords, mergeRecords, clearAllRecords } from './bulk';
export { onRecordChange, type RecordChange } from './changes';
