// DOM → one flat string with a map back to text nodes. The matcher works on the string; the
// highlighter turns string offsets back into Ranges. One pass, no layout reads, no DOM writes.
// The walk follows the rendered (flat) tree: open shadow roots are entered, a <slot> stands for
// the nodes assigned to it, and a host's light children are only seen where they are slotted.
import { drain } from '../../../core/steps';

/** Elements whose text is never the document: code, form fields, editors, embedded things. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'MATH',
]);

/** Elements that end a line of text, so "Camera" + "toezicht" in two cells never fuse. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL', 'CAPTION', 'LEGEND', 'OPTGROUP',
]);

export interface TextIndexOptions {
  /** Stop collecting after this many characters (the rest is reported as truncated). */
  maxChars?: number;
  /** Extra subtrees to leave out (page chrome such as menus and cookie banners). */
  exclude?: (el: Element) => boolean;
  /** Subtrees indexed elsewhere (another block): left out here, but they still end a line. */
  boundary?: (el: Element) => boolean;
  /** Told about every open shadow root the walk enters (for styles and observers). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

export interface TextIndex {
  text: string;
  /** Per text node in document order: where it starts in `text`, and its length when indexed. */
  starts: number[];
  lengths: number[];
  truncated: boolean;
  /** The Text nodes themselves, where they are held (see NodeIndex). */
  nodes?: Text[];
}

/**
 * A TextIndex with its Text nodes, what a Range is made from. A scan holds them only where a page
 * has few nodes (see DEFAULT_HOLD_NODES in blocks.ts): in a content script's isolated world every
 * node held is an entry in the world's wrapper map, which rehashes whole as it passes 2^16 and 2^17.
 */
export interface NodeIndex extends TextIndex {
  nodes: Text[];
}

export const DEFAULT_MAX_CHARS = 5_000_000;

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
}

/**
 * The only elements a shadow root can be attached to (attachShadow, declarative shadow DOM),
 * besides custom elements: for any other element the walk need not ask for one.
 */
const SHADOW_HOST_TAGS = [
  'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN',
];

const K_SKIP = 1;
const K_BLOCK = 2;
const K_SLOT = 4;
const K_HOST = 8;
/** Tag name as the page spells it → kind bits: one Map lookup per element on the hot path. */
const tagKinds = new Map<string, number>();
for (const t of SKIP_TAGS) tagKinds.set(t, K_SKIP);
for (const t of BLOCK_TAGS) tagKinds.set(t, (tagKinds.get(t) ?? 0) | K_BLOCK);
for (const t of SHADOW_HOST_TAGS) tagKinds.set(t, (tagKinds.get(t) ?? 0) | K_HOST);
tagKinds.set('SLOT', K_SLOT);

function tagKind(el: Element): number {
  const name = el.tagName;
  let kind = tagKinds.get(name);
  if (kind === undefined) {
    // Lower-case names (SVG and MathML in HTML, XHTML documents) and custom elements: once per name.
    kind = tagKinds.get(name.toUpperCase()) ?? (name.includes('-') ? K_HOST : 0);
    tagKinds.set(name, kind);
  }
  return kind;
}

export function isBlockElement(el: Element): boolean {
  return (tagKind(el) & K_BLOCK) !== 0;
}

function skipsByKind(el: Element, kind: number, exclude?: (el: Element) => boolean): boolean {
  if ((kind & K_SKIP) !== 0) return true;
  // Most elements of a document carry no attributes at all: skip the lookups for them.
  if (el.hasAttributes() && (el.hasAttribute('hidden') || isEditable(el))) return true;
  return exclude !== undefined && exclude(el);
}

export function skipsElement(el: Element, exclude?: (el: Element) => boolean): boolean {
  return skipsByKind(el, tagKind(el), exclude);
}

/** The element's open shadow root (closed ones are none of our business). */
function openShadowRoot(el: Element): ShadowRoot | null {
  const root = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  return root && root.mode !== 'closed' ? root : null;
}

/** What a walk reports, in document order of the flat tree. */
export interface WalkSink {
  /** A text node; return false to stop the walk. */
  text(node: Text): boolean;
  /** A line ends here (block edge, shadow/slot edge, left-out block). */
  lineBreak(): void;
  /** A block-level element is entered / left (for partitioning into blocks). */
  enterBlock?(el: Element): void;
  leaveBlock?(el: Element): void;
  /**
   * The page removed the node the walk was at while it paused (a time-sliced walk): it cannot
   * know where to go on, so it ended early and the rest of the content was not seen.
   */
  lostPlace?(): void;
}

/** Nodes per slice: a generator walk yields this often so the caller can look at the clock. */
export const WALK_YIELD_EVERY = 512;

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** What the walk does with an element it meets. */
const SKIP = 0;
const ENTER = 1;
const SHADOW = 2;
const SLOT = 3;

/**
 * Walk of the flat tree under `root`. Ordinary elements are walked by a native TreeWalker,
 * iteratively (pages nest 200 deep); only a shadow root or a slot's assigned nodes start a nested
 * walk, which pages nest a few deep at most. Every DOM read is a call into the browser, the walk's
 * main cost, so each element's tag name and node type are read once. A generator: it yields
 * every WALK_YIELD_EVERY nodes, so a caller can spread a huge page over several tasks; run it to
 * completion for a synchronous walk. Returns false when the sink stopped it.
 */
export function* walkText(root: Node, options: TextIndexOptions, sink: WalkSink): Generator<void, boolean, void> {
  if (root.nodeType === 1) {
    const el = root as Element;
    const shadow = openShadowRoot(el);
    if (shadow) return yield* walkEdge(shadow, options, sink);
    if ((tagKind(el) & K_SLOT) !== 0) {
      const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
      if (assigned.length > 0) return yield* walkAssigned(assigned, options, sink);
    }
  }
  return yield* walkChildren(root, options, sink);
}

/** Decides for an element: skip it (after its line break), enter it, or walk its shadow root or slot. */
function actionFor(el: Element, kind: number, options: TextIndexOptions, sink: WalkSink): number {
  const block = (kind & K_BLOCK) !== 0;
  const { boundary } = options;
  if (skipsByKind(el, kind, options.exclude)) {
    if (block || (boundary !== undefined && boundary(el))) sink.lineBreak();
    return SKIP;
  }
  if (boundary !== undefined && boundary(el)) {
    sink.lineBreak();
    return SKIP;
  }
  if (block) {
    sink.lineBreak();
    sink.enterBlock?.(el);
  }
  // A call into the browser per element saved: a <td>, <li> or <a> never hosts a shadow root.
  if ((kind & K_HOST) !== 0 && openShadowRoot(el)) return SHADOW;
  if ((kind & K_SLOT) !== 0 && ((el as HTMLSlotElement).assignedNodes?.() ?? []).length > 0) return SLOT;
  return ENTER;
}

function leave(el: Element, sink: WalkSink): void {
  sink.leaveBlock?.(el);
  sink.lineBreak();
}

/** An element's shadow root or slot content, between line breaks (no Range has to cross it). */
function* walkSpecial(el: Element, action: number, options: TextIndexOptions, sink: WalkSink): Generator<void, boolean, void> {
  if (action === SHADOW) {
    const shadow = openShadowRoot(el)!;
    return yield* walkEdge(shadow, options, sink);
  }
  return yield* walkAssigned((el as HTMLSlotElement).assignedNodes(), options, sink);
}

function* walkEdge(shadow: ShadowRoot, options: TextIndexOptions, sink: WalkSink): Generator<void, boolean, void> {
  options.onShadowRoot?.(shadow);
  sink.lineBreak();
  if (!(yield* walkChildren(shadow, options, sink))) return false;
  sink.lineBreak();
  return true;
}

/** A slot's assigned nodes, each as if it stood in the slot's place. */
function* walkAssigned(nodes: readonly Node[], options: TextIndexOptions, sink: WalkSink): Generator<void, boolean, void> {
  sink.lineBreak();
  for (const node of nodes) {
    const type = node.nodeType;
    if (type === 3) {
      if (!sink.text(node as Text)) return false;
    } else if (type === 1) {
      const el = node as Element;
      const kind = tagKind(el);
      const action = actionFor(el, kind, options, sink);
      if (action === SKIP) continue;
      const ok = action === ENTER ? yield* walkChildren(el, options, sink) : yield* walkSpecial(el, action, options, sink);
      if (!ok) return false;
      if ((kind & K_BLOCK) !== 0) leave(el, sink);
    }
  }
  sink.lineBreak();
  return true;
}

/** The light children of `container` and everything under them, by a native TreeWalker. */
function* walkChildren(container: Node, options: TextIndexOptions, sink: WalkSink): Generator<void, boolean, void> {
  const doc = container.nodeType === 9 ? (container as Document) : container.ownerDocument;
  if (!doc) return true;
  const walker = doc.createTreeWalker(container, SHOW_ELEMENT_AND_TEXT);
  // The elements entered, innermost last: a block one gets its leave event when the walk comes out.
  const entered: Array<Element | null> = [];
  let count = 0;
  let node = walker.firstChild();
  while (node !== null) {
    if (++count % WALK_YIELD_EVERY === 0) yield;
    if (node.nodeType === 3) {
      if (!sink.text(node as Text)) return false;
    } else {
      const el = node as Element;
      const kind = tagKind(el);
      const action = actionFor(el, kind, options, sink);
      const block = (kind & K_BLOCK) !== 0;
      if (action === ENTER) {
        const child = walker.firstChild();
        if (child !== null) {
          entered.push(block ? el : null);
          node = child;
          continue;
        }
        if (block) leave(el, sink);
      } else if (action !== SKIP) {
        if (!(yield* walkSpecial(el, action, options, sink))) return false;
        if (block) leave(el, sink);
      }
    }
    // On to the next sibling, coming out of the elements that have none left.
    for (;;) {
      const next = walker.nextSibling();
      if (next !== null) {
        node = next;
        break;
      }
      if (entered.length === 0) {
        node = null;
        break;
      }
      walker.parentNode();
      const owner = entered.pop();
      if (owner) leave(owner, sink);
    }
  }
  const last = walker.currentNode;
  if (last !== container && !container.contains(last)) sink.lostPlace?.();
  return true;
}

/** Collects a walk into a TextIndex, up to a character budget. */
export class TextCollector implements WalkSink {
  parts: string[] = [];
  starts: number[] = [];
  lengths: number[] = [];
  length = 0;
  truncated = false;
  /** See WalkSink.lostPlace: the index misses part of the content. */
  incomplete = false;
  enterBlock?: (el: Element) => void;
  leaveBlock?: (el: Element) => void;
  /** Code of the last character collected (a line break at the start: none is needed there). */
  private lastCode = 10;
  constructor(private readonly maxChars: number) {}

  text(node: Text): boolean {
    const value = node.data;
    if (value.length === 0) return true;
    if (this.length + value.length > this.maxChars) {
      this.truncated = true;
      return false;
    }
    this.starts.push(this.length);
    this.lengths.push(value.length);
    this.parts.push(value);
    this.length += value.length;
    this.lastCode = value.charCodeAt(value.length - 1);
    return true;
  }

  lostPlace(): void {
    this.incomplete = true;
  }

  lineBreak(): void {
    if (this.lastCode !== 10) {
      this.parts.push('\n');
      this.length += 1;
      this.lastCode = 10;
    }
  }

  result(): TextIndex {
    return { text: this.parts.join(''), starts: this.starts, lengths: this.lengths, truncated: this.truncated };
  }

  /** result() in steps: on a long page the join of its hundreds of thousands of parts was a task's worth. */
  *resultSteps(): Generator<void, TextIndex, void> {
    const { parts } = this;
    if (parts.length <= JOIN_STEP) return this.result();
    const pieces: string[] = [];
    for (let i = 0; i < parts.length; i += JOIN_STEP) {
      pieces.push(parts.slice(i, i + JOIN_STEP).join(''));
      yield;
    }
    return { text: pieces.join(''), starts: this.starts, lengths: this.lengths, truncated: this.truncated };
  }
}

/** A TextCollector that also keeps the Text nodes (a NodeIndex). */
export class NodeCollector extends TextCollector {
  nodes: Text[] = [];

  override text(node: Text): boolean {
    const before = this.starts.length;
    const ok = super.text(node);
    if (this.starts.length > before) this.nodes.push(node);
    return ok;
  }

  override result(): NodeIndex {
    return { ...super.result(), nodes: this.nodes };
  }
}

/** Parts joined per step of TextCollector.resultSteps. */
const JOIN_STEP = 16_384;

export function buildTextIndex(root: Node, options: TextIndexOptions = {}): NodeIndex {
  const sink = new NodeCollector(options.maxChars ?? DEFAULT_MAX_CHARS);
  drain(walkText(root, options, sink));
  return sink.result();
}

/** Index of the text node that holds offset `at` (for an end offset, the node it ends in). */
function nodeAt(index: NodeIndex, at: number, isEnd: boolean): number {
  const { starts, nodes } = index;
  const lo = lastStartBefore(starts, at, isEnd);
  // The offset may fall on a line break we inserted: move to the next real node.
  const start = starts[lo]!;
  const len = nodes[lo]!.data.length;
  if (!isEnd && at >= start + len && lo + 1 < nodes.length) return lo + 1;
  return lo;
}

/** The DOM position of offset `at` of index.text (a Range boundary), or null when gone. */
export function pointFor(index: NodeIndex, at: number, isEnd: boolean): { node: Text; offset: number } | null {
  if (index.nodes.length === 0) return null;
  const i = nodeAt(index, at, isEnd);
  const node = index.nodes[i]!;
  if (!node.isConnected) return null;
  return { node, offset: clampTo(node, at - index.starts[i]!) };
}

/** A boundary pair in index.text, e.g. a match. */
interface Span {
  start: number;
  end: number;
}

function clampTo(node: Text, offset: number): number {
  return Math.max(0, Math.min(offset, node.data.length));
}

/** The last node index whose start is ≤ `at` (< `at` when strict): nodeAt's search. */
export function lastStartBefore(starts: readonly number[], at: number, strict: boolean): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (strict ? s < at : s <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A Range for each span, made by `make` (a live Range, or a StaticRange for the Highlight API),
 * or null where it is empty or its nodes are gone. Spans in text order (a matcher's output)
 * cost one forward pass over the nodes; an out-of-order span falls back to a binary search.
 */
export function rangesFor<R>(
  index: NodeIndex,
  spans: readonly Span[],
  make: (start: Text, startOffset: number, end: Text, endOffset: number) => R,
): Array<R | null> {
  // Lengths as indexed, not data.length: no call into the browser per match. The ranges are
  // remade when a block changes, and a factory for live Ranges clamps to the node as it is.
  const { nodes, starts, lengths } = index;
  const n = nodes.length;
  const out: Array<R | null> = [];
  let a = 0;
  let b = 0;
  for (const { start, end } of spans) {
    if (n === 0 || end <= start) {
      out.push(null);
      continue;
    }
    // nodeAt(start, false) and nodeAt(end, true), each moving on from where the last span left it.
    if (starts[a]! > start) a = lastStartBefore(starts, start, false);
    while (a + 1 < n && starts[a + 1]! <= start) a++;
    let i = a;
    if (start >= starts[i]! + lengths[i]! && i + 1 < n) i++;
    if (b > 0 && starts[b]! >= end) b = lastStartBefore(starts, end, true);
    while (b + 1 < n && starts[b + 1]! < end) b++;
    const first = nodes[i]!;
    const last = nodes[b]!;
    if (!first.isConnected || (last !== first && !last.isConnected)) {
      out.push(null);
      continue;
    }
    const clamp = (k: number, at: number) => Math.max(0, Math.min(at, lengths[k]!));
    out.push(make(first, clamp(i, start - starts[i]!), last, clamp(b, end - starts[b]!)));
  }
  return out;
}

/** A live Range for [start, end) of index.text, or null when the nodes are gone. */
export function rangeFor(index: NodeIndex, start: number, end: number): Range | null {
  if (index.nodes.length === 0 || end <= start) return null;
  const a = pointFor(index, start, false);
  const b = pointFor(index, end, true);
  if (!a || !b) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
