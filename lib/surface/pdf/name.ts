// What to call a PDF. Portals name their documents in the link the reader clicked and in the
// address (NotuBiz `/document/15518187/1/I_6++VVD+motie+…`, GO `Besluitenlijst-raadsvergadering-29-juni-2015.pdf`)
// or in the download's Content-Disposition (iBabs). The title inside the PDF is often stale: a
// 2015 besluitenlijst made from a 2008 template still says "Aandachtspuntenlijst … 2008", and the
// browser shows that as the tab title. So the portal's names come first; the tab title only when
// there is nothing else. Pure.

import { portalNumber } from '../document-number';

/** Path segments and query values that say how a document is served, not what it is. */
const GENERIC = /^(?:download|downloaden|view|bekijk|bekijken|open|document|documenten|documents|bestand|bestanden|file|files|bijlage|bijlagen|pdf|showdoc|publicdownload|loadagendaitemdocument|loadagendadocument|get|getfile|index|default|inline|attachment|action=\w+|id=\w+|type=\w+)$/i;
/** Query parameters that carry a file name. */
const NAME_PARAMS = ['filename', 'bestandsnaam', 'name', 'naam', 'title', 'titel', 'file'];

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A raw file name as a reader would write it: `+` and `%20` are spaces, the extension goes, and
 * a slug (`Besluitenlijst-raadsvergadering-29-juni-2015`, no spaces, several hyphens) gets its
 * spaces back. A hyphen in a name with spaces stays (`ANPR-camera's op de boulevard`).
 */
export function readableName(raw: string): string {
  let s = safeDecode(raw.replace(/\+/g, ' '));
  s = s.replace(/\.(pdf|aspx?|php|html?)$/i, '');
  if (!/\s/.test(s) && (s.match(/-/g)?.length ?? 0) >= 2) s = s.replace(/-/g, ' ');
  // Underscores as the only word separator (Parlaeus' `Motie_M12_Geen_slimme_cameras`), as the
  // portal detectors read them (dom.ts fileNameFromUrl); beside spaces they are part of a name
  // (NotuBiz' "I_6 VVD", the motie "I.6": portalNumber).
  if (!/\s/.test(s) && s.includes('_')) s = s.replace(/_+/g, ' ');
  // "Zeestad..pdf" (a name ending in a full stop, then the extension) keeps no stray dot.
  return portalNumber(s.replace(/\s+/g, ' ').replace(/\.+$/, '').trim());
}

/** A name is worth showing when it says something: letters, and not just an id or a verb of the portal. */
function meaningful(name: string): boolean {
  if (name.length < 3 || !/\p{L}{2}/u.test(name)) return false;
  if (GENERIC.test(name)) return false;
  // A GUID or a hash, with or without hyphens (readableName has made a GUID's hyphens spaces:
  // iBabs' /Agenda/Document/55a2d355-2f35-… is no name, whatever letters its digits include).
  if (/^[0-9a-f][0-9a-f\s-]{15,}$/i.test(name)) return false;
  return true;
}

/** The document's name in its address (last meaningful path segment, or a file-name parameter), or undefined. */
export function nameFromUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  for (const p of NAME_PARAMS) {
    const v = u.searchParams.get(p);
    const name = v ? readableName(v) : '';
    if (meaningful(name)) return name;
  }
  const segments = u.pathname.split('/').filter(Boolean);
  // The last segment names the document; an earlier one only when the path ends in a verb
  // ("…/Raadsvoorstel.pdf/download"), never a folder further up.
  for (const seg of segments.slice(-2).reverse()) {
    const name = readableName(seg);
    if (meaningful(name)) return name;
    if (!GENERIC.test(name)) return undefined;
  }
  return undefined;
}

/**
 * The file name of a Content-Disposition header (`filename*=UTF-8''…` preferred, as RFC 6266
 * says, then `filename="…"`), made readable; undefined when there is none worth showing.
 */
export function nameFromDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  let raw: string | undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    const value = extended[2].trim();
    // Not UTF-8: ISO-8859-1, one byte per character.
    raw = /^utf-?8$/i.test(extended[1]!.trim()) ? safeDecode(value) : value.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  } else {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    raw = (plain?.[1] ?? plain?.[2])?.replace(/\\(.)/g, '$1').trim();
  }
  if (!raw) return undefined;
  // Only the last path part: some servers send a whole path.
  const name = readableName(raw.split(/[\\/]/).pop() ?? raw);
  return meaningful(name) ? name : undefined;
}

interface NameSources {
  url: string;
  /** The name the portal gave the document where it linked it (the link text on an agenda). */
  portalName?: string;
  /** The response's Content-Disposition header. */
  disposition?: string | null;
  /** What the browser shows as the tab title (often the PDF's own, stale, title). */
  tabTitle?: string;
}

/** What the panel and the viewer call a PDF: the portal's name, then its file name, then the tab title, then the host. */
export function documentName(src: NameSources): string {
  const portal = src.portalName?.replace(/\s+/g, ' ').trim();
  if (portal) return portal;
  const fromUrl = nameFromUrl(src.url);
  if (fromUrl) return fromUrl;
  const fromHeader = nameFromDisposition(src.disposition);
  if (fromHeader) return fromHeader;
  const tab = src.tabTitle?.trim();
  // A tab title that is just the address says nothing the address did not.
  if (tab && tab !== src.url && !/^https?:\/\//i.test(tab)) return readableName(tab);
  try {
    return new URL(src.url).hostname;
  } catch {
    return src.url;
  }
}
