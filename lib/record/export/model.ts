// What every export format works from: a selection of the record, grouped per document in
// reading order, with the labels of AP questions and categories from the rule packs. Pure.
import { formatCalendarDate } from '../../core/time';
import type { StoredCorrection, StoredDocument, StoredFlag, StoredNote } from '../db/schema';
import type { RuleSet } from '../../core/rules/load';
import type { CategoryId, QuestionId } from '../../core/rules/schema';
import { buildEntries, compareReadingOrder, type ListEntry, type RecordEntry } from '../entries';

export interface ExportSet {
  documents: readonly StoredDocument[];
  notes: readonly StoredNote[];
  flags: readonly StoredFlag[];
  /** The reader's checklist corrections of the documents (backup and letter). */
  corrections?: readonly StoredCorrection[];
  /**
   * The corrections "Alles" shows in the selection (a filter on notes, a status or a tag leaves them
   * out): what the reading exports (Markdown, CSV) carry. Absent: all of `corrections`.
   */
  shownCorrections?: readonly StoredCorrection[];
}

export interface ExportLabels {
  questions: Partial<Record<QuestionId, { number: number; title: string }>>;
  categories: Partial<Record<CategoryId, string>>;
  /** The AP publication the questions come from, for a source line. */
  source?: { title: string; publisher: string; url: string };
  /** The checklist's safeguards in its order: a correction's name ("DPIA") and AP question. */
  safeguards?: Partial<Record<string, { label: string; question: QuestionId }>>;
}

export function labelsFromRules(rules: RuleSet): ExportLabels {
  return {
    questions: Object.fromEntries(rules.questions.questions.map((q) => [q.id, { number: q.number, title: q.title }])),
    categories: Object.fromEntries(rules.categories.map((c) => [c.id, c.label])),
    source: { title: rules.questions.source.title, publisher: rules.questions.source.publisher, url: rules.questions.source.url },
    safeguards: Object.fromEntries(rules.safeguards.safeguards.map((s) => [s.id, { label: s.label, question: s.question }])),
  };
}

export interface DocumentGroup {
  documentId: string;
  document: StoredDocument | undefined;
  url: string;
  title: string;
  entries: RecordEntry[];
  /** The reader's checklist corrections of the document (the set's), in stored order. */
  corrections: StoredCorrection[];
}

/**
 * Per document (by meeting date, newest first, then title), its items in reading order and its
 * checklist corrections. A document whose only record is a correction is a group too.
 */
export function groupByDocument(set: ExportSet): DocumentGroup[] {
  const entries = buildEntries(set.documents, set.notes, set.flags);
  const groups = new Map<string, DocumentGroup>();
  const groupOf = (documentId: string, url: string, title: string): DocumentGroup => {
    let g = groups.get(documentId);
    if (!g) {
      g = { documentId, document: set.documents.find((d) => d.id === documentId), url, title, entries: [], corrections: [] };
      groups.set(documentId, g);
    }
    return g;
  };
  for (const e of entries) groupOf(e.documentId, e.url, e.title).entries.push(e);
  for (const c of set.shownCorrections ?? set.corrections ?? []) {
    const doc = set.documents.find((d) => d.id === c.documentId);
    // A record whose document is unknown still shows: its address is the best title there is (as in "Alles").
    groupOf(c.documentId, doc?.url ?? c.documentId, doc?.title || doc?.url || c.documentId).corrections.push(c);
  }
  // Documents without notes, flags or corrections are part of a backup, but not of a reading export.
  const list = [...groups.values()];
  for (const g of list) g.entries.sort(compareReadingOrder);
  return list.sort((a, b) => {
    const da = a.document?.meetingDate ?? '';
    const db = b.document?.meetingDate ?? '';
    if (da !== db) return da < db ? 1 : -1;
    return a.title.localeCompare(b.title, 'nl');
  });
}

/**
 * Exactly the given entries (e.g. what the "Alles" filters show), with their documents, those
 * documents' corrections (for the letter and the backup), and the corrections shown among the
 * entries (for the reading exports).
 */
export function selectEntries(set: ExportSet, entries: readonly ListEntry[]): ExportSet {
  const notes = new Set(entries.filter((e) => e.kind === 'note').map((e) => e.id));
  const flags = new Set(entries.filter((e) => e.kind === 'flag').map((e) => e.id));
  const corrected = new Set(entries.filter((e) => e.kind === 'correction').map((e) => e.documentId));
  const docs = new Set(entries.map((e) => e.documentId));
  const corrections = (set.corrections ?? []).filter((c) => docs.has(c.documentId));
  return {
    documents: set.documents.filter((d) => docs.has(d.id)),
    notes: set.notes.filter((n) => notes.has(n.id)),
    flags: set.flags.filter((f) => flags.has(f.id)),
    corrections,
    shownCorrections: corrections.filter((c) => corrected.has(c.documentId)),
  };
}

// The one time rule (Dutch time) lives in core/time; exports, letter and panel all use it.
export { formatDate, formatDateTime } from '../../core/time';
export const formatMeetingDate = (iso: string): string => formatCalendarDate(iso);

/**
 * A link that opens the document at the passage in Chromium-based browsers and Safari (URL text
 * fragment); other browsers open the document. Long quotes use textStart,textEnd.
 */
export function passageLink(url: string, exact: string | undefined): string {
  if (!exact) return url;
  const base = url.split('#')[0] ?? url;
  // Text fragments treat - , & as syntax: they must be percent-encoded inside a term.
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  const words = exact.trim().split(/\s+/);
  if (words.length === 0 || !words[0]) return base;
  const directive = words.length <= 8 ? enc(words.join(' ')) : `${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}

export function questionLabel(labels: ExportLabels, id: QuestionId | undefined): string | undefined {
  if (!id) return undefined;
  const q = labels.questions[id];
  return q ? `AP-vraag ${q.number}: ${q.title}` : id;
}

export function categoryLabel(labels: ExportLabels, id: CategoryId | undefined): string | undefined {
  return id ? (labels.categories[id] ?? id) : undefined;
}

export function entryKindLabel(e: RecordEntry): string {
  if (e.kind === 'note') return 'Notitie';
  return e.flagKind === 'document' ? 'Aandachtspunt (hele document)' : 'Aandachtspunt';
}
