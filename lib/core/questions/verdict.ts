// The verdict at the top of the side panel: what kind of technology a document involves, which AP
// questions apply, and the few open points a raadslid would raise first. A reader in a 400 px
// panel takes this in before anything else, so it is short by construction: a handful of
// categories, the questions by number, at most `VERDICT_POINTS` open points. Pure.
import type { QuestionId } from '../rules/schema';
import { STATUS_ORDER } from './status';
import type { SafeguardStatus } from './types';
import type { ChecklistItem } from './checklist';

interface VerdictCategoryInput {
  category: string;
  label: string;
  count: number;
  weakOnly: boolean;
}

interface VerdictQuestionInput {
  id: QuestionId;
  number: 1 | 2 | 3;
  title: string;
  applies: boolean;
}

export interface VerdictInput {
  hasTechnology: boolean;
  categories: readonly VerdictCategoryInput[];
  questions: readonly VerdictQuestionInput[];
  checklist: readonly ChecklistItem[];
}

export interface Verdict {
  hasTechnology: boolean;
  /** Most matches first; a category found only through weak words (a pilot) last. */
  categories: VerdictCategoryInput[];
  /** The questions that apply, in the AP's order. */
  questions: VerdictQuestionInput[];
  /** Not done first, then announced, then not mentioned; never a safeguard the document says is done. */
  openPoints: ChecklistItem[];
  /** Open points beyond those shown (the checklist below has them all). */
  moreOpen: number;
}

const OPEN: readonly SafeguardStatus[] = ['negated', 'planned', 'absent'];

/**
 * Open points in the verdict: two, so the whole block (technology, questions, points, what was
 * read) ends within the first 250 px of a 400 px panel; the checklist right under it has the rest.
 */
const VERDICT_POINTS = 2;

export function verdictOf(input: VerdictInput, maxPoints = VERDICT_POINTS): Verdict {
  if (!input.hasTechnology) return { hasTechnology: false, categories: [], questions: [], openPoints: [], moreOpen: 0 };
  const categories = input.categories
    .filter((c) => c.count > 0)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(a.c.weakOnly) - Number(b.c.weakOnly) || b.c.count - a.c.count || a.i - b.i)
    .map(({ c }) => c);
  // The checklist's own order within a status is the rules' order (most important first).
  const open = input.checklist
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => OPEN.includes(item.status))
    .sort((a, b) => STATUS_ORDER.indexOf(a.item.status) - STATUS_ORDER.indexOf(b.item.status) || a.i - b.i)
    .map(({ item }) => item);
  return {
    hasTechnology: true,
    categories,
    questions: input.questions.filter((q) => q.applies).sort((a, b) => a.number - b.number),
    openPoints: open.slice(0, maxPoints),
    moreOpen: Math.max(0, open.length - maxPoints),
  };
}

/** What the scan read, for the line under a calm verdict: the page itself and its attachments. */
export interface ScanScope {
  /** The page had readable text. */
  pageRead: boolean;
  attachments: number;
  attachmentsRead: number;
  /** Matches in the attachments read: a page without technology may still have them. */
  attachmentMatches?: number;
  /**
   * A PDF's pages: how many were read of how many it has (a page budget or a stop reads fewer), and
   * how many of those had no text to read (a scan).
   */
  pages?: { read: number; of: number; textless?: number };
  /**
   * Agenda items whose documents the page shows only once the item is opened (GO's
   * risbis.php): not listed, so not read either — nothing may be said of them.
   */
  later?: number;
}

type ScopeParts = { page: boolean; read: number; unread: number };

/** The parts of "Gelezen: de tekst van deze pagina, 2 van 5 bijlagen; 3 bijlagen niet gelezen". */
export function scopeParts(scope: ScanScope): ScopeParts {
  const read = Math.min(scope.attachmentsRead, scope.attachments);
  return { page: scope.pageRead, read, unread: scope.attachments - read };
}

/**
 * What the calm headline (no technology found) may claim, given what was read: the whole document
 * only when nothing is left unread ('none'); else only what was read — the page's text ('page'),
 * with the attachments read ('pageAndRead'), the attachments read alone when the page had no text
 * ('read'), nothing yet ('nothing') — documents the page shows only later count as unread; 'onPage' when the attachments read have matches; a PDF read
 * only in part, its pages read ('pdfPart'); a PDF without text ('pdfNoText') or with pages without
 * text ('pdfTextPart'), only its pages with text. The line under it says what is unread, with the button
 * that reads it.
 */
export type CalmHeadline = 'none' | 'onPage' | 'page' | 'pageAndRead' | 'read' | 'nothing' | 'pdfPart' | 'pdfNoText' | 'pdfTextPart';

export function calmHeadline(scope: ScanScope): CalmHeadline {
  if (scope.attachmentMatches) return 'onPage';
  // A PDF without any text (a scan) was not read at all; one with pages without text only in part.
  if (scope.pages && !scope.pageRead) return 'pdfNoText';
  // A PDF stopped at its page budget (or a stop) said nothing about the pages after it.
  if (scope.pages && scope.pages.read < scope.pages.of) return 'pdfPart';
  if (scope.pages?.textless) return 'pdfTextPart';
  const { page, read, unread } = scopeParts(scope);
  if (unread === 0 && !scope.later) return 'none';
  if (page) return read > 0 ? 'pageAndRead' : 'page';
  return read > 0 ? 'read' : 'nothing';
}
