// The highlights of one document (the page, or a same-origin iframe): one Highlight per category
// in that document's own registry, changed range by range, so an appended block adds its ranges
// without repainting the rest. Styles: the page gets the content-script CSS from the manifest;
// an iframe document and every open shadow root we highlight in get the same rules as an
// adopted stylesheet (::highlight() rules do not cross into shadow trees or frames). Where the
// content-script world cannot adopt (Firefox's Xray wrappers: "adoptedStyleSheets is not
// iterable"), a <style> element of ours in that root instead, textContent only, removed on dispose.
import type { Painter } from '../../document-surface';
import { ACTIVE_NAME, highlightName, supportsCssHighlights } from './engine';

type Win = Window & typeof globalThis;

/** The painter of a document, with the styling of the frames and shadow roots it paints in. */
export interface HighlightLayer extends Painter {
  readonly supported: boolean;
  /**
   * The reader's highlight style (options), as rules after the built-in ones: applied to the
   * frames and shadow roots this layer styles, now and later.
   */
  setOverride(css: string): void;
  /** Adopts the highlight CSS into a shadow root (or the document itself, for frames). */
  style(target: Document | ShadowRoot): void;
  clear(): void;
  /** clear() and take our stylesheets back out. */
  dispose(): void;
}

/** Ranges passed to the Highlight constructor at most (as call arguments); more are added one by one. */
const MAX_CONSTRUCTOR_RANGES = 10_000;

export function createHighlightLayer(doc: Document, css: string | null): HighlightLayer {
  const win = doc.defaultView as Win | null;
  const supported = !!win && supportsCssHighlights(win);
  const highlights = new Map<string, Highlight>();
  const styled = new Set<Document | ShadowRoot>();
  const elements = new Set<HTMLStyleElement>();
  let sheet: CSSStyleSheet | null = null;
  let override = '';
  const sheetText = () => (override ? `${css ?? ''}\n${override}` : (css ?? ''));

  const registry = () => (win as unknown as { CSS: { highlights: HighlightRegistry } }).CSS.highlights;
  const make = (ranges: readonly AbstractRange[]) => {
    const H = (win as unknown as { Highlight?: typeof Highlight }).Highlight ?? Highlight;
    return new H(...ranges);
  };
  const get = (group: string) => {
    let h = highlights.get(group);
    if (!h) {
      h = make([]);
      highlights.set(group, h);
      registry().set(highlightName(group), h);
    }
    return h;
  };

  return {
    supported,
    wrapsText: false,
    add(group, ranges) {
      if (!supported || ranges.length === 0) return;
      if (!highlights.has(group) && ranges.length <= MAX_CONSTRUCTOR_RANGES) {
        // A new highlight takes its ranges in one call (a page's first paint).
        const h = make(ranges);
        highlights.set(group, h);
        registry().set(highlightName(group), h);
        return;
      }
      const h = get(group);
      for (const r of ranges) h.add(r);
    },
    remove(group, ranges) {
      const h = highlights.get(group);
      if (!h) return;
      for (const r of ranges) h.delete(r);
    },
    set(group, ranges) {
      if (!supported) return;
      const h = get(group);
      h.clear();
      for (const r of ranges) h.add(r);
    },
    paintAll(groups) {
      this.clear();
      for (const [group, ranges] of groups) this.add(group, ranges);
    },
    removeWithin(node) {
      for (const h of highlights.values()) for (const r of [...h]) if (node.contains(r.startContainer)) h.delete(r);
      const active = supported ? registry().get(ACTIVE_NAME) : undefined;
      if (active) for (const r of [...active]) if (node.contains(r.startContainer)) active.delete(r);
    },
    setActive(ranges) {
      if (!supported) return;
      if (ranges.length) registry().set(ACTIVE_NAME, make(ranges));
      else registry().delete(ACTIVE_NAME);
    },
    style(target) {
      if (!css || !win || styled.has(target)) return;
      try {
        if (!sheet) {
          sheet = new win.CSSStyleSheet();
          sheet.replaceSync(sheetText());
        }
        target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
        styled.add(target);
        return;
      } catch {
        // Not adoptable from here: a <style> element below.
      }
      try {
        const isDoc = target.nodeType === Node.DOCUMENT_NODE;
        const owner = isDoc ? (target as Document) : (target.ownerDocument ?? doc);
        const element = owner.createElement('style');
        element.textContent = sheetText();
        (isDoc ? (owner.head ?? owner.documentElement) : target).append(element);
        elements.add(element);
        styled.add(target);
      } catch {
        // The root went away: the highlights exist, only unstyled.
      }
    },
    setOverride(next) {
      if (next === override) return;
      override = next;
      try {
        sheet?.replaceSync(sheetText());
      } catch {
        // The document went away; its next sheet takes the new rules.
      }
      for (const element of elements) element.textContent = sheetText();
    },
    clear() {
      if (!supported) return;
      for (const group of highlights.keys()) registry().delete(highlightName(group));
      highlights.clear();
      registry().delete(ACTIVE_NAME);
    },
    dispose() {
      this.clear();
      for (const target of styled) {
        try {
          target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The document went away.
        }
      }
      for (const element of elements) element.remove();
      elements.clear();
      styled.clear();
    },
  };
}
