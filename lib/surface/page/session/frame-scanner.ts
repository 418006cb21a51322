// Scans one document (the page, or a same-origin iframe that carries the document): detect the
// portal and its main content, index it block by block, match each block, paint its ranges, and
// keep up with changes. A change costs what it touches: MutationRecords are batched (debounced,
// with a maximum wait), the block index re-indexes only the blocks they touch, and only those
// blocks are matched and repainted. A change too large to follow (the main content replaced, a
// flood of records) becomes a full rebuild: time-sliced, and never more often than the
// rebuilds themselves allow (at least FULL_MIN_GAP_MS apart, and at most ~20% of the time).
import { sameMatches, type ContextPart } from '../../../core/analyse/context';
import type { Scanner } from '../../../core/analyse/scanner';
import type { TermMatch } from '../../../core/match/types';
import { detectPortal, type Attachment, type Detection } from '../portals';
import type { SafeguardHit } from '../../../core/questions';
import { BlockIndex, MAX_RECORDS_PER_BATCH, type Block } from '../scan/blocks';
import { isPageChrome } from '../scan/main-content';
import { lastStartBefore, rangesFor } from '../scan/text-index';
import type { HighlightLayer } from '../highlight/css-highlights';
import { MAX_ATTACHMENTS } from './report';
import { runSliced, type SliceOptions, type SliceRun } from './slicer';

export interface BlockData {
  /** What counts: the block's matches without weak ones away from technology (see settle). */
  matches: TermMatch[];
  hits: SafeguardHit[];
  /** StaticRanges for the Highlight API (live Ranges would tax every DOM change of the page); live Ranges for <mark>s. */
  ranges: Array<AbstractRange | null>;
  /** All the matcher found in the block, weak matches included, with their ranges. */
  found: { matches: TermMatch[]; hits: SafeguardHit[]; ranges: Array<AbstractRange | null> };
  /** The attachment links this block owns (also those that arrived later: script-filled rows, AJAX items). */
  links?: Element[];
  /** Those links as attachments, made when the page's list is first asked for. */
  attachments?: Attachment[];
}

export type ScanBlock = Block<BlockData>;

/** Where a scan's busy time went, so the benchmark can say it for the real (cold) content script. */
export interface ScanPhases {
  /** Portal detection and main content (full scans). */
  detectMs: number;
  /** The DOM walk into blocks of text. */
  walkMs: number;
  /** Matching terms and safeguards (the analyser). */
  matchMs: number;
  /** Offsets into ranges. */
  rangesMs: number;
  /** Registering the ranges with the highlights. */
  paintMs: number;
}

export interface ScanEvent {
  incremental: boolean;
  /** Characters and text nodes this scan indexed (the whole frame for a full scan). */
  changedChars: number;
  changedNodes: number;
  busyMs: number;
  start: number;
  end: number;
  phases: ScanPhases;
}

const noPhases = (): ScanPhases => ({ detectMs: 0, walkMs: 0, matchMs: 0, rangesMs: 0, paintMs: 0 });

/** Runs a generator step by step, adding the time of each step (not of the pauses between) to `add`. */
function* timed<T>(steps: Generator<void, T, void>, add: (ms: number) => void): Generator<void, T, void> {
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    add(performance.now() - t0);
    if (r.done) return r.value;
    yield;
  }
}

export interface FrameScannerOptions {
  analyser: () => Scanner;
  /** Paints the matches (page-painter.ts chose the Highlight API or <mark>s for this document). */
  layer: HighlightLayer;
  maxChars: number;
  maxBlockChars?: number;
  slice?: SliceOptions;
  debounceMs?: number;
  maxWaitMs?: number;
  onScanned(frame: FrameScanner, event: ScanEvent): void;
  /** Iframes came or went in the main content. */
  onFramesChanged?(): void;
  /** False once the extension is gone (update, uninstall): the scanner stops itself. */
  alive(): boolean;
}

export const DEBOUNCE_MS = 100;
export const MAX_WAIT_MS = 500;
export const FULL_MIN_GAP_MS = 250;
/**
 * A page that is not a document (bot check, error page, empty list) is looked at again when it
 * changes, but not more often than this: a challenge page animates while it works.
 */
export const NOT_DOCUMENT_RECHECK_MS = 1000;
/** Block texts longer than this are matched in windows (one slice each). */
export const MATCH_WINDOW = 100_000;
/** Small blocks are matched together, up to this many characters per call. */
export const MATCH_BATCH = 64_000;
const WINDOW_OVERLAP = 300;

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

function touchesIframes(records: readonly MutationRecord[]): boolean {
  const has = (n: Node) => n.nodeName === 'IFRAME' || (n.nodeType === 1 && !!(n as Element).querySelector('iframe'));
  return records.some((r) => [...r.addedNodes].some(has) || [...r.removedNodes].some(has));
}

/**
 * Each attachment link with the block that owns it (none in chrome: ownerOf says null there), so
 * the attachments follow the blocks: a row or agenda item that arrives later brings its
 * documents, one that goes takes them along, and the list stays in page order.
 */
function linksByBlock(index: BlockIndex<BlockData>, links: readonly Element[]): Map<ScanBlock, Element[]> {
  const out = new Map<ScanBlock, Element[]>();
  for (const a of links) {
    const owner = index.ownerOf(a);
    if (!owner) continue;
    const list = out.get(owner);
    if (list) list.push(a);
    else out.set(owner, [a]);
  }
  return out;
}

export class FrameScanner {
  detection: Detection | null = null;
  index: BlockIndex<BlockData> | null = null;
  /** Bumped on every change of the blocks (for caches built over them). */
  version = 0;
  private run: SliceRun | null = null;
  private pending: MutationRecord[] = [];
  private overflow = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstPendingAt = 0;
  private fullTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFullEnd = -Infinity;
  private lastFullBusy = 0;
  private observer: MutationObserver;
  private observing = false;
  private stopped = false;

  /**
   * Makes a match's range. With the Highlight API a StaticRange: the document keeps every live
   * Range up to date on every change, so thousands of them made each DOM change of the page
   * ~40× slower (test/bench/ranges.bench.ts); a block's ranges are remade when it changes anyway.
   * A painter that wraps text (<mark>s) needs live Ranges.
   */
  private readonly makeRange: (start: Text, startOffset: number, end: Text, endOffset: number) => AbstractRange;

  constructor(
    readonly doc: Document,
    private readonly options: FrameScannerOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
    const Static = (doc.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null)?.StaticRange;
    this.makeRange =
      !options.layer.wrapsText && Static
        ? (startContainer, startOffset, endContainer, endOffset) => new Static({ startContainer, startOffset, endContainer, endOffset })
        : (start, startOffset, end, endOffset) => {
            // Offsets come from the index; a live Range throws past the node's end as it is now.
            const range = doc.createRange();
            range.setStart(start, Math.min(startOffset, start.data.length));
            range.setEnd(end, Math.min(endOffset, end.data.length));
            return range;
          };
  }

  /**
   * Runs a change of the painted ranges. A painter that wraps text changes the DOM: that is not
   * mistaken for a change of the page.
   */
  private quietly(change: () => void) {
    if (!this.layer.wrapsText) return change();
    const page = this.observing ? this.observer.takeRecords() : [];
    try {
      change();
    } finally {
      if (this.observing) this.observer.takeRecords();
    }
    if (page.length) this.onRecords(page);
  }

  get layer(): HighlightLayer {
    return this.options.layer;
  }

  get busy(): boolean {
    return !!this.run && !this.run.done;
  }

  start(): void {
    this.full();
  }

  /** A fresh document (SPA navigation): forget everything now, scan again after `delayMs`. */
  reset(delayMs: number): void {
    this.cancelWork();
    this.dropIndex();
    this.quietly(() => this.layer.clear());
    this.scheduleFull(delayMs);
  }

  stop(): void {
    this.stopped = true;
    this.cancelWork();
    this.observer.disconnect();
    this.observing = false;
    this.dropIndex();
    this.layer.dispose();
  }

  /** Rescans from scratch (settings changed, the reader asked). */
  full(): void {
    if (this.stopped) return;
    if (!this.options.alive()) return this.stop();
    this.cancelWork();
    if (!this.observing) {
      this.observer.observe(this.doc, OBSERVE);
      this.observing = true;
    }
    // Marks come out before the walk: it indexes the page's own text nodes.
    if (this.layer.wrapsText) this.quietly(() => this.layer.clear());
    // The walk sees the DOM as it is now: records so far describe the past.
    this.observer.takeRecords();
    this.pending = [];
    this.overflow = false;
    const phases = noPhases();
    const steps = this.fullSteps(phases);
    this.run = runSliced(
      steps,
      ({ value, busyMs, startedAt, endedAt }) => {
        this.run = null;
        // Painting is part of the scan: measured up to the last highlight registered.
        this.install(value.index, value.detection);
        const end = performance.now();
        phases.paintMs += end - endedAt;
        this.lastFullEnd = end;
        this.lastFullBusy = busyMs + (end - endedAt);
        this.options.onScanned(this, {
          incremental: false,
          changedChars: value.index.chars,
          changedNodes: value.index.nodeCount,
          busyMs: this.lastFullBusy,
          start: startedAt,
          end,
          phases,
        });
        // The page changed under the walk and it lost its place: scan again (when the rebuild
        // policy allows), keeping what was found meanwhile.
        if (value.index.incomplete) this.scheduleFull(0);
        else if (this.pending.length || this.overflow) this.flush();
      },
      () => {
        // Our failure must never reach the page: keep what we had.
        this.run = null;
      },
      this.options.slice,
    );
  }

  private *fullSteps(phases: ScanPhases): Generator<void, { index: BlockIndex<BlockData>; detection: Detection }, void> {
    const d0 = performance.now();
    const detection = detectPortal(this.doc.location ?? new URL('about:blank'), this.doc);
    if (detection.page) {
      // Not the document (a bot check, an error page): nothing is read, nothing is reported.
      phases.detectMs += performance.now() - d0;
      return { index: new BlockIndex<BlockData>(detection.main, { maxChars: this.options.maxChars }), detection };
    }
    const { isChrome: chrome, chromeSelector } = detection.detector;
    // During the first walk the portal's chrome is looked up in a set found by one query (and
    // one per shadow root entered), not matched element by element; later changes use matches().
    let known: Set<Element> | null = chrome && chromeSelector ? new Set(detection.main.querySelectorAll(chromeSelector)) : null;
    const index = new BlockIndex<BlockData>(detection.main, {
      exclude: chrome ? (el) => isPageChrome(el) || (known ? known.has(el) : chrome(el)) : isPageChrome,
      maxChars: this.options.maxChars,
      maxBlockChars: this.options.maxBlockChars,
      onShadowRoot: (root) => {
        this.watchShadowRoot(root);
        if (known && chromeSelector) for (const el of root.querySelectorAll(chromeSelector)) known.add(el);
      },
    });
    phases.detectMs += performance.now() - d0;
    let blocks: ScanBlock[];
    let owned: Map<ScanBlock, Element[]>;
    try {
      blocks = yield* timed(index.build(), (ms) => (phases.walkMs += ms));
      // While chrome is still a set lookup: thousands of links on a long agenda.
      const l0 = performance.now();
      owned = linksByBlock(index, detection.links);
      phases.walkMs += performance.now() - l0;
    } finally {
      known = null;
    }
    yield* this.analyseAll(blocks, phases);
    const t0 = performance.now();
    for (const [b, counted] of this.settle(index.blocks)) Object.assign(b.data!, counted);
    phases.matchMs += performance.now() - t0;
    for (const [b, links] of owned) if (b.data) b.data.links = links;
    return { index, detection };
  }

  /**
   * Weak matches (pilot, proef) count only near technology, and that may stand in another block
   * ("De pilot start in maart." as a paragraph of its own after the one about the cameras): the
   * frame's blocks are settled as one document. Returns the blocks whose counted matches differ
   * from what they hold now, with what they should hold; the caller repaints them.
   */
  private settle(blocks: readonly ScanBlock[]): [ScanBlock, Pick<BlockData, 'matches' | 'hits' | 'ranges'>][] {
    const analyser = this.options.analyser();
    const parts: ContextPart[] = [];
    const owners: ScanBlock[] = [];
    for (const b of blocks) {
      if (!b.data) continue;
      parts.push({ text: b.index.text, matches: b.data.found.matches, hits: b.data.found.hits });
      owners.push(b);
    }
    const dropped = analyser.outOfContext(parts);
    const out: [ScanBlock, Pick<BlockData, 'matches' | 'hits' | 'ranges'>][] = [];
    for (const b of owners) {
      const { found } = b.data!;
      const counted = dropped.size ? found.matches.filter((m) => !dropped.has(m)) : found.matches;
      if (sameMatches(counted, b.data!.matches)) continue;
      const ranges = counted === found.matches ? found.ranges : found.ranges.filter((_, i) => !dropped.has(found.matches[i]!));
      out.push([b, { matches: counted, hits: dropped.size ? found.hits.filter((h) => !dropped.has(h)) : found.hits, ranges }]);
    }
    return out;
  }

  private install(index: BlockIndex<BlockData>, detection: Detection) {
    this.index = index;
    this.detection = detection;
    this.version++;
    // All blocks' ranges per category first: one registration per highlight, not one per block.
    const all = new Map<string, AbstractRange[]>();
    for (const b of index.blocks) {
      for (const [g, ranges] of this.groups(b)) {
        const list = all.get(g);
        if (list) for (const r of ranges) list.push(r);
        else all.set(g, ranges);
      }
    }
    this.quietly(() => this.layer.paintAll(all));
  }

  private dropIndex() {
    this.index = null;
    this.version++;
  }

  /**
   * Matches blocks in batches: many small blocks (agenda items) are joined with line breaks and
   * matched in one call, then the matches are handed back to their blocks. A match never spans
   * two blocks (as in a single block, a line break ends it anyway); one that would is dropped.
   */
  private *analyseAll(blocks: readonly ScanBlock[], phases: ScanPhases): Generator<void, void, void> {
    let batch: ScanBlock[] = [];
    let size = 0;
    for (const b of blocks) {
      const n = b.index.text.length;
      if (n > MATCH_WINDOW) {
        yield* this.analyseHuge(b, phases);
        continue;
      }
      if (size + n + 1 > MATCH_BATCH && batch.length) {
        this.analyseBatch(batch, phases);
        yield;
        batch = [];
        size = 0;
      }
      batch.push(b);
      size += n + 1;
    }
    if (batch.length) this.analyseBatch(batch, phases);
    yield;
  }

  private analyseBatch(batch: readonly ScanBlock[], phases: ScanPhases) {
    const t0 = performance.now();
    const starts: number[] = [];
    let at = 0;
    for (const b of batch) {
      starts.push(at);
      at += b.index.text.length + 1;
    }
    const text = batch.map((b) => b.index.text).join('\n');
    const found = this.options.analyser().find(text);
    const per = batch.map(() => ({ matches: [] as TermMatch[], hits: [] as SafeguardHit[] }));
    const place = (start: number, end: number): number => {
      const i = lastStartBefore(starts, start, false);
      return end <= starts[i]! + batch[i]!.index.text.length ? i : -1;
    };
    // The matches are fresh objects of this call: moved to their block's offsets in place.
    for (const m of found.matches) {
      const i = place(m.start, m.end);
      if (i < 0) continue;
      m.start -= starts[i]!;
      m.end -= starts[i]!;
      per[i]!.matches.push(m);
    }
    for (const h of found.safeguardHits) {
      const i = place(h.start, h.end);
      if (i < 0) continue;
      h.start -= starts[i]!;
      h.end -= starts[i]!;
      per[i]!.hits.push(h);
    }
    const t1 = performance.now();
    phases.matchMs += t1 - t0;
    batch.forEach((b, i) => this.setData(b, per[i]!.matches, per[i]!.hits));
    phases.rangesMs += performance.now() - t1;
  }

  /** One huge text node (a 10 MB <pre>): windows with overlap, each match kept once. */
  private *analyseHuge(b: ScanBlock, phases: ScanPhases): Generator<void, void, void> {
    const analyser = this.options.analyser();
    const text = b.index.text;
    const matches: TermMatch[] = [];
    const hits: SafeguardHit[] = [];
    for (let ws = 0; ws < text.length; ws += MATCH_WINDOW) {
      const from = Math.max(0, ws - WINDOW_OVERLAP);
      const to = Math.min(text.length, ws + MATCH_WINDOW + WINDOW_OVERLAP);
      const t0 = performance.now();
      const found = analyser.find(text.slice(from, to));
      const own = (s: number) => s >= ws && s < ws + MATCH_WINDOW;
      for (const m of found.matches) if (own(m.start + from)) matches.push({ ...m, start: m.start + from, end: m.end + from });
      for (const h of found.safeguardHits) if (own(h.start + from)) hits.push({ ...h, start: h.start + from, end: h.end + from });
      phases.matchMs += performance.now() - t0;
      yield;
    }
    const t1 = performance.now();
    this.setData(b, matches, hits);
    phases.rangesMs += performance.now() - t1;
  }

  private setData(b: ScanBlock, matches: TermMatch[], hits: SafeguardHit[]) {
    const found = { matches, hits, ranges: rangesFor(b.index, matches, this.makeRange) };
    b.data = { ...found, found };
  }

  private groups(b: ScanBlock): Map<string, AbstractRange[]> {
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

  private paint(b: ScanBlock) {
    for (const [group, ranges] of this.groups(b)) this.layer.add(group, ranges);
  }

  private unpaint(b: ScanBlock) {
    for (const [group, ranges] of this.groups(b)) this.layer.remove(group, ranges);
  }

  private watchShadowRoot(root: ShadowRoot) {
    this.layer.style(root);
    try {
      this.observer.observe(root, OBSERVE);
    } catch {
      // Not observable: its changes wait for the next full scan.
    }
  }

  private onRecords(records: MutationRecord[]) {
    if (this.stopped) return;
    if (!this.options.alive()) return this.stop();
    if (this.overflow) return;
    if (this.pending.length + records.length > MAX_RECORDS_PER_BATCH) {
      // A flood (a body replaced every 100 ms, a script rewriting everything): stop keeping
      // records, rebuild once things have settled.
      this.overflow = true;
      this.pending = [];
    } else {
      for (const r of records) this.pending.push(r);
    }
    const now = performance.now();
    if (this.timer === null) this.firstPendingAt = now;
    else if (now - this.firstPendingAt >= (this.options.maxWaitMs ?? MAX_WAIT_MS)) return; // due soon
    else clearTimeout(this.timer);
    const wait = Math.min(this.options.debounceMs ?? DEBOUNCE_MS, Math.max(0, this.firstPendingAt + (this.options.maxWaitMs ?? MAX_WAIT_MS) - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** Applies the pending records: incremental when the index can follow, a rebuild otherwise. */
  private flush() {
    if (this.stopped || this.busy) return; // the running scan flushes when it is done
    if (!this.options.alive()) return this.stop();
    const index = this.index;
    const records = this.pending;
    const overflow = this.overflow;
    this.pending = [];
    this.overflow = false;
    // A page that is not the document is looked at anew when it changes (the real page may replace it).
    // A painter that wraps text has split the nodes the index holds: every change is a full rescan.
    if (!index || overflow || this.layer.wrapsText || this.detection?.page) return this.scheduleFull(0);
    if (records.length === 0) return;
    const t0 = performance.now();
    const phases = noPhases();
    const self = this;
    const live: BlockIndex<BlockData> = index;
    let added: ScanBlock[] = [];
    let removed = 0;
    let rebuild = false;
    function* work(): Generator<void, void, void> {
      const change = yield* timed(live.applySteps(records), (ms) => (phases.walkMs += ms));
      if (change === 'rebuild') {
        rebuild = true;
        return;
      }
      for (const b of change.removed) self.unpaint(b);
      if (change.removed.length) self.version++;
      removed = change.removed.length;
      added = change.added;
      yield* self.analyseAll(added, phases);
      // What was added or removed may bring a neighbour's pilot in or take it out.
      const t0 = performance.now();
      const fresh = new Set(added);
      for (const [b, counted] of self.settle(live.blocks)) {
        if (fresh.has(b)) Object.assign(b.data!, counted);
        else {
          self.unpaint(b);
          Object.assign(b.data!, counted);
          self.paint(b);
        }
      }
      phases.matchMs += performance.now() - t0;
    }
    this.run = runSliced(
      work(),
      ({ busyMs, endedAt }) => {
        this.run = null;
        if (this.index !== index) return; // replaced meanwhile
        if (rebuild || live.incomplete) return this.scheduleFull(0);
        if (touchesIframes(records)) this.options.onFramesChanged?.();
        if (added.length === 0 && removed === 0) {
          if (this.pending.length || this.overflow) this.flush();
          return;
        }
        for (const b of added) this.paint(b);
        const painted = performance.now();
        phases.paintMs += painted - endedAt;
        this.collectAttachments(added);
        this.version++;
        let chars = 0;
        let nodes = 0;
        for (const b of added) {
          chars += b.index.text.length;
          nodes += b.index.nodes.length;
        }
        this.options.onScanned(this, { incremental: true, changedChars: chars, changedNodes: nodes, busyMs: busyMs + (painted - endedAt), start: t0, end: painted, phases });
        if (this.pending.length || this.overflow) this.flush();
      },
      () => {
        // The index may be half-updated: start over rather than paint a wrong picture.
        this.run = null;
        this.scheduleFull(0);
      },
      this.options.slice,
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

  /** The attachment links in blocks that arrived: each block's own (its nested blocks bring theirs). */
  private collectAttachments(added: readonly ScanBlock[]) {
    const detection = this.detection;
    const index = this.index;
    if (!detection || !index) return;
    for (const b of added) {
      const root = b.root;
      if ((root.nodeType !== 1 && root.nodeType !== 11) || !b.data) continue;
      const links = linksByBlock(index, detection.detector.attachmentLinks(root as Element | ShadowRoot)).get(b);
      if (links) b.data.links = links;
    }
  }

  /** A full rebuild, not sooner than the last one's cost allows. */
  private scheduleFull(delayMs: number) {
    if (this.stopped || this.fullTimer !== null) return;
    const gap = Math.max(FULL_MIN_GAP_MS, 4 * this.lastFullBusy, this.detection?.page ? NOT_DOCUMENT_RECHECK_MS : 0);
    const wait = Math.max(delayMs, this.lastFullEnd + gap - performance.now(), 0);
    this.fullTimer = setTimeout(() => {
      this.fullTimer = null;
      this.full();
    }, wait);
  }

  private cancelWork() {
    this.run?.cancel();
    this.run = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.fullTimer !== null) clearTimeout(this.fullTimer);
    this.fullTimer = null;
  }
}
