import './highlights.css';
import highlightCss from './highlights.css?inline';
import { runPageSession } from '@/lib/surface/page/session/page-session';
import { announcePdf } from '@/lib/surface/page/session/pdf-document';
import { sendToBackground } from '@/lib/extension/messages/send';
import { PORTAL_MATCH_PATTERNS } from '@/lib/surface/page/portals/hosts';

// Injected once more by "Scan deze pagina" (activeTab) or a per-site registration on a page that
// already has us: skip.
const FLAG = '__raadslensContentScript';

export default defineContentScript({
  matches: PORTAL_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    const g = globalThis as Record<string, unknown>;
    if (g[FLAG]) return;
    // The browser's PDF wrapper: no page text here; the panel reads the PDF itself.
    if (announcePdf(document, sendToBackground)) return;
    g[FLAG] = true;
    runPageSession(
      {
        onInvalidated: (cb) =>
          ctx.onInvalidated(() => {
            g[FLAG] = false;
            cb();
          }),
        get isValid() {
          return ctx.isValid;
        },
        onLocationChange: (cb) => ctx.addEventListener(window, 'wxt:locationchange', cb),
        release: () => {
          g[FLAG] = false;
        },
      },
      highlightCss,
    );
  },
});
