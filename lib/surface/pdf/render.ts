// Drawing one PDF page in the viewer: canvas + pdf.js TextLayer (transparent, selectable text
// exactly over the glyphs), and turning page-text offsets into DOM Ranges over that text layer
// for the CSS Custom Highlight API. The only DOM part of lib/surface/pdf.
import type { PDFPageProxy } from 'pdfjs-dist';
import { loadPdfJs } from './browser';
import { segmentsFor, type PageTextMap } from './page-text';

export interface RenderedPage {
  /** TextLayer.textDivs: element i holds text item i (marked content is not included). */
  textDivs: HTMLElement[];
}

/**
 * Renders `page` into `host` (which gets exactly the canvas size: the text layer positions its
 * spans in % of the host, so any extra width shifts them). Resolves when canvas and text layer are done.
 */
export async function renderPdfPage(page: PDFPageProxy, host: HTMLElement, scale: number): Promise<RenderedPage> {
  const { TextLayer } = await loadPdfJs();
  const viewport = page.getViewport({ scale });
  const ratio = globalThis.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  host.replaceChildren(canvas, layer);
  host.style.width = `${Math.floor(viewport.width)}px`;
  host.style.height = `${Math.floor(viewport.height)}px`;
  // Both are needed outside pdf.js' own viewer markup, or the spans are mis-sized.
  host.style.setProperty('--scale-factor', String(viewport.scale));
  host.style.setProperty('--total-scale-factor', String(viewport.scale));
  await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
  const textLayer = new TextLayer({ textContentSource: await page.getTextContent(), container: layer, viewport });
  await textLayer.render();
  return { textDivs: textLayer.textDivs };
}

/**
 * Takes a rendered page down again (far out of view): its canvas memory is given back at once
 * (a 0×0 canvas), canvas and text layer leave the host, which keeps its size, so nothing moves.
 */
export function releasePdfPage(host: HTMLElement): void {
  for (const canvas of host.querySelectorAll('canvas')) {
    canvas.width = 0;
    canvas.height = 0;
  }
  host.replaceChildren();
}

/** DOM Ranges for page text [start, end) over a rendered text layer; empty when the layer does not match. */
export function rangesFor(rendered: RenderedPage, map: PageTextMap, start: number, end: number): Range[] {
  const out: Range[] = [];
  for (const seg of segmentsFor(map, start, end)) {
    const node = rendered.textDivs[seg.item]?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const length = (node as Text).length;
    const range = document.createRange();
    range.setStart(node, Math.min(seg.start, length));
    range.setEnd(node, Math.min(seg.end, length));
    if (!range.collapsed) out.push(range);
  }
  return out;
}

/** The item index of a text node inside a rendered text layer, or -1. */
export function itemIndexOf(rendered: RenderedPage, node: Node): number {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return el ? rendered.textDivs.indexOf(el as HTMLElement) : -1;
}
