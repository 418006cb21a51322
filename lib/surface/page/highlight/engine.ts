// How a painter of whole-document highlights looks. The CSS Custom Highlight API layer
// (css-highlights.ts) paints range by range; the <mark> fallback implements this interface.
export interface HighlightEngine {
  readonly kind: 'mark-elements';
  /** Replace every highlight with these ranges, grouped by highlight name (e.g. a category). */
  apply(groups: ReadonlyMap<string, readonly Range[]>): void;
  /** Emphasise one range (the match the reader clicked in the panel). */
  setActive(range: Range | null): void;
  clear(): void;
}

export const HIGHLIGHT_PREFIX = 'raadslens-';
export const ACTIVE_NAME = `${HIGHLIGHT_PREFIX}active`;

export function highlightName(group: string): string {
  return HIGHLIGHT_PREFIX + group;
}

export function supportsCssHighlights(win: Window & typeof globalThis = window): boolean {
  const css = (win as { CSS?: { highlights?: unknown } }).CSS;
  return typeof (win as { Highlight?: unknown }).Highlight === 'function' && !!css && !!css.highlights;
}
