// Which hosts a PDF prompt may ask for. A document link on a portal page is the page's to choose:
// a hostile page can point "Scan alle bijlagen" at the reader's router, a printer or a service on
// this computer, and a grant for it would let the extension (and so whoever wrote the link) read
// it. So a document prompt never asks for an address literal, this computer, a local-network or
// single-label name, or a look-alike (punycode) name; the reader can still add such a site on
// purpose with "Deze site altijd scannen".
export type HostProblem = 'not-web' | 'ip-literal' | 'local' | 'single-label' | 'punycode';

/** Names that only mean something on this computer or the local network (RFC 6761, 6762, 8375). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'lan', 'home', 'internal', 'intranet', 'corp', 'home.arpa', 'localdomain'];

/** Why a PDF prompt may not ask for `url`'s host, or null when it may. */
export function documentHostProblem(url: string): HostProblem | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not-web';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'not-web';
  // The URL parser has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1.
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return 'ip-literal';
  const labels = host.split('.');
  const suffix = (s: string) => host === s || host.endsWith(`.${s}`);
  if (LOCAL_SUFFIXES.some(suffix)) return 'local';
  if (labels.length < 2) return 'single-label';
  if (labels.some((l) => l.startsWith('xn--'))) return 'punycode';
  return null;
}
