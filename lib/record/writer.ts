// The one writer of the reader's record. Every view (the panel's notes and checklist, "Alles",
// the PDF viewer) changes notes, flags, documents and checklist corrections through these
// functions, so each write gets the same treatment: the document is stored before anything that
// belongs to it, edits are checked against the revision the reader saw (a conflict comes back as
// an outcome to show, not an exception), failures carry the repositories' Dutch messages, and
// the repositories announce each change to the other open views.
import { correctionsRepo, documentsRepo, flagsRepo, notesRepo } from './db';
import type { DocumentInput } from './db/documents';
import type { FlagInput, NewFlag } from './db/flags';
import type { NewNote, NoteInput } from './db/notes';
import type { CorrectionInput } from './db/corrections';
import type { ChecklistSnapshot, StoredDocument, StoredFlag, StoredNote } from './db/schema';
import { normaliseDocumentUrl, webUrl } from './db/url';
import { decisionToKeep, type DecisionSource } from './db/outcome';
import { saveOrConflict, type SaveOutcome } from './conflict';
import type { Addressee } from '../core/questions/addressee';
import { proposalName, type ProposalDecision } from '../core/questions/proposal';
import type { CategoryId } from '../core/rules/ids';

type EntryKind = 'note' | 'flag';
export type EntryOutcome = SaveOutcome<StoredNote | StoredFlag, NoteInput | FlagInput>;

/** The document as the view knows it: its address and what the page or portal says about it. */
export type DocumentFacts = Omit<DocumentInput, 'id'>;

/** Stores the document (or refreshes what is known about it) and gives its id. */
export async function keepDocument(facts: DocumentFacts): Promise<string> {
  return (await documentsRepo.upsert(facts)).id;
}

export async function addNote(document: DocumentFacts, note: Omit<NewNote, 'documentId'>): Promise<StoredNote> {
  const documentId = await keepDocument(document);
  return notesRepo.create({ ...note, documentId });
}

export async function addFlag(document: DocumentFacts, flag: Omit<NewFlag, 'documentId'>): Promise<StoredFlag> {
  const documentId = await keepDocument(document);
  return flagsRepo.create({ ...flag, documentId });
}

/** Saves exactly `input` against its revision; a conflict comes back for the reader to resolve. */
export function saveEntry(kind: EntryKind, input: NoteInput | FlagInput): Promise<EntryOutcome> {
  return kind === 'note'
    ? saveOrConflict<StoredNote | StoredFlag, NoteInput | FlagInput>((i) => notesRepo.save(i as NoteInput), input)
    : saveOrConflict<StoredNote | StoredFlag, NoteInput | FlagInput>((i) => flagsRepo.save(i as FlagInput), input);
}

/** Removes a note or flag; with `revision`, only if nobody changed it since the reader saw it. */
export async function removeEntry(kind: EntryKind, id: string, revision?: number): Promise<void> {
  await (kind === 'note' ? notesRepo : flagsRepo).remove(id, revision);
}

/** What a read showed beside the checklist, for a letter from "Alles" to word as the panel's does. */
export interface ReadFacts {
  /** The categories its matches showed (lib/core/questions/technology.ts shownCategories). */
  categories?: readonly CategoryId[];
  /** The portal's id its page was detected on. */
  portal?: string;
  /** The ids of the signals the letter asks about (lib/core/questions/signals.ts askedSignalIds). */
  signals?: readonly string[];
  /** What its dictum asks, as its opening reads it: 'study' (a study of the technology) or 'other'. */
  asks?: NonNullable<StoredDocument['asks']>;
}

/**
 * Records what the checklist read for a document the reader keeps (with `shown`: the technology
 * its matches showed, its portal and what its dictum asks), whom its questions go to
 * (`addressee`, where the read says) and what the raad did with it (`decision`, where the read
 * says; `decisionFrom` 'list' when only the list that links it says so, which never replaces the
 * document's own word: ./db/outcome.ts), so a letter written later (when it is not open) can use
 * them. A document that is not stored stays unstored, and an unchanged snapshot is not written
 * again. Says whether it wrote.
 */
export async function keepChecklistSnapshot(
  documentId: string,
  items: ChecklistSnapshot['items'] | null,
  addressee?: Addressee,
  decision?: ProposalDecision,
  decisionFrom?: DecisionSource,
  shown: ReadFacts = {},
): Promise<boolean> {
  const stored = await documentsRepo.get(documentId);
  if (!stored) return false;
  const newItems = items !== null && JSON.stringify(stored.checklist?.items) !== JSON.stringify(items);
  // What the matches showed is read with the checklist: kept with it, also beside an unchanged
  // snapshot that was kept before the categories were (a record of an older build learns them).
  const newCategories = items !== null && shown.categories !== undefined && JSON.stringify(stored.categories) !== JSON.stringify(shown.categories);
  const newSignals = items !== null && shown.signals !== undefined && JSON.stringify(stored.signals) !== JSON.stringify(shown.signals);
  const newPortal = !!shown.portal && shown.portal !== stored.portal;
  // Absent in a record means the college: only a change of meaning is written.
  const newAddressee = addressee !== undefined && addressee !== (stored.addressee ?? 'college');
  // The same for what its dictum asks: absent means no study.
  const newAsks = shown.asks !== undefined && shown.asks !== (stored.asks ?? 'other');
  // No outcome read is no news: an earlier read's outcome stays.
  const outcome = decisionToKeep(stored, { decision, decisionFrom });
  if (!newItems && !newCategories && !newSignals && !newPortal && !newAddressee && !newAsks && !outcome) return false;
  await documentsRepo.upsert({
    ...stored,
    ...(newItems ? { checklist: { readAt: Date.now(), items } } : {}),
    ...(newCategories ? { categories: [...shown.categories!] } : {}),
    ...(newSignals ? { signals: [...shown.signals!] } : {}),
    ...(newPortal ? { portal: shown.portal } : {}),
    ...(newAddressee ? { addressee } : {}),
    ...(newAsks ? { asks: shown.asks } : {}),
    ...outcome,
  });
  return true;
}

/**
 * A list page's rows say what the raad did with the documents they link ("Verworpen" in its
 * Status column): each motie or amendement among them that the reader keeps learns it, where its
 * own text said none (./db/outcome.ts), all in one transaction. Only stored documents are looked
 * up: nothing is fetched, and a document the reader did not keep is not stored by this. A list
 * that names one address with two outcomes says nothing about it. Gives the ids written.
 */
export async function learnListedOutcomes(attachments: ReadonlyArray<{ url: string; decision?: ProposalDecision }>): Promise<string[]> {
  const listed = new Map<string, ProposalDecision | null>();
  for (const { url, decision } of attachments) {
    if (!decision || !webUrl(url)) continue;
    const id = normaliseDocumentUrl(url);
    const before = listed.get(id);
    listed.set(id, before === undefined || before === decision ? decision : null);
  }
  const ids = [...listed].filter(([, d]) => d).map(([id]) => id);
  if (ids.length === 0) return [];
  return documentsRepo.reviseAll(ids, (stored) => (proposalName(stored.type) ? decisionToKeep(stored, { decision: listed.get(stored.id)!, decisionFrom: 'list' }) : null));
}

/** A correction is kept with the document: the document is stored first, with what was read. */
export async function correctStatus(
  document: DocumentFacts,
  correction: Omit<CorrectionInput, 'documentId'>,
  snapshot: ChecklistSnapshot['items'] | null,
  shown: Pick<ReadFacts, 'categories' | 'signals' | 'asks'> = {},
): Promise<void> {
  let stored: StoredDocument | undefined;
  try {
    stored = await documentsRepo.get(normaliseDocumentUrl(document.url));
  } catch {
    // An unreadable stored document is replaced by the upsert below.
    stored = undefined;
  }
  const documentId = await keepDocument({
    ...document,
    ...(stored ? { title: stored.title || document.title } : {}),
    ...(snapshot ? { checklist: { readAt: Date.now(), items: snapshot }, ...(shown.categories ? { categories: [...shown.categories] } : {}), ...(shown.signals ? { signals: [...shown.signals] } : {}) } : {}),
    // Change of meaning only, as keepChecklistSnapshot: absent means no study.
    ...(shown.asks && shown.asks !== (stored?.asks ?? 'other') ? { asks: shown.asks } : {}),
  });
  await correctionsRepo.set({ documentId, ...correction });
}

export function undoCorrection(documentId: string, safeguard: string): Promise<void> {
  return correctionsRepo.remove(documentId, safeguard);
}

/** "Alles verwijderen": every store emptied in one transaction, announced like any other write. */
export { clearAllRecords as clearRecord } from './db/bulk';
