export * from './model';
export { toMarkdown } from './markdown';
export { toCsv, parseCsv, CSV_COLUMNS } from './csv';
export { toBackup, backupJson, BackupSchema } from './backup';
export { toWebAnnotations, WebAnnotationSchema, AnnotationCollectionSchema } from './web-annotation';
export { parseBackup, importBackup, importBackupFile, ImportError, MAX_BACKUP_BYTES, MAX_FUTURE_MS } from './import';
