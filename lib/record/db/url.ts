// One document, one id: the same raadsvoorstel opened from a newsletter link, a search result
// or with a different #page must land on the same notes. Pure, so it is safe in content scripts.

/** The problem named when an address is not one (Dutch, like zod's messages for the stored records). */
export const DOCUMENT_URL_PROBLEM = 'alleen een webadres (http of https) kan een document zijn';

/**
 * The address as a URL if it is an http(s) one, else null. A document is a web page or a PDF on the
 * web: a data:, javascript:, file: or browser address must never be stored, opened or linked as one.
 */
export function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** Parameters that only say where the reader came from, never which document it is. */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_ga', '_gl']);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function decodedName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Drops the fragment and tracking parameters, sorts the remaining parameters by name (stable, so
 * repeated names keep their order), lowercases the host, strips a default port and a trailing
 * slash. Parameter values keep their original encoding, so the result still opens the document.
 * Non-http(s) URLs (file:, extension pages) only lose their fragment. Throws TypeError when `url`
 * is not a URL.
 */
export function normaliseDocumentUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new TypeError(`Geen geldig webadres: ${url}`);
  }
  parsed.hash = '';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;

  const pairs = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(decodedName(pair)));
  const sorted = pairs
    .map((pair, i) => ({ pair, name: decodedName(pair), i }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.i - b.i))
    .map((p) => p.pair);

  // URL already lowercases the host and drops :80 / :443.
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  return `${parsed.protocol}//${parsed.host}${path}${sorted.length > 0 ? `?${sorted.join('&')}` : ''}`;
}
