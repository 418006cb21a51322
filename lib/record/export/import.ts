// Restoring a JSON backup. Everything is checked before the first write; the write itself is ONE
// IndexedDB transaction (lib/record/db mergeRecords): a file either lands completely or changes nothing.
// Every refusal names the problem in Dutch, so the reader knows whether the file is broken, not a
// backup, or from a newer Raadslens.
import { z } from 'zod';
import { describeIssues, dutchErrors } from '../db/errors';
import { mergeRecords, type MergeResult } from '../db/bulk';
import { DOCUMENT_URL_PROBLEM, normaliseDocumentUrl, webUrl } from '../db/url';
import { t } from '../../extension/i18n';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from './backup';

/** A backup of ten thousands of notes is a few MB; far beyond that it is not ours. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
const MAX_LISTED_PROBLEMS = 5;
/**
 * How far a date in a backup may lie ahead of this computer's clock (another computer's clock may
 * run ahead). Further is refused: the newest date wins a merge and an edit keeps the later of now
 * and the stored date, so a record dated years ahead could never be changed again.
 */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * What the format schema cannot know: the clock, and what an address means. A document's id is
 * the normalised form of its address (as every write makes it), so a file cannot attach notes to
 * one address and open another, nor turn a stored document into a different one.
 */
/** An address from the file in a message: enough to recognise it, never a page of text. */
const shortened = (text: string): string => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

function consistency(now: number) {
  const notAfter = z.number().max(now + MAX_FUTURE_MS, { error: 'ligt te ver in de toekomst' });
  const dated = z.object({ createdAt: notAfter, updatedAt: notAfter });
  const document = dated.extend({ id: z.string(), url: z.string() }).superRefine((d, ctx) => {
    if (!webUrl(d.url)) return void ctx.addIssue({ code: 'custom', path: ['url'], message: DOCUMENT_URL_PROBLEM });
    const id = normaliseDocumentUrl(d.url);
    if (d.id !== id) ctx.addIssue({ code: 'custom', path: ['id'], message: `hoort bij dit adres ${shortened(id)} te zijn` });
  });
  return z.object({
    exportedAt: z.iso.datetime().refine((at) => Date.parse(at) <= now + MAX_FUTURE_MS, 'ligt te ver in de toekomst'),
    documents: z.array(document),
    notes: z.array(dated),
    flags: z.array(dated),
  });
}

type ParseResult = { ok: true; backup: Backup } | { ok: false; problem: string };

const fail = (problem: string): ParseResult => ({ ok: false, problem });

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

const tooLarge = (): string => t('importTooLarge', Math.round(MAX_BACKUP_BYTES / 1024 / 1024));

function damaged(error: z.ZodError): ParseResult {
  const problems = describeIssues(error);
  const more = problems.length > MAX_LISTED_PROBLEMS ? ` (en nog ${problems.length - MAX_LISTED_PROBLEMS} problemen)` : '';
  return fail(`De back-up is beschadigd en is niet ingelezen: ${problems.slice(0, MAX_LISTED_PROBLEMS).join('; ')}${more}.`);
}

/** `now`: this computer's clock, against which dates in the file are checked. */
export function parseBackup(text: string, now: number = Date.now()): ParseResult {
  // A character is at least one byte in UTF-8, so this never refuses a file within the limit;
  // importBackupFile checks the bytes before reading.
  if (text.length > MAX_BACKUP_BYTES) return fail(tooLarge());
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return fail('Het bestand is leeg.');
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch (e) {
    const detail = e instanceof SyntaxError ? ` (${e.message})` : '';
    return fail(`Het bestand is geen geldig JSON-bestand en dus geen Raadslens-back-up${detail}.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('Dit bestand is geen Raadslens-back-up: het bevat geen back-upgegevens.');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) {
    if (record.type === 'AnnotationCollection' || record.type === 'Annotation') {
      return fail('Dit is een export in het W3C Web Annotation-formaat, geen back-up. Kies een bestand dat met “Back-up maken” of “Back-up, om later terug te zetten” is bewaard.');
    }
    const named = typeof record.format === 'string' ? ` (formaat “${record.format.slice(0, 60)}”)` : '';
    return fail(`Dit bestand is geen Raadslens-back-up${named}.`);
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('De back-up heeft geen geldig versienummer; het bestand is beschadigd.');
  }
  if (version > BACKUP_VERSION) {
    return fail(
      `Deze back-up is gemaakt met een nieuwere versie van Raadslens (back-upversie ${version}; deze versie leest t/m ${BACKUP_VERSION}). Werk de extensie bij en probeer het opnieuw.`,
    );
  }
  const parsed = BackupSchema.safeParse(data, { error: dutchErrors });
  if (!parsed.success) return damaged(parsed.error);
  const consistent = consistency(now).safeParse(parsed.data, { error: dutchErrors });
  if (!consistent.success) return damaged(consistent.error);
  const backup = parsed.data;
  for (const [store, ids] of [
    ['documenten', backup.documents.map((d) => d.id)],
    ['notities', backup.notes.map((n) => n.id)],
    ['markeringen', backup.flags.map((f) => f.id)],
  ] as const) {
    const twice = duplicates(ids);
    if (twice.length) return fail(`De back-up is beschadigd: ${store} met dezelfde id komen dubbel voor (${twice.slice(0, 3).map(shortened).join(', ')}).`);
  }
  const known = new Set(backup.documents.map((d) => d.id));
  const orphan = [...backup.notes, ...backup.flags, ...(backup.corrections ?? [])].find((r) => !known.has(r.documentId));
  if (orphan) return fail(`De back-up is beschadigd: een notitie of markering hoort bij een document dat er niet in staat (${shortened(orphan.documentId)}).`);
  return { ok: true, backup };
}

export interface ImportSummary {
  result: MergeResult;
  /** Dutch one-liner for the panel. */
  message: string;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

function summarise(result: MergeResult): string {
  const n = result.notes;
  const f = result.flags;
  const d = result.documents;
  // Updated documents are named too: a backup that changes what a stored document says (its
  // title, its meeting date) must not pass as "nothing new".
  const c = result.corrections ? result.corrections.added + result.corrections.updated : 0;
  const line = t('importSummary', n.added, n.updated, f.added, f.updated, d.added, d.updated, n.kept + f.kept);
  return c > 0 ? `${line} ${t('importSummaryCorrections', c)}` : line;
}

/** Checks `text` and merges it; throws ImportError (Dutch, nothing changed) or a StorageError. */
export async function importBackup(text: string, now: number = Date.now()): Promise<ImportSummary> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) throw new ImportError(parsed.problem);
  const { documents, notes, flags, corrections } = parsed.backup;
  const result = await mergeRecords({ documents, notes, flags, corrections });
  return { result, message: summarise(result) };
}

/** The file the reader chose: its size in bytes is checked before a byte of it is read. */
export async function importBackupFile(file: Pick<Blob, 'size' | 'text'>): Promise<ImportSummary> {
  if (file.size > MAX_BACKUP_BYTES) throw new ImportError(tooLarge());
  return importBackup(await file.text());
}

