import { ACTIVE_NAME, highlightName, type HighlightEngine } from './engine';

/** Paints ranges through CSS.highlights; the ::highlight() styles ship in the content CSS. */
export function createCssHighlightEngine(): HighlightEngine {
  const owned = new Set<string>();
  const registry = CSS.highlights;
  return {
    kind: 'css-highlights',
    apply(groups) {
      for (const name of owned) registry.delete(name);
      owned.clear();
      for (const [group, ranges] of groups) {
        if (ranges.length === 0) continue;
        const name = highlightName(group);
        registry.set(name, new Highlight(...ranges));
        owned.add(name);
      }
    },
    setActive(range) {
      if (range) registry.set(ACTIVE_NAME, new Highlight(range));
      else registry.delete(ACTIVE_NAME);
    },
    clear() {
      for (const name of owned) registry.delete(name);
      owned.clear();
      registry.delete(ACTIVE_NAME);
    },
  };
}
