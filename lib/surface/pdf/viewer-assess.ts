// The viewer page's reading of a PDF as the panel reads it, so a note made in the viewer keeps the
// document's checklist snapshot, technology and signals as a note made beside the panel's results
// does. Off the viewer's main thread: the pages' text the viewer extracted for its text layer goes
// by message to an extraction worker of its own (./extraction.worker.ts, the entry the panel's
// lanes run), whose analysis host runs scanPages on it as for the panel (matching per page, the
// status reading in slices). In the viewer's thread that reading of a 450-page report was one
// 251 ms task when cold, ~500 tasks of up to 24 ms warm; here the viewer only hands over the pages
// (a message per 8 pages) and takes the result (test/bench/viewer-assess.ts).
// Run once the viewer has every page: its pages and highlights come first.
import type { AnalyserOptions } from '../../core/analyse';
import type { AnalysisClient } from './analysis';
import { PdfError } from './errors';
import type { PdfScanResult } from './result';
import type { ScannedPage } from './scan';

export interface ViewedPagesOptions {
  url: string;
  title?: string;
  /** What the analyser is compiled with (the reader's settings), as the panel sends its lanes. */
  analyser: AnalyserOptions;
  /** Reading stopped at the time budget after these pages: the result says incomplete, as the panel's does. */
  incomplete?: boolean;
  /** The viewer closed or reloaded: the worker drops the document at its next slice. */
  signal: AbortSignal;
  /** A new task of the viewer's between two messages of pages (./next-task.ts). */
  nextTask: () => Promise<void>;
}

/**
 * The panel's result for the pages the viewer read, from the analysis in the viewer's extraction
 * worker (`analysis`: its lane's client); null where the panel has none (a scan without text, a
 * worker that failed or was ended, the viewer closed).
 */
export async function assessViewedPages(pages: readonly ScannedPage[], analysis: AnalysisClient, options: ViewedPagesOptions): Promise<PdfScanResult | null> {
  async function* read(): AsyncGenerator<ScannedPage> {
    yield* pages;
    if (options.incomplete) throw new PdfError('over-budget', '');
  }
  try {
    return await analysis.analysis(options.analyser)(read(), {
      url: options.url,
      ...(options.title ? { title: options.title } : {}),
      signal: options.signal,
      yieldTask: options.nextTask,
    });
  } catch (e) {
    if (e instanceof PdfError) return null;
    throw e;
  }
}
