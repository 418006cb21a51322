// One PDF open in the viewer: its pages read and analysed (the pages read so far are one
// document: a pilot counts only near technology, which may stand on the next page), painted
// where they are drawn, drawn near the view and taken down far from it. The viewer component
// only lays the pages out and wires events to this.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PartsSoFar, type Analyser } from '../../core/analyse';
import type { Anchor } from '../../core/anchor';
import type { TermMatch } from '../../core/match';
import { locate, paintEntries, paintMatches, type AnchoredEntry, type Painter, type Span } from '../document-surface';
import type { PageText } from './page-text';
import { createPdfSurface, type PdfSurface } from './pdf-surface';
import { releasePdfPage, renderPdfPage } from './render';

interface ViewerDocumentOptions {
  /** Holds one `[data-page="N"]` element per page, each with a `.pdf-canvas-host`. */
  root: () => HTMLElement | null;
  painter: Painter;
  pageCount: number;
  /** The match the reader clicked in the panel (`#page=N&at=S`): marked and scrolled to once drawn. */
  clicked: { page: number; at: number } | null;
  /** The number of counted matches changed. */
  onCount(total: number): void;
}

export class ViewerDocument {
  readonly surface: PdfSurface;
  private analysis: { analyser: Analyser; read: PartsSoFar } | null = null;
  private matches: (readonly TermMatch[] | undefined)[] = [];
  private entries: readonly AnchoredEntry[] = [];
  private readonly pending = new Set<number>();
  private clicked: ViewerDocumentOptions['clicked'];

  constructor(
    readonly doc: PDFDocumentProxy,
    private readonly options: ViewerDocumentOptions,
  ) {
    this.surface = createPdfSurface(options.root, options.painter);
    this.clicked = options.clicked;
  }

  get total(): number {
    return this.analysis?.read.total ?? 0;
  }

  /** How many pages' text has been read so far (what stays when reading is stopped). */
  get pagesRead(): number {
    let read = 0;
    for (let page = 1; page <= this.options.pageCount; page++) if (this.surface.text(page) !== null) read++;
    return read;
  }

  /** Other terms (settings): every page read so far is analysed again and painted anew. */
  setAnalyser(analyser: Analyser): void {
    if (this.analysis?.analyser === analyser) return;
    this.analysis = { analyser, read: new PartsSoFar(analyser) };
    this.matches = [];
    for (let page = 1; page <= this.options.pageCount; page++) this.unpaint(page);
    for (let page = 1; page <= this.options.pageCount && this.surface.text(page) !== null; page++) this.analyse(page);
    this.options.onCount(this.total);
  }

  /** A page's text was read. */
  addPage(page: number, text: PageText): void {
    this.surface.setText(page, text);
    this.analyse(page);
  }

  /** The notes and flags of this PDF: painted on the pages drawn now and on each page drawn later. */
  setEntries(entries: readonly AnchoredEntry[]): void {
    this.entries = entries;
    this.options.painter.set('note', []);
    this.options.painter.set('flag', []);
    paintEntries(this.surface, entries);
  }

  /** Where a passage stands now; undefined while its page is not read. */
  located(anchor: Anchor): Span | null | undefined {
    return this.surface.text(anchor.page ?? 1) === null ? undefined : locate(this.surface, anchor);
  }

  /** Draws a page that came near the view. */
  async draw(page: number, host: HTMLElement, scale: number): Promise<void> {
    if (this.surface.isDrawn(page) || this.pending.has(page)) return;
    this.pending.add(page);
    try {
      const rendered = await renderPdfPage(await this.doc.getPage(page), host.querySelector<HTMLElement>('.pdf-canvas-host') ?? host, scale);
      this.surface.drawn(page, rendered, host);
      host.dataset.rendered = 'true';
      this.paint(page);
    } catch {
      // A page that fails to draw stays a blank placeholder; the others go on.
    } finally {
      this.pending.delete(page);
    }
  }

  /** Takes a far-away page down: its highlights, canvas and text layer go; it is drawn again when it comes near. */
  release(page: number, host: HTMLElement): void {
    if (!this.surface.isDrawn(page) || this.pending.has(page)) return;
    this.surface.released(page);
    releasePdfPage(host.querySelector<HTMLElement>('.pdf-canvas-host') ?? host);
    host.dataset.rendered = 'false';
    delete host.dataset.highlights;
    void this.doc
      .getPage(page)
      .then((p) => p.cleanup())
      .catch(() => undefined);
  }

  /** Adds a read page to the analysis; a page whose matches change with it is painted again. */
  private analyse(page: number) {
    const text = this.surface.text(page);
    if (!this.analysis || text === null) return;
    const { analyser, read } = this.analysis;
    const changed = read.add({ text, matches: analyser.find(text).matches });
    this.matches[page - 1] = read.counted(page - 1);
    this.paint(page);
    for (const i of changed) {
      this.matches[i] = read.counted(i);
      this.unpaint(i + 1);
      this.paint(i + 1);
    }
    if (page % 10 === 0) this.options.onCount(read.total);
  }

  /** Paints matches and passages of `page` once both its text and its text layer exist. */
  private paint(page: number) {
    if (this.surface.text(page) === null || !this.surface.isDrawn(page)) return;
    const count = paintMatches(this.surface, this.matches[page - 1] ?? [], page);
    paintEntries(this.surface, this.entries, (a) => (a.page ?? 1) === page);
    const host = this.surface.host(page);
    if (host) host.dataset.highlights = String(count);
    this.showClicked(page);
  }

  private unpaint(page: number) {
    const host = this.surface.host(page);
    if (host && this.surface.isDrawn(page)) this.options.painter.removeWithin(host);
  }

  /** Marks the match the reader clicked in the panel and brings it to the middle of the view, once. */
  private showClicked(page: number) {
    const c = this.clicked;
    if (!c || c.page !== page) return;
    const m = this.matches[page - 1]?.find((x) => x.start === c.at);
    if (!m) return;
    this.clicked = null;
    this.surface.scrollTo({ start: m.start, end: m.end, page }, true);
  }
}
