import './highlights.css';
import { runPageSession } from '@/lib/content/page-session';
import { PORTAL_MATCH_PATTERNS } from '@/lib/portals/hosts';

// Injected once more by "Scan deze pagina" (activeTab) on a page that already has us: skip.
const FLAG = '__raadslensContentScript';

export default defineContentScript({
  matches: PORTAL_MATCH_PATTERNS,
  runAt: 'document_idle',
  main(ctx) {
    const g = globalThis as Record<string, unknown>;
    if (g[FLAG]) return;
    g[FLAG] = true;
    runPageSession((cb) => ctx.onInvalidated(() => {
      g[FLAG] = false;
      cb();
    }));
  },
});
