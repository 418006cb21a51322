// Names shared by both painters (css-highlights.ts, mark-elements.ts) and the highlight CSS.
const HIGHLIGHT_PREFIX = 'raadslens-';
export const ACTIVE_NAME = `${HIGHLIGHT_PREFIX}active`;

export function highlightName(group: string): string {
  return HIGHLIGHT_PREFIX + group;
}

export function supportsCssHighlights(win: Window & typeof globalThis = window): boolean {
  const css = (win as { CSS?: { highlights?: unknown } }).CSS;
  return typeof (win as { Highlight?: unknown }).Highlight === 'function' && !!css && !!css.highlights;
}
