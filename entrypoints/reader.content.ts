import { createReader } from '@/lib/surface/page/session/reader';
import { readerGlobal } from '@/lib/surface/page/session/reader-load';
import { nativeBrowser } from '@/lib/extension/page-browser';
import { PORTAL_MATCH_PATTERNS } from '@/lib/surface/page/portals/hosts';

// The reader's actions, not in content.js: the background injects this file into a page's frame
// when its content script first needs them (lib/surface/page/session/reader-load.ts). It only
// leaves createReader in the isolated world it shares with content.js.
export default defineContentScript({
  // Never put in by the manifest; its host patterns are the portals' (no permission more).
  registration: 'runtime',
  matches: PORTAL_MATCH_PATTERNS,
  main() {
    (globalThis as Record<string, unknown>)[readerGlobal(nativeBrowser())] = createReader;
  },
});
