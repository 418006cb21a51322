// PDF raadsstukken: text extraction (no DOM; any pdf.js build), scanning, caching.
// Extension pages import './browser' for pdf.js with its worker; Node imports './node'.
export { buildPageText, segmentsFor, textOffsetOf, type PageText, type PageTextMap, type ItemSegment, type TextItemLike } from './page-text';
export {
  extractPages,
  untilAborted,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_CHARS,
  type ExtractedPage,
  type ExtractOptions,
  type PdfDocumentLike,
  type PdfLoadingTaskLike,
  type PdfPageLike,
} from './extract';
export { DEFAULT_PDF_BUDGET, MAX_IMAGE_PIXELS, checkUnpackedSize, type PdfBudget } from './budget';
export { PdfError, pdfErrors, fromPdfJsError, type PdfErrorKind } from './errors';
export { scanPages, MIN_CHARS_PER_PAGE, type PageProgress, type ScanPagesOptions } from './scan';
export { PdfScanResultSchema, PdfMatchSchema, type PdfScanResult, type PdfMatch } from './result';
export { fetchPdf, headValidators, sameVersion, validatorsOf, type Validators, type FetchedPdf } from './fetch';
export { isPdfUrl, attachmentsOf, fileNameOf, type Attachment } from './detect';
