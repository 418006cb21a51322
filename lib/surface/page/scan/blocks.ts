// The main content as a list of blocks, each with its own small text index, so a change costs
// what it touches: an appended agenda item is indexed (and matched) alone, an edited paragraph
// is re-indexed alone, and the rest of the page is not walked again.
//
// Partition: the maximal block-level elements whose text fits in `maxBlockChars` are "deep"
// blocks (everything inside them). A larger element keeps only its loose text (text that is in
// none of its small descendants) as a "shallow" block. The main root always has a shallow
// block, so every node of the main content has exactly one owner: the nearest block root.
import { drain } from '../../../core/steps';
import {
  DEFAULT_MAX_CHARS,
  NodeCollector,
  TextCollector,
  isBlockElement,
  skipsElement,
  walkText,
  type NodeIndex,
  type TextIndex,
  type TextIndexOptions,
} from './text-index';
import { findNodes } from './node-lookup';

export interface Block<T = unknown> {
  root: Node;
  shallow: boolean;
  /** Its text and the lengths of its text nodes; the nodes themselves only while few are held (see nodesOf). */
  index: TextIndex;
  /** What the owner computed for this block (matches, ranges); dropped with the block. */
  data?: T;
}

interface BlockIndexOptions extends TextIndexOptions {
  maxBlockChars?: number;
  /** Text nodes held at most, with the block roots and the elements a walk holds (see DEFAULT_HOLD_NODES). */
  holdNodes?: number;
}

interface BlockChange<T> {
  removed: Block<T>[];
  added: Block<T>[];
}

const DEFAULT_MAX_BLOCK_CHARS = 4000;
/**
 * Nodes a walk may hold, three quarters of the 2^16 entries at which the wrapper map of a content
 * script's world rehashes whole (a 12–300 ms step): what a walk holds until it ends (its block
 * elements, the Text nodes it keeps) stays in that map as long as the page keeps the nodes. Block
 * elements the walk needs; Text nodes are held only within what is left when every element of
 * the subtree is counted. The 1 MB council page (17,580 elements) holds all its 24,562 Text nodes,
 * its ranges made at no cost; the page of 100,000 text nodes (60,001 elements) holds none, and finds
 * the nodes of its few blocks with matches again.
 */
const DEFAULT_HOLD_NODES = 3 * 2 ** 14;
const heldBy = (b: Block): number => b.index.nodes?.length ?? 0;
/** More records than this in one batch: rebuilding is cheaper than following them one by one. */
export const MAX_RECORDS_PER_BATCH = 5000;

/** A parentNode walk that steps out of shadow roots to their hosts. */
function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 && (parent as ShadowRoot).host) return (parent as ShadowRoot).host;
  return parent;
}

/** Document order across shadow trees: compare the outermost hosts' positions. */
function outermost(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root.nodeType === 11 && (root as ShadowRoot).host; root = n.getRootNode()) {
    n = (root as ShadowRoot).host;
  }
  return n;
}

function precedes(a: Node, b: Node): boolean {
  if (a === b) return false;
  const pos = outermost(a).compareDocumentPosition(outermost(b));
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING || pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return true;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING || pos & Node.DOCUMENT_POSITION_CONTAINS) return false;
  return false; // same outermost host or disconnected: keep insertion order
}

export class BlockIndex<T = unknown> {
  readonly blocks: Block<T>[] = [];
  private readonly byRoot = new Map<Node, Block<T>>();
  private readonly maxBlock: number;
  private readonly maxChars: number;
  private readonly holdNodes: number;
  /** Characters indexed over all blocks (bounded by maxChars). */
  chars = 0;
  /** Text nodes held over all blocks (see DEFAULT_HOLD_NODES). */
  private held = 0;
  truncated = false;
  /** A walk lost its place because the page changed under it: only a new build sees everything. */
  incomplete = false;

  constructor(
    readonly root: Node,
    private readonly options: BlockIndexOptions = {},
  ) {
    this.maxBlock = options.maxBlockChars ?? DEFAULT_MAX_BLOCK_CHARS;
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    this.holdNodes = options.holdNodes ?? DEFAULT_HOLD_NODES;
  }

  get nodeCount(): number {
    let n = 0;
    for (const b of this.blocks) n += b.index.lengths.length;
    return n;
  }

  /**
   * The block's Text nodes as the page holds them now, by a walk of the block alone (the walk
   * that re-indexes it), or null when its text is not what was indexed (see findNodes).
   */
  nodesOf(b: Block<T>): NodeIndex | null {
    if (b.index.nodes) return b.index as NodeIndex;
    const root = b.root;
    return findNodes(root, { ...this.options, boundary: (el) => el !== root && this.byRoot.has(el) }, b.index);
  }

  /** The first partition of the whole root; a generator so the caller can time-slice it. */
  *build(): Generator<void, Block<T>[], void> {
    const blocks = yield* this.partition(this.root, true);
    if (this.blocks.length > 0) {
      for (const b of blocks) this.insert(b);
      return blocks;
    }
    // A partition comes in document order of the flat tree, with one block per root: into an
    // empty index it goes as it is, without a position search (compareDocumentPosition) per block.
    for (const b of blocks) {
      this.byRoot.set(b.root, b);
      this.chars += b.index.text.length;
      this.held += heldBy(b);
      this.blocks.push(b);
    }
    return blocks;
  }

  /** Builds synchronously (tests, small pages). */
  buildNow(): Block<T>[] {
    return drain(this.build());
  }

  /** The block that owns `node`: its nearest block root. Null outside the root or in chrome. */
  ownerOf(node: Node): Block<T> | null {
    let found: Block<T> | null = null;
    for (let n: Node | null = node; n; n = composedParent(n)) {
      if (n.nodeType === 1 && skipsElement(n as Element, this.options.exclude)) return null;
      if (!found) {
        const b = this.byRoot.get(n);
        if (b) found = b;
      }
      if (n === this.root) return found;
    }
    return null; // never reached the root: outside the main content
  }

  /**
   * ownerOf for many nodes at once (a page's attachment links): what is known of an ancestor is
   * asked once, not again for every link below it. The DOM must not change during the call.
   */
  ownersOf(nodes: readonly Node[]): Array<Block<T> | null> {
    // Per node met: the nearest block root at or above it (null: none), or false where no owner
    // can be (in chrome, or outside the root).
    const known = new Map<Node, Block<T> | null | false>();
    const path: Node[] = [];
    return nodes.map((node) => {
      path.length = 0;
      // What the node above the path holds: nothing yet where the path ends in chrome (its top)
      // or runs out of parents before the root.
      let above: Block<T> | null | false = false;
      for (let n: Node | null = node; n; n = composedParent(n)) {
        const seen = known.get(n);
        if (seen !== undefined) {
          above = seen;
          break;
        }
        path.push(n);
        if (n.nodeType === 1 && skipsElement(n as Element, this.options.exclude)) break;
        if (n === this.root) {
          above = null;
          break;
        }
      }
      // Down the path again: a node's owner is its own block, else its parent's.
      for (let k = path.length - 1; k >= 0; k--) {
        const p = path[k]!;
        if (above !== false) above = this.byRoot.get(p) ?? above;
        known.set(p, above);
      }
      return known.get(node) || null;
    });
  }

  /**
   * Follows a batch of MutationRecords. Returns the blocks that went and came (a re-indexed
   * block is one of each), or 'rebuild' when the root itself went or the batch is too large.
   */
  apply(records: readonly MutationRecord[]): BlockChange<T> | 'rebuild' {
    return drain(this.applySteps(records));
  }

  /** apply() as a generator: a large added subtree is partitioned over several slices. */
  *applySteps(records: readonly MutationRecord[]): Generator<void, BlockChange<T> | 'rebuild', void> {
    if (!this.root.isConnected || records.length > MAX_RECORDS_PER_BATCH) return 'rebuild';
    const dirty = new Set<Block<T>>();
    const addedRoots: Element[] = [];
    let removals = false;
    for (const rec of records) {
      const owner = this.ownerOf(rec.target);
      if (!owner) continue;
      if (rec.type === 'characterData') {
        dirty.add(owner);
        continue;
      }
      if (rec.type !== 'childList') continue;
      if (rec.removedNodes.length > 0) {
        removals = true;
        dirty.add(owner);
      }
      for (const n of rec.addedNodes) {
        // An added editor, form field or piece of chrome is never ours to read.
        if (n.nodeType === 1 && skipsElement(n as Element, this.options.exclude)) continue;
        if (owner.shallow && n.nodeType === 1 && isBlockElement(n as Element)) addedRoots.push(n as Element);
        else if (n.nodeType === 1 || n.nodeType === 3) dirty.add(owner);
      }
    }
    const removed: Block<T>[] = [];
    const added: Block<T>[] = [];
    const drop = (b: Block<T>) => {
      if (this.byRoot.get(b.root) !== b) return;
      this.byRoot.delete(b.root);
      const i = this.blocks.indexOf(b);
      if (i !== -1) this.blocks.splice(i, 1);
      this.chars -= b.index.text.length;
      this.held -= heldBy(b);
      removed.push(b);
    };
    if (removals) {
      for (const b of [...this.blocks]) if (!b.root.isConnected) drop(b);
    }
    // New subtrees, outermost only (a node added and then its child added is one subtree).
    const fresh = addedRoots.filter((n, i) => n.isConnected && !addedRoots.some((o, j) => j !== i && o !== n && o.contains(n)));
    for (const n of new Set(fresh)) {
      // Already a block: a time-sliced first walk met the node that was added while it paused.
      const known = this.byRoot.get(n);
      if (known) drop(known);
      for (const b of yield* this.partition(n, false, drop)) {
        this.insert(b);
        added.push(b);
      }
    }
    for (const b of dirty) {
      if (this.byRoot.get(b.root) !== b || !b.root.isConnected) continue;
      drop(b);
      for (const nb of yield* this.reindex(b)) {
        this.insert(nb);
        added.push(nb);
      }
    }
    return { removed, added };
  }

  /** Drops every block (the owner clears what it painted). */
  clear(): Block<T>[] {
    const all = [...this.blocks];
    this.blocks.length = 0;
    this.byRoot.clear();
    this.chars = 0;
    this.held = 0;
    return all;
  }

  private insert(b: Block<T>) {
    const prior = this.byRoot.get(b.root);
    if (prior) {
      const i = this.blocks.indexOf(prior);
      if (i !== -1) this.blocks.splice(i, 1);
      this.chars -= prior.index.text.length;
      this.held -= heldBy(prior);
    }
    this.byRoot.set(b.root, b);
    this.chars += b.index.text.length;
    this.held += heldBy(b);
    // Binary search by document order; appends (the common case) hit the end at once.
    let lo = 0;
    let hi = this.blocks.length;
    const last = this.blocks[hi - 1];
    if (last && precedes(last.root, b.root)) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(this.blocks[mid]!.root, b.root)) lo = mid + 1;
      else hi = mid;
    }
    this.blocks.splice(lo, 0, b);
  }

  private budget(): number {
    return Math.max(0, this.maxChars - this.chars);
  }

  /** Text nodes new blocks may still hold, besides `roots` more block roots (or elements held). */
  private holdRoom(roots: number): number {
    return Math.max(0, this.holdNodes - this.held - this.blocks.length - roots);
  }

  /** Re-indexes one block alone; a deep block that outgrew the limit is split. */
  private *reindex(b: Block<T>): Generator<void, Block<T>[], void> {
    const sink = new NodeCollector(this.budget());
    yield* walkText(b.root, { ...this.options, boundary: (el) => this.byRoot.has(el) }, sink);
    if (sink.truncated) this.truncated = true;
    if (sink.incomplete) this.incomplete = true;
    const found = sink.result();
    // The caller dropped b already: what it held is room again.
    const index: TextIndex = found.nodes.length <= this.holdRoom(1) ? found : { text: found.text, starts: found.starts, lengths: found.lengths, truncated: found.truncated };
    if (b.shallow || index.text.length <= this.maxBlock || b.root.nodeType !== 1) return [{ root: b.root, shallow: b.shallow, index }];
    return yield* this.partition(b.root, false);
  }

  /**
   * Splits `container` into blocks (see the header). `isRoot`: the container keeps a shallow
   * block even when empty. `onOldRoot`: told about existing block roots met inside (a moved
   * subtree), so they can be dropped before the new blocks take their place.
   */
  private *partition(container: Node, isRoot: boolean, onOldRoot?: (b: Block<T>) => void): Generator<void, Block<T>[], void> {
    const byRoot = this.byRoot;
    const elements = container.nodeType === 1 || container.nodeType === 9 ? (container as Element).getElementsByTagName('*').length : 0;
    const sink = new PartitionSink(this.budget(), this.holdRoom(elements), onOldRoot ? (el) => {
      const old = byRoot.get(el);
      if (old) onOldRoot(old);
    } : undefined);
    const boundary = isRoot ? undefined : (el: Element) => el !== container && byRoot.has(el) && !onOldRoot;
    yield* walkText(container, { ...this.options, boundary }, sink);
    if (sink.truncated) this.truncated = true;
    if (sink.incomplete) this.incomplete = true;
    // Joining the text and splitting it into blocks is one piece of work: a task of its own
    // (the slicer decides), not the tail of the walk's last slice.
    yield;
    const flat = yield* sink.resultSteps();
    // Joining is as much work again on a long page: the split may start a task of its own.
    yield;

    const containerIsBlock = container.nodeType === 1 && !isRoot;
    if (flat.text.length <= this.maxBlock && !isRoot) {
      const n = flat.lengths.length;
      if (n > 0 && sink.held.length === n && n <= this.holdRoom(1)) flat.nodes = sink.held;
      return n > 0 || containerIsBlock ? [{ root: container, shallow: false, index: flat }] : [];
    }
    const split = new FlatSplit<T>(flat, sink, this.maxBlock, container, isRoot, (roots) => this.holdRoom(roots));
    while (!split.run(SPLIT_STEP)) yield;
    return split.blocks();
  }
}

/**
 * Text nodes handed to their blocks per step of a split (a 100,000-node page is 20,000 blocks).
 * Small: the slicer runs as many steps as fit its time budget, and a step past the budget makes
 * the task longer (4,096 a step was one reason the walk's task reached 88 ms on that page).
 */
const SPLIT_STEP = 1024;

/**
 * The blocks of a walked container (see the header), from the flat index and where the walk
 * met the block elements, in steps of text nodes (run) so a long page's split can span tasks.
 * Apart from the walk's generator: a content script runs it cold, and small methods reach
 * optimised code sooner than the generator around them.
 */
class FlatSplit<T> {
  private readonly rootOf: Int32Array;
  // Owner of each text node: a deep root (its whole subtree: one contiguous run of nodes, so
  // its text is a slice of the flat text), or the shallow block of a large element or of the
  // container (key -1: loose text, gathered from between the deep blocks). Keys are pre-order
  // ids, so sorting them gives document order.
  // Per block also its nodes' numbers in the flat index: [first, end), or the list of a shallow one.
  private readonly keyed: Array<{ key: number; block: Block<T>; first: number; end: number; flatNodes?: number[] }> = [];
  private readonly shallow = new Map<number, { root: Node; flatNodes: number[] }>();
  private i = 0;

  constructor(
    private readonly flat: TextIndex,
    private readonly sink: PartitionSink,
    maxBlock: number,
    private readonly container: Node,
    isRoot: boolean,
    /** Text nodes the blocks may hold, besides their roots (see BlockIndex.holdRoom). */
    private readonly room: (roots: number) => number,
  ) {
    const { els, enter, leave, parent } = sink;
    // Unclosed blocks (a truncated walk) end where the text ended.
    for (let id = 0; id < els.length; id++) if (leave[id]! < 0) leave[id] = sink.length;
    const small = (id: number) => leave[id]! - enter[id]! <= maxBlock;
    const rootOf = new Int32Array(els.length);
    for (let id = 0; id < els.length; id++) {
      const p = parent[id]!;
      rootOf[id] = small(id) ? (p >= 0 && small(p) ? rootOf[p]! : id) : -1;
    }
    this.rootOf = rootOf;
    if (isRoot) this.shallowFor(-1, container);
  }

  private shallowFor(key: number, root: Node) {
    let g = this.shallow.get(key);
    if (!g) this.shallow.set(key, (g = { root, flatNodes: [] }));
    return g;
  }

  /** Hands about `count` more text nodes to their blocks; true once every node has one. */
  run(count: number): boolean {
    const { flat, rootOf, keyed } = this;
    const { els, owners } = this.sink;
    const n = flat.lengths.length;
    const stop = Math.min(n, this.i + count);
    let i = this.i;
    while (i < stop) {
      const b = owners[i]!;
      const deep = b >= 0 ? rootOf[b]! : -1;
      if (deep >= 0) {
        let j = i + 1;
        while (j < n && owners[j]! >= 0 && rootOf[owners[j]!] === deep) j++;
        keyed.push({ key: deep, block: { root: els[deep]!, shallow: false, index: sliceRun(flat, i, j) }, first: i, end: j });
        i = j;
        continue;
      }
      const g = b < 0 ? this.shallowFor(-1, this.container) : this.shallowFor(b, els[b]!);
      g.flatNodes.push(i);
      i++;
    }
    this.i = i;
    return i >= n;
  }

  /**
   * The blocks in document order (after run said true), the first ones with their Text nodes as
   * far as the walk held them and the room goes (see DEFAULT_HOLD_NODES).
   */
  blocks(): Block<T>[] {
    const { keyed } = this;
    const { held } = this.sink;
    for (const [key, g] of this.shallow) {
      const nodes = g.flatNodes;
      keyed.push({ key, block: { root: g.root, shallow: true, index: sliceIndex(this.flat, nodes) }, first: 0, end: (nodes.at(-1) ?? -1) + 1, flatNodes: nodes });
    }
    keyed.sort((a, b) => a.key - b.key);
    // The walk held a first run of the flat nodes: a block whose last node is in it can hold its own.
    let room = this.room(keyed.length);
    for (const { block, first, end, flatNodes } of keyed) {
      const count = flatNodes ? flatNodes.length : end - first;
      if (end > held.length || count > room) continue;
      block.index.nodes = flatNodes ? flatNodes.map((k) => held[k]!) : held.slice(first, end);
      room -= count;
    }
    return keyed.map((k) => k.block);
  }
}

/** Collects the flat text and, per text node, its innermost block element and its length. */
class PartitionSink extends TextCollector {
  /** Block elements in the order entered (pre-order ids), with their span in the flat text. */
  readonly els: Element[] = [];
  readonly enter: number[] = [];
  readonly leave: number[] = [];
  readonly parent: number[] = [];
  /** Per collected text node: the id of the innermost open block element (-1: none). */
  readonly owners: number[] = [];
  /** The first text nodes collected, up to `hold` of them (see DEFAULT_HOLD_NODES). */
  readonly held: Text[] = [];
  private readonly open: number[] = [];

  constructor(
    maxChars: number,
    private readonly hold: number,
    private readonly onEnter?: (el: Element) => void,
  ) {
    super(maxChars);
  }

  override text(node: Text): boolean {
    const before = this.starts.length;
    const ok = super.text(node);
    if (this.starts.length > before) {
      const open = this.open;
      this.owners.push(open.length ? open[open.length - 1]! : -1);
      if (before < this.hold) this.held.push(node);
    }
    return ok;
  }

  override enterBlock = (el: Element): void => {
    this.onEnter?.(el);
    const open = this.open;
    this.els.push(el);
    this.enter.push(this.length);
    this.leave.push(-1);
    this.parent.push(open.length ? open[open.length - 1]! : -1);
    open.push(this.els.length - 1);
  };

  override leaveBlock = (): void => {
    const id = this.open.pop();
    if (id !== undefined) this.leave[id] = this.length;
  };
}

/**
 * The index of flat nodes [first, end): one contiguous run, so its text is a slice of the flat
 * text (the single line breaks between its nodes included) — what sliceIndex would build.
 */
function sliceRun(flat: TextIndex, first: number, end: number): TextIndex {
  const base = flat.starts[first]!;
  const stop = flat.starts[end - 1]! + flat.lengths[end - 1]!;
  const starts = flat.starts.slice(first, end);
  for (let k = 0; k < starts.length; k++) starts[k]! -= base;
  return { text: flat.text.slice(base, stop), starts, lengths: flat.lengths.slice(first, end), truncated: false };
}

/** A block's own index from some of the flat index's nodes (by number): gaps become one line break. */
function sliceIndex(flat: TextIndex, flatNodes: readonly number[]): TextIndex {
  const parts: string[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  let length = 0;
  let prevEnd = -1;
  for (const k of flatNodes) {
    const at = flat.starts[k]!;
    const len = flat.lengths[k]!;
    if (prevEnd >= 0 && at > prevEnd) {
      parts.push('\n');
      length += 1;
    }
    starts.push(length);
    lengths.push(len);
    parts.push(flat.text.slice(at, at + len));
    length += len;
    prevEnd = at + len;
  }
  return { text: parts.join(''), starts, lengths, truncated: false };
}
