// Runs inside Chromium (bundled by meeting.bench.ts with esbuild): bare pdf.js text extraction of
// a meeting's PDFs from the same server, the reference for "Scan alle bijlagen". Fetch, open,
// getTextContent per page, nothing else.
import { GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';
import { bareExtract } from './bare-pdfjs';

GlobalWorkerOptions.workerSrc = '/meeting-bench/pdf.worker.min.mjs';

async function extract(url: string, worker?: PDFWorker): Promise<number> {
  return bareExtract(new Uint8Array(await (await fetch(url)).arrayBuffer()), worker);
}

declare global {
  interface Window {
    /** pdf.js' own way: one document after another, each with its own worker (getDocument's default). */
    bareSequential(urls: string[]): Promise<{ ms: number; chars: number }>;
    /** The fastest plain pdf.js on this machine: `lanes` documents at a time, one worker per lane reused. */
    bareLanes(urls: string[], lanes: number): Promise<{ ms: number; chars: number }>;
  }
}

window.bareSequential = async (urls) => {
  const t0 = performance.now();
  let chars = 0;
  for (const u of urls) chars += await extract(u);
  return { ms: performance.now() - t0, chars };
};

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
