// pdf.js' worker as the extension builds it: the upsert polyfill first (./map-upsert.ts), then
// pdf.js' own worker module, so Firefox ESR 140 can read PDFs too.
import './map-upsert';
import 'pdfjs-dist/build/pdf.worker.min.mjs';
