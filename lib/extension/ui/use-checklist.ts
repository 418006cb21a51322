// The checklist of the document in the tab, as the reader keeps it: what the scan read, the
// reader's corrections on top (stored with the document, live across pages), and a snapshot of
// what was read kept with a stored document, so a letter about several documents can quote it.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { correctionsRepo, type StoredCorrection } from '../../record/db';
import { correctStatus, keepChecklistSnapshot, undoCorrection } from '../../record/writer';
import { normaliseDocumentUrl } from '../../record/db/url';
import type { AssessmentSummary } from '../messages/protocol';
import { checklistOf, snapshotItems, type ChecklistItem, type ChecklistRules } from '../../core/questions/checklist';
import type { SafeguardStatus } from '../../core/questions/types';
import { documentFacts, type PortalFacts } from '../../record/document-meta';
import { errorText } from './error-text';
import type { TabInfo } from './hooks';
import { useLiveReload } from './use-record-changes';

export interface DocumentChecklist {
  /** Strongest question first; empty without a scan or without technology. */
  items: ChecklistItem[];
  corrections: StoredCorrection[];
  error: string | null;
  /** One click: the reader says the document says `status` about the safeguard. */
  correct(item: ChecklistItem, status: SafeguardStatus): Promise<void>;
  /** Back to what Raadslens read. */
  undo(item: ChecklistItem): Promise<void>;
}

function documentIdOf(tab: TabInfo | null): string | null {
  try {
    return tab?.url ? normaliseDocumentUrl(tab.url) : null;
  } catch {
    return null;
  }
}

export function useChecklist(
  tab: TabInfo | null,
  assessment: AssessmentSummary | undefined,
  rules: ChecklistRules,
  portal?: PortalFacts,
): DocumentChecklist {
  const documentId = documentIdOf(tab);
  const [corrections, setCorrections] = useState<StoredCorrection[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!documentId) {
      setCorrections([]);
      return;
    }
    try {
      setCorrections(await correctionsRepo.listByDocument(documentId));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [documentId]);
  useLiveReload(reload, ['corrections']);

  const items = useMemo(
    () => (assessment?.hasTechnology ? checklistOf(assessment.safeguards.found, assessment.safeguards.missing, corrections, rules) : []),
    [assessment, corrections, rules],
  );

  // A stored document keeps what was read, for letters written when it is not open. Written only
  // when it changed, and only for documents the reader keeps (notes, flags or corrections).
  const snapshot = useMemo(
    () => (assessment?.hasTechnology ? snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules) : null),
    [assessment, rules],
  );
  useEffect(() => {
    if (!documentId || !snapshot) return;
    let cancelled = false;
    // Best effort: a snapshot not written now is written at the next read of the document.
    void Promise.resolve()
      .then(() => !cancelled && keepChecklistSnapshot(documentId, snapshot))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [documentId, snapshot]);

  const correct = async (item: ChecklistItem, status: SafeguardStatus) => {
    if (!documentId || !tab) return;
    try {
      const passage = item.passages[0]?.text;
      await correctStatus(documentFacts(tab.url, tab.title, portal), { safeguard: item.id, status, detected: item.detected, ...(passage ? { passage } : {}) }, snapshot);
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const undo = async (item: ChecklistItem) => {
    if (!documentId) return;
    try {
      await undoCorrection(documentId, item.id);
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return { items, corrections, error, correct, undo };
}
