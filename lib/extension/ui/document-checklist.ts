// What a document's checklist is, whichever view shows it: a page in the tab, a PDF in the tab,
// or a PDF read from an agenda. One set of rules, so a correction reads the same everywhere and
// the letter made from the record agrees with what the panel showed.
import { normaliseDocumentUrl } from '../../record/db/url';
import type { CorrectionInput } from '../../record/db/corrections';
import type { StoredCorrection } from '../../record/db';
import type { AssessmentSummary } from '../messages/protocol';
import { checklistOf, snapshotItems, type ChecklistItem, type ChecklistRules } from '../../core/questions/checklist';
import type { SafeguardStatus } from '../../core/questions/types';

/** The key of a document's notes, flags and corrections; null for an address that is none. */
export function documentIdOf(url: string | undefined): string | null {
  try {
    return url ? normaliseDocumentUrl(url) : null;
  } catch {
    return null;
  }
}

/** Strongest question first, the reader's corrections on top; empty without a scan or without technology. */
export function checklistItems(assessment: AssessmentSummary | undefined, corrections: readonly StoredCorrection[], rules: ChecklistRules): ChecklistItem[] {
  return assessment?.hasTechnology ? checklistOf(assessment.safeguards.found, assessment.safeguards.missing, corrections, rules) : [];
}

/** What was read, kept with a stored document for letters written when it is not open. */
export function checklistSnapshot(assessment: AssessmentSummary | undefined, rules: ChecklistRules) {
  return assessment?.hasTechnology ? snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules) : null;
}

/** The reader says the document says `status` about the item's safeguard: with what was read, and the passage it was read from. */
export function correctionFor(item: ChecklistItem, status: SafeguardStatus): Omit<CorrectionInput, 'documentId'> {
  const passage = item.passages[0]?.text;
  return { safeguard: item.id, status, detected: item.detected, ...(passage ? { passage } : {}) };
}
