// Runs inside Chromium as a page script (bundled per checkout by start-page-ab.ts with esbuild):
// the content script's start on the meeting page without the extension around it, as
// frame-scan.ts scanFrame does it up to its first walk: detection, the two chrome queries, the
// block index, the links' blocks; then the attachments as the first report names them. Imports are '@/…' of the checkout being measured.
import { detectPortal } from '@/lib/surface/page/portals';
import { BlockIndex } from '@/lib/surface/page/scan/blocks';
import { CHROME_CANDIDATES, isPageChrome } from '@/lib/surface/page/scan/main-content';
import { linksByBlock } from '@/lib/surface/page/session/frame-scan';

const t0 = performance.now();
const detection = detectPortal(location, document);
const t1 = performance.now();
const { isChrome: chrome, chromeSelector } = detection.detector;
const known = chrome && chromeSelector ? new Set(detection.main.querySelectorAll(chromeSelector)) : null;
const candidates = new Set(detection.main.querySelectorAll(CHROME_CANDIDATES));
const generic = (el: Element) => candidates.has(el) && isPageChrome(el);
const index = new BlockIndex(detection.main, { exclude: chrome ? (el) => generic(el) || (known ? known.has(el) : chrome(el)) : generic });
const t2 = performance.now();
const blocks = index.buildNow();
const owned = linksByBlock(index as Parameters<typeof linksByBlock>[0], detection.links);
const t3 = performance.now();
// Named block by block when the first report is composed (frame-scanner.ts attachments()).
const attachments = [...owned.values()].flatMap((links) => links.map((a) => detection.detector.attachment(a, location)));
const t4 = performance.now();
(window as unknown as { startPage: unknown }).startPage = {
  ms: { detect: t1 - t0, queries: t2 - t1, walk: t3 - t2, attachments: t4 - t3 },
  // What must be the same in every checkout compared.
  result: JSON.stringify({ meta: detection.meta, texts: blocks.map((b) => b.index.text), owned: owned.size, attachments }),
};
