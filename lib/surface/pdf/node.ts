// PDF text in Node (command-line scanner, unit tests): pdf.js' legacy build, which runs without
// a DOM; its worker code runs in-process ("fake worker"). Never import this from extension code.
import './polyfill';
import { checkUnpackedSize } from './budget';
export { PdfError } from './errors';
import { extractPages, type ExtractOptions, type ExtractedPage, type PdfLoadingTaskLike } from './extract';

type LegacyPdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<LegacyPdfJs> | null = null;

/** pdf.js' legacy build, loaded once. */
export function loadLegacyPdfJs(): Promise<LegacyPdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * A loading task for `bytes` (copied: pdf.js transfers and detaches the buffer it is given),
 * after the same unpacked-size check as in the extension.
 */
export async function openPdfInNode(bytes: Uint8Array): Promise<PdfLoadingTaskLike> {
  const { getDocument } = await loadLegacyPdfJs();
  await checkUnpackedSize(bytes);
  // verbosity 0: pdf.js' font warnings are noise on a terminal.
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0 }) as unknown as PdfLoadingTaskLike;
}

/** Every page's text, streamed. */
export async function* extractPdfPagesInNode(bytes: Uint8Array, options: ExtractOptions = {}): AsyncGenerator<ExtractedPage> {
  yield* extractPages(await openPdfInNode(bytes), options);
}

/** Every page's reconstructed text: [{ page, text }], for the command-line scanner. */
export async function extractPdfTextPages(bytes: Uint8Array, options: ExtractOptions = {}): Promise<{ page: number; text: string; pageCount: number }[]> {
  const out: { page: number; text: string; pageCount: number }[] = [];
  for await (const p of extractPdfPagesInNode(bytes, options)) out.push({ page: p.page, text: p.text, pageCount: p.pageCount });
  return out;
}
