import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { documentsRepo, flagsRepo, notesRepo, type StoredDocument, type StoredFlag, type NoteInput, type StoredNote, type FlagInput } from '../../record/db';
import { normaliseDocumentUrl } from '../../record/db/url';
import type { Anchor } from '../messages/protocol';
import { compareReadingOrder, flagEntry, noteEntry, type RecordEntry } from '../../record/entries';
import { saveOrConflict, type SaveOutcome } from '../../record/conflict';
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

export interface DocumentNotes {
  /** The document's notes, in reading order. */
  list: StoredNote[];
  flags: StoredFlag[];
  /** Notes and flags together, in reading order. */
  entries: RecordEntry[];
  /** The anchors of `entries` that have one, in the same order (what the page is asked to find). */
  anchors: Anchor[];
  /** Whether each of those anchors is a note's or a flag's (painted in different styles). */
  anchorKinds: RecordEntry['kind'][];
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

/** The notes and flags of the document in the tab, in reading order, live across pages. */
export function useDocumentNotes(tab: TabInfo | null, portal?: PortalFacts): DocumentNotes {
  let documentId: string | null = null;
  try {
    documentId = tab?.url ? normaliseDocumentUrl(tab.url) : null;
  } catch {
    documentId = null;
  }
  const [list, setList] = useState<StoredNote[]>([]);
  const [flags, setFlags] = useState<StoredFlag[]>([]);
  const [document, setDocument] = useState<StoredDocument | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!documentId) {
      setList([]);
      setFlags([]);
      return;
    }
    try {
      const [notes, docFlags, doc] = await Promise.all([
        notesRepo.listByDocument(documentId),
        flagsRepo.listByDocument(documentId),
        documentsRepo.get(documentId).catch(() => undefined),
      ]);
      notes.sort((a, b) => (a.anchor?.start ?? -1) - (b.anchor?.start ?? -1) || a.createdAt - b.createdAt);
      setList(notes);
      setFlags(docFlags);
      setDocument(doc);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [documentId]);
  useLiveReload(reload);

  const entries = useMemo(() => {
    const all = [...list.map((n) => noteEntry(n, document)), ...flags.map((f) => flagEntry(f, document))];
    return all.sort(compareReadingOrder);
  }, [list, flags, document]);
  const anchors = useMemo(() => entries.flatMap((e) => (e.anchor ? [e.anchor] : [])), [entries]);
  const anchorKinds = useMemo(() => entries.flatMap((e) => (e.anchor ? [e.kind] : [])), [entries]);

  const ensureDocument = async (): Promise<string> => {
    if (!documentId || !tab) throw new Error('Geen document geopend.');
    await documentsRepo.upsert({ id: documentId, ...documentFacts(tab.url, tab.title, portal) });
    return documentId;
  };

  // A stored document learns what a later scan knows better (gemeente, type, meeting date).
  const facts = tab ? documentFacts(tab.url, tab.title, portal) : null;
  const stale =
    !!document && !!facts && !!portal &&
    ((facts.gemeente && facts.gemeente !== document.gemeente) || (facts.type && facts.type !== document.type) || (facts.meetingDate && facts.meetingDate !== document.meetingDate));
  useEffect(() => {
    if (stale && documentId && facts) void documentsRepo.upsert({ id: documentId, ...facts, title: document?.title || facts.title }).catch(() => undefined);
    // Runs when the comparison flips; facts are derived from the same inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stale, documentId]);

  const saveInput: DocumentNotes['saveInput'] = async (kind, input) => {
    const outcome =
      kind === 'note'
        ? await saveOrConflict<StoredNote | StoredFlag, NoteInput | FlagInput>((i) => notesRepo.save(i as NoteInput), input)
        : await saveOrConflict<StoredNote | StoredFlag, NoteInput | FlagInput>((i) => flagsRepo.save(i as FlagInput), input);
    await reload();
    return outcome;
  };

  return {
    list,
    flags,
    entries,
    anchors,
    anchorKinds,
    document,
    error,
    async add(text, anchor, extras = {}) {
      const id = await ensureDocument();
      await notesRepo.create({ documentId: id, text, anchor: anchor ?? undefined, ...extras });
      await reload();
    },
    async addFlag(flag) {
      const id = await ensureDocument();
      await flagsRepo.create({ documentId: id, ...flag });
      await reload();
    },
    update: (entry, changes) => saveInput(entry.kind, editInput(entry, changes)),
    saveInput,
    async remove(id) {
      try {
        await notesRepo.remove(id);
      } catch (e) {
        setError(errorText(e));
      }
      await reload();
    },
    async removeEntry(entry) {
      try {
        await (entry.kind === 'note' ? notesRepo : flagsRepo).remove(entry.id, entry.stored.revision);
      } catch (e) {
        setError(errorText(e));
      }
      await reload();
    },
  };
}
