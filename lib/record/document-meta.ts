// What the record knows about a document before the portal detectors say more: the gemeente in
// the host name of the shared portal domains (utrecht.raadsinformatie.nl → Utrecht), named as the
// official list names it (denhaag.raadsinformatie.nl → Den Haag).
import { gemeenteFromHost } from '../surface/page/portals/gemeenten';
import { PUBLICATION_PORTALS } from '../surface/page/portals/types';
import type { Addressee } from '../core/questions/addressee';
import type { ProposalDecision } from '../core/questions/proposal';
import type { DecisionSource } from './db/outcome';

const SHARED_PORTAL_DOMAINS = ['raadsinformatie.nl', 'bestuurlijkeinformatie.nl', 'notubiz.nl', 'parlaeus.nl'];
const NOT_A_GEMEENTE = new Set(['www', 'api', 'raad', 'gemeenteraad', 'app', 'api1']);

export function gemeenteFromUrl(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  for (const domain of SHARED_PORTAL_DOMAINS) {
    if (!host.endsWith(`.${domain}`)) continue;
    const official = gemeenteFromHost(host);
    if (official) return official;
    const labels = host.slice(0, -domain.length - 1).split('.');
    const name = labels[labels.length - 1];
    if (!name || NOT_A_GEMEENTE.has(name)) return undefined;
    return name
      .split('-')
      .map((part, i) => (i > 0 && ['aan', 'den', 'de', 'op', 'en'].includes(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
      .join(' ');
  }
  return undefined;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "12 maart 2026", "12-03-2026", "2026-03-12T19:30" → "2026-03-12"; anything else → undefined. */
export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const valid = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
      ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      : undefined;
  };
  let m = text.match(/\b(\d{4})-(\d{2})-(\d{2})/);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = text.match(/\b(\d{1,2})-(\d{1,2})-(\d{4})\b/);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = text.toLowerCase().match(/\b(\d{1,2}) ([a-z]+) (\d{4})\b/);
  const month = m ? MONTHS.indexOf(m[2]!) + 1 : 0;
  return m && month > 0 ? valid(Number(m[3]), month, Number(m[1])) : undefined;
}

export interface PortalFacts {
  /** The portal's id (./../surface/page/portals/types.ts PortalId). */
  portal?: string;
  gemeente?: string;
  title?: string;
  documentType?: string;
  date?: string;
  meeting?: string;
}

/**
 * The document's name, as the panel's header, the "Titel" row, the notes and a letter's subject all
 * give it: the portal's title, and where that is only the meeting's body (an iBabs meeting page's
 * heading is "Raad") the meeting's date after it, so that "Alles" and a letter's subject name one
 * meeting ("Raad woensdag 1 april 2026"), not every meeting of the raad. A page with no title of
 * its own (a GO fragment: its tab title is its address) is named by its meeting the same way; the
 * address stays only where nothing names the document.
 */
export function documentTitle(portal: PortalFacts | undefined, tabTitle: string): string {
  const meeting = portal?.meeting?.trim();
  const title = portal?.title?.trim() || (isAddress(tabTitle) ? meeting : undefined);
  if (!title) return tabTitle;
  const date = portal?.date?.trim();
  const onlyTheBody = !!meeting && meeting.toLowerCase() === title.toLowerCase();
  return onlyTheBody && date && !title.includes(date) ? `${title} ${date}` : title;
}

/** A tab title that is no title: empty, or the page's address (what a browser shows for a page without <title>). */
function isAddress(tabTitle: string): boolean {
  const text = tabTitle.trim();
  return !text || /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(:\d+)?\/\S*$/i.test(text);
}

/**
 * What the record stores about a document: the portal detectors' facts (the portal's id among
 * them) first, the URL as fallback;
 * whom its questions go to where its text was read (`addressee`: lib/core/questions/addressee.ts
 * addresseeRead), and what the raad did with it where that was read (`decision`; `decisionFrom`
 * 'list' when only the list that links it says so), so that a letter
 * from "Alles" is addressed and asks as the panel's letter does.
 */
export function documentFacts(url: string, tabTitle: string, portal: PortalFacts | undefined, addressee?: Addressee, decision?: ProposalDecision, decisionFrom: DecisionSource = 'text') {
  return {
    url,
    // With the address, it tells a Staatscourant or Kamerstuk from the gemeente's own (portals/publication.ts).
    ...(portal?.portal ? { portal: portal.portal } : {}),
    title: documentTitle(portal, tabTitle),
    gemeente: portal?.gemeente || gemeenteFromUrl(url),
    type: portal?.documentType?.toLowerCase() || undefined,
    // A publication's date (a Gemeenteblad, a regeling) is no meeting: kept as one, "Alles", the
    // export and a letter said "vergadering" and "geagendeerd voor de vergadering van" that day.
    meetingDate: portal?.portal && PUBLICATION_PORTALS.has(portal.portal) ? undefined : isoDate(portal?.date),
    ...(addressee ? { addressee } : {}),
    ...(decision ? { decision, decisionFrom } : {}),
  };
}
