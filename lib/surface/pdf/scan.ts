// Extraction + analysis: page texts in, page-numbered matches and one assessment of the whole
// PDF out. Pure apart from the clock: the panel, the command-line scanner and tests share it.
import type { Analyser, ContextPart } from '../../core/analyse';
import type { TermMatch } from '../../core/match';
import { MAX_REPORTED_MATCHES } from '../../extension/messages/protocol';
import { snippetAround, type SafeguardHit } from '../../core/questions';
import { visibleLength } from '../../core/questions/snippet';
import { PdfError, pdfErrors } from './errors';
import type { ExtractedPage } from './extract';
import type { PdfMatch, PdfScanResult } from './result';
import { documentOpening } from '../../core/questions/document-kind';
import { outcomeOf } from '../../core/questions/outcome';
import { documentKindRules } from '../../core/rules/document-kind';
import { drain, runSliced, type SliceRun, type Steps } from '../../core/steps';

/** Fewer non-blank characters per page than this on average: a scan without a text layer. */
export const MIN_CHARS_PER_PAGE = 20;
const PAGE_SEPARATOR = '\n\n';

/** A page with fewer non-blank characters than a sentence has: blank, or a scan without a text layer. */
export function isTextless(text: string): boolean {
  return visibleLength(text) < MIN_CHARS_PER_PAGE;
}
const SNIPPET_RADIUS = 60;

export interface PageProgress {
  page: number;
  pageLimit: number;
  pageCount: number;
  /**
   * This page's matches (streamed, so the first results show before the document is done). Weak
   * ones (pilot, proef) join the result once the pages around them are read: they count only
   * near technology, which may stand on the next page.
   */
  matches: PdfMatch[];
  /**
   * Matches on this page when fewer than all of them came with it (`matches` cut at LIVE_MATCHES
   * of the document, see ./extraction.ts' liveProgress); absent when `matches` are all.
   */
  found?: number;
}

/**
 * Matches of a document the panel shows while it is read; the result brings them all. The
 * extraction worker sends no more (only their count): a long report's 3,500 matches came twice,
 * streamed page by page and again in its result.
 */
export const LIVE_MATCHES = 100;

/** What matching a page needs of it (pdf.js' item map stays with whoever draws the page). */
export type ScannedPage = Pick<ExtractedPage, 'page' | 'pageCount' | 'pageLimit' | 'text'>;

export interface ScanPagesOptions {
  url: string;
  title?: string;
  onPage?: (progress: PageProgress) => void;
  now?: () => number;
  /**
   * Awaited after each page and before the assessment: in the panel a new task, so matching one
   * page and assessing the document are tasks of their own and a click between them is answered
   * (pdf.js' replies resolve in one microtask run, which made page after page one long task).
   */
  yieldTask?: () => Promise<void>;
  /** Where the analysis' time went, once the result is made (the meeting bench adds them up). */
  onTimes?: (times: ScanTimes) => void;
  /**
   * The status reading in slices (the extraction worker's): after READ_SLICE_MS of reading it
   * awaits `pause` (a new task, in which the worker reads its messages) and gives up with a
   * "cancelled" PdfError once `stopped` says so. A long report's reading was one task of seconds:
   * the document's 'drop' (its cancel) waited for it, and a worker the panel ended ran on to its end.
   */
  readSlices?: { pause: () => Promise<void>; stopped: () => boolean };
}

/** Reading per slice at most (plus one step): a cancel waits no longer than this for the worker. */
export const READ_SLICE_MS = 8;

/** A pause between two pieces of the document's reading; throws "cancelled" when it was stopped meanwhile. */
async function pauseOrStop(slices: NonNullable<ScanPagesOptions['readSlices']>): Promise<void> {
  await slices.pause();
  if (slices.stopped()) throw pdfErrors.cancelled();
}

/**
 * Runs `steps` in slices of READ_SLICE_MS (core/steps.ts' runSliced, its first slice at once), each
 * next slice after `pause`; rejects with "cancelled" when `stopped` says so after a pause. Resolves
 * with the value and the time spent reading (pauses left out).
 */
function readInSlices<T>(steps: Steps<T>, slices: NonNullable<ScanPagesOptions['readSlices']>, now: () => number): Promise<{ value: T; busyMs: number }> {
  return new Promise((resolve, reject) => {
    let run: SliceRun | null = null;
    const post = (fn: () => void) =>
      void slices.pause().then(() => {
        if (!slices.stopped()) return fn();
        run?.cancel();
        reject(pdfErrors.cancelled());
      });
    run = runSliced(steps, (r) => resolve({ value: r.value, busyMs: r.busyMs }), reject, { budgetMs: READ_SLICE_MS, now, post });
  });
}

export interface ScanTimes {
  /** Matching the pages and settling weak matches by context. */
  matchMs: number;
  /** The assessment of the whole document: reading the safeguards' statuses. */
  readMs: number;
}

function toPdfMatch(m: TermMatch, index: number, page: number, start: number, end: number, pageText: string, snippet = snippetAround(pageText, start, end, SNIPPET_RADIUS)): PdfMatch {
  return { index, page, start, end, termId: m.termId, category: m.category, text: m.text, snippet };
}

/**
 * Reads the pages, matches each page as it comes (and reports it, so the first results show
 * before the document is done), then assesses the PDF as a whole once (the AP questions are about
 * the document, not about one page). Each page is matched on its own, so no term runs from the
 * last word of one page into the next. Throws PdfError "no-text" for a scanned document, so
 * nobody mistakes "no text" for "no technology".
 */
export async function scanPages(
  pages: AsyncIterable<ScannedPage>,
  analyser: Analyser,
  options: ScanPagesOptions,
): Promise<PdfScanResult> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const parts: (ContextPart & { page: number; hits: SafeguardHit[] })[] = [];
  let streamed = 0;
  // A streamed match's snippet, for the result to list it again without making it again.
  const snippets = new Map<TermMatch, string>();
  let pageCount = 0;
  let visible = 0;
  // Pages with (almost) no text: blank, or a scan (a signed letter, a map) whose words cannot be
  // read. The result names them, so "nothing found" is never said of a page that was not read.
  const textless: number[] = [];
  let incomplete = false;
  let matchMs = 0;
  try {
    for await (const p of pages) {
      pageCount = p.pageCount;
      const chars = visibleLength(p.text);
      visible += chars;
      if (chars < MIN_CHARS_PER_PAGE) textless.push(p.page);
      const m0 = now();
      const found = analyser.find(p.text);
      matchMs += now() - m0;
      parts.push({ text: p.text, page: p.page, matches: found.matches, hits: found.safeguardHits });
      const pageMatches: PdfMatch[] = [];
      for (const m of found.matches) {
        if (analyser.isWeak(m.termId) || streamed >= MAX_REPORTED_MATCHES) continue;
        const pdfMatch = toPdfMatch(m, streamed++, p.page, m.start, m.end, p.text);
        snippets.set(m, pdfMatch.snippet);
        pageMatches.push(pdfMatch);
      }
      options.onPage?.({ page: p.page, pageLimit: p.pageLimit, pageCount: p.pageCount, matches: pageMatches });
      await options.yieldTask?.();
    }
  } catch (e) {
    // Out of time after some pages: what was read is kept, and the result says it is incomplete.
    if (!(e instanceof PdfError && e.kind === 'over-budget' && parts.length > 0)) throw e;
    incomplete = true;
  }
  if (parts.length === 0 || visible < MIN_CHARS_PER_PAGE * parts.length) throw pdfErrors.noText();

  // The pages as one document: which weak matches count, then whole-document offsets for the
  // assessment and page offsets for the reader and the viewer.
  const c0 = now();
  const dropped = analyser.outOfContext(parts);
  matchMs += now() - c0;
  const matches: TermMatch[] = [];
  const safeguardHits: SafeguardHit[] = [];
  const pdfMatches: PdfMatch[] = [];
  let offset = 0;
  for (const p of parts) {
    for (const m of p.matches) {
      if (dropped.has(m)) continue;
      matches.push({ ...m, start: m.start + offset, end: m.end + offset });
      if (pdfMatches.length < MAX_REPORTED_MATCHES) pdfMatches.push(toPdfMatch(m, pdfMatches.length, p.page, m.start, m.end, p.text, snippets.get(m)));
    }
    for (const h of p.hits) if (!dropped.has(h)) safeguardHits.push({ ...h, start: h.start + offset, end: h.end + offset });
    offset += p.text.length + PAGE_SEPARATOR.length;
  }
  // The whole text's opening is read in a task of its own (~20 ms on a 450-page report), the reading after it.
  if (options.readSlices) await pauseOrStop(options.readSlices);
  const texts = parts.map((p) => p.text);
  const whole = texts.join(PAGE_SEPARATOR);
  // A motie named "document 12345.pdf" is still a motie: its opening says so. What the raad did
  // with it stands at its end, far from the dictum: the reading takes it (core/questions/outcome.ts).
  const opening = documentOpening(whole, documentKindRules());
  if (options.readSlices) await pauseOrStop(options.readSlices);
  const r0 = now();
  // Page text (./page-text.ts) has a line break only where the layout starts a block: every line is
  // a block, a long title no less than a short one.
  const reading = analyser.assessSteps(matches, safeguardHits, whole, 'blocks', outcomeOf(opening.kind, opening.decision));
  const { value: assessment, busyMs: readMs } = options.readSlices ? await readInSlices(reading, options.readSlices, now) : { value: drain(reading), busyMs: now() - r0 };
  options.onTimes?.({ matchMs, readMs });
  return {
    url: options.url,
    title: options.title ?? '',
    scannedAt: Date.now(),
    ms: now() - t0,
    pageCount,
    scannedPages: texts.length,
    truncated: texts.length < pageCount,
    ...(incomplete ? { incomplete } : {}),
    ...(textless.length > 0 ? { textlessPages: textless } : {}),
    chars: whole.length,
    matchCount: matches.length,
    matches: pdfMatches,
    assessment,
    ...(Object.keys(opening).length ? { opening } : {}),
  };
}
