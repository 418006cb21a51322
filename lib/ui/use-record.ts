import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { documentsRepo, flagsRepo, notesRepo, onRecordChange } from '../db';
import type { ExportSet } from '../export/model';
import { buildEntries, type RecordEntry } from '../record/entries';
import { useRecordChanges } from './use-record-changes';

export interface RecordState {
  set: ExportSet;
  entries: RecordEntry[];
  /** Stored items that could not be read (kept in the database, named in the view). */
  unreadable: number;
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
}

interface Snapshot {
  set: ExportSet;
  entries: RecordEntry[];
  unreadable: number;
}

// The last loaded record of this page, kept while no write anywhere touched it: switching back
// to "Alles" then costs no IndexedDB read of 10,000 notes. Every committed write (in any page of
// the extension) is announced, so a kept snapshot can never be silently out of date.
let snapshot: Snapshot | null = null;
let watching = false;
function keepFresh(): void {
  if (watching) return;
  watching = true;
  onRecordChange((change) => {
    if (change.stores.some((s) => s === 'notes' || s === 'flags' || s === 'documents')) snapshot = null;
  });
}

async function load(): Promise<Snapshot> {
  const [documents, notes, flags] = await Promise.all([documentsRepo.listAll(), notesRepo.listAll(), flagsRepo.listAll()]);
  return {
    set: { documents, notes, flags },
    entries: buildEntries(documents, notes, flags),
    unreadable: notes.invalid.length + flags.invalid.length + documents.invalid.length,
  };
}

const EMPTY: Snapshot = { set: { documents: [], notes: [], flags: [] }, entries: [], unreadable: 0 };

/** Every note and flag with its document, for "Alles"; refreshed when any page changes them. */
export function useRecord(): RecordState {
  keepFresh();
  const [current, setCurrent] = useState<Snapshot>(snapshot ?? EMPTY);
  const [loading, setLoading] = useState(snapshot === null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const next = await load();
      snapshot = next;
      setCurrent(next);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (snapshot === null) void reload();
  }, [reload]);
  useRecordChanges(reload);

  return useMemo(
    () => ({ set: current.set, entries: current.entries, unreadable: current.unreadable, loading, error, reload }),
    [current, loading, error, reload],
  );
}
