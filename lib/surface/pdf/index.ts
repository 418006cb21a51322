// PDF raadsstukken: text extraction (no DOM; any pdf.js build), scanning, caching.
// Extension pages import './browser' for pdf.js with its worker; Node imports './node'.
export { buildPageText, segmentsFor, textOffsetOf, type TextItemLike } from './page-text';
export { extractPages, DEFAULT_MAX_PAGES, type ExtractedPage, type PdfDocumentLike } from './extract';
export { checkUnpackedSize } from './budget';
export { PdfError, pdfErrors, fromPdfJsError } from './errors';
export { scanPages, LIVE_MATCHES, MIN_CHARS_PER_PAGE, type PageProgress } from './scan';
export { PdfScanResultSchema, type PdfScanResult, type PdfMatch } from './result';
export { fetchPdf, headValidators, sameVersion, validatorsOf } from './fetch';
export { isPdfUrl, attachmentsOf, fileNameOf, type Attachment } from './detect';
