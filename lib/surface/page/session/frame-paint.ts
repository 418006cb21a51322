// Painting one frame's blocks, and nothing else: their ranges go to the painter that
// page-painter.ts chose for the document (the Highlight API, or <mark>s), one registration per
// category. A painter that wraps text changes the DOM: `quiet` keeps that from being taken for a
// change of the page.
import type { HighlightLayer } from '../highlight/css-highlights';
import type { BlockIndex } from '../scan/blocks';
import type { BlockData, MakeRange, ScanBlock } from './frame-scan';

/** The scheduler's observer, seen from the painter: records taken around our own DOM writes. */
interface QuietHooks {
  /** Takes the records observed so far (empty when not observing). */
  take(): MutationRecord[];
  /** Hands back records of the page that were taken before our write. */
  deliver(records: MutationRecord[]): void;
}

/** Ranges registered per step when a whole frame is painted. */
export const PAINT_STEP = 2000;
/** Blocks grouped by category per step of install. */
const GROUP_STEP = 2000;

export class FramePaint {
  /**
   * Makes a match's range. With the Highlight API a StaticRange: the document keeps every live
   * Range up to date on every change, so thousands of them made each DOM change of the page
   * ~40× slower (test/bench/ranges.bench.ts); a block's ranges are remade when it changes anyway.
   * A painter that wraps text (<mark>s) needs live Ranges.
   */
  readonly makeRange: MakeRange;

  constructor(
    doc: Document,
    readonly layer: HighlightLayer,
    private readonly quiet: QuietHooks,
  ) {
    const Static = (doc.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null)?.StaticRange;
    this.makeRange =
      !layer.wrapsText && Static
        ? (startContainer, startOffset, endContainer, endOffset) => new Static({ startContainer, startOffset, endContainer, endOffset })
        : (start, startOffset, end, endOffset) => {
            // Offsets come from the index; a live Range throws past the node's end as it is now.
            const range = doc.createRange();
            range.setStart(start, Math.min(startOffset, start.data.length));
            range.setEnd(end, Math.min(endOffset, end.data.length));
            return range;
          };
  }

  /** Runs a change of the painted ranges without mistaking our own DOM writes for the page's. */
  quietly(change: () => void): void {
    if (!this.layer.wrapsText) return change();
    const page = this.quiet.take();
    try {
      change();
    } finally {
      this.quiet.take();
    }
    if (page.length) this.quiet.deliver(page);
  }

  /**
   * Everything the index holds, one category after another, as steps of at most PAINT_STEP
   * ranges (a generator: the slicer may give each its own task). Painting a long page in one
   * go was one long task. A painter that wraps text paints everything in one step: wrapping
   * moves the text the other ranges point into.
   */
  *install(index: BlockIndex<BlockData>): Generator<void, void, void> {
    const all = new Map<string, AbstractRange[]>();
    let k = 0;
    for (const b of index.blocks) {
      // Grouping 20,000 blocks was a step of its own; the old highlights stay until the clear below.
      if (++k % GROUP_STEP === 0) yield;
      for (const [g, ranges] of groups(b)) {
        const list = all.get(g);
        if (list) for (const r of ranges) list.push(r);
        else all.set(g, ranges);
      }
    }
    if (this.layer.wrapsText) return this.quietly(() => this.layer.paintAll(all));
    // Cleared in the same step as the first ranges are added: no task ends with nothing painted.
    this.layer.clear();
    let first = true;
    for (const [g, ranges] of all) {
      for (let at = 0; at < ranges.length; at += PAINT_STEP) {
        if (!first) yield;
        first = false;
        this.layer.add(g, at === 0 && ranges.length <= PAINT_STEP ? ranges : ranges.slice(at, at + PAINT_STEP));
      }
    }
  }

  paint(b: ScanBlock): void {
    for (const [group, ranges] of groups(b)) this.layer.add(group, ranges);
  }

  unpaint(b: ScanBlock): void {
    for (const [group, ranges] of groups(b)) this.layer.remove(group, ranges);
  }

  /** A block whose counted matches changed (settle): its old ranges out, the new ones in. */
  repaint(b: ScanBlock, counted: Pick<BlockData, 'matches' | 'hits' | 'ranges'>): void {
    this.unpaint(b);
    Object.assign(b.data!, counted);
    this.paint(b);
  }

  clear(): void {
    this.quietly(() => this.layer.clear());
  }
}

/** A block's painted ranges by category. */
function groups(b: ScanBlock): Map<string, AbstractRange[]> {
  const out = new Map<string, AbstractRange[]>();
  b.data?.matches.forEach((m, i) => {
    const r = b.data!.ranges[i];
    if (!r) return;
    const list = out.get(m.category);
    if (list) list.push(r);
    else out.set(m.category, [r]);
  });
  return out;
}
