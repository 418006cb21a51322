// Which hosts a PDF prompt may ask for. A document link on a portal page is the page's to choose:
// a hostile page can point "Lees de bijlagen" at the reader's router, a printer or a service on
// this computer, and a grant for it would let the extension (and so whoever wrote the link) read
// it. So a document prompt never asks for an address literal, this computer, a local-network or
// single-label name, or a look-alike (punycode) name; the reader can still add such a site on
// purpose with "Deze site altijd scannen".
type HostProblem = 'not-web' | 'ip-literal' | 'local' | 'single-label' | 'punycode';

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

// A document prompt asks only for hosts that belong with the portal: a link on a portal page can
// name any site, and a grant for an unrelated one (a tracker, a file host, a service the reader
// is logged in to) would let the page's author have Raadslens fetch from it in the reader's name.

/**
 * Suffixes under which different owners hold names, beyond the one-label top-level domains:
 * multi-part country suffixes, shared hosting, and the portal vendors' shared domains (one
 * municipality's `x.raadsinformatie.nl` is not another's site).
 */
const SHARED_SUFFIXES = [
  'co.uk', 'org.uk', 'gov.uk', 'ac.uk', 'com.au', 'co.nz', 'co.za', 'com.br',
  'github.io', 'gitlab.io', 'azurewebsites.net', 'cloudapp.net', 'blob.core.windows.net', 'cloudfront.net',
  'amazonaws.com', 's3.amazonaws.com', 'herokuapp.com', 'netlify.app', 'vercel.app', 'pages.dev',
  'web.app', 'firebaseapp.com', 'appspot.com', 'onrender.com', 'sharepoint.com', 'blogspot.com',
  'bestuurlijkeinformatie.nl', 'ibabs.eu', 'raadsinformatie.nl', 'notubiz.nl', 'parlaeus.nl', 'openbesluitvorming.nl',
];

function hostnameOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/**
 * The registrable site of `host`: one label under its public suffix (`raad.voorbeeldstad.nl` →
 * `voorbeeldstad.nl`, `a.b.co.uk` → `b.co.uk`). An address literal is its own site; a host that is
 * itself a suffix has none (null).
 */
export function registrableSite(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!h) return null;
  if (h.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(h)) return h;
  const labels = h.split('.');
  const longest = SHARED_SUFFIXES.filter((s) => h.endsWith(`.${s}`)).sort((a, b) => b.length - a.length)[0];
  if (SHARED_SUFFIXES.includes(h)) return null;
  const suffixLabels = longest ? longest.split('.').length : 1;
  if (labels.length <= suffixLabels) return null;
  return labels.slice(-suffixLabels - 1).join('.');
}

/** Do `a` and `b` (URLs) lie on the same registrable site? */
export function sameSite(a: string, b: string): boolean {
  const ha = hostnameOf(a);
  const hb = hostnameOf(b);
  if (!ha || !hb) return false;
  const sa = registrableSite(ha);
  return sa !== null && sa === registrableSite(hb);
}

interface DocumentPromptContext {
  /** The page the reader is reading (the one linking the document); the viewer passes the PDF itself. */
  pageUrl?: string | null;
  /** The griffie's portal hosts (policy `portalHosts`). */
  griffieHosts?: readonly string[];
  /** The manifest's portal list (isKnownPortal), passed in so this stays free of browser APIs. */
  isKnownPortal: (url: string) => boolean;
}

type DocumentPromptProblem = HostProblem | 'other-site';

/**
 * Why a PDF prompt may not ask for `url`'s host, or null when it may: only a known portal host,
 * a host the griffie named, or the registrable site of the page the reader is on.
 */
export function documentPromptProblem(url: string, ctx: DocumentPromptContext): DocumentPromptProblem | null {
  if (ctx.isKnownPortal(url)) return null;
  const problem = documentHostProblem(url);
  if (problem) return problem;
  const host = hostnameOf(url);
  if (host && ctx.griffieHosts?.includes(host)) return null;
  if (ctx.pageUrl && sameSite(url, ctx.pageUrl)) return null;
  return 'other-site';
}
