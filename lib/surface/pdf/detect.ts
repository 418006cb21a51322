// Which URLs are PDFs, and which attachments a page report lists. Pure.
import { isProposalDecision, type ProposalDecision } from '../../core/rules/decisions';

/**
 * Portal addresses that serve a PDF without `.pdf` in the path. Only shapes that serve nothing
 * else: an address that may give a web page or a PDF (iBabs `/Agenda/Document/…?documentId=`)
 * is recognised by its response instead (lib/surface/pdf/tab.ts).
 */
const DOWNLOAD_PATTERNS: RegExp[] = [
  // NotuBiz: /document/{id}/{version}/{name with + for spaces}, on its own hosts and municipal ones.
  /^https?:\/\/[^/]+\/document\/\d+\/\d+(?:\/[^/?#]*)?(?:[?#]|$)/i,
  /^https?:\/\/api\.notubiz\.nl\/document\/\d+/i,
  // iBabs downloads.
  /^https?:\/\/[^/]*\.ibabs\.eu\/publicdownload\.aspx/i,
  /^https?:\/\/[^/]+\/Document\/(?:LoadAgendaItemDocument|LoadAgendaDocument|View)\/[^/?#]+/i,
  // GemeenteOplossingen risbis downloads.
  /^https?:\/\/[^/]+\/modules\/risbis\/[^?#]*download/i,
  /^https?:\/\/[^/]+\/modules\/risbis\/risbis\.php\?(?:[^#]*&)?g=(?:download|get_document|get_doc)(?:[&#]|$)/i,
  // Parlaeus: /user/showdoc/action=view/id={id}/type=pdf/{name}.
  /^https?:\/\/[^/]+\/(?:[^/?#]+\/)*showdoc\/[^?#]*\btype=pdf\b/i,
  // GemeenteOplossingen, Parlaeus (older): /document/{id}/download.
  /^https?:\/\/[^/]+\/(?:[^/]+\/)*(?:document|documenten|bijlage)\/\d+\/(?:download|bestand)\b/i,
];

/** True for an address that serves a PDF by its shape: a path ending in .pdf, or a known portal download. */
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
  /** What the list's row that links it says the raad did with it (a motie's status column). */
  decision?: ProposalDecision;
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
    const { name, url, decision } = a as { name?: unknown; url?: unknown; decision?: unknown };
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || seen.has(url)) continue;
    seen.add(url);
    const listed = isProposalDecision(decision) ? { decision } : {};
    out.push({ name: typeof name === 'string' && name.trim() ? name.trim() : fileNameOf(url), url, ...listed });
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
