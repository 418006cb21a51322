// Bare pdf.js text extraction, the reference the PDF benches compare Raadslens with: open, each
// page's getTextContent in turn, nothing else. Runs in the browser (bundled into the bench pages).
import { getDocument, type PDFWorker } from 'pdfjs-dist';

/** Characters of text in `data` (a copy is handed to pdf.js, which takes the buffer over). */
export async function bareExtract(data: Uint8Array, worker?: PDFWorker): Promise<number> {
  const task = getDocument({ data: data.slice(), useWasm: false, verbosity: 0, ...(worker ? { worker } : {}) });
  const doc = await task.promise;
  let chars = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    for (const it of content.items) if ('str' in it) chars += it.str.length;
    page.cleanup();
  }
  await task.destroy();
  return chars;
}
