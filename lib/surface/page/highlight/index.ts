// Two ways to paint matches: the CSS Custom Highlight API (css-highlights.ts, the default, leaves
// the page's DOM untouched) and <mark> elements (mark-elements.ts) where the API is missing.
export * from './engine';
export { createHighlightLayer, type HighlightLayer } from './css-highlights';
export { createMarkEngine, MARK_CLASS } from './mark-elements';
