import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { documentsRepo, flagsRepo, notesRepo } from '../db';
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
  /** How long the last load took (read + index), for the benchmark. */
  loadMs: number;
  reload(): Promise<void>;
}

const EMPTY: ExportSet = { documents: [], notes: [], flags: [] };

/** Every note and flag with its document, for "Alles"; refreshed when another page changes them. */
export function useRecord(): RecordState {
  const [set, setSet] = useState<ExportSet>(EMPTY);
  const [unreadable, setUnreadable] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [loadMs, setLoadMs] = useState(0);

  const reload = useCallback(async () => {
    const t0 = performance.now();
    try {
      const [documents, notes, flags] = await Promise.all([documentsRepo.listAll(), notesRepo.listAll(), flagsRepo.listAll()]);
      setSet({ documents, notes, flags });
      setUnreadable(notes.invalid.length + flags.invalid.length + documents.invalid.length);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
      setLoadMs(performance.now() - t0);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  useRecordChanges(reload);

  const entries = useMemo(() => buildEntries(set.documents, set.notes, set.flags), [set]);
  return { set, entries, unreadable, loading, error, loadMs, reload };
}
