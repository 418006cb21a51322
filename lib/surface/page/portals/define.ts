// Most portals differ only in where things are: a detector is mostly a table of selectors in
// order of preference. defineDetector turns that table into a PortalDetector; a portal with real
// logic (the SPA, the Algoritmeregister's fields) adds hooks.
import { isPageChrome } from '../scan/main-content';
import {
  classifyDocumentType,
  findDate,
  firstText,
  firstTitle,
  firstWithText,
  inlineDate,
  attachmentsFrom,
  chromeTest,
  isPdfLink,
  textOf,
  toAttachment,
  type GroupSpec,
} from './dom';
import type { DocumentType, PageLocation, PortalDetector, PortalId, PortalMeta } from './types';

interface DetectorSpec {
  id: PortalId;
  label: string;
  hosts: readonly string[];
  accepts?: PortalDetector['accepts'];
  recognises?: PortalDetector['recognises'];
  /** Main-content candidates, best first; the first one with text wins. */
  main: readonly string[];
  /** Selectors (matched with Element.matches) for chrome INSIDE the main content. */
  chrome?: readonly string[];
  /** The document's own heading, best first (headings in chrome and furniture such as "Filters" are passed over). */
  title: readonly string[];
  meeting?: readonly string[];
  /** Elements with a date; `time[datetime]` gives the machine date. */
  date?: readonly string[];
  agendaItem?: readonly string[];
  /** Elements that name the document type ("Motie", "Raadsinformatiebrief"). */
  typeLabel?: readonly string[];
  /** Links that are attachments besides the PDF-looking ones (isPdfLink). */
  attachmentLinks?: string;
  /** Where the page groups its documents per agendapunt. */
  groups?: GroupSpec;
  /**
   * Agenda items whose documents arrive only when the reader opens them: the item, the mark that
   * says it has documents, and the container they arrive in (documentsLater counts items with the
   * mark and no document link in the container yet).
   */
  later?: { item: string; marker: string; container: string };
  /** The gemeente as this portal states it (a field, the site's name); resolved against the official list. */
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
  const isChrome = chrome ? (el: Element) => el.matches(chrome) : undefined;
  const anyChrome = (el: Element) => isPageChrome(el) || !!isChrome?.(el);
  const own = spec.attachmentLinks;
  const attachmentLinks = (root: ParentNode): Element[] => {
    const out: Element[] = [];
    for (const a of root.querySelectorAll('a[href]')) if ((own && a.matches(own)) || isPdfLink(a)) out.push(a);
    return out;
  };
  const later = spec.later;
  return {
    id: spec.id,
    label: spec.label,
    ...(later
      ? {
          documentsLater(main: Element): number {
            let n = 0;
            for (const item of main.querySelectorAll(later.item)) {
              if (!item.querySelector(later.marker)) continue;
              const box = item.querySelector(later.container);
              if (!box || !attachmentLinks(box).length) n++;
            }
            return n;
          },
        }
      : {}),
    hosts: spec.hosts,
    accepts: spec.accepts,
    recognises: spec.recognises,
    mainContent: (doc) => firstWithText(doc, spec.main),
    isChrome,
    chromeSelector: chrome,
    metadata(doc, location) {
      const main = firstWithText(doc, spec.main) ?? doc.body;
      const title = firstTitle(doc, spec.title, anyChrome);
      const typeLabel = spec.typeLabel ? firstText(doc, spec.typeLabel) : undefined;
      const pageType = spec.pageType?.(location, doc);
      const meta: PortalMeta = {
        portal: spec.id,
        portalLabel: spec.label,
        gemeente: spec.gemeente(location, doc),
        title,
        // A list of documents is none of them: its heading ("Moties") names what it lists, and a
        // note or letter from it must not call it "de motie".
        documentType: pageType === 'documentenlijst' ? pageType : (classifyDocumentType(typeLabel, title) ?? pageType),
        meeting: spec.meeting ? firstText(doc, spec.meeting) : undefined,
        // "Datum: 31-08-2015" as a line of the document (print views) when no element says it.
        date: dateFrom(doc, spec.date) ?? inlineDate(main),
        agendaItem: spec.agendaItem ? firstText(doc, spec.agendaItem) : undefined,
      };
      return compact(spec.refine ? spec.refine(meta, doc, location) : meta);
    },
    attachmentLinks,
    attachment: (a, location) => toAttachment(a, location, spec.groups),
    attachments(doc, location, main, links) {
      const root = main ?? doc;
      return attachmentsFrom(links ?? attachmentLinks(root), location, spec.groups, chromeTest(root, anyChrome));
    },
  };
}
