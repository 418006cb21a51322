import { drain } from '@/lib/core/steps';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { createPageSession, SCAN_MEASURE, SETUP_MEASURE, type PageSession } from '@/lib/surface/page/session/page-session';
import { mergeAttachments, portalSummary, segmentAt } from '@/lib/surface/page/session/report';
import { MARK_CLASS } from '@/lib/surface/page/highlight';
import { unpackReportSteps, ReportDetailsSchema, SentScanReportSchema, type PackedScanReport, type SentScanReport } from '@/lib/extension/messages/protocol';
import { loadBuiltinRules } from '@/lib/core/rules';
import { settleReport } from '@/lib/extension/background/settle';
import { completedReportSteps } from '@/lib/extension/background/complete';
import { withOpening } from '@/lib/extension/background/portal-opening';
import { sentenceInWindow, type SentenceWindow } from '@/lib/core/questions/reading';
import { unpackReading } from '@/lib/core/questions/reading-wire';
import { h } from 'preact';
import { DocumentMeta } from '@/components/panel/DocumentMeta';
import { mount } from '../../../support/mount';
import { createReader } from '@/lib/surface/page/session/reader';

const analyser = createAnalyser(loadBuiltinRules());

const PAGE =
  '<header><nav>Cameratoezicht (menu)</nav></header><main><h1>Raadsvoorstel cameratoezicht binnenstad</h1>' +
  '<p>Het college wil het cameratoezicht uitbreiden. Er is een DPIA gedaan.</p>' +
  '<p>Daarnaast komen er bodycams voor handhavers.</p>' +
  '<p><a href="/stukken/raadsvoorstel.pdf">Raadsvoorstel (PDF)</a> <a href="/over.html">Over</a></p></main>' +
  '<div class="cookiebanner">tracking cookies en analytische cookies</div>';

let session: PageSession | null = null;
afterEach(() => session?.stop());
/** The reader's actions as the background would inject them (reader-load.ts), counted. */
let readerLoads = vi.fn(async () => createReader);

function start(html = PAGE) {
  document.body.innerHTML = html; // test fixture, not page text from the wild
  document.title = 'Raadsvoorstel cameratoezicht | Gemeente Zutphen';
  const reports: SentScanReport[] = [];
  readerLoads = vi.fn(async () => createReader);
  session = createPageSession(document, { analyser, reader: readerLoads, onReport: (r) => reports.push(r) });
  return { s: session, reports };
}

/** The report as the background keeps it once a panel asked the page for what it left out (background/complete.ts). */
async function whole(s: PageSession, sent: SentScanReport | null): Promise<PackedScanReport> {
  const slim = settleReport(SentScanReportSchema.parse(sent));
  const details = ReportDetailsSchema.parse(await s.handle({ type: 'report-details', key: slim.pending! }));
  return drain(completedReportSteps(slim, details));
}

describe('page session (without the Highlight API: <mark> fallback)', () => {
  it('reports the main content with portal metadata and PDF attachments, valid for the protocol', async () => {
    const { s } = start();
    const sent = await s.scan();
    expect(sent).not.toBeNull();
    const parsed = SentScanReportSchema.safeParse(sent);
    expect(parsed.success).toBe(true);
    // The count and the matches come at once; what only the panel and popup show stays in the page until asked for.
    expect(parsed.data).toMatchObject({ matchCount: 3, pending: expect.any(String) });
    for (const k of ['reading', 'portal', 'attachments', 'documentsLater']) expect(parsed.data).not.toHaveProperty(k);
    const details = ReportDetailsSchema.parse(await s.handle({ type: 'report-details', key: parsed.data!.pending! }));
    // The page sends the text around its safeguards; the background reads them and keeps no text.
    expect(unpackReading(details.reading!).reading.mentions.map((m) => m.text)).toEqual(['DPIA']);
    // Another key (a report a newer one replaced) gets nothing.
    expect(s.handle({ type: 'report-details', key: 'older' })).toBeNull();
    const report = drain(unpackReportSteps(await whole(s, sent)));
    expect(report).not.toHaveProperty('reading');
    expect(report).not.toHaveProperty('pending');
    expect(report.matches.map((m) => m.text.toLowerCase())).toEqual(['cameratoezicht', 'cameratoezicht', 'bodycams']);
    expect(report.portal).toMatchObject({ portal: 'generic', portalLabel: 'Webpagina', gemeente: 'Zutphen', documentType: 'raadsvoorstel' });
    expect(report.attachments).toEqual([{ name: 'Raadsvoorstel', url: `${location.origin}/stukken/raadsvoorstel.pdf` }]);
    // The DPIA passage snippet comes from its block.
    expect(report.assessment.safeguards.found.map((f) => f.passage.snippet).join(' ')).toContain('DPIA');
    // Painted as <mark>s, only in the main content.
    const marks = [...document.querySelectorAll(`mark.${MARK_CLASS}`)];
    expect(marks.map((m) => m.textContent)).toEqual(['cameratoezicht', 'cameratoezicht', 'bodycams']);
    expect(marks.every((m) => m.closest('main'))).toBe(true);
  });

  it('has each safeguard read in its sentence by the background, with the blocks before it (a list hears its lead-in)', async () => {
    const { s } = start(
      '<main><h1>Motie cameratoezicht</h1><p>Het college plaatst camera’s op het plein.</p>' +
        '<p>Voor de camera’s is nog geen DPIA uitgevoerd.</p><h2>Privacy</h2><p>De beelden worden 28 dagen bewaard.</p>' +
        '<p>verzoekt het college:</p><ul><li>de functionaris gegevensbescherming om advies te vragen;</li><li>de inzet te evalueren,</li></ul></main>',
    );
    const parsed = await whole(s, await s.scan());
    const found = Object.fromEntries(parsed.assessment.safeguards.found.map((f) => [f.id, f]));
    expect(Object.fromEntries(Object.entries(found).map(([id, f]) => [id, f.status]))).toEqual({
      dpia: 'negated',
      bewaartermijn: 'stated',
      fg: 'planned',
      evaluatie: 'planned',
    });
    expect(found.dpia!.passages[0]).toMatchObject({ status: 'negated', text: 'Voor de camera’s is nog geen DPIA uitgevoerd.' });
    expect(found.fg!.ask).toMatch(/^Wanneer geeft de FG advies/);
    // Offsets are into the report's joined text: the passage's sentence holds its term.
    const dpia = found.dpia!.passages[0]!;
    expect(dpia.term.start).toBeGreaterThanOrEqual(dpia.start);
    expect(dpia.term.end).toBeLessThanOrEqual(dpia.end);
  });

  it('answers the panel: anchors for matches, notes found again, next/previous', async () => {
    const { s } = start();
    await s.scan();
    const anchor = (await s.handle({ type: 'anchor-for-match', index: 2 })) as { exact: string };
    // A note from a match is about the sentence that occurrence stands in, not the bare word.
    expect(anchor.exact).toBe('Daarnaast komen er bodycams voor handhavers.');
    const gone = { ...(anchor as never as object), exact: 'drones boven de wijk', prefix: '', suffix: '' } as never;
    // Answered by entry id, whatever the order: the panel no longer counts positions.
    expect(await s.handle({ type: 'locate-anchors', entries: [{ id: 'flag:2', anchor: gone }, { id: 'note:1', anchor: anchor as never }] })).toEqual([
      { id: 'flag:2', found: false },
      { id: 'note:1', found: true },
    ]);
    // A letter quotes the whole sentence a flagged term stands in, not the term.
    // The page answers with the text around each passage; the panel finds the sentence in it.
    const windows = (await s.handle({ type: 'anchor-sentences', anchors: [anchor as never, { ...(anchor as never as object), exact: 'drones', prefix: '', suffix: '' } as never] })) as Array<SentenceWindow | null>;
    expect(windows.map((w) => w && sentenceInWindow(w, loadBuiltinRules(), 'wrapped'))).toEqual([
      'Daarnaast komen er bodycams voor handhavers.',
      null,
    ]);
    expect(s.handle({ type: 'next-match' })).toMatchObject({ index: 0, total: 3 });
    expect(s.handle({ type: 'prev-match' })).toMatchObject({ index: 2, total: 3 });
    expect(s.handle({ type: 'scroll-to-match', index: 99 })).toBe(false);
  });

  it("loads the reader's actions only at the reader's first request for one, and once", async () => {
    const { s } = start();
    await s.scan();
    // A scan, its report and stepping through the matches need none of them (content.js has none).
    await s.handle({ type: 'report-details', key: s.report!.pending! });
    expect(s.handle({ type: 'next-match' })).toMatchObject({ index: 0 });
    expect(readerLoads).not.toHaveBeenCalled();
    const anchor = await s.handle({ type: 'anchor-for-match', index: 0 });
    expect(anchor).toMatchObject({ exact: expect.stringContaining('cameratoezicht') });
    expect(await s.handle({ type: 'get-selection' })).toBeNull();
    expect(readerLoads).toHaveBeenCalledTimes(1);
  });

  it("answers a reader's request with an error, not a crash, when its actions cannot be loaded", async () => {
    document.body.innerHTML = PAGE; // test fixture
    session = createPageSession(document, { analyser, reader: () => Promise.reject(new Error('niet geladen')) });
    await session.scan();
    await expect(session.handle({ type: 'get-selection' }) as Promise<unknown>).rejects.toThrow('niet geladen');
    // The page's own work goes on.
    expect(session.handle({ type: 'next-match' })).toMatchObject({ index: 0 });
  });

  it('composes the same report when every step of the scan and of the report is a task of its own', async () => {
    const page =
      '<main><h1>Raadsvoorstel cameratoezicht</h1>' +
      Array.from({ length: 60 }, (_, i) => `<p>Punt ${i}: ${i % 7 === 3 ? 'de pilot met bodycams en een DPIA' : i % 11 === 5 ? 'de bewaartermijn van de beelden' : 'de begroting'} in de commissie.</p>`).join('') +
      '</main>';
    const first = start(page).s;
    const atOnce = await whole(first, await first.scan());
    session?.stop();
    let posted = 0;
    document.body.innerHTML = page; // test fixture, not page text from the wild
    session = createPageSession(document, { analyser, slice: { budgetMs: 0, inputPending: null, post: (fn) => void (posted++, setTimeout(fn, 0)) } });
    const cut = await session.scan();
    // More tasks than the scan alone takes: the report's steps are posted too.
    expect(posted).toBeGreaterThan(10);
    const strip = (r: PackedScanReport | null) => ({ ...r, scannedAt: 0, ms: 0 });
    expect(strip(await whole(session, cut))).toEqual(strip(atOnce));
    expect(cut!.matchCount).toBeGreaterThan(10);
  });

  it('writes nothing into the performance timeline of the page outside a measuring build', async () => {
    // vitest builds without RAADSLENS_MEASURE: like the store build, the page must find no entries.
    performance.clearMeasures();
    const { s } = start();
    s.prepare();
    await s.scan();
    expect(performance.getEntriesByName(SCAN_MEASURE)).toEqual([]);
    expect(performance.getEntriesByName(SETUP_MEASURE)).toEqual([]);
  });

  it('finds notes and flags again without painting them where the page can read them', async () => {
    const { s } = start();
    await s.scan();
    const before = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    const anchor = (await s.handle({ type: 'anchor-for-match', index: 2 })) as never;
    expect(await s.handle({ type: 'locate-anchors', entries: [{ id: 'note:1', anchor }, { id: 'flag:1', anchor }] })).toEqual([
      { id: 'note:1', found: true },
      { id: 'flag:1', found: true },
    ]);
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(before);
    expect(document.body.innerHTML).not.toContain('raadslens-note');
    expect(document.body.innerHTML).not.toContain('raadslens-flag');
    // Jumping to a note scrolls there without marking it as the active match.
    expect(await s.handle({ type: 'scroll-to-anchor', anchor })).toBe(true);
    expect(document.querySelectorAll('mark.raadslens-mark--active')).toHaveLength(0);
  });

  it('a rescan after a change replaces the marks instead of adding to them', async () => {
    const { s } = start();
    await s.scan();
    const p = document.createElement('p');
    p.textContent = 'En ook drones.';
    document.querySelector('main')!.append(p);
    const report = await s.scan();
    expect(report!.matchCount).toBe(4);
    expect(document.querySelectorAll(`mark.${MARK_CLASS}`)).toHaveLength(4);
  });

  it('details asked for, then a stop or a navigation before they are answered: no answer (null)', async () => {
    for (const end of ['stop', 'navigate'] as const) {
      const { s } = start();
      const sent = await s.scan();
      // The answer is made in slices and given in a task after them: the page may go meanwhile.
      const asked = s.handle({ type: 'report-details', key: sent!.pending! }) as Promise<unknown>;
      if (end === 'stop') s.stop();
      else s.navigate();
      expect(await asked).toBeNull();
      s.stop();
    }
  });

  it('a client-side navigation forgets the old document and scans the new one', async () => {
    const { s, reports } = start();
    const before = await s.scan();
    document.querySelector('main')!.innerHTML = '<h1>Motie wifitracking</h1><p>Geen wifitracking.</p>';
    s.navigate();
    expect(document.querySelectorAll(`mark.${MARK_CLASS}`)).toHaveLength(0);
    // What the old document's report left in the page went with it.
    expect(s.handle({ type: 'report-details', key: before!.pending! })).toBeNull();
    await vi.waitFor(() => expect(reports.at(-1)?.matchCount).toBe(2));
    const after = await whole(s, reports.at(-1)!);
    expect(after.portal?.title).toBe('Motie wifitracking');
    expect(drain(unpackReportSteps(after)).matches.map((m) => m.text.toLowerCase())).toEqual(['wifitracking', 'wifitracking']);
    expect(document.querySelectorAll(`mark.${MARK_CLASS}`)).toHaveLength(2);
  });

  it('answers a report’s details with the text its scan read, and a report a change replaced gets nothing', async () => {
    const { s, reports } = start();
    const first = await s.scan();
    // The page rewrites the paragraph with the safeguard after the scan; the details are asked for after that.
    const p = [...document.querySelectorAll('main p')].find((e) => e.textContent!.includes('DPIA'))!;
    p.textContent = 'Het college wil het cameratoezicht uitbreiden. Een DPIA volgt later.';
    const asked = s.handle({ type: 'report-details', key: first!.pending! });
    const windowsOf = (d: unknown) => unpackReading(ReportDetailsSchema.parse(d).reading!).reading.windows.map((w) => w.text).join('\n');
    expect(windowsOf(await asked)).toContain('Er is een DPIA gedaan.');
    expect(windowsOf(await asked)).not.toContain('volgt later');
    // The change brings a report of its own (the MutationObserver's path); the first report's key is stale then.
    await vi.waitFor(() => expect(reports.at(-1)?.pending).not.toBe(first!.pending));
    expect(s.handle({ type: 'report-details', key: first!.pending! })).toBeNull();
    expect(windowsOf(await s.handle({ type: 'report-details', key: reports.at(-1)!.pending! }))).toContain('Een DPIA volgt later.');
  });

  it('a motie’s page: its kind, outcome and addressee from its own text and fields, in the portal facts', async () => {
    // A detail page as portals show one: the fields in a table (a cell a block), then the motie's text.
    const { s } = start(
      '<main><h1>Camera’s op het Marktplein</h1><table><tr><th>Datum</th><td>3 juni 2026</td></tr><tr><th>Status</th><td>Verworpen</td></tr></table>' +
        '<p>De raad van de gemeente Zutphen, in vergadering bijeen op 3 juni 2026,</p><p>Overwegende dat cameratoezicht inbraken voorkomt;</p>' +
        '<p>Verzoekt de burgemeester:</p><ul><li>op het Marktplein camera’s te plaatsen.</li></ul></main>',
    );
    const sent = await s.scan();
    // The page reads none of it: it sends its opening with the details, the background reads it.
    const details = ReportDetailsSchema.parse(await s.handle({ type: 'report-details', key: sent!.pending! }));
    expect(details.portal).not.toHaveProperty('decision');
    expect(details.opening?.join('\n')).toContain('Verzoekt de burgemeester:');
    const report = drain(unpackReportSteps(await whole(s, sent)));
    expect(report.portal).toMatchObject({ documentType: 'motie', decision: 'verworpen', addressee: 'burgemeester' });
    expect(report).not.toHaveProperty('opening');
    // As the panel's "Over dit stuk" shows it.
    const root = mount(h(DocumentMeta, { report }));
    const rows = [...root.querySelectorAll('[data-testid="document-meta"] .meta-row')].map((r) => [r.getAttribute('data-field'), r.querySelector('dd')?.textContent]);
    expect(rows).toEqual(expect.arrayContaining([['soort', 'motie'], ['datum', '3 juni 2026']]));
  });

  it('a list of moties stays a list, and a page that is no motie gets no outcome', async () => {
    const { s } = start('<main><h1>Raadsvoorstel cameratoezicht</h1><p>Het college stelt cameratoezicht voor.</p><table><tr><td>Besluit</td><td>Aangenomen</td></tr></table></main>');
    const report = drain(unpackReportSteps(await whole(s, await s.scan())));
    expect(report.portal?.documentType).toBe('raadsvoorstel');
    expect(report.portal).not.toHaveProperty('decision');
    expect(withOpening(portalSummary({ portal: 'ibabs', portalLabel: 'iBabs', documentType: 'documentenlijst' }), { kind: 'motie', decision: 'aangenomen', addressee: 'burgemeester' })).toEqual({ portal: 'ibabs', portalLabel: 'iBabs', documentType: 'documentenlijst' });
  });

  it('a motie’s meeting date from its opening where the portal gives none: a page’s facts and a PDF tab’s rows', async () => {
    expect(withOpening(portalSummary({ portal: 'notubiz', portalLabel: 'NotuBiz' }), { kind: 'motie', date: '12 juni 2025' })).toMatchObject({ documentType: 'motie', date: '12 juni 2025' });
    expect(withOpening(portalSummary({ portal: 'ibabs', portalLabel: 'iBabs', date: 'woensdag 1 april 2026' }), { kind: 'motie', date: '12 juni 2025' }).date).toBe('woensdag 1 april 2026');
    const { pdfTabMeta } = await import('@/lib/surface/pdf/tab-meta');
    const meta = pdfTabMeta('https://denhaag.raadsinformatie.nl/document/1/1/document+1', 'document 1', document.implementation.createHTMLDocument(''), { kind: 'motie', date: '12 juni 2025' });
    expect(meta).toMatchObject({ gemeente: 'Den Haag', documentType: 'motie', date: '12 juni 2025' });
  });

  it('stop() takes every mark out and answers nothing more', async () => {
    const { s } = start();
    await s.scan();
    s.stop();
    expect(document.querySelectorAll(`mark.${MARK_CLASS}`)).toHaveLength(0);
    expect(await s.scan()).toBeNull();
  });
});

describe('report helpers', () => {
  it('merges attachments once each, only http(s)', () => {
    expect(
      mergeAttachments([
        [{ name: 'A', url: 'https://x.nl/a.pdf' }, { name: 'js', url: 'javascript:alert(1)' }],
        [{ name: 'A again', url: 'https://x.nl/a.pdf' }, { name: '', url: 'https://x.nl/b.pdf' }],
      ]),
    ).toEqual([
      { name: 'A', url: 'https://x.nl/a.pdf' },
      { name: 'https://x.nl/b.pdf', url: 'https://x.nl/b.pdf' },
    ]);
  });

  it('clips long metadata to what the protocol accepts', () => {
    const s = portalSummary({ portal: 'ibabs', portalLabel: 'iBabs', title: 'x'.repeat(900), gemeente: undefined });
    expect(s.title).toHaveLength(500);
    expect(s).not.toHaveProperty('gemeente');
  });

  it('finds the segment of an offset', () => {
    const segs = [{ start: 0 }, { start: 10 }, { start: 25 }] as never[];
    expect(segmentAt(segs, 0)).toBe(segs[0]);
    expect(segmentAt(segs, 24)).toBe(segs[1]);
    expect(segmentAt(segs, 99)).toBe(segs[2]);
    expect(segmentAt([], 3)).toBeNull();
  });
});

describe('runPageSession: the site taken back', () => {
  it("a 'stop' message takes the marks away, ends the session and lets a later injection start anew", async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { runPageSession } = await import('@/lib/surface/page/session/page-session');
    const { matchTexts } = await import('@/lib/extension/background/match');
    // The background's side: the content script matches nothing itself, it asks (remote-match.ts).
    const background = (msg: { type?: string; texts?: string[] }) => (msg.type === 'match-texts' ? Promise.resolve({ ok: true, value: matchTexts(msg.texts!) }) : undefined);
    fakeBrowser.runtime.onMessage.addListener(background as never);
    document.body.innerHTML = PAGE; // test fixture, not page text from the wild
    let released = 0;
    const s = runPageSession({ onInvalidated: () => {}, isValid: true, onLocationChange: () => {}, release: () => void released++ });
    session = s;
    await vi.waitFor(() => expect(document.querySelectorAll(`mark.${MARK_CLASS}`).length).toBeGreaterThan(0));
    expect(document.querySelectorAll(`mark.${MARK_CLASS}`).length).toBeGreaterThan(0);
    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'stop' }, {});
    expect(replies).toContainEqual({ ok: true, value: true });
    expect(document.querySelectorAll(`mark.${MARK_CLASS}`)).toHaveLength(0);
    expect(released).toBe(1);
    fakeBrowser.runtime.onMessage.removeListener(background as never);
    // No one listens any more: a ping goes unanswered.
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'ping' }, {})).toEqual([]);
    expect(await s.scan()).toBeNull();
  });
});
