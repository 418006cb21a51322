export * from './model';
export { toMarkdown } from './markdown';
export { toCsv, parseCsv, CSV_COLUMNS, CSV_SEPARATOR } from './csv';
export { toBackup, backupJson, BackupSchema, BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
export { toWebAnnotations, WebAnnotationSchema, AnnotationCollectionSchema } from './web-annotation';
export { buildLetter, letterMarkdown, letterText, type Letter, type LetterInput } from './letter';
export { parseBackup, importBackup, importBackupFile, ImportError, MAX_BACKUP_BYTES, MAX_FUTURE_MS, type ImportSummary } from './import';
export { escapeMarkdownInline, escapeMarkdownLine, escapeMarkdownLines, markdownLink, neutraliseFormula } from './escape';
