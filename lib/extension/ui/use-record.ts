// The whole record (every note and flag with its document, and the documents the reader corrected
// the checklist of) for "Alles", kept per extension page.
// Loading 10,000 notes from IndexedDB with zod validation costs a few hundred ms, so it happens
// once (ahead of time when the panel calls preloadRecord) and is then kept current: every
// committed write in any page is announced with the keys it changed, and only those records are
// read again and re-indexed. A bulk change (import, delete everything) reloads.
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { correctionsRepo, documentsRepo, flagsRepo, notesRepo, onRecordChange, type RecordChange } from '../../record/db';
import type { StoredCorrection, StoredDocument, StoredFlag, StoredNote } from '../../record/db/schema';
import type { ExportSet } from '../../record/export/model';
import { nextTurn } from '../../core/tasks';
import { prepareSearch } from '../../record/search';
import { correctionEntries, eachEntry, facetsOf, firstEntries, flagEntry, noteEntry, sortEntries, type ListEntry, type SortOrder } from '../../record/entries';
import { errorText } from './error-text';

export interface RecordState {
  /** With the corrections of every document. */
  set: ExportSet;
  entries: ListEntry[];
  /** Stored items that could not be read (kept in the database, named in the view). */
  unreadable: number;
  loading: boolean;
  error: string | null;
  /**
   * While loading: the first rows in the default order (meeting date, newest first) and how many
   * notes, flags and corrected documents are stored, read ahead of the whole record so "Alles"
   * shows them at once.
   */
  preview: { entries: ListEntry[]; total: number } | null;
}

interface Snapshot {
  set: { documents: StoredDocument[]; notes: StoredNote[]; flags: StoredFlag[]; corrections: StoredCorrection[] };
  entries: ListEntry[];
  unreadable: number;
}

/** Performance measure per full load of the record (read + validate, index), for the benchmark. */
const RECORD_LOAD_MEASURE = 'raadslens:record-load';
const RECORD_STORES = new Set(['notes', 'flags', 'documents', 'corrections']);

let snapshot: Snapshot | null = null;
let preview: RecordState['preview'] = null;
let lastError: string | null = null;
let inflight: Promise<void> | null = null;
/** Bumped on every relevant change: a load that overlapped one is repeated. */
let generation = 0;
let patches: Promise<void> = Promise.resolve();
const listeners = new Set<() => void>();

/** Bumped whenever what useRecord returns may have changed, so a view can tell it missed one. */
let version = 0;
function notify(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function publish(next: Snapshot | null, error: string | null = null): void {
  snapshot = next;
  preview = null;
  lastError = error;
  notify();
}

/** The longest slice of building the list entries before the page gets a turn. */
const SLICE_MS = 8;

/** Until the reader chooses an order: by meeting date where some entry has one, else by last change. */
export function defaultSort(entries: readonly ListEntry[]): SortOrder {
  return entries.some((e) => e.meetingDate) ? 'meeting-desc' : 'updated-desc';
}

const sorted = new WeakMap<readonly ListEntry[], Map<SortOrder, ListEntry[]>>();
/**
 * The entries in `order`, sorted once per list and order and kept with the list: the load sorts
 * the default order ahead, and opening "Alles" again does not sort 10,000 entries again.
 * Not to be changed by the caller.
 */
export function sortedEntries(entries: readonly ListEntry[], order: SortOrder): readonly ListEntry[] {
  let byOrder = sorted.get(entries);
  if (!byOrder) sorted.set(entries, (byOrder = new Map()));
  let list = byOrder.get(order);
  if (!list) byOrder.set(order, (list = sortEntries([...entries], order)));
  return list;
}

const facets = new WeakMap<readonly ListEntry[], ReturnType<typeof facetsOf>>();
/** facetsOf, once per list. */
export function entryFacets(entries: readonly ListEntry[]): ReturnType<typeof facetsOf> {
  let found = facets.get(entries);
  if (!found) facets.set(entries, (found = facetsOf(entries)));
  return found;
}

/** How many rows "Alles" shows first (its page size). */
const PREVIEW_ROWS = 20;

/**
 * The first rows from the documents and the entries of the newest few, before the whole record:
 * a handful of small reads against ~100 ms for all notes. Nothing when there is no head to show
 * (see firstEntries) or when the load it belongs to was overtaken.
 */
async function readPreview(documents: StoredDocument[], corrections: StoredCorrection[], started: number): Promise<void> {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const newestFirst = <T extends { id: string; updatedAt: number }>(list: T[]) =>
    list.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const corrected = new Map(correctionEntries(byId, corrections).map((e) => [e.documentId, e]));
  const [entries, notesStored, flagsStored] = await Promise.all([
    firstEntries<ListEntry>(
      documents,
      async (id) => {
        const [notes, flags] = await Promise.all([notesRepo.listByDocument(id), flagsRepo.listByDocument(id)]);
        const correction = corrected.get(id);
        return [...newestFirst(notes).map((n) => noteEntry(n, byId.get(id))), ...newestFirst(flags).map((f) => flagEntry(f, byId.get(id))), ...(correction ? [correction] : [])];
      },
      PREVIEW_ROWS,
    ),
    notesRepo.count(),
    flagsRepo.count(),
  ]);
  if (!entries || snapshot || started !== generation) return;
  preview = { entries, total: notesStored + flagsStored + corrected.size };
  notify();
}

async function readAll(): Promise<Snapshot> {
  const t0 = performance.now();
  const started = generation;
  // Corrections are made by hand, one click each: a few, read with the documents.
  const [documents, corrections] = await Promise.all([documentsRepo.listAll(), correctionsRepo.listAll()]);
  const tDocs = performance.now();
  if (!preview) await readPreview(documents, corrections, started).catch(() => undefined);
  const tPreview = performance.now();
  const [notes, flags] = await Promise.all([notesRepo.listAll(), flagsRepo.listAll()]);
  const t1 = performance.now();
  // In slices with a turn between: built at once, 10,000 entries were one task of 70–300 ms that a
  // click on "Alles" (or anything else) waited behind.
  const entries: ListEntry[] = [];
  let slice = performance.now();
  for (const entry of eachEntry(documents, notes, flags, corrections)) {
    entries.push(entry);
    if (entries.length % 64 === 0 && performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
  }
  const t2 = performance.now();
  // The view's default order and its filters' choices, ahead, in tasks of their own: otherwise
  // the render that shows the whole record sorts 10,000 entries first, and the first keystroke of a
  // search joins their text.
  await nextTurn();
  const shown = sortedEntries(entries, defaultSort(entries));
  await nextTurn();
  entryFacets(entries);
  prepareSearch(shown);
  const t3 = performance.now();
  // The phases, for the benchmark's breakdown: documents (read + validate), the first rows, the
  // notes and flags (read + validate, in pages), the list entries, the default order, facets and search.
  const detail = { readMs: t1 - t0, indexMs: t2 - t1, documentsMs: tDocs - t0, previewMs: tPreview - tDocs, notesMs: t1 - tPreview, sortMs: t3 - t2, entries: entries.length };
  performance.measure(RECORD_LOAD_MEASURE, { start: t0, end: t3, detail });
  return {
    set: { documents, notes, flags, corrections },
    entries,
    unreadable: notes.invalid.length + flags.invalid.length + documents.invalid.length + corrections.invalid.length,
  };
}

/** Loads the record unless it is kept already; concurrent callers share one load. */
function loadRecord(): Promise<void> {
  watch();
  if (snapshot) return Promise.resolve();
  inflight ??= (async () => {
    try {
      for (let attempt = 0; ; attempt++) {
        const started = generation;
        const next = await readAll();
        if (started === generation || attempt >= 2) {
          publish(next);
          return;
        }
      }
    } catch (e) {
      publish(null, errorText(e));
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/** Loads the record when the page is idle, so opening "Alles" later shows it at once. */
export function preloadRecord(): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(() => void loadRecord(), { timeout: 2000 });
  else setTimeout(() => void loadRecord(), 200);
}

function replaceById<T extends { id: string }>(list: T[], changed: Map<string, T | undefined>): T[] {
  const out: T[] = [];
  for (const item of list) {
    if (!changed.has(item.id)) out.push(item);
  }
  for (const item of changed.values()) if (item) out.push(item);
  return out;
}

/** Applies a change with known keys to the kept snapshot: reads those records only. */
async function patch(change: RecordChange): Promise<void> {
  const base = snapshot;
  if (!base || !change.ids) return;
  const read = async <T>(get: (id: string) => Promise<T | undefined>) => new Map(await Promise.all(change.ids!.map(async (id) => [id, await get(id)] as const)));
  const notes = change.stores.includes('notes') ? await read(notesRepo.get) : new Map<string, StoredNote | undefined>();
  const flags = change.stores.includes('flags') ? await read(flagsRepo.get) : new Map<string, StoredFlag | undefined>();
  const docs = change.stores.includes('documents') ? await read(documentsRepo.get) : new Map<string, StoredDocument | undefined>();
  // A correction is announced as "document#safeguard": the document's corrections are read again.
  const correctedIds = change.stores.includes('corrections') ? [...new Set(change.ids.map((key) => key.slice(0, key.lastIndexOf('#'))))] : [];
  const corrected = new Map(await Promise.all(correctedIds.map(async (id) => [id, await correctionsRepo.listByDocument(id)] as const)));
  if (snapshot !== base) return; // a reload overtook this patch; it has the change
  const set = {
    documents: docs.size ? replaceById(base.set.documents, docs) : base.set.documents,
    notes: notes.size ? replaceById(base.set.notes, notes) : base.set.notes,
    flags: flags.size ? replaceById(base.set.flags, flags) : base.set.flags,
    corrections: corrected.size ? [...base.set.corrections.filter((c) => !corrected.has(c.documentId)), ...[...corrected.values()].flat()] : base.set.corrections,
  };
  const byId = new Map(set.documents.map((d) => [d.id, d]));
  const stale = (e: ListEntry) =>
    docs.has(e.documentId) || (e.kind === 'note' ? notes.has(e.id) : e.kind === 'flag' ? flags.has(e.id) : corrected.has(e.documentId));
  const entries = base.entries.filter((e) => !stale(e));
  for (const n of set.notes) if (notes.has(n.id) || docs.has(n.documentId)) entries.push(noteEntry(n, byId.get(n.documentId)));
  for (const f of set.flags) if (flags.has(f.id) || docs.has(f.documentId)) entries.push(flagEntry(f, byId.get(f.documentId)));
  // The last correction undone: the document leaves the list (unless a note or flag keeps it there).
  const redo = set.corrections.filter((c) => docs.has(c.documentId) || corrected.has(c.documentId));
  if (redo.length) entries.push(...correctionEntries(byId, redo));
  publish({ set, entries, unreadable: base.unreadable });
}

let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  onRecordChange((change) => {
    if (!change.stores.some((s) => RECORD_STORES.has(s))) return;
    generation += 1;
    if (!snapshot) {
      // Nothing kept; a load in flight repeats itself. Its first rows may be out of date now.
      if (preview) {
        preview = null;
        notify();
      }
      return;
    }
    if (!change.ids) {
      publish(null);
      if (listeners.size > 0) void loadRecord();
      return;
    }
    patches = patches
      .then(() => patch(change))
      .catch(() => {
        // An unreadable record or a storage error: start over from a full read.
        publish(null);
        if (listeners.size > 0) void loadRecord();
      });
  });
}

const EMPTY: Snapshot = { set: { documents: [], notes: [], flags: [], corrections: [] }, entries: [], unreadable: 0 };

/** Every note and flag with its document, for "Alles", current across pages. */
export function useRecord(): RecordState {
  const [, setTick] = useState(0);
  const drawn = version;
  // Right after the view's first commit, not after its first paint (useEffect waits a frame, and
  // longer on a busy machine): the load the first rows wait for starts that much earlier.
  useLayoutEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    // A load that finished between this view's first render and now (a preload, on a busy machine)
    // told nobody: without this the view showed "loading" for good, with the notes unseen.
    if (version !== drawn) listener();
    void loadRecord();
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const current = snapshot ?? EMPTY;
  const loading = snapshot === null && lastError === null;
  return useMemo(
    () => ({ set: current.set, entries: current.entries, unreadable: current.unreadable, loading, error: lastError, preview: loading ? preview : null }),
    [current, loading, lastError, preview],
  );
}

/** For tests: forget the kept record (each test has its own database). */
export function resetRecordForTests(): void {
  snapshot = null;
  preview = null;
  lastError = null;
  inflight = null;
  generation = 0;
  patches = Promise.resolve();
}
