// The checklist of a PDF the reader reads apart from the tab's own (one from an agenda in the
// panel, or one in the viewer page): what it is, whom it asks and what the raad did with it, from
// its read result, and the checklist hook that keeps the snapshot with its stored document. One
// writer for both, so a note made in the viewer gives the same letter from "Alles" as one made
// beside the panel's results.
import type { PdfScanResult } from '../../surface/pdf/result';
import { pdfTabMeta } from '../../surface/pdf/tab-meta';
import { classifyDocumentType } from '../../surface/page/portals/dom';
import { addresseeRead } from '../../core/questions/addressee';
import { decisionOf, type ProposalDecision } from '../../core/questions/proposal';
import type { ChecklistRules } from '../../core/questions/checklist';
import { documentFacts } from '../../record/document-meta';
import type { ReadFacts } from '../../record/writer';
import { useDocumentChecklist, type DocumentChecklist } from './use-checklist';

/** The kind of a PDF: what its own opening shows (a motie named "document 12345"), else what its name or portal says. */
export function pdfKind(result: PdfScanResult, named: string | undefined): string | undefined {
  return result.opening?.kind ?? named;
}

/**
 * What the raad did with a PDF: what its own text says, else (a motie or an amendement only) what
 * the list's row that links it says (`listed`).
 */
export function pdfDecision(result: PdfScanResult, kind: string | undefined, listed: ProposalDecision | undefined): ProposalDecision | undefined {
  return decisionOf(result.opening?.decision, kind, listed);
}

/** What a PDF's dictum asks, once it is read: a study, or (no opening says so) 'other'. */
export function pdfAsks(result: PdfScanResult | null | undefined): ReadFacts['asks'] {
  return result ? (result.opening?.asks ?? 'other') : undefined;
}

/**
 * The checklist of the PDF at `url` named `name`, once `result` is read (undefined: not yet,
 * nothing is kept). Stored with gemeente and kind as the panel gives them for this PDF, whom it
 * asks, what the raad did with it (`listed`: the list's word where its text says none) and whether
 * its dictum asks a study, so the letter names, addresses and asks as the panel does.
 */
export function usePdfChecklist(url: string | null, name: string, result: PdfScanResult | undefined, rules: ChecklistRules, listed?: ProposalDecision): DocumentChecklist {
  const addressee = result ? addresseeRead(result.opening ?? {}) : undefined;
  const decision = result ? pdfDecision(result, pdfKind(result, classifyDocumentType(name)), listed) : undefined;
  const from = decision && !result?.opening?.decision ? 'list' : 'text';
  const facts = () => documentFacts(url!, name, pdfTabMeta(url!, name, window.document.implementation.createHTMLDocument(''), result?.opening), addressee, decision, from);
  return useDocumentChecklist(url, facts, result?.assessment, rules, addressee, decision, from, undefined, pdfAsks(result));
}
