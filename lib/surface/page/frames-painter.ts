// What the page session paints and scrolls with over all its frames (the page and its
// same-origin iframes): in content.js, where the matches are painted and stepped through. The
// rest of the page as a surface (its text, ranges, the selection) is the reader's (page-surface.ts).
import type { Painter } from '../document-surface';
import type { FrameScanner } from './session/frame-scanner';

/** A painter over the frames' painters: each range goes to the frame whose document holds it. */
export function framesPainter(frames: () => readonly FrameScanner[]): Painter {
  const byFrame = (ranges: readonly AbstractRange[]) => {
    const out = new Map<FrameScanner, AbstractRange[]>();
    for (const f of frames()) out.set(f, []);
    for (const r of ranges) {
      const f = frames().find((x) => x.doc === r.startContainer.ownerDocument);
      out.get(f!)?.push(r);
    }
    return out;
  };
  return {
    get wrapsText() {
      return frames().some((f) => f.layer.wrapsText);
    },
    add: (group, ranges) => byFrame(ranges).forEach((list, f) => list.length && f.layer.add(group, list)),
    remove: (group, ranges) => byFrame(ranges).forEach((list, f) => list.length && f.layer.remove(group, list)),
    paintAll: (groups) => {
      const per = new Map<FrameScanner, Map<string, AbstractRange[]>>(frames().map((f) => [f, new Map()]));
      for (const [group, ranges] of groups) byFrame(ranges).forEach((list, f) => per.get(f)?.set(group, list));
      per.forEach((g, f) => f.layer.paintAll(g));
    },
    set: (group, ranges) => byFrame(ranges).forEach((list, f) => f.layer.set(group, list)),
    removeWithin: (node) => frames().forEach((f) => f.layer.removeWithin(node)),
    // One active match in the whole page: the frames that do not hold it show none.
    setActive: (ranges) => byFrame(ranges).forEach((list, f) => f.layer.setActive(list)),
    clear: () => frames().forEach((f) => f.layer.clear()),
  };
}

/** Scrolls a range into the middle of the view; `mark`: it becomes the active match (else none is). */
export function scrollToRange(painter: Painter, range: AbstractRange | null, mark: boolean): boolean {
  if (!range) return false;
  const target = range.startContainer.parentElement;
  if (!target) return false;
  const win = target.ownerDocument.defaultView;
  const reduce = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  target.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  painter.setActive(mark ? [range] : []);
  return true;
}
