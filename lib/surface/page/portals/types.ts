// What a portal detector knows about a page: where the document is, what it is, and which PDFs
// belong to it. Pure data; the content script turns it into the report's `portal` + `attachments`.

export type PortalId =
  | 'ibabs'
  | 'notubiz'
  | 'gemeenteoplossingen'
  | 'parlaeus'
  | 'openbesluitvorming'
  | 'officielebekendmakingen'
  | 'lokaleregelgeving'
  | 'algoritmeregister'
  | 'generic';

/** The kinds of council documents a raadslid meets, as the panel names them. */
export type DocumentType =
  | 'raadsvoorstel'
  | 'raadsbesluit'
  | 'raadsinformatiebrief'
  | 'collegebrief'
  | 'motie'
  | 'amendement'
  | 'schriftelijke vragen'
  | 'beantwoording'
  | 'beleidsregel'
  | 'verordening'
  | 'besluit'
  /** A publication that makes a single decision known (a permit granted or applied for): not a besluit of the raad or college. */
  | 'bekendmaking'
  /** A Tweede or Eerste Kamer publication (a motie, brief or wetsvoorstel there): not a document of the raad or college. */
  | 'kamerstuk'
  | 'algoritme'
  | 'agenda'
  | 'notulen'
  | 'besluitenlijst'
  | 'documentenlijst';

/**
 * Portals whose pages are publications (a Gemeenteblad or Kamerstuk, a regeling, a register entry):
 * the date they give is when it was published or took effect, never a meeting's.
 */
export const PUBLICATION_PORTALS: ReadonlySet<string> = new Set<PortalId>(['officielebekendmakingen', 'lokaleregelgeving', 'algoritmeregister']);

export interface PortalMeta {
  portal: PortalId;
  /** The portal's name as a reader knows it ("iBabs", "NotuBiz", "Gemeenteblad"). */
  portalLabel: string;
  gemeente?: string;
  title?: string;
  documentType?: DocumentType;
  meeting?: string;
  /** As the page writes it ("12 maart 2025"); ISO when the page offers a machine date. */
  date?: string;
  agendaItem?: string;
}

export interface Attachment {
  name: string;
  /** Absolute URL. */
  url: string;
  /** The agendapunt the page lists it under ("2. Raadsbesluit toelating"), when it groups them. */
  group?: string;
  /** The other cells of the list's row it stands in, one a line (dom.ts rowCells): its status among them. */
  row?: string;
}

/**
 * A page that is not a document: a bot check in front of the portal, the portal's error page, a
 * search or list with nothing in it, or a list whose rows the page has yet to fetch ('loading').
 * Nothing on it is reported as a finding.
 */
export type PageKind =
  | { kind: 'botcheck'; /** The service that shows it ("Cloudflare", "Anubis"), when known. */ by?: string }
  | { kind: 'error' }
  | { kind: 'empty' }
  | { kind: 'loading' };

/** The URL parts a detector looks at (window.location and URL both fit). */
export interface PageLocation {
  href: string;
  hostname: string;
  pathname: string;
}

export interface PortalDetector {
  id: PortalId;
  label: string;
  /** Host patterns from hosts.ts (`*.x.nl` = x.nl and every subdomain). */
  hosts: readonly string[];
  /** Optional finer check on a host the detector's patterns cover (e.g. a path). */
  accepts?(location: PageLocation, doc: Document): boolean;
  /**
   * On a host in no list (a site the reader granted, or "Scan deze pagina"): does the page have
   * this portal's tell-tale URL shapes? Lets a municipality's own GO or NotuBiz host get the
   * portal's detector instead of the generic one.
   */
  recognises?(location: PageLocation, doc: Document): boolean;
  /** The element that holds the document, or null when the page has none (yet). */
  mainContent(doc: Document): Element | null;
  /** Portal-specific chrome inside the main content (player, "deel deze pagina", filters). */
  isChrome?(el: Element): boolean;
  /** isChrome as a selector list, so a full scan finds all chrome with one query, not a match per element. */
  chromeSelector?: string;
  metadata(doc: Document, location: PageLocation): PortalMeta;
  /** The attachments under `main` (or the whole page), in page order, once each; `links` when already found. */
  attachments(doc: Document, location: PageLocation, main: Element | null, links?: readonly Element[]): Attachment[];
  /** The attachment links under `root` (each a candidate for `attachment`), in page order. */
  attachmentLinks(root: ParentNode): Element[];
  /** One link as an attachment (name from its text, group from its agendapunt), or null. */
  attachment(a: Element, location: PageLocation): Attachment | null;
  /**
   * Agenda items under `main` that say they have documents the page has not shown yet (GO loads
   * an item's documents only when the reader opens it): counted at every report, so the panel
   * never lets "nothing found" stand for documents it has not seen. Absent: the page shows them all.
   */
  documentsLater?(main: Element): number;
}

export interface Detection {
  detector: PortalDetector;
  main: Element;
  meta: PortalMeta;
  /** The attachment links in the main content (chrome included: the scanner's blocks leave it out). */
  links: readonly Element[];
  /** The attachments of the main content, made from `links` when first asked for. */
  readonly attachments: Attachment[];
  /** Set when the page is not a document (bot check, error page, empty list). */
  page?: PageKind;
}
