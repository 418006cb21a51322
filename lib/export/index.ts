export * from './model';
export { toMarkdown } from './markdown';
export { toCsv, parseCsv, CSV_COLUMNS, CSV_SEPARATOR } from './csv';
export { toBackup, backupJson, BackupSchema, BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
export { toWebAnnotations, WebAnnotationSchema, AnnotationCollectionSchema } from './web-annotation';
export { buildLetter, letterMarkdown, letterText, type Letter, type LetterInput } from './letter';
export { parseBackup, importBackup, ImportError, type ImportSummary } from './import';
export { escapeMarkdownInline, escapeMarkdownLine, escapeMarkdownLines, markdownLink, neutraliseFormula, webUrl } from './escape';
