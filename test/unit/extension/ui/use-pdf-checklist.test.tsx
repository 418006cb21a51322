// The viewer page keeps a PDF's checklist snapshot, technology and signals with its stored document
// as the panel does for a PDF it reads (one writer: usePdfChecklist, which the panel's PdfResults
// uses too), from the panel's own reading of the pages the viewer read (assessViewedPages), done in
// an extraction worker of the viewer's own (here one without a thread: test/unit/support/
// extraction-worker.ts), not in the viewer's thread. So a note made in the viewer gives a letter
// from "Alles" with the document's statuses and its signals' questions: the same letter as the
// panel's for that PDF.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalyser } from '../../../../lib/core/analyse';
import { snapshotItems } from '../../../../lib/core/questions/checklist';
import { askedSignalIds } from '../../../../lib/core/questions/signals';
import { shownCategories } from '../../../../lib/core/questions/technology';
import { loadBuiltinRules } from '../../../../lib/core/rules';
import { documentsRepo, notesRepo } from '../../../../lib/record/db';
import { documentFacts } from '../../../../lib/record/document-meta';
import { addNote } from '../../../../lib/record/writer';
import { buildLetters, lettersText } from '../../../../lib/record/export/letter';
import { checklistItems } from '../../../../lib/extension/ui/document-checklist';
import { documentLetterInput, selectionLetters } from '../../../../lib/extension/ui/letter-input';
import { usePdfChecklist } from '../../../../lib/extension/ui/use-pdf-checklist';
import { assessViewedPages } from '../../../../lib/surface/pdf/viewer-assess';
import { createNextTask } from '../../../../lib/surface/pdf/next-task';
import type { ToAnalysis } from '../../../../lib/surface/pdf/analysis';
import { scanPages, type ScannedPage } from '../../../../lib/surface/pdf/scan';
import { pdfTabMeta } from '../../../../lib/surface/pdf/tab-meta';
import type { PdfScanResult } from '../../../../lib/surface/pdf/result';
import { goldenDocuments, textOf } from '../../support/golden-documents';
import { useFreshDatabase } from '../../record/db/helpers';
import { STUDY_MOTIE } from '../../support/study-motie';
import { threadlessLane, type ThreadlessWorker } from '../../support/extraction-worker';

useFreshDatabase();
const rules = loadBuiltinRules();
const analyser = createAnalyser(rules);
const URL_ = 'https://utrecht.raadsinformatie.nl/document/13245/1/raadsvoorstel-slimme-camera.pdf';
const NAME = 'Raadsvoorstel slimme camera';
const DATE = Date.UTC(2026, 2, 12);

/** A text as the pages of a PDF (forty lines a page). */
function pagesOf(text: string): ScannedPage[] {
  const lines = text.split('\n');
  const count = Math.ceil(lines.length / 40);
  return Array.from({ length: count }, (_, i) => ({ page: i + 1, pageCount: count, pageLimit: count, text: lines.slice(i * 40, (i + 1) * 40).join('\n') }));
}

async function* streamed(pages: readonly ScannedPage[]): AsyncGenerator<ScannedPage> {
  yield* pages;
}

/** A golden document whose matches show technology and signals the letter asks about. */
async function signalledPages(): Promise<ScannedPage[]> {
  for (const d of goldenDocuments) {
    const pages = pagesOf(await textOf(d.file));
    if (pages.length < 2) continue;
    const read = await scanPages(streamed(pages), analyser, { url: URL_ }).catch(() => null);
    if (read?.assessment.hasTechnology && askedSignalIds(read.assessment).length >= 2) return pages;
  }
  throw new Error('geen document met signalen in de golden set');
}

let root: HTMLElement;
function Viewer({ result }: { result: PdfScanResult | undefined }) {
  // As PdfViewer.tsx calls it.
  usePdfChecklist(URL_, NAME, result, rules);
  return null;
}
beforeEach(() => {
  root = document.createElement('div');
});
afterEach(() => render(null, root));

/** The viewer's reading of `pages` in a worker of its own, as PdfViewer.tsx asks it. */
function viewerReading(pages: readonly ScannedPage[], options: { incomplete?: boolean; signal?: AbortSignal } = {}) {
  const { lane, worker } = threadlessLane();
  const read = assessViewedPages(pages, lane.analysis, { url: URL_, analyser: {}, signal: options.signal ?? new AbortController().signal, nextTask: createNextTask(), ...(options.incomplete ? { incomplete: true } : {}) });
  return { read, lane, worker };
}

/** What the worker's analysis was told, in order. */
function toAnalysis(worker: ThreadlessWorker): ToAnalysis[] {
  return worker.received.flatMap((m) => (m.kind === 'analysis' ? [m.message] : []));
}

/** Resolves once the worker was told `kind` (checked every task); fails when it never is. */
async function told(worker: ThreadlessWorker, kind: ToAnalysis['kind']): Promise<void> {
  for (let tasks = 0; !toAnalysis(worker).some((m) => m.kind === kind); tasks++) {
    if (tasks > 20_000) throw new Error(`the worker was never told '${kind}'`);
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('the viewer page’s checklist of its PDF', () => {
  it('is read in the worker as the panel reads it; a budget stop is incomplete, a scan without text has none', async () => {
    const pages = await signalledPages();
    const { read, worker } = viewerReading(pages);
    const viewed = await read;
    const panel = await scanPages(streamed(pages), analyser, { url: URL_ });
    // The same result but for when and how long it took.
    const timeless = ({ ms: _ms, scannedAt: _at, ...rest }: PdfScanResult) => rest;
    expect(timeless(viewed!)).toEqual(timeless(panel));
    // Read in the worker, not in the viewer's thread: every page's text went there, in order.
    const sent = toAnalysis(worker).flatMap((m) => (m.kind === 'pages' ? m.pages : []));
    expect(sent).toEqual(pages);
    expect(toAnalysis(worker).map((m) => m.kind)).toEqual(['begin', ...toAnalysis(worker).slice(1, -1).map(() => 'pages'), 'end']);
    expect(worker.posted.filter((m) => m.kind === 'analysis' && m.message.kind === 'done')).toHaveLength(1);

    const cut = await viewerReading(pages.slice(0, 1), { incomplete: true }).read;
    expect(cut?.incomplete).toBe(true);
    expect(await viewerReading([{ page: 1, pageCount: 1, pageLimit: 1, text: ' ' }]).read).toBeNull();
  });

  it('stops when the viewer closes, and a worker that fails gives no checklist', async () => {
    const pages = await signalledPages();
    // Closed while the worker reads the statuses of a long document (its pages forty times): it is
    // told to drop the document, and answers nothing more of it.
    const count = pages.length * 40;
    const long = Array.from({ length: count }, (_, i) => ({ ...pages[i % pages.length]!, page: i + 1, pageCount: count, pageLimit: count }));
    const closing = new AbortController();
    const closed = viewerReading(long, { signal: closing.signal });
    await told(closed.worker, 'end');
    closing.abort();
    expect(await closed.read).toBeNull();
    await told(closed.worker, 'drop');
    await new Promise((r) => setTimeout(r, 50));
    expect(closed.worker.posted.some((m) => m.kind === 'analysis' && m.message.kind === 'done')).toBe(false);

    // The worker dies (failed to load, crashed): no result, no throw; the viewer goes on without a checklist.
    const broken = viewerReading(pages);
    await told(broken.worker, 'begin');
    broken.worker.onerror?.(new Error('worker gone'));
    expect(await broken.read).toBeNull();
    expect(broken.lane.destroyed).toBe(true);
  });

  it('is kept with the document once a note stores it, and its Alles letter is the panel’s letter of the PDF', { timeout: 60_000 }, async () => {
    const pages = await signalledPages();
    const result = (await viewerReading(pages).read)!;
    await act(async () => render(<Viewer result={undefined} />, root));
    await act(async () => render(<Viewer result={result} />, root));
    // Not stored yet: nothing is written.
    expect(await documentsRepo.get(URL_)).toBeUndefined();

    // A note in the viewer stores the document (as PdfViewer's savePassage does); the snapshot follows.
    const facts = documentFacts(URL_, NAME, pdfTabMeta(URL_, NAME, document.implementation.createHTMLDocument(''), { kind: result.opening?.kind }));
    await addNote(facts, { text: 'Wie levert dit?' });
    await vi.waitFor(async () => {
      await act(async () => {});
      expect((await documentsRepo.get(URL_))?.checklist).toBeDefined();
    });
    const stored = (await documentsRepo.get(URL_))!;
    const { assessment } = result;
    expect(stored.checklist!.items).toEqual(snapshotItems(assessment.safeguards.found, assessment.safeguards.missing, rules));
    expect(stored.categories).toEqual(shownCategories(assessment));
    expect(stored.signals).toEqual(askedSignalIds(assessment));
    expect(stored.signals!.length).toBeGreaterThanOrEqual(2);

    // The Alles letter equals the panel's letter of this PDF (its statuses and its signals' questions), whole.
    const notes = await notesRepo.listByDocument(URL_);
    const panel = documentLetterInput({ document: stored, notes, flags: [], checklist: checklistItems(assessment, [], rules), assessment, ...(result.opening ? { opening: result.opening } : {}) }, rules);
    const [alles] = selectionLetters({ documents: [stored], notes, flags: [] }, [], rules, 'onbekend');
    const panelText = lettersText(buildLetters({ ...panel, date: DATE }));
    expect(lettersText(buildLetters({ ...alles!.input, date: DATE }))).toBe(panelText);
    expect(panelText).toMatch(/DPIA/);
  });

  it('keeps that a motie’s dictum asks a study, and its Alles letter asks about the study as the panel’s does', { timeout: 60_000 }, async () => {
    const text = STUDY_MOTIE;
    const url = 'https://utrecht.raadsinformatie.nl/document/13246/1/motie-slimme-sensoren.pdf';
    const name = 'Motie slimme sensoren';
    const result = await scanPages(streamed(pagesOf(text)), analyser, { url });
    expect(result.opening).toMatchObject({ kind: 'motie', asks: 'study' });
    function Panel() {
      usePdfChecklist(url, name, result, rules);
      return null;
    }
    await act(async () => render(<Panel />, root));
    await addNote(documentFacts(url, name, pdfTabMeta(url, name, document.implementation.createHTMLDocument(''), result.opening)), { text: 'Wat weegt het onderzoek?' });
    await vi.waitFor(async () => {
      await act(async () => {});
      expect((await documentsRepo.get(url))?.asks).toBe('study');
    });
    const stored = (await documentsRepo.get(url))!;
    const notes = await notesRepo.listByDocument(url);
    const panel = documentLetterInput({ document: stored, notes, flags: [], checklist: checklistItems(result.assessment, [], rules), assessment: result.assessment, opening: result.opening }, rules);
    const [alles] = selectionLetters({ documents: [stored], notes, flags: [] }, [], rules, 'onbekend');
    const panelText = lettersText(buildLetters({ ...panel, date: DATE }));
    expect(lettersText(buildLetters({ ...alles!.input, date: DATE }))).toBe(panelText);
    expect(panelText).toContain('De motie vraagt om een onderzoek, niet om de inzet zelf.');
  });
});
