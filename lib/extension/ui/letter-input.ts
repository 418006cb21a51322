// What the letter is made from, gathered for one open document or for a selection in "Alles":
// the checklist (the scan, or the snapshot kept with a stored document) with the reader's
// corrections, the reader's notes and flags, and the safeguard matcher to merge them.
import { createAnalyser, type Analyser } from '../../core/analyse';
import type { StoredCorrection, StoredDocument, StoredFlag, StoredNote } from '../../record/db/schema';
import type { LetterDocument, LetterInput, LetterSignal } from '../../record/export/letter';
import { labelsFromRules } from '../../record/export/model';
import type { AssessmentSummary } from '../messages/protocol';
import { checklistFromSnapshot, type ChecklistItem } from '../../core/questions/checklist';
import { proposalQuestions } from '../../core/questions/proposal';
import { shownCategories } from '../../core/questions/technology';
import { askedSignalIds, askedSignals } from '../../core/questions/signals';
import type { DocumentOpening } from '../../core/questions/document-kind';
import type { RuleSet } from '../../core/rules';

let analyser: Analyser | null = null;

/** The safeguards a text is about, by the same matcher the scan uses (compiled on first use). */
export function concernsOf(rules: RuleSet): (text: string) => string[] {
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  return (text) => {
    analyser ??= createAnalyser(rules);
    return [...new Set(analyser.find(text).safeguardHits.filter((h) => ids.has(h.group)).map((h) => h.group))];
  };
}

/**
 * The signal questions of the AP questions that apply, worded by the rules: the same path as a
 * stored document's kept ids take in selectionLetters, so both letters ask the same.
 */
export function letterSignals(assessment: AssessmentSummary | undefined, rules: Pick<RuleSet, 'safeguards'>): LetterSignal[] {
  return askedSignals(askedSignalIds(assessment), rules.safeguards);
}

interface DocumentLetterParts {
  document: LetterDocument['document'];
  notes: readonly StoredNote[];
  flags: readonly StoredFlag[];
  checklist: readonly ChecklistItem[];
  assessment?: AssessmentSummary;
  sentences?: ReadonlyMap<string, string>;
  /**
   * What the text's own opening shows (lib/core/questions/document-kind.ts; a PDF's result, a
   * page's report portal facts): its kind wins over a stored or named one; its outcome and
   * addressee word the letter.
   */
  opening?: DocumentOpening;
  /** 'list': the opening's outcome is the list's that links it, not the text's. */
  decisionFrom?: 'text' | 'list';
}

export function documentLetterInput(parts: DocumentLetterParts, rules: RuleSet): LetterInput {
  return {
    documents: [
      {
        document: parts.opening?.kind ? { ...parts.document, type: parts.opening.kind } : parts.document,
        ...(parts.opening?.decision ? { decision: parts.opening.decision, ...(parts.decisionFrom === 'list' ? { decisionFrom: parts.decisionFrom } : {}) } : {}),
        ...(parts.opening?.addressee ? { addressee: parts.opening.addressee } : {}),
        ...(parts.opening?.asks ? { asks: parts.opening.asks } : {}),
        notes: parts.notes,
        flags: parts.flags,
        checklist: parts.checklist,
        signals: letterSignals(parts.assessment, rules),
        ...(parts.assessment ? { categories: shownCategories(parts.assessment) } : {}),
        ...(parts.sentences ? { sentences: parts.sentences } : {}),
      },
    ],
    ...letterWords(rules),
  };
}

/** What every letter takes from the rules: labels, status words, the matcher and a proposal's questions (open and adopted). */
function letterWords(rules: RuleSet): Omit<LetterInput, 'documents'> {
  return {
    labels: labelsFromRules(rules),
    status: rules.status,
    concernsOf: concernsOf(rules),
    proposals: proposalQuestions(rules.safeguards),
    adopted: proposalQuestions(rules.safeguards, 'aangenomen'),
    study: proposalQuestions(rules.safeguards, undefined, 'study'),
    inUse: rules.safeguards,
    ...(rules.safeguards.requested ? { requested: rules.safeguards.requested } : {}),
  };
}

interface SelectionLetter {
  gemeente: string;
  input: LetterInput;
}

/**
 * One letter per gemeente for the documents of a selection, each document with its kept checklist
 * (when it was read) and the reader's corrections, notes and flags. Gemeenten in alphabetical order.
 */
export function selectionLetters(
  set: { documents: readonly StoredDocument[]; notes: readonly StoredNote[]; flags: readonly StoredFlag[] },
  corrections: readonly StoredCorrection[],
  rules: RuleSet,
  unknownGemeente: string,
): SelectionLetter[] {
  const perGemeente = new Map<string, LetterDocument[]>();
  for (const d of set.documents) {
    const mine = corrections.filter((c) => c.documentId === d.id);
    const checklist = d.checklist || mine.length ? checklistFromSnapshot(d.checklist?.items ?? [], mine, rules) : undefined;
    const doc: LetterDocument = {
      document: d,
      notes: set.notes.filter((n) => n.documentId === d.id),
      flags: set.flags.filter((f) => f.documentId === d.id),
      ...(checklist ? { checklist } : {}),
      // Whom it asks, as its text said when last read (absent in older records: the college).
      ...(d.addressee === 'burgemeester' ? { addressee: d.addressee } : {}),
      // What the raad did with it, as last read (absent: asked as an open proposal).
      ...(d.decision ? { decision: d.decision, ...(d.decisionFrom === 'list' ? { decisionFrom: d.decisionFrom } : {}) } : {}),
      // The technology its matches showed, as last read (absent in older records: the rules' words
      // for any technology). Its portal comes with `document`.
      ...(d.categories ? { categories: d.categories } : {}),
      // The signals its matches showed, as last read, asked in the rules' words (absent in older
      // records: none asked, as before).
      ...(d.signals ? { signals: askedSignals(d.signals, rules.safeguards) } : {}),
      // A dictum that asks a study, as last read: asked about that study (absent in older records:
      // the proposal's questions, as before).
      ...(d.asks === 'study' ? { asks: d.asks } : {}),
    };
    const key = d.gemeente ?? unknownGemeente;
    perGemeente.set(key, [...(perGemeente.get(key) ?? []), doc]);
  }
  const words = letterWords(rules);
  return [...perGemeente.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([gemeente, documents]) => ({ gemeente, input: { documents, ...words } }));
}
