// A PDF in the viewer as a DocumentSurface: each page's text (offsets per page, as anchors and
// matches count them), Ranges over the pdf.js text layer of the pages drawn now, the reader's
// selection in a text layer as an anchor, and scrolling to a passage.
import { describeQuote, type Anchor } from '../../core/anchor';
import type { DocumentSurface, Painter, Span } from '../document-surface';
import { textOffsetOf, type PageText } from './page-text';
import { itemIndexOf, rangesFor, type RenderedPage } from './render';

export interface PdfSurface extends DocumentSurface {
  /** A page's text was read. */
  setText(page: number, text: PageText): void;
  /** A page's canvas and text layer are drawn in `host` (a `[data-page]` element). */
  drawn(page: number, rendered: RenderedPage, host: HTMLElement): void;
  /** A page was taken down: its highlights go with it. */
  released(page: number): void;
  isDrawn(page: number): boolean;
  /** The page element, drawn or not. */
  host(page: number): HTMLElement | null;
}

/** `root()` holds one `[data-page="N"]` element per page (once the viewer shows them). */
export function createPdfSurface(root: () => HTMLElement | null, painter: Painter, doc: Document = document): PdfSurface {
  const texts: (PageText | undefined)[] = [];
  const drawn = new Map<number, { rendered: RenderedPage; host: HTMLElement }>();
  const hostOf = (page: number) => root()?.querySelector<HTMLElement>(`[data-page="${page}"]`) ?? null;

  return {
    painter,
    text: (page = 1) => texts[page - 1]?.text ?? null,
    rangesFor(span: Span) {
      const page = span.page ?? 1;
      const text = texts[page - 1];
      const d = drawn.get(page);
      return text && d ? rangesFor(d.rendered, text.map, span.start, span.end) : [];
    },
    selectionAnchor(): Anchor | null {
      const sel = doc.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
      const range = sel.getRangeAt(0);
      const startEl = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : (range.startContainer as Element);
      const pageEl = startEl?.closest<HTMLElement>('[data-page]');
      if (!pageEl || !root()?.contains(pageEl)) return null;
      const page = Number(pageEl.dataset.page);
      const d = drawn.get(page);
      const text = texts[page - 1];
      if (!d || !text) return null;
      const startItem = itemIndexOf(d.rendered, range.startContainer);
      if (startItem < 0) return null;
      const start = textOffsetOf(text.map, startItem, range.startOffset);
      // A selection that runs on into the next page ends at the end of this one.
      const endItem = pageEl.contains(range.endContainer) ? itemIndexOf(d.rendered, range.endContainer) : -1;
      const end = endItem < 0 ? text.text.length : textOffsetOf(text.map, endItem, range.endOffset);
      if (end <= start) return null;
      return describeQuote(text.text, start, end, { page });
    },
    scrollTo(span, mark) {
      const ranges = this.rangesFor(span);
      if (ranges.length === 0) {
        // Not drawn yet: bring its page near, which draws it.
        const host = hostOf(span.page ?? 1);
        host?.scrollIntoView({ block: 'start' });
        return !!host;
      }
      if (mark) painter.setActive(ranges);
      ranges[0]!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return true;
    },
    setText(page, text) {
      texts[page - 1] = text;
    },
    drawn(page, rendered, host) {
      drawn.set(page, { rendered, host });
    },
    released(page) {
      const d = drawn.get(page);
      if (!d) return;
      drawn.delete(page);
      painter.removeWithin(d.host);
    },
    isDrawn: (page) => drawn.has(page),
    host: hostOf,
  };
}
