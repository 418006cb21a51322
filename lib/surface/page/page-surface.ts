// A web page as a DocumentSurface: the text of the blocks the frame scanners indexed (the page
// and its same-origin iframes, in that order) joined with line breaks — the text the report's
// offsets and the reader's anchors refer to — and the ranges, selection, painting and scrolling
// over it. Only the reader's actions use it (session/reader.ts): it is not in content.js.
import { describeQuote } from '../../core/anchor/describe';
import type { Anchor } from '../../core/anchor/shape';
import type { DocumentSurface, Painter, Span } from '../document-surface';
import { pointFor } from './scan/text-index';
import type { FrameScanner } from './session/frame-scanner';
import { scrollToRange } from './frames-painter';
import { segmentAt, segmentsOf, type Segment } from './session/report';

interface Joined {
  key: string;
  text: string;
  segments: Segment[];
  byBlock: Map<unknown, Segment>;
}

interface PageSurface extends DocumentSurface {
  /** The joined text (the same for every `page`: a web page has one text). */
  text(): string;
  /** Forgets the joined text (the session stopped). */
  reset(): void;
}

/** `painter`: the frames' painter the session made (frames-painter.ts). */
export function createPageSurface(frames: () => readonly FrameScanner[], painter: Painter): PageSurface {
  let joined: Joined | null = null;

  function joinedText(): Joined {
    const all = frames();
    const key = all.map((f) => f.version).join(',');
    if (joined?.key === key) return joined;
    const { segments } = segmentsOf(all);
    const parts: string[] = [];
    const byBlock = new Map<unknown, Segment>();
    for (const s of segments) {
      parts.push(s.block.index.text, '\n');
      byBlock.set(s.block, s);
    }
    joined = { key, text: parts.join(''), segments, byBlock };
    return joined;
  }

  /** A live Range for [start, end) of the joined text (clipped to one frame). */
  function rangeAcross(start: number, end: number): Range | null {
    const { segments } = joinedText();
    const a = segmentAt(segments, start);
    let b = segmentAt(segments, Math.max(start, end - 1));
    if (!a || !b) return null;
    if (b.frame !== a.frame) b = a;
    const an = a.frame.index?.nodesOf(a.block);
    const bn = b === a ? an : b.frame.index?.nodesOf(b.block);
    if (!an || !bn) return null;
    const p = pointFor(an, start - a.start, false);
    const q = pointFor(bn, Math.min(end - b.start, bn.text.length), true);
    if (!p || !q) return null;
    const range = a.frame.doc.createRange();
    range.setStart(p.node, p.offset);
    range.setEnd(q.node, q.offset);
    return range;
  }

  /** A selection boundary → offset in the joined text, or null outside what we scanned. */
  function offsetOf(frame: FrameScanner, node: Node, offset: number, isEnd: boolean): number | null {
    let text: Text | null = null;
    let at = offset;
    if (node.nodeType === 3) text = node as Text;
    else {
      // An element boundary (triple click): the nearest text node inside, on the right side.
      const walker = frame.doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      const boundary = node.childNodes[offset] ?? null;
      let last: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const after = boundary ? !!(boundary.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) || boundary.contains(n) : false;
        if (!isEnd && after) {
          text = n as Text;
          at = 0;
          break;
        }
        if (isEnd && after) break;
        last = n as Text;
      }
      if (isEnd && last) {
        text = last;
        at = last.data.length;
      }
    }
    if (!text) return null;
    const block = frame.index?.ownerOf(text);
    if (!block) return null;
    const seg = joinedText().byBlock.get(block);
    const nodes = seg && frame.index?.nodesOf(block);
    const i = nodes ? nodes.nodes.indexOf(text) : -1;
    if (i === -1 || !seg) return null;
    return seg.start + nodes!.starts[i]! + at;
  }

  return {
    painter,
    text: () => joinedText().text,
    rangesFor(span: Span) {
      const r = rangeAcross(span.start, span.end);
      return r ? [r] : [];
    },
    selectionAnchor(): Anchor | null {
      for (const frame of frames()) {
        const sel = frame.doc.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed) continue;
        const range = sel.getRangeAt(0);
        const start = offsetOf(frame, range.startContainer, range.startOffset, false);
        const end = offsetOf(frame, range.endContainer, range.endOffset, true);
        if (start === null || end === null || end <= start) return null;
        return describeQuote(joinedText().text, start, end);
      }
      return null;
    },
    scrollTo(span, mark) {
      return scrollToRange(painter, rangeAcross(span.start, span.end), mark);
    },
    reset() {
      joined = null;
    },
  };
}
