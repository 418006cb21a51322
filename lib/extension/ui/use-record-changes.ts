import { useEffect } from 'preact/hooks';
import { onRecordChange } from '../../record/db/changes';

/**
 * Calls `refresh` when notes, flags or documents change in this page or any other page of the
 * extension (another window's panel, the options page). Bursts (an import) are coalesced.
 * Returns what stops it.
 */
export function followRecordChanges(refresh: () => void, stores: readonly string[] = ['notes', 'flags', 'documents']): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = onRecordChange((change) => {
    if (!change.stores.some((s) => stores.includes(s))) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 30);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}

/** followRecordChanges for as long as the component is there. */
function useRecordChanges(refresh: () => void, stores?: readonly string[]): void {
  // `stores` is a constant list per caller; refresh identity drives re-subscription.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => followRecordChanges(refresh, stores), [refresh]);
}

/** Runs `reload` now (and whenever it changes) and after every change to `stores`: a view kept current. */
export function useLiveReload(reload: () => Promise<void>, stores?: readonly string[]): void {
  useEffect(() => {
    void reload();
  }, [reload]);
  useRecordChanges(reload, stores);
}
