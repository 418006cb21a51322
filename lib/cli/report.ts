// One file's findings, in the shape both formatters read. Pure: pages in, report out.
import type { Analyser } from '../analyse';
import type { Assessment } from '../questions';
import type { CategoryId } from '../rules/schema';
import type { FileKind } from './kinds';
import type { ReadDocument } from './readers';

export interface CliMatch {
  category: CategoryId;
  /** The term's stable id in the rules (camera.cameratoezicht). */
  term: string;
  /** The text as it stands in the document. */
  text: string;
  /** JavaScript string indices into the text that was matched (for a PDF: into that page's text). */
  start: number;
  end: number;
  /** 1-based page, PDFs only. */
  page?: number;
}

export interface FileReport {
  file: string;
  kind: FileKind;
  /** The texts that were matched, per page (one page for .txt and .html); for line numbers. */
  pages: ReadDocument['pages'];
  matches: CliMatch[];
  assessment: Assessment;
}

export interface FileFailure {
  file: string;
  message: string;
}

/** Between PDF pages, so no term runs from the last word of one page into the next. */
const PAGE_SEPARATOR = '\n\n';

/**
 * Analyses the document as a whole (the AP questions are about the document, not about a page)
 * and maps each match back to its page.
 */
export function analyseDocument(analyser: Analyser, file: string, kind: FileKind, doc: ReadDocument): FileReport {
  const starts: number[] = [];
  let at = 0;
  for (const p of doc.pages) {
    starts.push(at);
    at += p.text.length + PAGE_SEPARATOR.length;
  }
  const whole = doc.pages.map((p) => p.text).join(PAGE_SEPARATOR);
  const { matches, assessment } = analyser.analyse(whole);
  let pageIndex = 0;
  const cliMatches = matches.map((m): CliMatch => {
    while (pageIndex + 1 < starts.length && starts[pageIndex + 1]! <= m.start) pageIndex++;
    const base = starts[pageIndex]!;
    const page = doc.pages[pageIndex]!;
    const match: CliMatch = {
      category: m.category,
      term: m.termId,
      text: m.text,
      start: m.start - base,
      // A word hyphenated across a page break is reported on the page where it starts.
      end: Math.min(m.end - base, page.text.length),
    };
    if (page.page !== undefined) match.page = page.page;
    return match;
  });
  return { file, kind, pages: doc.pages, matches: cliMatches, assessment };
}
