// detectPortal: which portal a page belongs to, where its document is, and what the page says
// about it. Host first (hosts.ts is the one list), then the detector's own checks; anything else
// gets the generic detector, so every scanned page has a main content and its PDF links.
import { algoritmeregister } from './algoritmeregister';
import { gemeenteoplossingen } from './gemeenteoplossingen';
import { generic } from './generic';
import { hostMatches } from './hosts';
import { ibabs } from './ibabs';
import { lokaleregelgeving } from './lokaleregelgeving';
import { notubiz } from './notubiz';
import { officielebekendmakingen } from './officielebekendmakingen';
import { openbesluitvorming } from './openbesluitvorming';
import { parlaeus } from './parlaeus';
import type { Attachment, Detection, PageLocation, PortalDetector, PortalMeta } from './types';
import { findMainContent } from '../scan/main-content';
import { metaContent, textOf } from './dom';
import { gemeenteFromHost, gemeenteInText, officialGemeente } from './gemeenten';
import { classifyPage } from './page-kind';

export type * from './types';

export const DETECTORS: readonly PortalDetector[] = [
  ibabs,
  notubiz,
  gemeenteoplossingen,
  parlaeus,
  openbesluitvorming,
  officielebekendmakingen,
  lokaleregelgeving,
  algoritmeregister,
];

/** The detector for this page's host, or the generic one. */
export function detectorFor(location: PageLocation, doc: Document): PortalDetector {
  const byHost = DETECTORS.find((d) => d.hosts.some((h) => hostMatches(h, location.hostname)));
  if (byHost) return (byHost.accepts?.(location, doc) ?? true) ? byHost : generic;
  // A host in no list: a portal may still be recognised by its URL shapes.
  return DETECTORS.find((d) => d.recognises?.(location, doc)) ?? generic;
}

// Where a portal writes its own gemeente around the document: the logo and header ("Gemeente Den
// Helder"), the footer ("Raadsgriffie gemeente Den Helder"), the site's name.
const SITE_PARTS = '#logo, .logo, .site-name, #header, header, #footer, footer, #copy, .copyright';
const LOGO_IMAGES = '#logo img[alt], .logo img[alt], #header img[alt], header img[alt]';
/** An organisation that is not a gemeente, named where a gemeente is expected. */
const NOT_A_GEMEENTE = /^(?:provincie|waterschap|hoogheemraadschap|ministerie|rijks|staten)\b/i;

/**
 * The gemeente as the official list names it: what the portal states (a field, its site name,
 * "Gemeente X" in the title), else the host's slug, else "Gemeente X" in the logo, header or footer;
 * a stated name that is in no list (a gemeente newer than the list) is kept as stated. The host
 * comes before the logo and footer because finding those costs a walk of the page (~10–20 ms on
 * a 1 MB agenda in Chromium) and on the portals' hosts it says the same.
 */
function resolveGemeente(doc: Document, location: PageLocation, stated: string | undefined): string | undefined {
  const official = officialGemeente(stated);
  if (official) return official;
  const site = [doc.title, metaContent(doc, 'og:site_name'), doc.body?.getAttribute('data-site-name') ?? undefined];
  for (const text of site) {
    const hit = gemeenteInText(text) ?? officialGemeente(text === doc.title ? undefined : text);
    if (hit) return hit;
  }
  const fromHost = gemeenteFromHost(location.hostname);
  if (fromHost) return fromHost;
  let looked = 0;
  for (const el of doc.querySelectorAll(SITE_PARTS)) {
    if (++looked > 12) break;
    const hit = gemeenteInText(textOf(el, 1000));
    if (hit) return hit;
  }
  // A logo says it in its alt text: "Logo Almelo", "Gemeente Den Helder".
  for (const img of [...doc.querySelectorAll(LOGO_IMAGES)].slice(0, 5)) {
    const alt = img.getAttribute('alt') ?? '';
    const hit = gemeenteInText(alt) ?? officialGemeente(alt.replace(/^\s*logo\b\s*(?:van\s+)?(?:de\s+)?/i, ''));
    if (hit) return hit;
  }
  const plain = stated?.replace(/^\s*gemeente\s+/i, '').trim();
  return plain && !NOT_A_GEMEENTE.test(plain) ? plain : undefined;
}

/** The tab's title without the portal's name after it ("Overzichten Almelo - iBabs Publieksportaal"). */
function pageTitle(title: string): string {
  return title.replace(/\s+[-|–]\s+(?:iBabs Publieksportaal|Raadsinformatie\b.*|GO\. raadsinformatie.*)$/i, '').trim();
}

/** Everything the content script needs to know about the page before it scans. */
export function detectPortal(location: PageLocation, doc: Document): Detection {
  const detector = detectorFor(location, doc);
  // A portal page whose expected container is missing (a redesign, an error page) still gets
  // scanned with the generic heuristic rather than not at all.
  const main = detector.mainContent(doc) ?? findMainContent(doc);
  const links = detector.attachmentLinks(main);
  const page = classifyPage(doc, main, { hasAttachments: links.length > 0 });
  // What the page says about its document is read when first asked for: only the panel and the
  // popup show it (the report's details), the scan needs none of it.
  let meta: PortalMeta | undefined;
  const metaNow = (): PortalMeta => {
    let m: PortalMeta = detector.metadata(doc, location);
    const gemeente = resolveGemeente(doc, location, m.gemeente);
    m = { ...m, gemeente };
    if (!gemeente) delete m.gemeente;
    // A list still fetching its rows is the list: its title and kind stay.
    if (page && page.kind !== 'loading') {
      // Not the document: say which portal and gemeente, nothing about a document that is not here.
      const { portal, portalLabel } = m;
      return gemeente ? { portal, portalLabel, gemeente } : { portal, portalLabel };
    }
    const tabTitle = pageTitle(doc.title);
    if (!m.title && tabTitle) m = { ...m, title: tabTitle };
    return m;
  };
  if (page) {
    return {
      detector,
      main,
      get meta() {
        return (meta ??= metaNow());
      },
      links: [],
      attachments: [],
      page,
    };
  }
  // The scanner hands the links to its blocks; the list itself is made only where it is asked for.
  let attachments: Attachment[] | undefined;
  return {
    detector,
    main,
    get meta() {
      return (meta ??= metaNow());
    },
    links,
    get attachments() {
      return (attachments ??= detector.attachments(doc, location, main, links));
    },
  };
}
