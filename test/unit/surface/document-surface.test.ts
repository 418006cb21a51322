// The DocumentSurface contract, run against both surfaces: a web page (happy-dom, scanned by a
// FrameScanner) and a PDF (a fake pdf.js text layer: one span per text item, as
// TextLayer.textDivs). Both paint into a recording painter: the painters have tests of their own.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { anchorStatus, locate, paintEntries, paintMatches, showAnchor, type DocumentSurface, type Painter } from '@/lib/surface/document-surface';
import { createPageSurface } from '@/lib/surface/page/page-surface';
import { framesPainter } from '@/lib/surface/page/frames-painter';
import { FrameScanner } from '@/lib/surface/page/session/frame-scanner';
import { buildPageText } from '@/lib/surface/pdf/page-text';
import { createPdfSurface } from '@/lib/surface/pdf/pdf-surface';

const analyser = createAnalyser(loadBuiltinRules());
const LINES = ['Het college wil het cameratoezicht uitbreiden.', 'Daarnaast komen er bodycams voor handhavers.'];

/** What a painter was asked to do, by group. */
function recording(): Painter & { groups: Map<string, AbstractRange[]>; active: AbstractRange[] } {
  const groups = new Map<string, AbstractRange[]>();
  const p = {
    groups,
    active: [] as AbstractRange[],
    wrapsText: false,
    add: (g: string, r: readonly AbstractRange[]) => void groups.set(g, [...(groups.get(g) ?? []), ...r]),
    remove: (g: string, r: readonly AbstractRange[]) => void groups.set(g, (groups.get(g) ?? []).filter((x) => !r.includes(x))),
    paintAll: (all: ReadonlyMap<string, readonly AbstractRange[]>) => {
      groups.clear();
      for (const [g, r] of all) groups.set(g, [...r]);
    },
    set: (g: string, r: readonly AbstractRange[]) => void groups.set(g, [...r]),
    removeWithin: (n: Node) => groups.forEach((r, g) => groups.set(g, r.filter((x) => !n.contains(x.startContainer)))),
    setActive: (r: readonly AbstractRange[]) => void (p.active = [...r]),
    clear: () => groups.clear(),
  };
  return p;
}

let scanner: FrameScanner | null = null;
afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.getSelection()?.removeAllRanges();
});

/** A web page, scanned; `holdNodes` 0: its blocks hold no Text nodes, they are found again. */
async function pageSurface(holdNodes?: number): Promise<DocumentSurface> {
  document.body.innerHTML = `<main>${LINES.map((l) => `<p>${l}</p>`).join('')}</main>`; // test fixture
  await new Promise<void>((resolve) => {
    const layer = { ...recording(), supported: true, setOverride() {}, style() {}, dispose() {} };
    scanner = new FrameScanner(document, { analyser: () => analyser, layer, maxChars: 1e6, holdNodes, alive: () => true, onScanned: () => resolve() });
    scanner.start();
  });
  const frames = [scanner!];
  return createPageSurface(() => frames, framesPainter(() => frames));
}

/** A PDF page drawn by pdf.js: a text layer with one span per text item. */
function pdfSurface() {
  const items = LINES.map((str) => ({ str, hasEOL: true }));
  document.body.innerHTML = '<div id="pages"><section data-page="1"><div class="textLayer"></div></section><section data-page="2"></section></div>';
  const layer = document.querySelector('.textLayer')!;
  const textDivs = items.map((it) => {
    const span = document.createElement('span');
    span.textContent = it.str;
    layer.append(span);
    return span;
  });
  const painter = recording();
  const surface = createPdfSurface(() => document.getElementById('pages'), painter);
  surface.setText(1, buildPageText(items));
  surface.drawn(1, { textDivs }, document.querySelector<HTMLElement>('[data-page="1"]')!);
  return { surface, painter };
}

const liveText = (r: AbstractRange) => {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
};

/** PDF anchors and spans name their page; a web page has one text. */
describe.each([
  ['web page', () => pageSurface(), undefined],
  ['web page whose blocks hold no Text nodes', () => pageSurface(0), undefined],
  ['PDF', async (): Promise<DocumentSurface> => pdfSurface().surface, 1],
] as const)('DocumentSurface: %s', (_, make, page) => {
  const spanOf = (text: string, word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, page });

  it('holds the document text, and ranges for an offset span cover exactly those characters', async () => {
    const surface = await make();
    const text = surface.text(page)!;
    expect(text).toContain('cameratoezicht uitbreiden');
    expect(text).toContain('bodycams');
    const ranges = surface.rangesFor(spanOf(text, 'bodycams voor'));
    expect(ranges.map(liveText).join('')).toBe('bodycams voor');
  });

  it('turns the reader’s selection into an anchor that is found there again', async () => {
    const surface = await make();
    expect(surface.selectionAnchor()).toBeNull();
    const text = surface.text(page)!;
    const [range] = surface.rangesFor(spanOf(text, 'cameratoezicht'));
    document.getSelection()!.addRange(range!);
    const anchor = surface.selectionAnchor()!;
    expect(anchor.exact).toBe('cameratoezicht');
    expect(anchor.page).toBe(page);
    expect(locate(surface, anchor)).toEqual(spanOf(text, 'cameratoezicht'));
  });

  it('reports anchor status by note id, whatever the order', async () => {
    const surface = await make();
    const text = surface.text(page)!;
    const here = { exact: 'bodycams', prefix: 'komen er ', suffix: ' voor', ...spanOf(text, 'bodycams') };
    const gone = { ...here, exact: 'drones', prefix: '', suffix: '' };
    const status = anchorStatus(surface, [
      { id: 'flag:b', anchor: gone },
      { id: 'note:a', anchor: here },
    ]);
    expect(Object.fromEntries(status)).toEqual({ 'flag:b': false, 'note:a': true });
  });

  it('paints matches and passages through its painter, and scrolls to a passage without marking it', async () => {
    const surface = await make();
    const add = vi.spyOn(surface.painter, 'add');
    const active = vi.spyOn(surface.painter, 'setActive');
    const text = surface.text(page)!;
    const match = { ...spanOf(text, 'bodycams'), category: 'camera' };
    expect(paintMatches(surface, [match], page)).toBe(1);
    const anchor = { exact: 'cameratoezicht uitbreiden', prefix: '', suffix: '', ...spanOf(text, 'cameratoezicht uitbreiden') };
    paintEntries(surface, [{ id: 'n1', kind: 'note', anchor }]);
    expect(add.mock.calls.map(([group, ranges]) => [group, ranges.map(liveText).join('')])).toEqual([
      ['camera', 'bodycams'],
      ['note', 'cameratoezicht uitbreiden'],
    ]);
    active.mockClear();
    expect(showAnchor(surface, anchor)).toBe(true);
    expect(active.mock.calls.every(([ranges]) => ranges.length === 0)).toBe(true);
    expect(surface.scrollTo(match, true)).toBe(true);
    expect(active.mock.calls.flatMap(([ranges]) => ranges.map(liveText))).toEqual(['bodycams']);
  });
});

describe('PDF surface', () => {
  it('leaves unread pages out of the anchor status (not known is not missing) and paints nothing on pages not drawn', () => {
    const { surface } = pdfSurface();
    const later = { exact: 'drones', prefix: '', suffix: '', start: 0, end: 6, page: 3 };
    expect(anchorStatus(surface, [{ id: 'note:x', anchor: later }]).has('note:x')).toBe(false);
    surface.setText(2, buildPageText([{ str: 'drones boven de wijk', hasEOL: false }]));
    expect(surface.rangesFor({ start: 0, end: 6, page: 2 })).toEqual([]);
    expect(anchorStatus(surface, [{ id: 'note:x', anchor: { ...later, page: 2 } }]).get('note:x')).toBe(true);
  });

  it('takes a page’s highlights down with the page', () => {
    const { surface, painter } = pdfSurface();
    const text = surface.text(1)!;
    paintMatches(surface, [{ start: text.indexOf('bodycams'), end: text.indexOf('bodycams') + 8, category: 'camera' }], 1);
    expect(painter.groups.get('camera')).toHaveLength(1);
    surface.released(1);
    expect(painter.groups.get('camera')).toHaveLength(0);
    expect(surface.rangesFor({ start: 0, end: 3, page: 1 })).toEqual([]);
  });
});
