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
  | 'algoritme'
  | 'agenda'
  | 'notulen'
  | 'documentenlijst';

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
}

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
  attachments(doc: Document, location: PageLocation, main: Element | null): Attachment[];
}

export interface Detection {
  detector: PortalDetector;
  main: Element;
  meta: PortalMeta;
  attachments: Attachment[];
}
