// Scans one document (the page, or a same-origin iframe that carries the document) and keeps up
// with its changes, as three parts with one job each: the scheduler decides when and in what
// slices (scan-scheduler.ts), the scan reads the frame into matched blocks (frame-scan.ts), and
// the painter shows them (frame-paint.ts, over the painter page-painter.ts chose). A change costs
// what it touches: the block index re-indexes only the blocks the page's records touch, and only
// those blocks are matched and repainted; a change too large to follow becomes a full rebuild.
import type { Scanner } from '../../../core/analyse/scanner';
import { asPageScanner, type PageScanner } from '../../../core/analyse/match-service';
import type { Attachment, Detection } from '../portals';
import type { BlockIndex } from '../scan/blocks';
import type { HighlightLayer } from '../highlight/css-highlights';
import { MAX_ATTACHMENTS } from './report';
import type { SliceOptions, Step } from '../../../core/steps';
import { FramePaint } from './frame-paint';
import { analyseAll, collectAttachments, noPhases, scanFrame, settleSteps, taskNamer, timed, type BlockData, type FrameScanContext, type LongestTasks, type ScanBlock, type ScanPhases } from './frame-scan';
import { ScanScheduler } from './scan-scheduler';

export type { ScanBlock } from './frame-scan';
export { MATCH_WINDOW } from './frame-scan';

export interface ScanEvent {
  incremental: boolean;
  /** Characters and text nodes this scan indexed (the whole frame for a full scan). */
  changedChars: number;
  changedNodes: number;
  busyMs: number;
  /** The longest task of this scan: a slice, or the last slice with the painting after it. */
  longestTaskMs: number;
  /** The last task: the last slice and the painting (the caller's report follows in it). */
  lastTaskMs: number;
  /** The longest task per phase that filled most of it (see taskNamer). */
  tasks: LongestTasks;
  start: number;
  end: number;
  phases: ScanPhases;
}

interface FrameScannerOptions {
  /** What matches: a scanner compiled here, or one whose matching runs in the background. */
  analyser: () => Scanner | PageScanner;
  /** Paints the matches (page-painter.ts chose the Highlight API or <mark>s for this document). */
  layer: HighlightLayer;
  maxChars: number;
  maxBlockChars?: number;
  /** Text nodes the block index may hold (tests: 0, every block's nodes found again). */
  holdNodes?: number;
  slice?: SliceOptions;
  debounceMs?: number;
  maxWaitMs?: number;
  onScanned(frame: FrameScanner, event: ScanEvent): void;
  /** Iframes came or went in the main content. */
  onFramesChanged?(): void;
  /** False once the extension is gone (update, uninstall): the scanner stops itself. */
  alive(): boolean;
}

function touchesIframes(records: readonly MutationRecord[]): boolean {
  const has = (n: Node) => n.nodeName === 'IFRAME' || (n.nodeType === 1 && !!(n as Element).querySelector('iframe'));
  return records.some((r) => [...r.addedNodes].some(has) || [...r.removedNodes].some(has));
}

export class FrameScanner {
  detection: Detection | null = null;
  index: BlockIndex<BlockData> | null = null;
  /** Bumped on every change of the blocks (for caches built over them). */
  version = 0;
  private stopped = false;
  private readonly scheduler: ScanScheduler;
  private readonly painter: FramePaint;
  private readonly scan: FrameScanContext;

  constructor(
    readonly doc: Document,
    private readonly options: FrameScannerOptions,
  ) {
    this.scheduler = new ScanScheduler(
      {
        accepts: () => {
          if (this.stopped) return false;
          if (this.options.alive()) return true;
          this.stop();
          return false;
        },
        full: () => this.full(),
        flush: () => this.flush(),
      },
      { debounceMs: options.debounceMs, maxWaitMs: options.maxWaitMs, slice: options.slice },
    );
    this.painter = new FramePaint(doc, options.layer, {
      take: () => this.scheduler.takeRecords(),
      deliver: (records) => this.scheduler.onRecords(records),
    });
    this.scan = {
      analyser: () => asPageScanner(options.analyser()),
      makeRange: this.painter.makeRange,
      maxChars: options.maxChars,
      maxBlockChars: options.maxBlockChars,
      holdNodes: options.holdNodes,
      onShadowRoot: (root) => {
        this.layer.style(root);
        this.scheduler.observeShadowRoot(root);
      },
    };
  }

  get layer(): HighlightLayer {
    return this.options.layer;
  }

  get busy(): boolean {
    return this.scheduler.busy;
  }

  start(): void {
    this.full();
  }

  /** A fresh document (SPA navigation): forget everything now, scan again after `delayMs`. */
  reset(delayMs: number): void {
    this.scheduler.cancel();
    this.dropIndex();
    this.painter.clear();
    this.scheduleFull(delayMs);
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.cancel();
    this.scheduler.disconnect();
    this.dropIndex();
    this.layer.dispose();
  }

  /** Rescans from scratch (settings changed, the reader asked). */
  full(): void {
    if (this.stopped) return;
    if (!this.options.alive()) return this.stop();
    this.scheduler.cancel();
    this.scheduler.observe(this.doc);
    // Marks come out before the walk: it indexes the page's own text nodes.
    if (this.layer.wrapsText) this.painter.clear();
    // The walk sees the DOM as it is now: records so far describe the past.
    this.scheduler.discardPending();
    const phases = noPhases();
    const tasks = taskNamer(phases);
    const { painter, scan } = this;
    // Painting is part of the scan (measured up to the last highlight registered), in steps of
    // its own: one registration of every range of a long page was one long task.
    function* work(): Generator<Step, { index: BlockIndex<BlockData>; detection: Detection }, void> {
      const value = yield* scanFrame(self.doc, scan, phases);
      yield* timed(painter.install(value.index), (ms) => (phases.paintMs += ms));
      return value;
    }
    const self = this;
    this.scheduler.run(
      work(),
      ({ value, busyMs, startedAt, endedAt, longestSliceMs, lastSliceMs }) => {
        this.index = value.index;
        this.detection = value.detection;
        this.version++;
        this.scheduler.fullEnded(endedAt, busyMs);
        this.options.onScanned(this, {
          incremental: false,
          changedChars: value.index.chars,
          changedNodes: value.index.nodeCount,
          busyMs,
          longestTaskMs: longestSliceMs,
          lastTaskMs: lastSliceMs,
          tasks: tasks.longest,
          start: startedAt,
          end: endedAt,
          phases,
        });
        // The page changed under the walk and it lost its place: scan again (when the rebuild
        // policy allows), keeping what was found meanwhile.
        if (value.index.incomplete) this.scheduleFull(0);
        else if (this.scheduler.hasPending) this.flush();
      },
      () => {
        // Our failure must never reach the page: keep what we had.
      },
      tasks.onSlice,
    );
  }

  private dropIndex() {
    this.index = null;
    this.version++;
  }

  /** Applies the pending records: incremental when the index can follow, a rebuild otherwise. */
  private flush() {
    if (this.stopped || this.busy) return; // the running scan flushes when it is done
    if (!this.options.alive()) return this.stop();
    const index = this.index;
    const { records, overflow } = this.scheduler.takePending();
    // A page that is not the document is looked at anew when it changes (the real page may replace it).
    // A painter that wraps text has split the nodes the index holds: every change is a full rescan.
    if (!index || overflow || this.layer.wrapsText || this.detection?.page) return this.scheduleFull(0);
    if (records.length === 0) return;
    const t0 = performance.now();
    const phases = noPhases();
    const tasks = taskNamer(phases);
    const { painter, scan } = this;
    const live: BlockIndex<BlockData> = index;
    let added: ScanBlock[] = [];
    let removed = 0;
    let rebuild = false;
    const self = this;
    function* work(): Generator<Step, void, void> {
      const change = yield* timed(live.applySteps(records), (ms) => (phases.walkMs += ms));
      if (change === 'rebuild') {
        rebuild = true;
        return;
      }
      for (const b of change.removed) painter.unpaint(b);
      if (change.removed.length) self.version++;
      removed = change.removed.length;
      added = change.added;
      yield* analyseAll(live, added, scan, phases);
      // What was added or removed may bring a neighbour's pilot in or take it out: the whole
      // frame is settled again, in steps (a long page has tens of thousands of blocks).
      const fresh = new Set(added);
      for (const [b, counted] of yield* timed(settleSteps(live.blocks, scan.analyser()), (ms) => (phases.matchMs += ms))) {
        if (fresh.has(b)) Object.assign(b.data!, counted);
        else painter.repaint(b, counted);
      }
    }
    this.scheduler.run(
      work(),
      ({ busyMs, endedAt, longestSliceMs, lastSliceMs }) => {
        if (this.index !== index) return; // replaced meanwhile
        if (rebuild || live.incomplete) return this.scheduleFull(0);
        if (touchesIframes(records)) this.options.onFramesChanged?.();
        if (added.length === 0 && removed === 0) {
          if (this.scheduler.hasPending) this.flush();
          return;
        }
        for (const b of added) painter.paint(b);
        const painted = performance.now();
        phases.paintMs += painted - endedAt;
        if (this.detection) collectAttachments(live, this.detection, added);
        this.version++;
        let chars = 0;
        let nodes = 0;
        for (const b of added) {
          chars += b.index.text.length;
          nodes += b.index.lengths.length;
        }
        this.options.onScanned(this, { incremental: true, changedChars: chars, changedNodes: nodes, busyMs: busyMs + (painted - endedAt), longestTaskMs: Math.max(longestSliceMs, lastSliceMs + (painted - endedAt)), lastTaskMs: lastSliceMs + (painted - endedAt), tasks: { ...tasks.longest, paintMs: Math.max(tasks.longest.paintMs, lastSliceMs + (painted - endedAt)) }, start: t0, end: painted, phases });
        if (this.scheduler.hasPending) this.flush();
      },
      () => {
        // The index may be half-updated: start over rather than paint a wrong picture.
        this.scheduleFull(0);
      },
      tasks.onSlice,
    );
  }

  /**
   * The attachments of the page as it is now, block by block (in page order), each once and at
   * most `max` (what a report carries): a long agenda lists thousands of links.
   */
  attachments(max = MAX_ATTACHMENTS): Attachment[] {
    const out: Attachment[] = [];
    const seen = new Set<string>();
    const detector = this.detection?.detector;
    const location = this.doc.location;
    if (!detector || !location) return out;
    for (const b of this.index?.blocks ?? []) {
      const data = b.data;
      if (!data?.links) continue;
      // Named and grouped once per block, and only as far down the page as the list goes.
      data.attachments ??= data.links.map((a) => detector.attachment(a, location)).filter((a): a is Attachment => a !== null);
      for (const a of data.attachments) {
        if (seen.has(a.url)) continue;
        seen.add(a.url);
        out.push(a);
        if (out.length >= max) return out;
      }
    }
    return out;
  }

  private scheduleFull(delayMs: number) {
    if (this.stopped) return;
    this.scheduler.scheduleFull(delayMs, !!this.detection?.page);
  }
}
