// Runs inside Chromium (bundled by meeting.bench.ts with esbuild): bare pdf.js text extraction of
// a meeting's PDFs from the same server, the reference for "Lees de bijlagen". Fetch, open,
// getTextContent per page, nothing else.
import { GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';
import { bareExtract } from './bare-pdfjs';

GlobalWorkerOptions.workerSrc = '/meeting-bench/pdf.worker.min.mjs';

async function extract(url: string, worker?: PDFWorker): Promise<number> {
  return bareExtract(new Uint8Array(await (await fetch(url)).arrayBuffer()), worker);
}

declare global {
  interface Window {
    /**
     * One document after another with one worker for all: the reference. (getDocument's default,
     * a new worker per document, pays the worker's start-up 40 times.)
     */
    bareSequential(urls: string[]): Promise<{ ms: number; chars: number }>;
    /** The fastest plain pdf.js on this machine: `lanes` documents at a time, one worker per lane reused. */
    bareLanes(urls: string[], lanes: number): Promise<{ ms: number; chars: number }>;
  }
}

window.bareSequential = (urls) => window.bareLanes(urls, 1);

window.bareLanes = async (urls, lanes) => {
  const t0 = performance.now();
  let chars = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const worker = new PDFWorker();
      while (next < urls.length) chars += await extract(urls[next++]!, worker);
      worker.destroy();
    }),
  );
  return { ms: performance.now() - t0, chars };
};
