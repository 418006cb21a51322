// What the record knows about a document before the portal detectors say more: the gemeente in
// the host name of the shared portal domains (utrecht.raadsinformatie.nl → Utrecht).
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
