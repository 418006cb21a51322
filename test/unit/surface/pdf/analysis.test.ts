// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAnalyser, type AnalyserOptions } from '@/lib/core/analyse';
import { loadBuiltinRules } from '@/lib/core/rules';
import { PdfError, pdfErrors, scanPages, type PageProgress, type PdfScanResult } from '@/lib/surface/pdf';
import { AnalysisClient, BATCH_WAIT_MS, createAnalysisHost, PAGES_PER_MESSAGE, type AnalysisPort, type FromAnalysis, type ToAnalysis } from '@/lib/surface/pdf/analysis';
import type { ScannedPage } from '@/lib/surface/pdf/scan';
import { extractPdfPagesInNode } from '@/lib/surface/pdf/node';
import { meetingDocs, meetingPdf } from '../../../bench/meeting-pdfs';

const rules = loadBuiltinRules();
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../fixtures/pdf', name)));

/**
 * A worker without a thread: the host on the far side of a port whose messages are copied
 * (structuredClone, as postMessage does) and delivered in a later task, as a worker's are.
 */
function workerPort(): AnalysisPort & { sent: ToAnalysis[]; terminated: boolean } {
  const analysers = new Map<string, ReturnType<typeof createAnalyser>>();
  const analyserFor = (options: AnalyserOptions) => {
    const key = JSON.stringify(options);
    if (!analysers.has(key)) analysers.set(key, createAnalyser(rules, options));
    return analysers.get(key)!;
  };
  const port: AnalysisPort & { sent: ToAnalysis[]; terminated: boolean } = {
    sent: [],
    terminated: false,
    onmessage: null,
    postMessage(m) {
      port.sent.push(m);
      const copy = structuredClone(m);
      setTimeout(() => !port.terminated && receive(copy), 0);
    },
    terminate() {
      port.terminated = true;
    },
  };
  const receive = createAnalysisHost((m: FromAnalysis) => {
    const copy = structuredClone(m);
    setTimeout(() => !port.terminated && port.onmessage?.({ data: copy }), 0);
  }, analyserFor);
  return port;
}

/** What the clock and the calendar add: the rest must be the same byte for byte. */
const timeless = (r: PdfScanResult) => JSON.stringify({ ...r, ms: 0, scannedAt: 0 });

async function both(bytes: Uint8Array, url: string, options: AnalyserOptions = {}) {
  const inThread: PageProgress[] = [];
  const inWorker: PageProgress[] = [];
  const local = await scanPages(extractPdfPagesInNode(bytes), createAnalyser(rules, options), { url, title: 'T', onPage: (p) => inThread.push(p) });
  const client = new AnalysisClient(workerPort());
  const remote = await client.analysis(options)(extractPdfPagesInNode(bytes), { url, title: 'T', onPage: (p) => inWorker.push(p) });
  return { local, remote, inThread, inWorker, client };
}

describe('PDF analysis in a worker', () => {
  it('gives the in-thread result, byte for byte, and the same pages as they come, on the demo raadsvoorstel', async () => {
    const { local, remote, inThread, inWorker, client } = await both(fixture('raadsvoorstel-3p.pdf'), 'https://gemeente.raadsinformatie.nl/document/1/raadsvoorstel.pdf');
    expect(local.matchCount).toBeGreaterThan(0);
    expect(local.assessment.safeguards.found.length).toBeGreaterThan(0);
    expect(timeless(remote)).toBe(timeless(local));
    expect(JSON.stringify(inWorker)).toBe(JSON.stringify(inThread));
    expect(inWorker.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(client.busy).toBe(0);
  });

  it('gives the in-thread result on a meeting’s documents, with the reader’s own term and a category off', async () => {
    const docs = meetingDocs(40, 100);
    const picked = [docs.findIndex((d) => d.tech && d.kind === 'rapport'), docs.findIndex((d) => d.tech && d.kind !== 'rapport'), docs.findIndex((d) => !d.tech)];
    expect(picked.every((i) => i >= 0)).toBe(true);
    const options: AnalyserOptions = { ownTerms: [{ id: 'lamp', text: 'lantaarnpalen', category: 'sensor' }], disabledCategories: ['drone'] };
    for (const i of picked) {
      for (const o of [{}, options]) {
        const { local, remote } = await both(meetingPdf(docs[i]!, i + 1), `https://x.nl/${i}.pdf`, o);
        expect(timeless(remote)).toBe(timeless(local));
      }
    }
  });

  it('two documents at once over one worker keep their own pages', async () => {
    const a = fixture('raadsvoorstel-3p.pdf');
    const docs = meetingDocs(40, 100);
    const i = docs.findIndex((d) => d.tech && d.pages > 3);
    const b = meetingPdf(docs[i]!, i + 1);
    const client = new AnalysisClient(workerPort());
    const [ra, rb] = await Promise.all([
      client.analysis({})(extractPdfPagesInNode(a), { url: 'a' }),
      client.analysis({})(extractPdfPagesInNode(b), { url: 'b' }),
    ]);
    const analyser = createAnalyser(rules);
    expect(timeless(ra)).toBe(timeless(await scanPages(extractPdfPagesInNode(a), analyser, { url: 'a' })));
    expect(timeless(rb)).toBe(timeless(await scanPages(extractPdfPagesInNode(b), analyser, { url: 'b' })));
  });

  it('sends the pages a few to a message (the first alone) and answers each message once, the pages in order', async () => {
    const n = 40;
    const text = (page: number) => `Pagina ${page}: het college wil cameratoezicht op het plein.`;
    const pages: AsyncIterable<ScannedPage> = {
      async *[Symbol.asyncIterator]() {
        for (let page = 1; page <= n; page++) yield { page, pageCount: n, pageLimit: n, text: text(page) };
      },
    };
    const port = workerPort();
    const replies: number[] = [];
    const onmessage = (m: FromAnalysis) => m.kind === 'pages' && replies.push(m.progress.length);
    const client = new AnalysisClient(port);
    const own = port.onmessage!;
    port.onmessage = (e) => (onmessage(e.data), own(e));
    const seen: number[] = [];
    const result = await client.analysis({})(pages, { url: 'x', onPage: (p) => seen.push(p.page) });
    const sizes = port.sent.flatMap((m) => (m.kind === 'pages' ? [m.pages.length] : []));
    expect(sizes).toEqual([1, 2, 4, ...Array<number>(Math.floor((n - 7) / PAGES_PER_MESSAGE)).fill(PAGES_PER_MESSAGE), (n - 7) % PAGES_PER_MESSAGE].filter((k) => k > 0));
    expect(port.sent.flatMap((m) => (m.kind === 'pages' ? m.pages.map((p) => p.text) : []))).toEqual(Array.from({ length: n }, (_, i) => text(i + 1)));
    expect(seen).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(replies.length).toBeLessThanOrEqual(sizes.length);
    expect(timeless(result)).toBe(timeless(await scanPages(pages, createAnalyser(rules), { url: 'x' })));
  });

  it('a batch not full goes after BATCH_WAIT_MS: a slow next page does not hold back the ones read', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const pages: AsyncIterable<ScannedPage> = {
      async *[Symbol.asyncIterator]() {
        for (let page = 1; page <= 4; page++) yield { page, pageCount: 5, pageLimit: 5, text: `Pagina ${page}: cameratoezicht.` };
        await gate;
        yield { page: 5, pageCount: 5, pageLimit: 5, text: 'Een DPIA is uitgevoerd.' };
      },
    };
    const client = new AnalysisClient(workerPort());
    const seen: number[] = [];
    const scanning = client.analysis({})(pages, { url: 'x', onPage: (p) => seen.push(p.page) });
    // Page 1 alone, pages 2 and 3 together, page 4 in a batch of four that waits no longer than
    // BATCH_WAIT_MS: all four matched while page 5 is still being read (its gate stays shut, so
    // only the wait can send page 4). Awaited, not timed: on a busy machine the first matcher build
    // alone can take longer than a few BATCH_WAIT_MS.
    await vi.waitFor(() => expect(seen).toEqual([1, 2, 3, 4]), { timeout: 20_000, interval: BATCH_WAIT_MS });
    release();
    await scanning;
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('a scan without text is "no-text" in the panel’s words, as in the thread', async () => {
    const client = new AnalysisClient(workerPort());
    const e = await client.analysis({})(extractPdfPagesInNode(fixture('gescand.pdf')), { url: 'x' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PdfError);
    expect((e as PdfError).kind).toBe('no-text');
    expect((e as PdfError).message).toBe(pdfErrors.noText().message);
  });

  it('out of time after some pages: the pages read make an incomplete result; before any page, the budget error itself', async () => {
    const pages = (n: number): AsyncIterable<ScannedPage> => ({
      async *[Symbol.asyncIterator]() {
        for (let page = 1; page <= n; page++) yield { page, pageCount: 5, pageLimit: 5, text: 'Het college wil cameratoezicht op het plein. Een DPIA is uitgevoerd.' };
        throw pdfErrors.overBudget(7);
      },
    });
    const client = new AnalysisClient(workerPort());
    const some = await client.analysis({})(pages(2), { url: 'x' });
    expect(timeless(some)).toBe(timeless(await scanPages(pages(2), createAnalyser(rules), { url: 'x' })));
    expect(some.incomplete).toBe(true);
    const budget = await client.analysis({})(pages(0), { url: 'x' }).catch((err: unknown) => err);
    expect(budget).toBeInstanceOf(PdfError);
    expect((budget as PdfError).message).toBe(pdfErrors.overBudget(7).message);
  });

  it('cancelled while the worker reads: rejected at once, the worker told to forget it, its late answer ignored', async () => {
    const port = workerPort();
    const client = new AnalysisClient(port);
    const controller = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const pages: AsyncIterable<ScannedPage> = {
      async *[Symbol.asyncIterator]() {
        yield { page: 1, pageCount: 2, pageLimit: 2, text: 'Het college wil cameratoezicht op het plein.' };
        await gate;
        yield { page: 2, pageCount: 2, pageLimit: 2, text: 'Een DPIA is uitgevoerd.' };
      },
    };
    const scanning = client.analysis({})(pages, { url: 'x', signal: controller.signal });
    controller.abort();
    const e = await scanning.catch((err: unknown) => err);
    expect((e as PdfError).kind).toBe('cancelled');
    expect(port.sent.map((m) => m.kind)).toContain('drop');
    release();
    expect(client.busy).toBe(0);
  });

  it('ended (Alles stoppen during a status reading): what waits is cancelled, the client is not used again', async () => {
    const port = workerPort();
    const client = new AnalysisClient(port);
    const scanning = client.analysis({})(extractPdfPagesInNode(fixture('raadsvoorstel-3p.pdf')), { url: 'x' });
    client.terminate();
    const e = await scanning.catch((err: unknown) => err);
    expect((e as PdfError).kind).toBe('cancelled');
    expect(port.terminated).toBe(true);
    expect(client.usable).toBe(false);
  });
});

/** A long report's pages: technology and safeguards on every page, so its status reading is many slices. */
function longReport(pageCount: number): ScannedPage[] {
  const para = [
    'Het college zet sinds 2023 camera’s met gezichtsherkenning in op het stationsplein.',
    'Een DPIA is uitgevoerd en de functionaris gegevensbescherming is geraadpleegd.',
    'De bewaartermijn van de beelden wordt nog vastgesteld; een evaluatie volgt in 2026.',
    'Er is geen verwerkersovereenkomst met de leverancier van het algoritme.',
  ].join('\n');
  return Array.from({ length: pageCount }, (_, i) => ({ page: i + 1, pageCount, pageLimit: pageCount, text: Array(12).fill(para).join('\n') }));
}
const fed = (list: ScannedPage[]) => (async function* () {
  yield* list;
})();

describe('the status reading in slices (a cancel seen within one slice)', () => {
  it('pauses between slices, stops at the first pause after stopped() says so, and reads the same as in one go', async () => {
    const analyser = createAnalyser(rules);
    const pages = longReport(6);
    // A clock of 1 ms per look: the pauses fall at the same steps every run.
    let t = 0;
    const now = () => ++t;
    const whole = await scanPages(fed(pages), analyser, { url: 'x' });
    let pauses = 0;
    const sliced = await scanPages(fed(pages), analyser, { url: 'x', now, readSlices: { pause: async () => void pauses++, stopped: () => false } });
    expect(pauses).toBeGreaterThan(3);
    expect(timeless(sliced)).toBe(timeless(whole));
    let paused = 0;
    const stopped = await scanPages(fed(pages), analyser, { url: 'x', now, readSlices: { pause: async () => void paused++, stopped: () => paused >= 2 } }).catch((e: unknown) => e);
    expect((stopped as PdfError).kind).toBe('cancelled');
    expect(paused).toBe(2);
  });

  it('in the worker: a drop that comes during the reading ends it at the next pause, and the next document is read as before', async () => {
    const posted: FromAnalysis[] = [];
    let pauses = 0;
    let pausesAtDrop = -1;
    let receive!: (m: ToAnalysis) => void;
    const nextTask = () =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          pauses++;
          // The panel's 'drop' arrives as the task after the reading's first slice.
          if (steps > 0 && pausesAtDrop < 0) {
            pausesAtDrop = pauses;
            receive({ kind: 'drop', id: 1 });
          }
          resolve();
        }, 0),
      );
    const analyser = createAnalyser(rules);
    let steps = 0;
    let finished = false;
    // The analyser's reading, counted: how many of its steps ran, and whether it ran to its end.
    const counted = {
      ...analyser,
      assessSteps: function* (...args: Parameters<typeof analyser.assessSteps>) {
        const inner = analyser.assessSteps(...args);
        for (;;) {
          const r = inner.next();
          if (r.done) {
            finished = true;
            return r.value;
          }
          steps++;
          yield;
        }
      },
    };
    receive = createAnalysisHost((m) => posted.push(m), () => counted, nextTask);
    receive({ kind: 'begin', id: 1, options: {}, url: 'x' });
    receive({ kind: 'pages', id: 1, pages: longReport(30) });
    receive({ kind: 'end', id: 1 });
    await vi.waitFor(() => expect(pausesAtDrop).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 50));
    // No pause after the drop's: the reading ended there.
    expect(pauses).toBe(pausesAtDrop);
    expect(finished).toBe(false);
    expect(steps).toBeGreaterThan(0);
    expect(posted.filter((m) => m.id === 1 && m.kind !== 'pages')).toEqual([]);

    const pages = longReport(2);
    receive({ kind: 'begin', id: 2, options: {}, url: 'y' });
    receive({ kind: 'pages', id: 2, pages });
    receive({ kind: 'end', id: 2 });
    await vi.waitFor(() => expect(posted.some((m) => m.id === 2 && m.kind === 'done')).toBe(true));
    const done = posted.find((m) => m.id === 2 && m.kind === 'done') as Extract<FromAnalysis, { kind: 'done' }>;
    expect(timeless(done.result)).toBe(timeless(await scanPages(fed(pages), analyser, { url: 'y' })));
  });
});
