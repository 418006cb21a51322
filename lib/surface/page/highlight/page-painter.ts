// The painter of one web-page document, chosen once: the CSS Custom Highlight API where the
// browser has it (the page's DOM stays untouched), <mark> elements where it does not. Styling
// (the highlight CSS adopted into frames and shadow roots, the reader's style) is the layer's
// either way.
import { createHighlightLayer, type HighlightLayer } from './css-highlights';
import { createMarkPainter } from './mark-elements';

export function createPagePainter(doc: Document, css: string | null): HighlightLayer {
  const layer = createHighlightLayer(doc, css);
  if (layer.supported) return layer;
  const marks = createMarkPainter(doc);
  return {
    ...layer,
    ...marks,
    supported: false,
    paintAll(groups) {
      marks.paintAll(groups);
    },
    dispose() {
      marks.clear();
      layer.dispose();
    },
  };
}
