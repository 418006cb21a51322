import './highlights.css';
import highlightCss from './highlights.css?inline';
import { runPageSession } from '@/lib/surface/page/session/page-session';
import { createContentContext } from '@/lib/surface/page/session/content-context';
import { announcePdf } from '@/lib/surface/page/session/pdf-document';
import { sendToBackground } from '@/lib/extension/messages/send-background';
import { PORTAL_MATCH_PATTERNS } from '@/lib/surface/page/portals/hosts';

// Injected once more by "Scan deze pagina" (activeTab), a per-site registration or an update on a
// page that already has us: the newest copy takes over and the one before stops (its highlights and
// observers go with it), as WXT's context did — but through this (isolated) world's global, which
// the page's own scripts can neither read nor trigger.
const CURRENT = '__raadslensContentScript';

export default defineContentScript({
  matches: PORTAL_MATCH_PATTERNS,
  runAt: 'document_idle',
  // WXT's context (its page-visible start message and events) is not used: content-context.ts.
  main() {
    const g = globalThis as Record<string, unknown>;
    // The browser's PDF wrapper: no page text here; the panel reads the PDF itself.
    if (announcePdf(document, sendToBackground)) return;
    const previous = g[CURRENT];
    if (typeof previous === 'function') previous();
    const ctx = createContentContext(window, () => forget());
    const forget = () => {
      if (g[CURRENT] === ctx.invalidate) delete g[CURRENT];
    };
    g[CURRENT] = ctx.invalidate;
    ctx.onInvalidated(forget);
    runPageSession(ctx, highlightCss);
  },
});
