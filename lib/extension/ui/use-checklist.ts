// The checklist of a document as the reader keeps it: what the scan read, the reader's
// corrections on top (stored with the document, live across pages), and a snapshot of what was
// read kept with a stored document, so a letter about several documents can quote it. The same
// hook for a page in the tab and for a PDF (in the tab or read from an agenda), keyed by the
// document's address as its notes and flags are.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { correctionsRepo, type StoredCorrection } from '../../record/db';
import { onRecordChange } from '../../record/db/changes';
import { correctStatus, keepChecklistSnapshot, undoCorrection, type DocumentFacts, type ReadFacts } from '../../record/writer';
import type { AssessmentSummary } from '../messages/protocol';
import type { ChecklistItem, ChecklistRules } from '../../core/questions/checklist';
import type { SafeguardStatus } from '../../core/questions/types';
import { documentFacts, type PortalFacts } from '../../record/document-meta';
import { shownCategories } from '../../core/questions/technology';
import { askedSignalIds } from '../../core/questions/signals';
import type { CategoryId } from '../../core/rules/ids';
import type { Addressee } from '../../core/questions/addressee';
import type { ProposalDecision } from '../../core/questions/proposal';
import type { DecisionSource } from '../../record/db/outcome';
import { checklistItems, checklistSnapshot, correctionFor, documentIdOf } from './document-checklist';
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

/**
 * The checklist of the document at `url` (null: none, nothing is read or written). `facts` says
 * what to store about it, asked only at a correction: a list of forty PDFs names none until then.
 * `addressee`: whom its questions go to, once its text is read; `decision`: what the raad did with
 * it, where that is read, and `decisionFrom` where; `portalId`: the portal its page was detected on;
 * `asks`: what a motie's dictum asks ('study' or 'other'), once its text is read
 * (all kept with the stored document, with the technology the assessment's matches show and the
 * ids of the signals its letter asks about).
 * The same object while nothing changed (the latest `facts` is used without making it new), so a
 * view it is handed down to can skip drawing again.
 */
export function useDocumentChecklist(url: string | null, facts: () => DocumentFacts, assessment: AssessmentSummary | undefined, rules: ChecklistRules, addressee?: Addressee, decision?: ProposalDecision, decisionFrom?: DecisionSource, portalId?: string, asks?: ReadFacts['asks']): DocumentChecklist {
  const documentId = documentIdOf(url ?? undefined);
  const latestFacts = useRef(facts);
  latestFacts.current = facts;
  const [corrections, setCorrections] = useState<StoredCorrection[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!documentId) {
      setCorrections([]);
      return;
    }
    try {
      const next = await correctionsRepo.listByDocument(documentId);
      // Nothing corrected, as before: no new list, so the results (forty PDFs' worth) are not drawn again.
      setCorrections((before) => (before.length === 0 && next.length === 0 ? before : next));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [documentId]);
  useLiveReload(reload, ['corrections']);

  const items = useMemo(() => checklistItems(assessment, corrections, rules), [assessment, corrections, rules]);

  // A stored document keeps what was read, whom its questions go to and what the raad did with it,
  // for letters written when it is not open. Written only when it changed, and only for documents
  // the reader keeps (notes, flags or corrections). A document without technology has no snapshot:
  // looked up only when it asks the burgemeester or has an outcome (a list of forty such PDFs is
  // not forty reads of the record).
  const snapshot = useMemo(() => checklistSnapshot(assessment, rules), [assessment, rules]);
  // The technology its matches show, kept with the snapshot, and its portal: the letter from
  // "Alles" names them as the panel's letter does. Joined to a string so a new assessment with the
  // same categories does not write again.
  // The signals the letter asks about, the same way: their ids only, for the letter's questions.
  const shownKey = assessment ? shownCategories(assessment).join(',') : null;
  const categories = useMemo(() => listOf<CategoryId>(shownKey), [shownKey]);
  const signalsKey = assessment ? askedSignalIds(assessment).join(',') : null;
  const signals = useMemo(() => listOf<string>(signalsKey), [signalsKey]);
  useEffect(() => {
    if (!documentId || (!snapshot && addressee !== 'burgemeester' && !decision && asks !== 'study')) return;
    let cancelled = false;
    // Best effort: a snapshot not written now is written at the next read of the document.
    const keep = () =>
      void Promise.resolve()
        .then(() => !cancelled && keepChecklistSnapshot(documentId, snapshot, addressee, decision, decisionFrom, { ...(categories ? { categories } : {}), ...(signals ? { signals } : {}), ...(portalId ? { portal: portalId } : {}), ...(asks ? { asks } : {}) }))
        .catch(() => undefined);
    keep();
    // Read before it was kept: the reader's first note stores the document after this ran, and
    // its "Alles" letter had no checklist. Again when this document (or the whole record) is
    // written; an unchanged snapshot writes nothing, so this ends there.
    const stop = onRecordChange((change) => {
      if (change.stores.includes('documents') && (!change.ids || change.ids.includes(documentId))) keep();
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [documentId, snapshot, addressee, decision, decisionFrom, categories, signals, portalId, asks]);

  const correct = useCallback(
    async (item: ChecklistItem, status: SafeguardStatus) => {
      if (!documentId) return;
      try {
        await correctStatus(latestFacts.current(), correctionFor(item, status), snapshot, { ...(categories ? { categories } : {}), ...(signals ? { signals } : {}), ...(asks ? { asks } : {}) });
        await reload();
      } catch (e) {
        setError(errorText(e));
      }
    },
    [documentId, snapshot, categories, signals, asks, reload],
  );
  const undo = useCallback(
    async (item: ChecklistItem) => {
      if (!documentId) return;
      try {
        await undoCorrection(documentId, item.id);
        await reload();
      } catch (e) {
        setError(errorText(e));
      }
    },
    [documentId, reload],
  );

  return useMemo(() => ({ items, corrections, error, correct, undo }), [items, corrections, error, correct, undo]);
}

/** A key of ids joined by commas back as a list (ids hold no comma); null (nothing read): undefined. */
function listOf<T extends string>(key: string | null): T[] | undefined {
  return key === null ? undefined : ((key ? key.split(',') : []) as T[]);
}

/** The checklist of the document in the tab; `title` names it where the tab's title does not (a PDF). */
export function useChecklist(
  tab: TabInfo | null,
  assessment: AssessmentSummary | undefined,
  rules: ChecklistRules,
  portal?: PortalFacts,
  title?: string,
  addressee?: Addressee,
  decision?: ProposalDecision,
  decisionFrom?: DecisionSource,
  asks?: ReadFacts['asks'],
): DocumentChecklist {
  return useDocumentChecklist(tab?.url || null, () => documentFacts(tab!.url, title ?? tab!.title, portal, addressee, decision, decisionFrom), assessment, rules, addressee, decision, decisionFrom, portal?.portal, asks);
}
