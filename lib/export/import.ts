// Restoring a JSON backup. Everything is checked before the first write; the write itself is ONE
// IndexedDB transaction (lib/db mergeRecords): a file either lands completely or changes nothing.
// Every refusal names the problem in Dutch, so the reader knows whether the file is broken, not a
// backup, or from a newer Raadslens.
import { describeIssues, dutchErrors } from '../db/errors';
import { mergeRecords, type MergeResult } from '../db/bulk';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from './backup';

/** A backup of ten thousands of notes is a few MB; far beyond that it is not ours. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
const MAX_LISTED_PROBLEMS = 5;

export type ParseResult = { ok: true; backup: Backup } | { ok: false; problem: string };

const fail = (problem: string): ParseResult => ({ ok: false, problem });

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

export function parseBackup(text: string): ParseResult {
  if (text.length > MAX_BACKUP_BYTES) return fail('Het bestand is te groot voor een Raadslens-back-up (meer dan 50 MB).');
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
      return fail('Dit is een export in het W3C Web Annotation-formaat, geen back-up. Importeer een bestand dat als “JSON-back-up” is geëxporteerd.');
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
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    const more = problems.length > MAX_LISTED_PROBLEMS ? ` (en nog ${problems.length - MAX_LISTED_PROBLEMS} problemen)` : '';
    return fail(`De back-up is beschadigd en is niet ingelezen: ${problems.slice(0, MAX_LISTED_PROBLEMS).join('; ')}${more}.`);
  }
  const backup = parsed.data;
  for (const [store, ids] of [
    ['documenten', backup.documents.map((d) => d.id)],
    ['notities', backup.notes.map((n) => n.id)],
    ['markeringen', backup.flags.map((f) => f.id)],
  ] as const) {
    const twice = duplicates(ids);
    if (twice.length) return fail(`De back-up is beschadigd: ${store} met dezelfde id komen dubbel voor (${twice.slice(0, 3).join(', ')}).`);
  }
  const known = new Set(backup.documents.map((d) => d.id));
  const orphan = [...backup.notes, ...backup.flags, ...(backup.corrections ?? [])].find((r) => !known.has(r.documentId));
  if (orphan) return fail(`De back-up is beschadigd: een notitie of markering hoort bij een document dat er niet in staat (${orphan.documentId}).`);
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

export function summarise(result: MergeResult): string {
  const n = result.notes;
  const f = result.flags;
  const d = result.documents;
  return (
    `Back-up ingelezen: ${n.added} nieuwe en ${n.updated} bijgewerkte notities, ` +
    `${f.added} nieuwe en ${f.updated} bijgewerkte markeringen, ${d.added} nieuwe documenten. ` +
    `${n.kept + f.kept} items waren hier al even nieuw of nieuwer en zijn zo gebleven.` +
    (result.corrections && result.corrections.added + result.corrections.updated > 0
      ? ` ${result.corrections.added + result.corrections.updated} correcties van de waarborgen ingelezen.`
      : '')
  );
}

/** Checks `text` and merges it; throws ImportError (Dutch, nothing changed) or a StorageError. */
export async function importBackup(text: string): Promise<ImportSummary> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new ImportError(parsed.problem);
  const { documents, notes, flags, corrections } = parsed.backup;
  const result = await mergeRecords({ documents, notes, flags, corrections });
  return { result, message: summarise(result) };
}

