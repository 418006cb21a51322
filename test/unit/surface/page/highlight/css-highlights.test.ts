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
});
