// One file's findings, in the shape both formatters read. Pure: pages in, report out.
import type { Analyser } from '../core/analyse';
import type { Assessment, SafeguardStatus } from '../core/questions';
import { isTextless } from '../surface/pdf/scan';
import { textOutcome } from '../core/questions/document-kind';
import { documentKindRules } from '../core/rules/document-kind';
import type { CategoryId } from '../core/rules/schema';
import { lastStartBefore } from '../surface/page/scan/text-index';
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

export interface CliPassage {
  /** The sentence: offsets as for matches (for a PDF: into the page in `page`). */
  start: number;
  end: number;
  text: string;
  status: Exclude<SafeguardStatus, 'absent'>;
  page?: number;
  /** The safeguard's term in it. */
  term: { start: number; end: number };
  /** What it is said to cover ("de pilot"), when the sentence narrows it. */
  scope?: string;
}

/** One safeguard in rules order: what the document says about it, and the sentences that say it. */
export interface CliSafeguard {
  id: string;
  label: string;
  question: string;
  status: SafeguardStatus;
  passages: CliPassage[];
  /** What to ask the college (absent when the document says it is done). */
  ask?: string;
}

export interface FileReport {
  file: string;
  kind: FileKind;
  /** The texts that were matched, per page (one page for .txt and .html); for line numbers. */
  pages: ReadDocument['pages'];
  matches: CliMatch[];
  assessment: Assessment;
  /** Every safeguard of the rules (empty without technology: the checklist stays silent). */
  safeguards: CliSafeguard[];
  /** PDF pages without text (blank or scanned): nothing could be found there. Absent when none. */
  textlessPages?: number[];
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
  // A PDF's text has a line break only where the layout starts a block (lib/surface/pdf/page-text.ts);
  // a .txt file may be hard-wrapped, and an HTML page's text keeps its source's line breaks.
  // A motie or amendement the raad voted down asks for what nobody carries out: its own text says
  // what became of it, as a PDF's in the panel does (lib/surface/pdf/scan.ts).
  const { matches, assessment } = analyser.analyse(whole, kind === 'pdf' ? 'blocks' : 'wrapped', textOutcome(whole, documentKindRules()));
  /** The page holding a whole-text offset, and that offset on the page. */
  const onPage = (offset: number): { index: number; at: number } => {
    const index = lastStartBefore(starts, offset, false);
    return { index, at: offset - starts[index]! };
  };
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
  const safeguards: CliSafeguard[] = [];
  if (assessment.hasTechnology) {
    const found = new Map(assessment.safeguards.found.map((f) => [f.id, f]));
    const missing = new Map(assessment.safeguards.missing.map((m) => [m.id, m]));
    for (const s of analyser.rules.safeguards.safeguards) {
      const f = found.get(s.id);
      const passages = (f?.passages ?? []).map((p): CliPassage => {
        const { index, at } = onPage(p.start);
        const base = starts[index]!;
        const page = doc.pages[index]!;
        const out: CliPassage = {
          start: at,
          end: Math.min(p.end - base, page.text.length),
          text: p.text,
          status: p.status,
          term: { start: p.term.start - base, end: Math.min(p.term.end - base, page.text.length) },
        };
        if (page.page !== undefined) out.page = page.page;
        if (p.scope) out.scope = p.scope.text;
        return out;
      });
      const ask = f ? f.ask : missing.get(s.id)?.followUp;
      safeguards.push({ id: s.id, label: s.label, question: s.question, status: f?.status ?? 'absent', passages, ...(ask ? { ask } : {}) });
    }
  }
  const textless = kind === 'pdf' ? doc.pages.flatMap((p) => (p.page !== undefined && isTextless(p.text) ? [p.page] : [])) : [];
  return { file, kind, pages: doc.pages, matches: cliMatches, assessment, safeguards, ...(textless.length > 0 ? { textlessPages: textless } : {}) };
}
