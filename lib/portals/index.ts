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
import type { Detection, PageLocation, PortalDetector } from './types';
import { findMainContent } from '../scan/main-content';

export type * from './types';
export { hostMatches } from './hosts';

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

/** Everything the content script needs to know about the page before it scans. */
export function detectPortal(location: PageLocation, doc: Document): Detection {
  const detector = detectorFor(location, doc);
  // A portal page whose expected container is missing (a redesign, an error page) still gets
  // scanned with the generic heuristic rather than not at all.
  const main = detector.mainContent(doc) ?? findMainContent(doc);
  let meta = detector.metadata(doc, location);
  let attachments = detector.attachments(doc, location, main);
  if (detector !== generic && attachments.length === 0) attachments = generic.attachments(doc, location, main);
  if (!meta.title && doc.title.trim()) meta = { ...meta, title: doc.title.trim() };
  return { detector, main, meta, attachments };
}
