import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { documentsRepo, flagsRepo, notesRepo, type StoredDocument, type StoredFlag, type NoteInput, type StoredNote, type FlagInput } from '../../record/db';
import { addFlag, addNote, keepDocument, removeEntry, saveEntry, type DocumentFacts } from '../../record/writer';
import { normaliseDocumentUrl } from '../../record/db/url';
import type { Anchor } from '../messages/protocol';
import { compareReadingOrder, flagEntry, noteEntry, type RecordEntry } from '../../record/entries';
import type { SaveOutcome } from '../../record/conflict';
import { documentFacts, type PortalFacts } from '../../record/document-meta';
import type { CategoryId, QuestionId } from '../../core/rules/schema';
import type { TabInfo } from './hooks';
import { useLiveReload } from './use-record-changes';
import { errorText } from './error-text';

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

export interface DocumentNotes {
  /** The document's notes, in reading order. */
  list: StoredNote[];
  flags: StoredFlag[];
  /** Notes and flags together, in reading order. */
  entries: RecordEntry[];
  /** The entries that have an anchor, keyed by entryKey (what the page is asked to find). */
  anchored: { id: string; anchor: Anchor }[];
  document: StoredDocument | undefined;
  error: string | null;
  add(text: string, anchor: Anchor | null, extras?: NoteExtras): Promise<void>;
  addFlag(flag: NewFlagInput): Promise<void>;
  /** Saves an edit against the revision shown; a conflict comes back for the reader to resolve. */
  update(entry: RecordEntry, changes: EntryChanges): Promise<SaveOutcome<StoredNote | StoredFlag, NoteInput | FlagInput>>;
  /** Saves exactly `input` (after the reader resolved a conflict). */
  saveInput(kind: RecordEntry['kind'], input: NoteInput | FlagInput): Promise<SaveOutcome<StoredNote | StoredFlag, NoteInput | FlagInput>>;
  remove(id: string): Promise<void>;
  removeEntry(entry: RecordEntry): Promise<void>;
}

/** Input for save from an entry plus the reader's changes (a flag's text is its reason). */
export function editInput(entry: RecordEntry, changes: EntryChanges): NoteInput | FlagInput {
  if (entry.kind === 'note') return { ...entry.stored, ...changes };
  const { text, ...rest } = changes;
  return { ...entry.stored, ...rest, ...(text !== undefined ? { reason: text } : {}) };
}

interface Loaded {
  notes: StoredNote[];
  flags: StoredFlag[];
  document: StoredDocument | undefined;
}

const EMPTY: Loaded = { notes: [], flags: [], document: undefined };

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

/** Metadata repair: a stored document learns what a later scan knows better (gemeente, type, meeting date). */
function useDocumentRepair(documentId: string | null, stored: StoredDocument | undefined, facts: DocumentFacts | null, portal: PortalFacts | undefined): void {
  const stale =
    !!stored && !!facts && !!portal &&
    ((facts.gemeente && facts.gemeente !== stored.gemeente) || (facts.type && facts.type !== stored.type) || (facts.meetingDate && facts.meetingDate !== stored.meetingDate));
  useEffect(() => {
    // Best effort: the next scan tries again, and the reader's notes do not depend on it.
    if (stale && documentId && facts) keepDocument({ ...facts, title: stored?.title || facts.title }).catch(() => undefined);
    // Runs when the comparison flips; facts are derived from the same inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stale, documentId]);
}

function documentIdOf(tab: TabInfo | null): string | null {
  try {
    return tab?.url ? normaliseDocumentUrl(tab.url) : null;
  } catch {
    return null;
  }
}

/** The notes and flags of the document in the tab, in reading order, live across pages. */
export function useDocumentNotes(tab: TabInfo | null, portal?: PortalFacts): DocumentNotes {
  const documentId = documentIdOf(tab);
  const [loaded, setLoaded] = useState<Loaded>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  // The document asked for last: a reply about another one (the reader switched tabs while it
  // was being read) is dropped, or the panel would show that tab's notes under this document.
  const current = useRef(documentId);
  current.current = documentId;

  const reload = useCallback(async () => {
    if (!documentId) {
      setLoaded(EMPTY);
      return;
    }
    try {
      const next = await loadDocumentNotes(documentId);
      if (current.current !== documentId) return;
      setLoaded(next);
      setError(null);
    } catch (e) {
      if (current.current !== documentId) return;
      setError(errorText(e));
    }
  }, [documentId]);
  useLiveReload(reload);

  const { list, entries } = useMemo(() => inReadingOrder(loaded), [loaded]);
  const anchored = useMemo(() => entries.flatMap((e) => (e.anchor ? [{ id: entryKey(e), anchor: e.anchor }] : [])), [entries]);

  const facts = tab ? documentFacts(tab.url, tab.title, portal) : null;
  useDocumentRepair(documentId, loaded.document, facts, portal);

  const known = (): DocumentFacts => {
    if (!documentId || !facts) throw new Error('Geen document geopend.');
    return facts;
  };
  const saveInput: DocumentNotes['saveInput'] = async (kind, input) => {
    const outcome = await saveEntry(kind, input);
    await reload();
    return outcome;
  };
  const removeAndReload = async (kind: RecordEntry['kind'], id: string, revision?: number) => {
    try {
      await removeEntry(kind, id, revision);
    } catch (e) {
      setError(errorText(e));
    }
    await reload();
  };

  return {
    list,
    flags: loaded.flags,
    entries,
    anchored,
    document: loaded.document,
    error,
    async add(text, anchor, extras = {}) {
      await addNote(known(), { text, anchor: anchor ?? undefined, ...extras });
      await reload();
    },
    async addFlag(flag) {
      await addFlag(known(), flag);
      await reload();
    },
    update: (entry, changes) => saveInput(entry.kind, editInput(entry, changes)),
    saveInput,
    remove: (id) => removeAndReload('note', id),
    removeEntry: (entry) => removeAndReload(entry.kind, entry.id, entry.stored.revision),
  };
}
