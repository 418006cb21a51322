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
