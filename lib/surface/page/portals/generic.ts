// Any other page (a site the reader scans with "Scan deze pagina" or granted for good): the
// main-content heuristic of lib/surface/page/scan, the page's own title, and the PDF links in the content.
import { findMainContent, isPageChrome } from '../scan/main-content';
import { attachmentsFrom, classifyDocumentType, collectAttachments, firstTitle, gemeenteFromText, isPdfLink, metaContent, toAttachment } from './dom';
import type { PortalDetector } from './types';

export const generic: PortalDetector = {
  id: 'generic',
  label: 'Webpagina',
  hosts: [],
  mainContent: (doc) => findMainContent(doc),
  metadata(doc) {
    const main = findMainContent(doc);
    const title = firstTitle(main, ['h1'], isPageChrome) ?? (doc.title.trim() || undefined);
    const meta = {
      portal: 'generic' as const,
      portalLabel: 'Webpagina',
      gemeente: gemeenteFromText(metaContent(doc, 'og:site_name') ?? doc.title),
      title,
      documentType: classifyDocumentType(title),
    };
    return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as typeof meta;
  },
  attachments: (doc, location, main, links) =>
    links ? attachmentsFrom(links, location) : collectAttachments(main ?? doc, location),
  attachmentLinks: (root) => [...root.querySelectorAll('a[href]')].filter(isPdfLink),
  attachment: (a, location) => toAttachment(a, location),
};
