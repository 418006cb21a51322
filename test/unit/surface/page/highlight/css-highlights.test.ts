import { describe, expect, it } from 'vitest';
import { createHighlightLayer } from '@/lib/surface/page/highlight/css-highlights';

/** A stand-in for the Highlight API (happy-dom has none): a Set of ranges, a Map registry. */
class FakeHighlight extends Set<AbstractRange> {
  static created = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
    FakeHighlight.created++;
  }
}

function fakeDocument() {
  const registry = new Map<string, FakeHighlight>();
  const win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis;
  return { doc: { defaultView: win } as unknown as Document, registry };
}

const range = (n: number) => ({ startOffset: n }) as unknown as AbstractRange;

describe('CSS highlight layer', () => {
  it('registers a new category with all its ranges at once, then adds and removes range by range', () => {
    const { doc, registry } = fakeDocument();
    const layer = createHighlightLayer(doc, null);
    expect(layer.supported).toBe(true);
    FakeHighlight.created = 0;
    const first = [range(1), range(2), range(3)];
    layer.add('camera', first);
    expect(FakeHighlight.created).toBe(1);
    expect([...registry.get('raadslens-camera')!]).toEqual(first);
    const more = range(4);
    layer.add('camera', [more]);
    expect(FakeHighlight.created).toBe(1);
    expect(registry.get('raadslens-camera')!.size).toBe(4);
    layer.remove('camera', [first[0]!]);
    expect(registry.get('raadslens-camera')!.has(first[0]!)).toBe(false);
    expect(registry.get('raadslens-camera')!.size).toBe(3);
  });

  it('adds very many ranges one by one rather than as constructor arguments', () => {
    const { doc, registry } = fakeDocument();
    const layer = createHighlightLayer(doc, null);
    const many = Array.from({ length: 12_000 }, (_, i) => range(i));
    layer.add('data', many);
    expect(registry.get('raadslens-data')!.size).toBe(12_000);
  });
});

describe('the reader’s style in frames and shadow roots', () => {
  it('puts the override after the built-in rules, in sheets adopted before and after it is set', () => {
    class FakeSheet {
      text = '';
      replaceSync(text: string) {
        this.text = text;
      }
    }
    const registry = new Map<string, FakeHighlight>();
    const win = { CSS: { highlights: registry }, Highlight: FakeHighlight, CSSStyleSheet: FakeSheet } as unknown as Window & typeof globalThis;
    const doc = { defaultView: win } as unknown as Document;
    const layer = createHighlightLayer(doc, '::highlight(raadslens-camera) { background: yellow }');
    const before = { adoptedStyleSheets: [] as FakeSheet[] };
    layer.style(before as unknown as ShadowRoot);
    expect(before.adoptedStyleSheets[0]!.text).toBe('::highlight(raadslens-camera) { background: yellow }');
    layer.setOverride('::highlight(raadslens-camera) { text-decoration: underline }');
    expect(before.adoptedStyleSheets[0]!.text).toBe('::highlight(raadslens-camera) { background: yellow }\n::highlight(raadslens-camera) { text-decoration: underline }');
    const after = { adoptedStyleSheets: [] as FakeSheet[] };
    layer.style(after as unknown as ShadowRoot);
    expect(after.adoptedStyleSheets[0]!.text).toContain('text-decoration: underline');
  });

  it('puts a <style> of its own in a root it cannot adopt into (Firefox’s Xray wrappers), kept up to date and removed on dispose', () => {
    class FakeSheet {
      replaceSync() {}
    }
    const win = { CSS: { highlights: new Map() }, Highlight: FakeHighlight, CSSStyleSheet: FakeSheet } as unknown as Window & typeof globalThis;
    const layer = createHighlightLayer({ defaultView: win } as unknown as Document, '::highlight(raadslens-camera) { background: yellow }');
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.append(document.createElement('p'));
    Object.defineProperty(root, 'adoptedStyleSheets', {
      get() {
        throw new TypeError('r.adoptedStyleSheets is not iterable');
      },
    });
    layer.style(root);
    layer.style(root);
    const styles = () => [...root.querySelectorAll('style')];
    expect(styles()).toHaveLength(1);
    expect(styles()[0]!.textContent).toBe('::highlight(raadslens-camera) { background: yellow }');
    layer.setOverride('::highlight(raadslens-camera) { text-decoration: underline !important; }');
    expect(styles()[0]!.textContent).toBe('::highlight(raadslens-camera) { background: yellow }\n::highlight(raadslens-camera) { text-decoration: underline !important; }');
    layer.dispose();
    expect(styles()).toHaveLength(0);
    expect(root.childNodes).toHaveLength(1);
    host.remove();
  });
});
