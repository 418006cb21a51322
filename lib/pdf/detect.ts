// Which URLs are PDFs, and which attachments a page report lists. Pure.

/** Portal download URLs that serve a PDF without saying so in the path. */
const DOWNLOAD_PATTERNS: RegExp[] = [
  /^https?:\/\/api\.notubiz\.nl\/document\/\d+/i, // NotuBiz
  /^https?:\/\/[^/]*\.ibabs\.eu\/publicdownload\.aspx/i, // iBabs
  /^https?:\/\/[^/]+\/(?:[^/]+\/)*(?:document|documenten|bijlage)\/\d+\/(?:download|bestand)\b/i, // GemeenteOplossingen, Parlaeus
];

/** True for a URL that names a PDF: a path ending in .pdf, or a known portal download pattern. */
export function isPdfUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (/\.pdf$/i.test(parsed.pathname)) return true;
  return DOWNLOAD_PATTERNS.some((re) => re.test(url));
}

export interface Attachment {
  name: string;
  url: string;
}

/**
 * `report.attachments` read defensively: the field is optional in the protocol, and a report
 * from an older content script may not have it. Only http(s) URLs, each once.
 */
export function attachmentsOf(report: unknown): Attachment[] {
  const list = (report as { attachments?: unknown } | null | undefined)?.attachments;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: Attachment[] = [];
  for (const a of list) {
    if (typeof a !== 'object' || a === null) continue;
    const { name, url } = a as { name?: unknown; url?: unknown };
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || seen.has(url)) continue;
    seen.add(url);
    out.push({ name: typeof name === 'string' && name.trim() ? name.trim() : fileNameOf(url), url });
  }
  return out;
}

/** "Raadsvoorstel cameratoezicht.pdf" from a URL, for attachments without a name. */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
    return decodeURIComponent(last);
  } catch {
    return url;
  }
}
