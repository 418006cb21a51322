// A whole meeting's attachments in a real browser: "Lees de bijlagen" extracts one document at a
// time while the next is downloaded, and shows each result as its document finishes (not when the last is read), and "Alles
// stoppen" ends the scan: no further document is asked of the server. The agenda (iBabs) and its
// PDFs are generated (test/bench/meeting-pdfs.ts) and served by Playwright's routing under the
// portal's host, so this test decides when each PDF's answer is sent and counts the requests.
import type { BrowserContext, Route } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { AGENDA_HOST, AGENDA_PATH, meetingAgendaPage, meetingDocs, meetingPdf, type MeetingDoc } from '../bench/meeting-pdfs';
import { expect, screenshot, test } from './fixtures';

declare const chrome: WxtBrowser;

const AGENDA_URL = `http://${AGENDA_HOST}${AGENDA_PATH}`;
const urlOf = (d: MeetingDoc) => `http://${AGENDA_HOST}${d.path}`;

/** Serves the agenda and its PDFs; answers to the documents in `hold` wait until released. */
async function serveMeeting(context: BrowserContext, docs: MeetingDoc[], hold: Set<number>) {
  const requested: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const pdfs = new Map(docs.map((d, i) => [urlOf(d), { index: i, body: Buffer.from(meetingPdf(d, i + 1)) }]));
  await context.route(`http://${AGENDA_HOST}/**`, async (route: Route) => {
    const url = route.request().url();
    if (url === AGENDA_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: meetingAgendaPage(docs) });
    const pdf = pdfs.get(url);
    if (!pdf) return route.fulfill({ status: 404, body: 'niet gevonden' });
    requested.push(url);
    if (hold.has(pdf.index)) await released;
    // A request the panel aborted meanwhile cannot be answered any more.
    await route.fulfill({ status: 200, contentType: 'application/pdf', body: pdf.body }).catch(() => {});
  });
  return { requested, release };
}

async function openAgenda(context: BrowserContext, tabIdFor: (url: string) => Promise<number>, wholeReport: (tabId: number) => Promise<{ attachments?: unknown[] }>, count: number) {
  const page = await context.newPage();
  await page.goto(AGENDA_URL);
  const tabId = await tabIdFor(AGENDA_URL);
  await expect.poll(async () => (await wholeReport(tabId)).attachments?.length ?? 0).toBe(count);
  return tabId;
}

test('scan alle bijlagen: elk resultaat zodra zijn document gelezen is, niet pas na het laatste', async ({ context, tabIdFor, openPanel, wholeReport }) => {
  const docs = meetingDocs(6, 24);
  // After the first is read, the two documents downloaded ahead (2, 3) and the one that took the
  // first's place (4) all wait on a held answer; the last answer is held too. So the last PDF
  // cannot have been asked for when the first result shows.
  const server = await serveMeeting(context, docs, new Set([1, 2, 3, 5]));
  const panel = await openPanel(await openAgenda(context, tabIdFor, wholeReport, docs.length));
  const row = (d: MeetingDoc) => panel.locator(`[data-testid=attachments] [data-testid=pdf-doc][data-url="${urlOf(d)}"]`);
  await panel.getByTestId('pdf-scan-all').click();
  await expect(row(docs[0]!).locator('.pdf-result > summary')).toBeVisible();
  // The lane let go of the first document and the fourth started; all three wait, so nothing more is asked for.
  await expect.poll(() => [...server.requested].sort()).toEqual([urlOf(docs[0]!), urlOf(docs[1]!), urlOf(docs[2]!), urlOf(docs[3]!)].sort());
  expect(server.requested).not.toContain(urlOf(docs.at(-1)!));
  // The held documents are under way (downloading), the others wait their turn.
  await expect(row(docs[1]!).getByTestId('pdf-cancel')).toBeVisible();
  await expect(row(docs[4]!).getByTestId('pdf-progress')).toHaveCount(0);
  await panel.getByTestId('attachments').scrollIntoViewIfNeeded();
  await screenshot(panel, 'meeting-streaming');
  server.release();
  for (const d of docs) await expect(row(d).locator('.pdf-result > summary')).toBeVisible();
  await expect(panel.getByTestId('pdf-cancel-all')).toHaveCount(0);
});

test('alles stoppen: lopende en wachtende scans stoppen, geen document meer opgevraagd', async ({ context, tabIdFor, openPanel, wholeReport, errors }) => {
  const docs = meetingDocs(10, 40);
  // Every answer after the first document's waits: the scan is mid-way when it is stopped.
  const server = await serveMeeting(context, docs, new Set(docs.map((_, i) => i).filter((i) => i > 0)));
  const panel = await openPanel(await openAgenda(context, tabIdFor, wholeReport, docs.length));
  const rows = panel.locator('[data-testid=attachments] [data-testid=pdf-doc]');
  await panel.getByTestId('pdf-scan-all').click();
  await expect(rows.first().locator('.pdf-result > summary')).toBeVisible();
  // The second and third were started ahead, the fourth in the first's place once it was extracted.
  await expect.poll(() => server.requested.length).toBe(4);
  await panel.getByTestId('attachments').scrollIntoViewIfNeeded();
  await screenshot(panel, 'meeting-running');
  await panel.getByTestId('pdf-cancel-all').click();
  await expect(panel.getByTestId('pdf-cancel-all')).toHaveCount(0);
  await expect(rows.getByTestId('pdf-cancel')).toHaveCount(0);
  await expect(rows.getByTestId('pdf-error').filter({ hasText: 'Scan geannuleerd.' })).toHaveCount(docs.length - 1);
  // The first result stays.
  await expect(rows.first().locator('.pdf-result > summary')).toBeVisible();
  const before = [...server.requested];
  server.release();
  // One document scanned again afterwards goes through the same queue: a stopped document still
  // waiting in it would be asked for first. Only this one is.
  const last = docs.at(-1)!;
  await panel.locator(`[data-testid=pdf-doc][data-url="${urlOf(last)}"]`).getByTestId('pdf-scan').click();
  await expect(panel.locator(`[data-testid=pdf-doc][data-url="${urlOf(last)}"] .pdf-result > summary`)).toBeVisible();
  expect(server.requested).toEqual([...before, urlOf(last)]);
  expect(errors.filter((e) => !/Failed to load resource|net::ERR_FAILED/.test(e.text))).toEqual([]);
});
