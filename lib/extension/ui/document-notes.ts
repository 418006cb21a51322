// The record of one document as the panel shows it: what is read (its notes, flags and stored
// row), in which order, and the shapes of what the reader adds or changes. The panel's store
// (panel-store.ts) holds it and writes through the record's writer.
import { documentsRepo, flagsRepo, notesRepo, type StoredDocument, type StoredFlag, type NoteInput, type StoredNote, type FlagInput } from '../../record/db';
import type { Anchor } from '../messages/protocol';
import { compareReadingOrder, flagEntry, noteEntry, type RecordEntry } from '../../record/entries';
import type { CategoryId, QuestionId } from '../../core/rules/schema';

export interface NoteExtras {
  question?: QuestionId;
  category?: CategoryId;
  tags?: string[];
}

export interface NewFlagInput {
  kind: StoredFlag['kind'];
  anchor?: Anchor;
  termId?: string;
  category?: CategoryId;
  question?: QuestionId;
  reason: string;
}

export type EntryChanges = Partial<Pick<StoredNote, 'text' | 'status' | 'tags' | 'question'>>;

/** One key per note or flag (a note and a flag are kept apart): how the page's answer names it. */
export function entryKey(e: Pick<RecordEntry, 'kind' | 'id'>): string {
  return `${e.kind}:${e.id}`;
}

/** A flag being made: from a match in the Document tab, a passage, or the whole document. */
export interface FlagTarget extends Omit<NewFlagInput, 'reason'> {
  /** The matched term, for the heading. */
  term?: string;
}

/** Input for save from an entry plus the reader's changes (a flag's text is its reason). */
export function editInput(entry: RecordEntry, changes: EntryChanges): NoteInput | FlagInput {
  if (entry.kind === 'note') return { ...entry.stored, ...changes };
  const { text, ...rest } = changes;
  return { ...entry.stored, ...rest, ...(text !== undefined ? { reason: text } : {}) };
}

export interface Loaded {
  notes: StoredNote[];
  flags: StoredFlag[];
  document: StoredDocument | undefined;
}

/** Storage: what the record keeps for one document. An unreadable document row reads as none. */
export async function loadDocumentNotes(documentId: string): Promise<Loaded> {
  const [notes, flags, document] = await Promise.all([
    notesRepo.listByDocument(documentId),
    flagsRepo.listByDocument(documentId),
    documentsRepo.get(documentId).catch(() => undefined),
  ]);
  return { notes, flags, document };
}

/** Sorting: notes by passage (notes without one first), then by age; with the flags in reading order. */
export function inReadingOrder({ notes, flags, document }: Loaded): { list: StoredNote[]; entries: RecordEntry[] } {
  const list = [...notes].sort((a, b) => (a.anchor?.start ?? -1) - (b.anchor?.start ?? -1) || a.createdAt - b.createdAt);
  const entries = [...list.map((n) => noteEntry(n, document)), ...flags.map((f) => flagEntry(f, document))].sort(compareReadingOrder);
  return { list, entries };
}

/**
 * The same record of a document, field for field (a read of IndexedDB gives new objects every
 * time): nothing the panel shows of it changed.
 */
export function sameRecord(a: Loaded, b: Loaded): boolean {
  if (a === b) return true;
  if (a.notes.length !== b.notes.length || a.flags.length !== b.flags.length) return false;
  return JSON.stringify([a.notes, a.flags, a.document]) === JSON.stringify([b.notes, b.flags, b.document]);
}

/** The same passages for the same entries, in the same order: what the page would find is the same. */
export function sameAnchored(a: readonly { id: string; anchor: Anchor }[], b: readonly { id: string; anchor: Anchor }[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x.id === b[i]!.id && JSON.stringify(x.anchor) === JSON.stringify(b[i]!.anchor)));
}
