import { createCssHighlightEngine } from './css-highlights';
import { supportsCssHighlights, type HighlightEngine } from './engine';
import { createMarkEngine } from './mark-elements';

export * from './engine';
export { MARK_CLASS } from './mark-elements';

/** The Highlight API where the browser has it; <mark> elements otherwise or when asked for. */
export function createHighlightEngine(prefer: 'auto' | 'mark' = 'auto'): HighlightEngine {
  return prefer === 'auto' && supportsCssHighlights() ? createCssHighlightEngine() : createMarkEngine();
}
