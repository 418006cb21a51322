// The hosts where Raadslens runs without being asked: the council portals and the official
// publication sites. Everything else is reached through activeTab or a per-site grant.
// Kept in one place so the manifest (content_scripts + host_permissions), the detectors and the
// tests all agree. Match-pattern semantics: `*.x.nl` covers x.nl and every subdomain.
import goHosts from './gemeenteoplossingen-hosts.json';

/** Portals whose vendor uses a shared domain. */
export const VENDOR_HOST_PATTERNS = [
  '*.bestuurlijkeinformatie.nl', // iBabs publieksportaal
  '*.ibabs.eu', // iBabs downloads (api1.ibabs.eu/publicdownload.aspx)
  '*.raadsinformatie.nl', // NotuBiz
  '*.notubiz.nl', // NotuBiz (incl. api.notubiz.nl document downloads)
  'raadsinformatie.eindhoven.nl', // NotuBiz on a municipal host
  '*.parlaeus.nl', // Parlaeus
  '*.openbesluitvorming.nl', // Open Raadsinformatie search (single-page app)
  'zoek.officielebekendmakingen.nl', // Gemeenteblad, Staatscourant
  'lokaleregelgeving.overheid.nl', // CVDR
  'repository.officiele-overheidspublicaties.nl', // CVDR repository copies
  'algoritmes.overheid.nl', // Algoritmeregister
] as const;

/** GemeenteOplossingen has no shared domain: one host per municipality (ORI snapshot). */
export const GO_HOSTS: readonly string[] = goHosts.hosts;

/** Chrome/Firefox match patterns for every known portal host, http and https. */
export const PORTAL_MATCH_PATTERNS: string[] = [...VENDOR_HOST_PATTERNS, ...GO_HOSTS].map(
  (host) => `*://${host}/*`,
);

/** The same hosts per portal, for the detectors (lib/surface/page/portals/<portal>.ts). */
export const PORTAL_HOSTS = {
  ibabs: ['*.bestuurlijkeinformatie.nl', '*.ibabs.eu'],
  notubiz: ['*.raadsinformatie.nl', '*.notubiz.nl', 'raadsinformatie.eindhoven.nl'],
  gemeenteoplossingen: GO_HOSTS,
  parlaeus: ['*.parlaeus.nl'],
  openbesluitvorming: ['*.openbesluitvorming.nl'],
  officielebekendmakingen: ['zoek.officielebekendmakingen.nl'],
  lokaleregelgeving: ['lokaleregelgeving.overheid.nl', 'repository.officiele-overheidspublicaties.nl'],
  algoritmeregister: ['algoritmes.overheid.nl'],
} as const satisfies Record<string, readonly string[]>;

/** Does `hostname` fall under a host pattern (`*.x.nl` covers x.nl and its subdomains)? */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === pattern;
}
