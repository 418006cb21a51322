// The viewer page's reading of a PDF as the panel reads it (./scan.ts scanPages over the same
// pages), so a note made in the viewer keeps the document's checklist snapshot, technology and
// signals as a note made beside the panel's results does. Run once the viewer has every page: its
// pages and highlights come first, and the matching and status reading then go in tasks of their
// own (slices), so scrolling and selecting are not held up.
import type { Analyser } from '../../core/analyse';
import { PdfError } from './errors';
import type { PdfScanResult } from './result';
import { scanPages, type ScannedPage } from './scan';

export interface ViewedPagesOptions {
  url: string;
  title?: string;
  /** Reading stopped at the time budget after these pages: the result says incomplete, as the panel's does. */
  incomplete?: boolean;
  /** The viewer closed or reloaded: the reading stops at its next slice. */
  signal: AbortSignal;
  /** A new task (./next-task.ts). */
  nextTask: () => Promise<void>;
}

/** The panel's result for the pages the viewer read; null where the panel has none (a scan without text, or stopped). */
export async function assessViewedPages(pages: readonly ScannedPage[], analyser: Analyser, options: ViewedPagesOptions): Promise<PdfScanResult | null> {
  async function* read(): AsyncGenerator<ScannedPage> {
    yield* pages;
    if (options.incomplete) throw new PdfError('over-budget', '');
  }
  try {
    return await scanPages(read(), analyser, {
      url: options.url,
      ...(options.title ? { title: options.title } : {}),
      yieldTask: options.nextTask,
      readSlices: { pause: options.nextTask, stopped: () => options.signal.aborted },
    });
  } catch (e) {
    if (e instanceof PdfError) return null;
    throw e;
  }
}
