// One document model over two surfaces: a web page (the content script's scanned blocks) and a
// PDF (the viewer's pages and their text layers) each implement DocumentSurface; what readers do
// with a document — find a note's passage again, paint it, scroll to it, report whether it is
// still there — is written once below, against the interface.
import { reanchor } from '../core/anchor/reanchor';
import type { Anchor } from '../core/anchor/shape';

/** An offset span in a surface's text. A PDF numbers its pages (1-based) and counts offsets per page. */
export interface Span {
  start: number;
  end: number;
  page?: number;
}

/**
 * Paints ranges in named groups (a category, 'note', 'flag'). Two implementations, chosen once
 * per document: the CSS Custom Highlight API (lib/surface/page/highlight/css-highlights.ts) and,
 * where that API is missing, <mark> elements (mark-elements.ts).
 */
export interface Painter {
  /**
   * True for the <mark> fallback: painting wraps text in elements, so its ranges must be live
   * Ranges, any change repaints everything, and its own DOM changes are not the page's.
   */
  readonly wrapsText: boolean;
  add(group: string, ranges: readonly AbstractRange[]): void;
  remove(group: string, ranges: readonly AbstractRange[]): void;
  /** Replaces what is painted with these groups, all at once. */
  paintAll(groups: ReadonlyMap<string, readonly AbstractRange[]>): void;
  /** Replaces one group. */
  set(group: string, ranges: readonly AbstractRange[]): void;
  /** Takes every painted range that starts inside `node` down (a PDF page taken down). */
  removeWithin(node: Node): void;
  /** Emphasises one passage (the match the reader clicked); empty: none. */
  setActive(ranges: readonly AbstractRange[]): void;
  clear(): void;
}

export interface DocumentSurface {
  /**
   * The text anchors on this surface are described on: the page's scanned blocks joined with
   * line breaks, or one PDF page's text. Null while that text has not been read.
   */
  text(page?: number): string | null;
  /** DOM Ranges over `span` as it is shown now; empty where it is not drawn (a PDF page out of view). */
  rangesFor(span: Span): Range[];
  /** The reader's selection as an anchor, or null when nothing of this document is selected. */
  selectionAnchor(): Anchor | null;
  readonly painter: Painter;
  /** Brings `span` into view; `mark` shows it as the active match (never done for a note's passage). */
  scrollTo(span: Span, mark: boolean): boolean;
}

/** A note or flag with its passage. */
export interface AnchoredEntry {
  id: string;
  kind: 'note' | 'flag';
  anchor: Anchor;
}

/** Where `anchor`'s passage stands now, or null when it is gone (or its text is not read yet). */
export function locate(surface: DocumentSurface, anchor: Anchor): Span | null {
  const text = surface.text(anchor.page);
  if (text === null) return null;
  const hit = reanchor(text, anchor);
  return hit ? { start: hit.start, end: hit.end, page: anchor.page } : null;
}

/**
 * Whether each entry's passage is in the document now, by entry id. Entries whose text has not
 * been read yet (a PDF page still being extracted) are left out: not known is not missing.
 */
export function anchorStatus(surface: DocumentSurface, entries: readonly Pick<AnchoredEntry, 'id' | 'anchor'>[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const e of entries) {
    if (surface.text(e.anchor.page) === null) continue;
    out.set(e.id, locate(surface, e.anchor) !== null);
  }
  return out;
}

/**
 * Paints the passages of notes and flags (each kind in its own style) that stand where `within`
 * says (a PDF page; all when absent). Only on surfaces the page's scripts cannot read: a web
 * page's scripts can enumerate CSS.highlights and read <mark>s.
 */
export function paintEntries(surface: DocumentSurface, entries: readonly AnchoredEntry[], within?: (anchor: Anchor) => boolean): void {
  const groups = new Map<string, Range[]>();
  for (const e of entries) {
    if (within && !within(e.anchor)) continue;
    const span = locate(surface, e.anchor);
    if (!span) continue;
    const list = groups.get(e.kind) ?? [];
    list.push(...surface.rangesFor(span));
    groups.set(e.kind, list);
  }
  for (const [group, ranges] of groups) surface.painter.add(group, ranges);
}

/** Paints term matches (each in its category's style); returns how many ranges were painted. */
export function paintMatches(surface: DocumentSurface, matches: readonly { start: number; end: number; category: string }[], page?: number): number {
  const groups = new Map<string, Range[]>();
  for (const m of matches) {
    const list = groups.get(m.category) ?? [];
    list.push(...surface.rangesFor({ start: m.start, end: m.end, page }));
    groups.set(m.category, list);
  }
  let count = 0;
  for (const [group, ranges] of groups) {
    surface.painter.add(group, ranges);
    count += ranges.length;
  }
  return count;
}

/** Scrolls to a note's passage (not marked as a match); false when it is not in the document now. */
export function showAnchor(surface: DocumentSurface, anchor: Anchor): boolean {
  const span = locate(surface, anchor);
  return span ? surface.scrollTo(span, false) : false;
}
