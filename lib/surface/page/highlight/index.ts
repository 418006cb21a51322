// Two painters (lib/surface/document-surface.ts, Painter): the CSS Custom Highlight API
// (css-highlights.ts, the default, leaves the page's DOM untouched) and <mark> elements
// (mark-elements.ts) where the API is missing; page-painter.ts chooses once per document.
export * from './engine';
export { createMarkPainter, MARK_CLASS } from './mark-elements';
export { createPagePainter } from './page-painter';
