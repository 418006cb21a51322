// "Over dit stuk" for a PDF tab: what its address says (portal, gemeente) through the portal
// detectors, and what its name says (the type). Apart from tab.ts so that the popup, which only
// asks whether a tab is a PDF, does not load every detector.
import type { PortalSummary } from '../../extension/messages/protocol';
import { portalSummary } from '../page/session/report';
import { detectPortal } from '../page/portals';
import { classifyDocumentType } from '../page/portals/dom';
import type { DocumentOpening } from '../../core/questions/document-kind';

/**
 * The portal and gemeente the address names (the detectors on an empty document: there is no
 * page), the name, and the type: what the PDF's own opening shows once it is read (`opened`: a
 * motie named "document 12345"), else what its name says; the meeting's date where the opening
 * writes it ("in vergadering bijeen op 12 juni 2025").
 */
export function pdfTabMeta(url: string, name: string, emptyDoc: Document, opened?: Pick<DocumentOpening, 'kind' | 'date'>): PortalSummary | undefined {
  let location: URL;
  try {
    location = new URL(url);
  } catch {
    return undefined;
  }
  const { meta } = detectPortal(location, emptyDoc);
  return portalSummary({ ...meta, title: name, documentType: opened?.kind ?? classifyDocumentType(name) ?? meta.documentType, ...(opened?.date && !meta.date ? { date: opened.date } : {}) });
}
