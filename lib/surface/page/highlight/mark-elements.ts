import type { Painter } from '../../document-surface';
import { highlightName } from './engine';

export const MARK_CLASS = 'raadslens-mark';

/**
 * The painter for browsers without the Highlight API: wraps each text-node piece of a range in a
 * <mark>. Pieces are wrapped last-to-first so earlier offsets stay valid, and clear() restores
 * the original text nodes (normalize() joins the pieces again). Ranges must be live Ranges, and
 * wrapping moves the text other ranges point into: paint everything at once (paintAll), or add
 * after a clear.
 */
export function createMarkPainter(doc: Document = document): Painter {
  let marks: HTMLElement[] = [];
  let active: HTMLElement[] = [];

  function textPieces(range: Range): Array<{ node: Text; start: number; end: number }> {
    const pieces: Array<{ node: Text; start: number; end: number }> = [];
    const root = range.commonAncestorContainer;
    const push = (node: Text) => {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end > start) pieces.push({ node, start, end });
    };
    if (root.nodeType === 3) {
      push(root as Text);
      return pieces;
    }
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (range.intersectsNode(n)) push(n as Text);
    }
    return pieces;
  }

  function wrap(range: Range, group: string): HTMLElement[] {
    const created: HTMLElement[] = [];
    for (const { node, start, end } of textPieces(range).reverse()) {
      const target = start > 0 ? node.splitText(start) : node;
      if (end - start < target.data.length) target.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.className = `${MARK_CLASS} ${highlightName(group)}`;
      mark.dataset.raadslens = group;
      target.replaceWith(mark);
      mark.append(target);
      created.push(mark);
    }
    return created;
  }

  function unwrap(list: HTMLElement[]) {
    const parents = new Set<Node>();
    for (const mark of list) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parents.add(parent);
    }
    for (const p of parents) p.normalize();
  }

  /** Wraps all ranges of these groups: collected first, since wrapping splits text nodes, which would move later ranges. */
  function wrapAll(groups: Iterable<readonly [string, readonly AbstractRange[]]>) {
    const all: Array<{ range: Range; group: string }> = [];
    for (const [group, ranges] of groups) for (const range of ranges) all.push({ range: range as Range, group });
    all.sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
    for (const { range, group } of all) marks.push(...wrap(range, group));
  }

  function unwrapWhere(drop: (m: HTMLElement) => boolean) {
    const gone = marks.filter(drop);
    if (gone.length === 0) return;
    unwrap(gone);
    marks = marks.filter((m) => !gone.includes(m));
    active = active.filter((m) => !gone.includes(m));
  }

  return {
    wrapsText: true,
    add(group, ranges) {
      wrapAll([[group, ranges]]);
    },
    remove(group, ranges) {
      unwrapWhere((m) => m.dataset.raadslens === group && ranges.some((r) => (r as Range).intersectsNode(m)));
    },
    paintAll(groups) {
      this.clear();
      wrapAll(groups);
    },
    set(group, ranges) {
      unwrapWhere((m) => m.dataset.raadslens === group);
      wrapAll([[group, ranges]]);
    },
    removeWithin(node) {
      unwrapWhere((m) => node.contains(m));
    },
    setActive(ranges) {
      for (const m of active) m.classList.remove(`${MARK_CLASS}--active`);
      active = marks.filter((m) => ranges.some((r) => (r as Range).intersectsNode(m)));
      for (const m of active) m.classList.add(`${MARK_CLASS}--active`);
    },
    clear() {
      unwrap(marks);
      marks = [];
      active = [];
    },
  };
}
