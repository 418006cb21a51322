// Where the extension carries pdf.js' image decoders (copied there at build time: wxt.config.ts).
export const PDFJS_DECODER_DIR = 'pdfjs';

/** Their URL inside the extension, for pdf.js' `wasmUrl` (the JS decoders are looked up there too). */
export function decoderUrl(pageUrl: string): string {
  return new URL(`/${PDFJS_DECODER_DIR}/`, pageUrl).href;
}
