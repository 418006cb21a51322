// Most portals differ only in where things are: a detector is mostly a table of selectors in
// order of preference. defineDetector turns that table into a PortalDetector; a portal with real
// logic (the SPA, the Algoritmeregister's fields) adds hooks.
import {
  classifyDocumentType,
  collectAttachments,
  findDate,
  firstText,
  firstWithText,
  isPdfLink,
  textOf,
} from './dom';
import type { Attachment, DocumentType, PageLocation, PortalDetector, PortalId, PortalMeta } from './types';

export interface DetectorSpec {
  id: PortalId;
  label: string;
  hosts: readonly string[];
  accepts?: PortalDetector['accepts'];
  recognises?: PortalDetector['recognises'];
  /** Main-content candidates, best first; the first one with text wins. */
  main: readonly string[];
  /** Selectors (matched with Element.matches) for chrome INSIDE the main content. */
  chrome?: readonly string[];
  title: readonly string[];
  meeting?: readonly string[];
  /** Elements with a date; `time[datetime]` gives the machine date. */
  date?: readonly string[];
  agendaItem?: readonly string[];
  /** Elements that name the document type ("Motie", "Raadsinformatiebrief"). */
  typeLabel?: readonly string[];
  /** Links that are attachments (default: PDF-looking links in the main content). */
  attachmentLinks?: string;
  gemeente(location: PageLocation, doc: Document): string | undefined;
  /** A type the URL or page kind implies when no label says more (an agenda page → agenda). */
  pageType?(location: PageLocation, doc: Document): DocumentType | undefined;
  /** Last word on the metadata (fields the table cannot express). */
  refine?(meta: PortalMeta, doc: Document, location: PageLocation): PortalMeta;
}

function dateFrom(doc: Document, selectors: readonly string[] | undefined): string | undefined {
  for (const sel of selectors ?? []) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const machine = el.getAttribute('datetime') ?? el.getAttribute('content');
    if (machine && /^\d{4}-\d{2}-\d{2}/.test(machine)) return textOf(el) ?? machine.slice(0, 10);
    const found = findDate(textOf(el)) ?? textOf(el, 60);
    if (found) return found;
  }
  return undefined;
}

/** Drops undefined fields, so reports and tests compare cleanly. */
function compact(meta: PortalMeta): PortalMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as unknown as PortalMeta;
}

export function defineDetector(spec: DetectorSpec): PortalDetector {
  const chrome = spec.chrome?.join(', ');
  return {
    id: spec.id,
    label: spec.label,
    hosts: spec.hosts,
    accepts: spec.accepts,
    recognises: spec.recognises,
    mainContent: (doc) => firstWithText(doc, spec.main),
    isChrome: chrome ? (el) => el.matches(chrome) : undefined,
    chromeSelector: chrome,
    metadata(doc, location) {
      const title = firstText(doc, spec.title);
      const typeLabel = spec.typeLabel ? firstText(doc, spec.typeLabel) : undefined;
      const meta: PortalMeta = {
        portal: spec.id,
        portalLabel: spec.label,
        gemeente: spec.gemeente(location, doc),
        title,
        documentType: classifyDocumentType(typeLabel, title) ?? spec.pageType?.(location, doc),
        meeting: spec.meeting ? firstText(doc, spec.meeting) : undefined,
        date: dateFrom(doc, spec.date),
        agendaItem: spec.agendaItem ? firstText(doc, spec.agendaItem) : undefined,
      };
      return compact(spec.refine ? spec.refine(meta, doc, location) : meta);
    },
    attachments(doc, location, main): Attachment[] {
      const root = main ?? doc;
      return spec.attachmentLinks
        ? collectAttachments(root, location, spec.attachmentLinks, () => true)
        : collectAttachments(root, location, 'a[href]', isPdfLink);
    },
  };
}
