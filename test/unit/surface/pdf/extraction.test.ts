// @vitest-environment node
// The panel's PDF path off its thread (lib/surface/pdf/extraction.ts) without a browser: the
// extraction host reads with Node's pdf.js and analyses the pages in the same (here: no) thread,
// as the lane's worker does. Messages between the panel and the host are structured-cloned
// (bytes transferred) and delivered in a later task.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser, type AnalyserOptions } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { t } from '@/lib/extension/i18n';
import { LIVE_MATCHES, PdfError, scanPages, type PageProgress, type PdfDocumentLike, type PdfScanResult } from '@/lib/surface/pdf';
import { AnalysisClient, type AnalysisPort } from '@/lib/surface/pdf/analysis';
import { createExtractionHost, ExtractionLane, liveProgress, readOffThread, type ExtractionPort, type FromExtraction, type ToExtraction } from '@/lib/surface/pdf/extraction';
import type { PdfLoadingTaskLike } from '@/lib/surface/pdf/extract';
import { extractPdfPagesInNode, openPdfInNode } from '@/lib/surface/pdf/node';
import { createNextTask } from '@/lib/surface/pdf/next-task';
import { warmPdf } from '@/lib/surface/pdf/warm-pdf';
import { rejectionOf } from '../../support/rejection';
import { meetingDocs, meetingPdf } from '../../../bench/meeting-pdfs';

const rules = loadBuiltinRules();
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../fixtures/pdf', name)));
const timeless = (r: PdfScanResult) => JSON.stringify({ ...r, ms: 0, scannedAt: 0 });

/** Delivered as a worker's message is: a copy (transferables moved), in a later task. */
function deliver<T>(m: T, transfer: unknown[] | undefined, to: (m: T) => void, alive: () => boolean) {
  const copy = structuredClone(m, transfer ? { transfer: transfer as Transferable[] } : undefined);
  setTimeout(() => alive() && to(copy), 0);
}

const analysers = new Map<string, ReturnType<typeof createAnalyser>>();
const analyserFor = (options: AnalyserOptions) => {
  const key = JSON.stringify(options);
  if (!analysers.has(key)) analysers.set(key, createAnalyser(rules, options));
  return analysers.get(key)!;
};

/**
 * An extraction worker without a thread; `open` as the worker's (Node's pdf.js here). `busy`: as
 * a worker whose thread pdf.js keeps busy, its own budget timers never fire (they get the defaults);
 * otherwise its page time is a tenth of the panel's, so it says an overrun before the panel ends
 * it, on a loaded machine too.
 */
function extractionWorker(open: (bytes: Uint8Array) => Promise<PdfLoadingTaskLike> = openPdfInNode, busy = true, now?: () => number): ExtractionPort & { terminated: boolean; seen: FromExtraction[]; received: ToExtraction[] } {
  const port: ExtractionPort & { terminated: boolean; seen: FromExtraction[]; received: ToExtraction[] } = {
    terminated: false,
    seen: [],
    received: [],
    onmessage: null,
    onerror: null,
    postMessage: (m, transfer) =>
      deliver(
        m.kind === 'read' ? { ...m, budget: busy ? undefined : { ...m.budget, ...(m.budget?.pageMs ? { pageMs: m.budget.pageMs / 10 } : {}) } } : m,
        transfer,
        (c) => {
          port.received.push(c);
          void receive(c);
        },
        () => !port.terminated,
      ),
    terminate: () => void (port.terminated = true),
  };
  const receive = createExtractionHost(
    (m) => {
      if (port.terminated) return;
      port.seen.push(m);
      deliver(m, undefined, (c) => port.onmessage?.({ data: c }), () => !port.terminated);
    },
    open,
    analyserFor,
    undefined,
    now,
  );
  return port;
}

async function offThread(bytes: Uint8Array, options: { open?: (bytes: Uint8Array) => Promise<PdfLoadingTaskLike>; budget?: { pageMs?: number; documentMs?: number }; maxPages?: number; idleWorker?: boolean; now?: () => number } = {}) {
  const port = extractionWorker(options.open, !options.idleWorker, options.now);
  const lane = new ExtractionLane(port);
  const progress: PageProgress[] = [];
  let extracted = 0;
  const run = readOffThread(lane, bytes, {
    analyser: {},
    url: 'u',
    title: 'T',
    budget: options.budget,
    maxPages: options.maxPages,
    onPage: (p) => progress.push(p),
    onExtracted: () => extracted++,
  });
  return { run, progress, port, lane, client: lane.analysis, extracted: () => extracted };
}

async function inThread(bytes: Uint8Array, maxPages?: number) {
  const progress: PageProgress[] = [];
  const result = await scanPages(extractPdfPagesInNode(bytes, { maxPages }), createAnalyser(rules), { url: 'u', title: 'T', onPage: (p) => progress.push(p) });
  return { result, progress };
}

/** Pages that answer at once until `stuck`, which never does (a worker lost in a bomb). */
function stuckOpen(pages: number, stuck: number) {
  const doc: PdfDocumentLike = {
    numPages: pages,
    getPage: async (n) => ({
      getTextContent: () => (n === stuck ? new Promise(() => {}) : Promise.resolve({ items: [{ str: `Pagina ${n} noemt cameratoezicht en een ANPR-camera in de binnenstad.`, hasEOL: true }] })),
    }),
  };
  return async (): Promise<PdfLoadingTaskLike> => ({ promise: Promise.resolve(doc), destroy: async () => {} });
}

describe('the page progress the extraction worker sends (liveProgress)', () => {
  const match = (index: number, page: number) => ({ index, page, start: 0, end: 4, termId: 't', category: 'camera' as const, text: 'ANPR', snippet: 'ANPR' });
  const pages = (id: number, ...perPage: [page: number, from: number, count: number][]) => ({
    kind: 'pages' as const,
    id,
    progress: perPage.map(([page, from, count]) => ({ page, pageLimit: 9, pageCount: 9, matches: Array.from({ length: count }, (_, i) => match(from + i, page)) })),
  });

  it('sends a document\'s first matches up to the limit, and of the rest only how many each page had', () => {
    const live = liveProgress(5);
    const first = live(pages(1, [1, 0, 3], [2, 3, 0]));
    // Under the limit: the message as it was.
    expect(first).toEqual(pages(1, [1, 0, 3], [2, 3, 0]));
    const second = live(pages(1, [3, 3, 4], [4, 7, 2]));
    expect(second.kind === 'pages' && second.progress.map((p) => [p.page, p.matches.map((m) => m.index), p.found])).toEqual([
      [3, [3, 4], 4],
      [4, [], 2],
    ]);
  });

  it('counts each document apart, and forgets one once its result or error went', () => {
    const live = liveProgress(2);
    live(pages(1, [1, 0, 2]));
    // Document 2 has its own two.
    const other = live(pages(2, [1, 0, 3]));
    expect(other.kind === 'pages' && other.progress[0]!.matches.length).toBe(2);
    const done = { kind: 'error' as const, id: 1, error: 'cancelled' as const };
    expect(live(done)).toBe(done);
    // The same id again (a document read anew) starts from nothing.
    const again = live(pages(1, [1, 0, 2]));
    expect(again).toEqual(pages(1, [1, 0, 2]));
  });
});

describe('PDF pages extracted and analysed in the lane\'s own worker', () => {
  it('gives the in-thread result and progress, byte for byte (raadsvoorstel and meeting documents)', async () => {
    const docs = meetingDocs(40, 2000);
    const files = [fixture('raadsvoorstel-3p.pdf'), ...[0, 7, 21].map((i) => meetingPdf(docs[i]!, i + 1))];
    for (const bytes of files) {
      const local = await inThread(bytes);
      const remote = await offThread(bytes.slice());
      const { result } = await remote.run;
      expect(timeless(result)).toBe(timeless(local.result));
      // The same pages and counts; the streamed matches only the document's first LIVE_MATCHES
      // (meeting document 7 has 132), each as the in-thread analysis streamed it.
      expect(remote.progress.map((p) => [p.page, p.pageLimit, p.pageCount, p.found ?? p.matches.length])).toEqual(local.progress.map((p) => [p.page, p.pageLimit, p.pageCount, p.matches.length]));
      expect(JSON.stringify(remote.progress.flatMap((p) => p.matches))).toBe(JSON.stringify(local.progress.flatMap((p) => p.matches).slice(0, LIVE_MATCHES)));
      expect(remote.extracted()).toBe(1);
      expect(remote.lane.destroyed).toBe(false);
    }
  });

  it('keeps the page limit and says the result is truncated', async () => {
    const bytes = meetingPdf(meetingDocs(40, 2000)[3]!, 4);
    const local = await inThread(bytes, 2);
    const { result } = await (await offThread(bytes, { maxPages: 2 })).run;
    expect(result.truncated).toBe(true);
    expect(timeless(result)).toBe(timeless(local.result));
  });

  it('tells the panel of the pages in batches (1, 2, 4, then 8)', async () => {
    const bytes = meetingPdf(meetingDocs(40, 2000)[0]!, 1);
    // A clock that stands still: on a loaded machine BATCH_WAIT_MS can pass between two pages and
    // tell early ([1, 3, 6] was seen under load 12), which is right but not what this test is about.
    const remote = await offThread(bytes, { now: () => 0 });
    const { result } = await remote.run;
    const sent = remote.port.seen.filter((m) => m.kind === 'sent').map((m) => (m as { pages: number }).pages);
    expect(sent.slice(0, 3)).toEqual([1, 3, 7]);
    expect(remote.port.seen.filter((m) => m.kind !== 'analysis').at(-1)).toEqual({ kind: 'extracted', id: 1, pages: result.scannedPages });
    expect(remote.port.seen.filter((m) => m.kind === 'opened')).toHaveLength(1);
  });

  it('ends a worker stuck on a page from the panel: the pages read end with it, the reader gets the over-budget error', async () => {
    const remote = await offThread(new Uint8Array(8), { open: stuckOpen(6, 4), budget: { pageMs: 100 } });
    const err = await rejectionOf(remote.run, PdfError);
    expect(err.kind).toBe('over-budget');
    expect(err.message).toBe(t('pdfErrorOverBudget', 1));
    expect(remote.port.terminated).toBe(true);
    expect(remote.lane.destroyed).toBe(true);
    expect(remote.client.busy).toBe(0);
    expect(remote.extracted()).toBe(1);
  });

  it('words the over-budget error as extract.ts does when no page was read', async () => {
    const remote = await offThread(new Uint8Array(8), { open: stuckOpen(6, 1), budget: { pageMs: 100 } });
    const err = await rejectionOf(remote.run, PdfError);
    expect(err.kind).toBe('over-budget');
    expect(err.message).toBe(t('pdfErrorOverBudget', 1));
    expect(remote.port.terminated).toBe(true);
    expect(remote.client.busy).toBe(0);
  });

  it('keeps the pages when the worker sees the overrun itself (its timers ran: it was waiting, not parsing)', async () => {
    const remote = await offThread(new Uint8Array(8), { open: stuckOpen(6, 4), budget: { pageMs: 1000 }, idleWorker: true });
    const { result } = await remote.run;
    expect(result.incomplete).toBe(true);
    expect(result.scannedPages).toBe(3);
    expect(remote.port.seen.filter((m) => m.kind !== 'analysis').at(-1)).toMatchObject({ kind: 'error', error: 'over-budget', pages: 3 });
    expect(remote.lane.destroyed).toBe(false);
  });

  it('stops at the document budget too', async () => {
    const remote = await offThread(new Uint8Array(8), { open: stuckOpen(6, 5), budget: { pageMs: 60_000, documentMs: 150 } });
    const err = await rejectionOf(remote.run, PdfError);
    expect(err.kind).toBe('over-budget');
    expect(remote.lane.destroyed).toBe(true);
  });

  it("brings pdf.js' errors and the unpack check's as the panel's Dutch PdfErrors", async () => {
    const broken = await rejectionOf((await offThread(fixture('kapot.pdf'))).run, PdfError);
    expect(broken.kind).toBe('corrupt');
    expect(broken.message).toBe(t('pdfErrorCorrupt'));
    const scanned = await rejectionOf((await offThread(fixture('gescand.pdf'))).run, PdfError);
    expect(scanned.kind).toBe('no-text');
    const { bombPdf } = await import('../../../fixtures/pdf/make-hostile-pdf.mjs');
    const bomb = await rejectionOf((await offThread(await bombPdf({ unpackedMb: 300, pages: 3, bombPage: 2 }))).run, PdfError);
    expect(bomb.kind).toBe('unpacks-too-far');
    expect(bomb.message).toBe(t('pdfErrorUnpacksTooFar', 128));
  });

  it('is cancelled at once when the lane ends its worker mid-document', async () => {
    const remote = await offThread(new Uint8Array(8), { open: stuckOpen(6, 2), budget: { pageMs: 60_000 } });
    await new Promise((r) => setTimeout(r, 30));
    remote.lane.destroy();
    const err = await rejectionOf(remote.run, PdfError);
    expect(err.kind).toBe('cancelled');
    expect(remote.port.terminated).toBe(true);
  });
});

describe('one worker reads and analyses', () => {
  it('answers the panel with matches and the result: no page\'s text leaves the worker', async () => {
    const bytes = meetingPdf(meetingDocs(40, 2000)[7]!, 8);
    const texts: string[] = [];
    for await (const p of extractPdfPagesInNode(bytes.slice())) texts.push(p.text);
    const remote = await offThread(bytes);
    const { result } = await remote.run;
    expect(result.scannedPages).toBe(texts.length);
    const analysis = remote.port.seen.flatMap((m) => (m.kind === 'analysis' ? [m.message] : []));
    expect(analysis.filter((m) => m.kind === 'pages').flatMap((m) => (m.kind === 'pages' ? m.progress : []))).toHaveLength(result.scannedPages);
    expect(analysis.at(-1)).toMatchObject({ kind: 'done', id: 1 });
    // The worker's only way out is the panel's port (the pages went to an analysis worker's before).
    const out = JSON.stringify(remote.port.seen);
    expect(texts.filter((text) => text.length > 200 && out.includes(JSON.stringify(text).slice(1, -1)))).toEqual([]);
    // The panel said 'begin' on the same channel as 'read', before it.
    expect(remote.port.received.map((m) => (m.kind === 'analysis' ? m.message.kind : m.kind))).toEqual(['begin', 'read']);
  });

  it("reads the next document once the one before is analysed: its statuses are read in the same thread, not on the next one's page clock", async () => {
    const docs = meetingDocs(40, 2000);
    const port = extractionWorker();
    const lane = new ExtractionLane(port);
    let analysedAt = 0;
    const read = (i: number, onExtracted?: () => void) =>
      readOffThread(lane, meetingPdf(docs[i]!, i + 1), { analyser: {}, url: `u${i}`, title: 'T', onExtracted, onTimes: () => (analysedAt ||= performance.now()) });
    // As the pool hands out the lane: the next document starts once the one before let go of it.
    let second: ReturnType<typeof read> | undefined;
    const a = await read(21, () => void (second = read(0)));
    const b = await second!;
    expect(a.result.url).toBe('u21');
    expect(b.result.url).toBe('u0');
    const order = port.seen.flatMap((m) => (m.kind === 'analysis' && m.message.kind === 'done' ? [`done ${m.message.id}`] : m.kind === 'opened' ? [`opened ${m.id}`] : []));
    expect(order).toEqual(['opened 1', 'done 1', 'opened 2', 'done 2']);
    expect(b.postedAt).toBeGreaterThanOrEqual(analysedAt);
  });

  it('ends the status reading under way with the lane (Alles stoppen): the document is cancelled', async () => {
    const port = extractionWorker();
    const lane = new ExtractionLane(port);
    const reading = readOffThread(lane, meetingPdf(meetingDocs(40, 2000)[21]!, 22), { analyser: {}, url: 'u', title: 'T', onExtracted: () => lane.destroy() });
    const err = await rejectionOf(reading, PdfError);
    expect(err.kind).toBe('cancelled');
    expect(lane.analysis.busy).toBe(0);
    expect(lane.analysis.usable).toBe(false);
  });
});

describe('a head start before the first document (warm)', () => {
  it('is a page pdf.js reads, with a term and a safeguard for the analysis', async () => {
    const pages: string[] = [];
    for await (const p of extractPdfPagesInNode(warmPdf())) pages.push(p.text);
    expect(pages).toHaveLength(1);
    const result = await scanPages(extractPdfPagesInNode(warmPdf()), createAnalyser(rules), { url: 'u', title: 'T' });
    expect(result.matchCount).toBeGreaterThan(0);
    expect(pages[0]).toContain('DPIA is uitgevoerd');
  });

  it('reads that page and compiles the analyser in the worker, tells the panel nothing, and the document after it waits for it and reads as without', async () => {
    const bytes = meetingPdf(meetingDocs(40, 2000)[7]!, 8);
    const cold = await (await offThread(bytes.slice())).run;
    const opened: number[] = [];
    const open = async (b: Uint8Array) => (opened.push(b.length), openPdfInNode(b));
    const port = extractionWorker(open);
    const lane = new ExtractionLane(port);
    lane.warm({});
    // Posted at once after the warm-up, as a click right after the panel opened: it waits for it.
    const warm = await readOffThread(lane, bytes.slice(), { analyser: {}, url: 'u', title: 'T' });
    expect(opened).toEqual([warmPdf().length, bytes.length]);
    expect(port.received.map((m) => (m.kind === 'analysis' ? m.message.kind : m.kind))).toEqual(['warm', 'begin', 'read']);
    expect(port.seen.filter((m) => m.kind === 'analysis' && m.message.id !== 1)).toEqual([]);
    expect(port.seen.filter((m) => m.kind === 'opened').map((m) => (m as { id: number }).id)).toEqual([1]);
    expect(timeless(warm.result)).toBe(timeless(cold.result));
  });

  it('gives way to a document that comes before it got to its page (a click right after the panel opened)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    // The warm-up's first step waits for the gate; the document's pages each get their task at once.
    const nextTask = () => (first ? ((first = false), gate) : Promise.resolve());
    const opened: number[] = [];
    const posted: FromExtraction[] = [];
    const receive = createExtractionHost((m) => posted.push(m), async (b) => (opened.push(b.length), openPdfInNode(b)), analyserFor, nextTask);
    const bytes = meetingPdf(meetingDocs(40, 2000)[0]!, 1);
    const warming = receive({ kind: 'warm', options: {} });
    void receive({ kind: 'analysis', message: { kind: 'begin', id: 1, options: {}, url: 'u' } });
    const reading = receive({ kind: 'read', id: 1, bytes: bytes.slice().buffer });
    release();
    await Promise.all([warming, reading]);
    expect(opened).toEqual([bytes.length]);
    expect(posted.filter((m) => m.kind === 'extracted')).toHaveLength(1);
  });

  it('is only a head start: a page it cannot read leaves the next document as it was', async () => {
    const bytes = meetingPdf(meetingDocs(40, 2000)[0]!, 1);
    const cold = await (await offThread(bytes.slice())).run;
    const port = extractionWorker(async (b) => (b.length === warmPdf().length ? Promise.reject(new Error('kapot')) : openPdfInNode(b)));
    const lane = new ExtractionLane(port);
    lane.warm({});
    const warm = await readOffThread(lane, bytes.slice(), { analyser: {}, url: 'u', title: 'T' });
    expect(timeless(warm.result)).toBe(timeless(cold.result));
  });
});

describe('the extraction ahead of the analysis', () => {
  it('waits until at most n documents are being analysed', async () => {
    const silent: AnalysisPort = { onmessage: null, postMessage: () => {} };
    const client = new AnalysisClient(silent);
    const a = client.fed({}, { url: 'a' });
    client.fed({}, { url: 'b' });
    let free = false;
    const wait = client.whenBusyAtMost(1).then(() => (free = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(free).toBe(false);
    a.fail(new Error('stopped'));
    await wait;
    expect(client.busy).toBe(1);
    await expect(client.whenBusyAtMost(1)).resolves.toBeUndefined();
  });
});

describe('a warm-up that comes after the first document (the click was quicker than the panel\'s idle moment)', () => {
  it('does not start: the document reads on, with its own task per page', async () => {
    const posted: FromExtraction[] = [];
    const opened: number[] = [];
    const tasks = createNextTask();
    let turns = 0;
    const nextTask = () => (turns++, tasks());
    const receive = createExtractionHost((m) => posted.push(m), async (b) => (opened.push(b.length), openPdfInNode(b)), analyserFor, nextTask);
    const bytes = meetingPdf(meetingDocs(10, 40)[0]!, 1);
    void receive({ kind: 'analysis', message: { kind: 'begin', id: 1, options: {}, url: 'u' } });
    const reading = receive({ kind: 'read', id: 1, bytes: bytes.slice().buffer });
    // The warm message lands while the document's pages are read.
    await new Promise((r) => setTimeout(r, 0));
    await receive({ kind: 'warm', options: {} });
    await reading;
    expect(opened).toEqual([bytes.length]);
    const extracted = posted.filter((m) => m.kind === 'extracted');
    expect(extracted).toHaveLength(1);
    // One task per page, none for a warm-up.
    expect(turns).toBe((extracted[0] as { pages: number }).pages);
  });
});

describe("the worker's own task per page (createNextTask)", () => {
  it('resumes every caller waiting, in order: a second one does not take the first one\'s turn', async () => {
    const nextTask = createNextTask();
    const order: string[] = [];
    const document = (async () => {
      for (let page = 1; page <= 3; page++) {
        await nextTask();
        order.push(`page ${page}`);
      }
    })();
    // The warm-up asks for its task while the document waits for its own.
    const warmUp = nextTask().then(() => order.push('warm'));
    const settled = await Promise.race([Promise.all([document, warmUp]).then(() => 'both'), new Promise((r) => setTimeout(() => r('stuck'), 1000))]);
    expect(settled).toBe('both');
    expect(order).toEqual(['page 1', 'warm', 'page 2', 'page 3']);
  });
});
