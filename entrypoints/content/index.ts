import './highlights.css';
import highlightCss from './highlights.css?inline';
import { runPageSession } from '@/lib/surface/page/session/page-session';
import { createContentContext } from '@/lib/surface/page/session/content-context';
import { announcePdf } from '@/lib/surface/page/session/pdf-document';
import { sendToBackground } from '@/lib/extension/messages/send';
import { PORTAL_MATCH_PATTERNS } from '@/lib/surface/page/portals/hosts';

// Injected once more by "Scan deze pagina" (activeTab) or a per-site registration on a page that
// already has us: skip. The flag lives on this (isolated) world's global, out of the page's reach.
const FLAG = '__raadslensContentScript';

export default defineContentScript({
  matches: PORTAL_MATCH_PATTERNS,
  runAt: 'document_idle',
  // WXT's context (its page-visible start message and events) is not used: content-context.ts.
  main() {
    const g = globalThis as Record<string, unknown>;
    if (g[FLAG]) return;
    // The browser's PDF wrapper: no page text here; the panel reads the PDF itself.
    if (announcePdf(document, sendToBackground)) return;
    g[FLAG] = true;
    const ctx = createContentContext(window, () => {
      g[FLAG] = false;
    });
    ctx.onInvalidated(() => {
      g[FLAG] = false;
    });
    runPageSession(ctx, highlightCss);
  },
});
