// DOM → one flat string with a map back to text nodes. The matcher works on the string; the
// highlighter turns string offsets back into Ranges. One pass, no layout reads, no DOM writes.

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
}

export interface TextIndex {
  text: string;
  /** Text nodes in document order, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
  truncated: boolean;
}

export const DEFAULT_MAX_CHARS = 5_000_000;

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v !== 'false';
}

export function skipsElement(el: Element, exclude?: (el: Element) => boolean): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || isEditable(el) || !!exclude?.(el);
}

export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let lastChar = '\n';
  let truncated = false;

  const breakLine = () => {
    if (lastChar !== '\n') {
      parts.push('\n');
      length += 1;
      lastChar = '\n';
    }
  };

  const isBlock = (n: Node) => n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName.toUpperCase());

  // Iterative depth-first walk with explicit enter/leave, so block boundaries are known without
  // walking up the ancestors of every text node (pages nest 200 deep).
  let node: Node | null = root.firstChild;
  walk: while (node) {
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.length > 0) {
        if (length + value.length > maxChars) {
          truncated = true;
          break;
        }
        nodes.push(node as Text);
        starts.push(length);
        parts.push(value);
        length += value.length;
        lastChar = value[value.length - 1]!;
      }
    } else if (node.nodeType === 1 && !skipsElement(node as Element, options.exclude)) {
      if (isBlock(node)) breakLine();
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    // `node` is finished: leave it, and every ancestor that has no next sibling.
    for (;;) {
      if (isBlock(node)) breakLine();
      if (node.nextSibling) {
        node = node.nextSibling;
        continue walk;
      }
      node = node.parentNode;
      if (!node || node === root) break walk;
    }
  }
  return { text: parts.join(''), nodes, starts, truncated };
}

/** Index of the text node that holds offset `at` (for an end offset, the node it ends in). */
function nodeAt(index: TextIndex, at: number, isEnd: boolean): number {
  const { starts, nodes } = index;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (isEnd ? s < at : s <= at) lo = mid;
    else hi = mid - 1;
  }
  // The offset may fall on a line break we inserted: move to the next real node.
  const start = starts[lo]!;
  const len = nodes[lo]!.data.length;
  if (!isEnd && at >= start + len && lo + 1 < nodes.length) return lo + 1;
  return lo;
}

/** A live Range for [start, end) of index.text, or null when the nodes are gone. */
export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  if (index.nodes.length === 0 || end <= start) return null;
  const a = nodeAt(index, start, false);
  const b = nodeAt(index, end, true);
  const startNode = index.nodes[a]!;
  const endNode = index.nodes[b]!;
  if (!startNode.isConnected || !endNode.isConnected) return null;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, Math.max(0, Math.min(start - index.starts[a]!, startNode.data.length)));
  range.setEnd(endNode, Math.max(0, Math.min(end - index.starts[b]!, endNode.data.length)));
  return range;
}
