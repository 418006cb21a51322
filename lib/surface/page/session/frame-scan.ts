// The scan of one frame, apart from when it runs and how it is painted: detect the portal and
// its main content, walk it into blocks, match the blocks, and turn the matches into ranges.
// Generators, so the scheduler can cut the work into slices; no timers, no observers, no painting.
import type { ContextPart } from '../../../core/analyse/context';
import type { ScanRules } from '../../../core/analyse/scan-rules';
import type { FoundPart, FoundParts, PageScanner } from '../../../core/analyse/match-service';
import { sameMatches } from '../../../core/analyse/context';
import type { TermMatch } from '../../../core/match/types';
import type { SafeguardHit } from '../../../core/questions';
import { detectPortal, type Attachment, type Detection } from '../portals';
import { BlockIndex, type Block } from '../scan/blocks';
import { CHROME_CANDIDATES, isPageChrome } from '../scan/main-content';
import { lastStartBefore, rangesFor } from '../scan/text-index';
import { awaitStep, type Step } from '../../../core/steps';

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
  /**
   * Not the page's work: the matcher's own time where it ran elsewhere (the background), and
   * how long the page waited for its replies (wall time, the page free meanwhile).
   */
  matchOffMs: number;
  matchWaitMs: number;
}

export const noPhases = (): ScanPhases => ({ detectMs: 0, walkMs: 0, matchMs: 0, rangesMs: 0, paintMs: 0, matchOffMs: 0, matchWaitMs: 0 });

/** The phases that are the page's own work, by which a task is named. */
const PAGE_PHASES = ['detectMs', 'walkMs', 'matchMs', 'rangesMs', 'paintMs'] as const;

/** The longest task (ms) per phase that filled most of it; `other`: a task no phase timed (a yield's bookkeeping). */
export type LongestTasks = Record<(typeof PAGE_PHASES)[number] | 'other', number>;

/**
 * Names each slice of a scan by the phase that took most of it and keeps the longest per name,
 * so a long task that remains says what it was. Call `onSlice` at the end of every slice.
 */
export function taskNamer(phases: ScanPhases): { longest: LongestTasks; onSlice(ms: number): void } {
  const longest: LongestTasks = { detectMs: 0, walkMs: 0, matchMs: 0, rangesMs: 0, paintMs: 0, other: 0 };
  let before = { ...phases };
  return {
    longest,
    onSlice(ms) {
      let name: keyof LongestTasks = 'other';
      let most = 0;
      for (const k of PAGE_PHASES) {
        const spent = phases[k] - before[k];
        if (spent > most) {
          most = spent;
          name = k;
        }
      }
      before = { ...phases };
      if (ms > longest[name]) longest[name] = ms;
    },
  };
}

/** Makes one match's range (see FramePaint.makeRange). */
export type MakeRange = (start: Text, startOffset: number, end: Text, endOffset: number) => AbstractRange;

/** Blocks per step of settleSteps' passes over a frame's blocks (a 100,000-node page has 20,000). */
const SETTLE_STEP = 2000;

/** Block texts longer than this are matched in windows (one slice each). */
export const MATCH_WINDOW = 100_000;
/** Small blocks are matched together, up to this many characters per call. */
export const MATCH_BATCH = 24_000;
const WINDOW_OVERLAP = 300;

/** Runs a generator step by step, adding the time of each step (not of the pauses between) to `add`. */
export function* timed<T>(steps: Generator<Step, T, void>, add: (ms: number) => void): Generator<Step, T, void> {
  for (;;) {
    const t0 = performance.now();
    const r = steps.next();
    add(performance.now() - t0);
    if (r.done) return r.value;
    yield r.value;
  }
}

export interface FrameScanContext {
  analyser: () => PageScanner;
  makeRange: MakeRange;
  maxChars: number;
  maxBlockChars?: number;
  holdNodes?: number;
  /** Told about every open shadow root the walk enters (styles, observers). */
  onShadowRoot(root: ShadowRoot): void;
}

/**
 * Each attachment link with the block that owns it (none in chrome: ownerOf says null there), so
 * the attachments follow the blocks: a row or agenda item that arrives later brings its
 * documents, one that goes takes them along, and the list stays in page order.
 */
export function linksByBlock(index: BlockIndex<BlockData>, links: readonly Element[]): Map<ScanBlock, Element[]> {
  const out = new Map<ScanBlock, Element[]>();
  const owners = index.ownersOf(links);
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!;
    const owner = owners[i];
    if (!owner) continue;
    const list = out.get(owner);
    if (list) list.push(a);
    else out.set(owner, [a]);
  }
  return out;
}

/** A whole frame from scratch: detection, the block index, every block matched and settled. */
export function* scanFrame(doc: Document, ctx: FrameScanContext, phases: ScanPhases): Generator<Step, { index: BlockIndex<BlockData>; detection: Detection }, void> {
  const d0 = performance.now();
  const detection = detectPortal(doc.location ?? new URL('about:blank'), doc);
  if (detection.page) {
    // Not the document (a bot check, an error page): nothing is read, nothing is reported.
    phases.detectMs += performance.now() - d0;
    return { index: new BlockIndex<BlockData>(detection.main, { maxChars: ctx.maxChars }), detection };
  }
  const { isChrome: chrome, chromeSelector } = detection.detector;
  phases.detectMs += performance.now() - d0;
  // Detection and each query over the whole main content below are steps of their own.
  yield;
  const q0 = performance.now();
  // During the first walk chrome is looked up in sets found by one query each (and one per
  // shadow root entered), not checked element by element: the portal's own chrome, and the few
  // elements the generic check could call chrome. Later changes use the checks themselves.
  let known: Set<Element> | null = chrome && chromeSelector ? new Set(detection.main.querySelectorAll(chromeSelector)) : null;
  phases.detectMs += performance.now() - q0;
  yield;
  const c0 = performance.now();
  let candidates: Set<Element> | null = new Set(detection.main.querySelectorAll(CHROME_CANDIDATES));
  const generic = (el: Element) => (candidates ? candidates.has(el) && isPageChrome(el) : isPageChrome(el));
  const index = new BlockIndex<BlockData>(detection.main, {
    exclude: chrome ? (el) => generic(el) || (known ? known.has(el) : chrome(el)) : generic,
    maxChars: ctx.maxChars,
    maxBlockChars: ctx.maxBlockChars,
    holdNodes: ctx.holdNodes,
    onShadowRoot: (root) => {
      ctx.onShadowRoot(root);
      if (known && chromeSelector) for (const el of root.querySelectorAll(chromeSelector)) known.add(el);
      if (candidates) for (const el of root.querySelectorAll(CHROME_CANDIDATES)) candidates.add(el);
    },
  });
  phases.detectMs += performance.now() - c0;
  // Each larger piece of synchronous work may start a new task (the slicer decides by its budget).
  yield;
  let owned: Map<ScanBlock, Element[]>;
  try {
    const blocks = yield* timed(index.build(), (ms) => (phases.walkMs += ms));
    yield;
    // While chrome is still a set lookup: thousands of links on a long agenda.
    const l0 = performance.now();
    owned = linksByBlock(index, detection.links);
    phases.walkMs += performance.now() - l0;
    // So is it for the walks that find the nodes of the blocks with matches again. Where the page
    // changed since the queries, such a walk may see other text than the first did: that block
    // gets no ranges now, and its records bring its re-index.
    yield* analyseAll(index, blocks, ctx, phases);
  } finally {
    known = null;
    candidates = null;
  }
  for (const [b, counted] of yield* timed(settleSteps(index.blocks, ctx.analyser()), (ms) => (phases.matchMs += ms))) Object.assign(b.data!, counted);
  for (const [b, links] of owned) if (b.data) b.data.links = links;
  // The painting and the report follow in the same task as the last step.
  yield;
  return { index, detection };
}

/**
 * Weak matches (pilot, proef) count only near technology, and that may stand in another block
 * ("De pilot start in maart." as a paragraph of its own after the one about the cameras): the
 * frame's blocks are settled as one document. Returns the blocks whose counted matches differ
 * from what they hold now, with what they should hold; the caller repaints them. A generator:
 * the context check over the frame is one step, the passes over its blocks are cut into steps.
 */
export function* settleSteps(blocks: readonly ScanBlock[], analyser: ScanRules): Generator<void, [ScanBlock, Pick<BlockData, 'matches' | 'hits' | 'ranges'>][], void> {
  const parts: ContextPart[] = [];
  const owners: ScanBlock[] = [];
  let k = 0;
  for (const b of blocks) {
    if (++k % SETTLE_STEP === 0) yield;
    if (!b.data) continue;
    parts.push({ text: b.index.text, matches: b.data.found.matches, hits: b.data.found.hits });
    owners.push(b);
  }
  yield;
  const dropped = analyser.outOfContext(parts);
  yield;
  const out: [ScanBlock, Pick<BlockData, 'matches' | 'hits' | 'ranges'>][] = [];
  k = 0;
  for (const b of owners) {
    if (++k % SETTLE_STEP === 0) yield;
    const { found } = b.data!;
    const counted = dropped.size ? found.matches.filter((m) => !dropped.has(m)) : found.matches;
    if (sameMatches(counted, b.data!.matches)) continue;
    const ranges = counted === found.matches ? found.ranges : found.ranges.filter((_, i) => !dropped.has(found.matches[i]!));
    out.push([b, { matches: counted, hits: dropped.size ? found.hits.filter((h) => !dropped.has(h)) : found.hits, ranges }]);
  }
  return out;
}

/** One text to match and what to do with its matches (hand them to their blocks). */
interface MatchJob {
  text: string;
  apply(found: FoundPart): void;
}

/**
 * Matches blocks in batches: many small blocks (agenda items) are joined with line breaks and
 * matched in one text, then the matches are handed back to their blocks. A match never spans
 * two blocks (as in a single block, a line break ends it anyway); one that would is dropped.
 * The texts go to the page scanner's matcher in parts of up to its partChars (one text each for
 * a local one, up to 200,000 characters a message for the background's); the next part is on
 * its way while the page turns the last reply into ranges.
 */
export function* analyseAll(index: BlockIndex<BlockData>, blocks: readonly ScanBlock[], ctx: FrameScanContext, phases: ScanPhases): Generator<Step, void, void> {
  const scanner = ctx.analyser();
  const jobs = matchJobs(index, blocks, ctx, phases);
  let next = jobs.next();
  const ask = (): { group: MatchJob[]; reply: FoundParts | PromiseLike<FoundParts> } | null => {
    if (next.done) return null;
    const t0 = performance.now();
    const group: MatchJob[] = [];
    let size = 0;
    while (!next.done && (group.length === 0 || size + next.value.text.length <= scanner.partChars)) {
      group.push(next.value);
      size += next.value.text.length;
      next = jobs.next();
    }
    const reply = scanner.find(group.map((j) => j.text));
    phases.matchMs += performance.now() - t0;
    return { group, reply };
  };
  let asked = ask();
  while (asked) {
    let found: FoundParts;
    let ahead: ReturnType<typeof ask> | undefined;
    const { reply } = asked;
    if (isPending(reply)) {
      // The next part goes out before this one is waited for: the background matches it while
      // the page makes this one's ranges.
      ahead = ask();
      const w0 = performance.now();
      found = yield* awaitStep(reply);
      phases.matchWaitMs += performance.now() - w0;
    } else found = reply;
    phases.matchOffMs += found.offMs ?? 0;
    for (let i = 0; i < asked.group.length; i++) {
      asked.group[i]!.apply(found.parts[i]!);
      yield;
    }
    asked = ahead === undefined ? ask() : ahead;
  }
  yield;
}

const isPending = <T>(x: T | PromiseLike<T>): x is PromiseLike<T> => typeof (x as PromiseLike<T>).then === 'function';

/** The texts to match, batch by batch: small blocks joined, a huge one in windows. */
function* matchJobs(index: BlockIndex<BlockData>, blocks: readonly ScanBlock[], ctx: FrameScanContext, phases: ScanPhases): Generator<MatchJob, void, void> {
  let batch: ScanBlock[] = [];
  let size = 0;
  for (const b of blocks) {
    const n = b.index.text.length;
    if (n > MATCH_WINDOW) {
      yield* hugeJobs(index, b, ctx, phases);
      continue;
    }
    if (size + n + 1 > MATCH_BATCH && batch.length) {
      yield batchJob(index, batch, ctx, phases);
      batch = [];
      size = 0;
    }
    batch.push(b);
    size += n + 1;
  }
  if (batch.length) yield batchJob(index, batch, ctx, phases);
}

function batchJob(index: BlockIndex<BlockData>, batch: readonly ScanBlock[], ctx: FrameScanContext, phases: ScanPhases): MatchJob {
  const starts: number[] = [];
  let at = 0;
  for (const b of batch) {
    starts.push(at);
    at += b.index.text.length + 1;
  }
  return {
    text: batch.map((b) => b.index.text).join('\n'),
    apply(found) {
      const t0 = performance.now();
      const ends = batch.map((b, i) => starts[i]! + b.index.text.length);
      const matches = moveInto(found.matches, starts, ends);
      const hits = moveInto(found.safeguardHits, starts, ends);
      const t1 = performance.now();
      phases.matchMs += t1 - t0;
      batch.forEach((b, i) => setData(index, b, matches[i]!, hits[i]!, ctx.makeRange));
      phases.rangesMs += performance.now() - t1;
    },
  };
}

/**
 * Hands a batch's matches to their blocks (blocks at `starts`, text up to `ends`, in the joined
 * text), moved to the block's offsets in place: they are fresh objects of this call. A match
 * that does not end in the block it starts in is dropped. In text order (a matcher's output)
 * one forward pass finds the blocks; one out of order is looked up by a binary search.
 */
function moveInto<T extends { start: number; end: number }>(items: readonly T[], starts: readonly number[], ends: readonly number[]): T[][] {
  const out: T[][] = starts.map(() => []);
  const last = starts.length - 1;
  let i = 0;
  for (const x of items) {
    const start = x.start;
    if (starts[i]! > start) i = lastStartBefore(starts, start, false);
    while (i < last && starts[i + 1]! <= start) i++;
    if (x.end > ends[i]!) continue;
    x.start = start - starts[i]!;
    x.end -= starts[i]!;
    out[i]!.push(x);
  }
  return out;
}

/** One huge text node (a 10 MB <pre>): windows with overlap, each match kept once. */
function* hugeJobs(index: BlockIndex<BlockData>, b: ScanBlock, ctx: FrameScanContext, phases: ScanPhases): Generator<MatchJob, void, void> {
  const text = b.index.text;
  const matches: TermMatch[] = [];
  const hits: SafeguardHit[] = [];
  for (let ws = 0; ws < text.length; ws += MATCH_WINDOW) {
    const from = Math.max(0, ws - WINDOW_OVERLAP);
    const to = Math.min(text.length, ws + MATCH_WINDOW + WINDOW_OVERLAP);
    const window = ws;
    const lastWindow = ws + MATCH_WINDOW >= text.length;
    yield {
      text: text.slice(from, to),
      apply(found) {
        const t0 = performance.now();
        const own = (s: number) => s >= window && s < window + MATCH_WINDOW;
        for (const m of found.matches) if (own(m.start + from)) matches.push({ ...m, start: m.start + from, end: m.end + from });
        for (const h of found.safeguardHits) if (own(h.start + from)) hits.push({ ...h, start: h.start + from, end: h.end + from });
        const t1 = performance.now();
        phases.matchMs += t1 - t0;
        if (!lastWindow) return;
        setData(index, b, matches, hits, ctx.makeRange);
        phases.rangesMs += performance.now() - t1;
      },
    };
  }
}

/**
 * A block's matches with their ranges. Its Text nodes are found again only where it has matches
 * (see BlockIndex.nodesOf); where its text changed since the walk, no range is made (the block's
 * re-index follows with its MutationRecords).
 */
function setData(index: BlockIndex<BlockData>, b: ScanBlock, matches: TermMatch[], hits: SafeguardHit[], makeRange: MakeRange) {
  const nodes = matches.length > 0 ? index.nodesOf(b) : null;
  const found = { matches, hits, ranges: nodes ? rangesFor(nodes, matches, makeRange) : matches.map(() => null) };
  b.data = { ...found, found };
}

/** The attachment links in blocks that arrived: each block's own (its nested blocks bring theirs). */
export function collectAttachments(index: BlockIndex<BlockData>, detection: Detection, added: readonly ScanBlock[]): void {
  for (const b of added) {
    const root = b.root;
    if ((root.nodeType !== 1 && root.nodeType !== 11) || !b.data) continue;
    const links = linksByBlock(index, detection.detector.attachmentLinks(root as Element | ShadowRoot)).get(b);
    if (links) b.data.links = links;
  }
}
