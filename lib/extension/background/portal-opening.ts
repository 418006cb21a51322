// A page's portal facts with what its own text says, read here rather than in the page: the
// content script sends its opening's blocks with the report's details (lib/core/questions/
// page-window.ts) and keeps neither the document-kind rules nor their reader. A motie's text or its
// fields ("Status: Aangenomen") make it a motie with that outcome, as its PDF would, whatever the
// portal's label says; a list of documents stays a list. Pure.
import type { AttachmentSummary, PortalSummary, SentAttachment } from '../messages/protocol';
import { listedDecision, pageOpening, type DocumentOpening } from '../../core/questions/document-kind';
import { documentKindRules } from '../../core/rules/document-kind';

/**
 * `portal` (the page's portalSummary, clipped) with `opening` applied: the opening's kind unless
 * the portal lists documents; the portal's date first, else the one a motie's opening writes;
 * the decision only for a motie or amendement; the addressee not for a list. Keys in
 * portalSummary's order.
 */
export function withOpening(portal: PortalSummary, opening: DocumentOpening): PortalSummary {
  if (!opening.kind && !opening.decision && !opening.addressee && !opening.date) return portal;
  const { portal: id, portalLabel, gemeente, title, documentType, meeting, date, agendaItem } = portal;
  const type = documentType === 'documentenlijst' ? documentType : (opening.kind ?? documentType);
  const when = date ?? opening.date;
  const out: PortalSummary = { portal: id, portalLabel };
  if (gemeente) out.gemeente = gemeente;
  if (title) out.title = title;
  if (type) out.documentType = type;
  if (meeting) out.meeting = meeting;
  if (when) out.date = when;
  if (agendaItem) out.agendaItem = agendaItem;
  if (opening.decision && (type === 'motie' || type === 'amendement')) out.decision = opening.decision;
  if (opening.addressee && type !== 'documentenlijst') out.addressee = opening.addressee;
  return out;
}

/** The portal facts of a page's details, read with the opening it sent (none: a list page, or no portal). */
export function portalOfDetails(portal: PortalSummary | undefined, opening: readonly string[] | undefined): PortalSummary | undefined {
  if (!portal || !opening) return portal;
  return withOpening(portal, pageOpening(opening, documentKindRules()));
}

/**
 * The page's attachments as the report keeps them: the other cells of each one's list row read
 * into what the raad did with the document the row links ("Aangenomen" in a list of moties), and
 * not kept. Whether it is a motie's outcome the panel decides once it knows the document's kind.
 */
export function attachmentsOfDetails(list: readonly SentAttachment[]): AttachmentSummary[] {
  return list.map(({ row, ...attachment }) => {
    const decision = row ? listedDecision(row, documentKindRules()) : undefined;
    return decision ? { ...attachment, decision } : attachment;
  });
}
