// Extraction + analysis: page texts in, page-numbered matches and one assessment of the whole
// PDF out. Pure apart from the clock: the panel, the command-line scanner and tests share it.
import type { Analyser } from '../analyse';
import type { TermMatch } from '../match';
import { MAX_REPORTED_MATCHES } from '../messages/protocol';
import { snippetAround } from '../questions';
import { pdfErrors } from './errors';
import type { ExtractedPage } from './extract';
import type { PdfMatch, PdfScanResult } from './result';

/** Fewer non-blank characters per page than this on average: a scan without a text layer. */
export const MIN_CHARS_PER_PAGE = 20;
const PAGE_SEPARATOR = '\n\n';
const SNIPPET_RADIUS = 60;

export interface PageProgress {
  page: number;
  pageLimit: number;
  pageCount: number;
  /** This page's matches (streamed, so the first results show before the document is done). */
  matches: PdfMatch[];
}

export interface ScanPagesOptions {
  url: string;
  title?: string;
  onPage?: (progress: PageProgress) => void;
  now?: () => number;
}

function toPdfMatch(m: TermMatch, index: number, page: number, start: number, end: number, pageText: string): PdfMatch {
  return {
    index,
    page,
    start,
    end,
    termId: m.termId,
    category: m.category,
    text: m.text,
    snippet: snippetAround(pageText, start, end, SNIPPET_RADIUS),
  };
}

/**
 * Reads the pages, reports each page's matches as it comes, then analyses the document as a
 * whole (the AP questions are about the PDF, not about one page). Throws PdfError "no-text"
 * for a scanned document, so nobody mistakes "no text" for "no technology".
 */
export async function scanPages(
  pages: AsyncIterable<ExtractedPage>,
  analyser: Analyser,
  options: ScanPagesOptions,
): Promise<PdfScanResult> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const texts: string[] = [];
  let pageCount = 0;
  let visible = 0;
  for await (const p of pages) {
    pageCount = p.pageCount;
    texts.push(p.text);
    visible += p.text.replace(/\s+/g, '').length;
    if (options.onPage) {
      const matches = analyser.analyse(p.text).matches.map((m, i) => toPdfMatch(m, i, p.page, m.start, m.end, p.text));
      options.onPage({ page: p.page, pageLimit: p.pageLimit, pageCount: p.pageCount, matches });
    }
  }
  if (texts.length === 0 || visible < MIN_CHARS_PER_PAGE * texts.length) throw pdfErrors.noText();

  // One text for the whole document; page starts map matches back to their page.
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + PAGE_SEPARATOR.length;
  }
  const whole = texts.join(PAGE_SEPARATOR);
  const { matches, assessment } = analyser.analyse(whole);
  let pageIndex = 0;
  const pdfMatches: PdfMatch[] = [];
  for (const m of matches.slice(0, MAX_REPORTED_MATCHES)) {
    while (pageIndex + 1 < starts.length && (starts[pageIndex + 1] as number) <= m.start) pageIndex++;
    const base = starts[pageIndex] as number;
    const text = texts[pageIndex] as string;
    // A word hyphenated across a page break is found on the page where it starts.
    const end = Math.min(m.end - base, text.length);
    pdfMatches.push(toPdfMatch(m, pdfMatches.length, pageIndex + 1, m.start - base, end, text));
  }
  return {
    url: options.url,
    title: options.title ?? '',
    scannedAt: Date.now(),
    ms: now() - t0,
    pageCount,
    scannedPages: texts.length,
    truncated: texts.length < pageCount,
    chars: whole.length,
    matchCount: matches.length,
    matches: pdfMatches,
    assessment,
  };
}
