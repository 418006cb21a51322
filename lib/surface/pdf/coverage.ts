// How much of a portal page's documents Raadslens has read: the page's own text, and which of
// its attachments. The panel says this beside every count, so "0 vondsten" is never taken for a
// verdict on documents nobody read. Pure.

/** A document's scan as the panel keeps it (components/panel/PdfScanState.ts), seen from here. */
export type ScanLike =
  | { status: 'done'; result: { matchCount: number } }
  | { status: 'error'; error: { kind: string } }
  | { status: 'queued' | 'running' | 'blocked' }
  | undefined;

export interface Coverage {
  total: number;
  /** Read to the end. */
  read: number;
  /** Being read now (or waiting in line). */
  busy: number;
  /** Tried and failed (not found, no text, broken…): each says why in its own row. */
  failed: number;
  /** Never read, cancelled, or waiting for the reader's permission: the action reads these. */
  unread: number;
  /** Matches in the attachments read. */
  matches: number;
}

/** Where the reader's action ("Lees de bijlagen") applies: not read and not being read. */
export function isUnread(s: ScanLike): boolean {
  return !s || s.status === 'blocked' || (s.status === 'error' && s.error.kind === 'cancelled');
}

export function coverageOf(scans: readonly ScanLike[]): Coverage {
  const c: Coverage = { total: scans.length, read: 0, busy: 0, failed: 0, unread: 0, matches: 0 };
  for (const s of scans) {
    if (isUnread(s)) c.unread++;
    else if (s!.status === 'done') {
      c.read++;
      c.matches += s!.result.matchCount;
    } else if (s!.status === 'error') c.failed++;
    else c.busy++;
  }
  return c;
}

/** Every attachment was read: a count over the page and its attachments is a count over the whole document. */
export function complete(c: Coverage): boolean {
  return c.read === c.total;
}
