// Every committed write is announced to the other extension pages (side panel, popup, options,
// in any window) so their views refresh without a reload. BroadcastChannel reaches every page of
// the extension origin, including other windows; it never leaves the browser.
export const CHANGE_CHANNEL = 'raadslens-record';

export interface RecordChange {
  stores: string[];
  /** Keys of the changed records when known (a save or delete); absent for bulk changes (import, clear). */
  ids?: string[];
  /** Lets a page ignore its own announcements when it already refreshed. */
  origin: string;
  at: number;
}

const ORIGIN = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());
let sender: BroadcastChannel | null | undefined;

function channel(): BroadcastChannel | null {
  if (sender === undefined) sender = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANGE_CHANNEL) : null;
  return sender;
}

/** Tell every listener (this page included) that `stores` changed. Never throws. */
export function announceChange(stores: readonly string[], ids?: readonly string[]): void {
  const change: RecordChange = { stores: [...stores], origin: ORIGIN, at: Date.now(), ...(ids ? { ids: [...ids] } : {}) };
  try {
    channel()?.postMessage(change);
  } catch {
    // A closed channel (page unloading) is not the writer's problem: the write itself succeeded.
  }
  for (const listener of local) listener(change);
}

const local = new Set<(change: RecordChange) => void>();

function isChange(value: unknown): value is RecordChange {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as RecordChange).stores) &&
    typeof (value as RecordChange).origin === 'string'
  );
}

/**
 * Calls back on every change, from this page (synchronously after the commit) or from another
 * page of the extension. Returns unsubscribe.
 */
export function onRecordChange(listener: (change: RecordChange) => void): () => void {
  local.add(listener);
  // A BroadcastChannel never receives its own messages, so each subscriber listens on its own.
  const receiver = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANGE_CHANNEL) : null;
  const onMessage = (e: MessageEvent) => {
    if (isChange(e.data) && e.data.origin !== ORIGIN) listener(e.data);
  };
  receiver?.addEventListener('message', onMessage);
  return () => {
    local.delete(listener);
    receiver?.removeEventListener('message', onMessage);
    receiver?.close();
  };
}
