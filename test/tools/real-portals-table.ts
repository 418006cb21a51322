// What Raadslens tells a reader on each real portal capture (../shared/real/): the built extension
// in Chromium opens every captured page at its original address and the table shows what the
// tab's report says (portal, title, gemeente, date, attachments, matches), beside the number of
// documents the page itself lists. Re-run it for any build, e.g. the branch point's:
//   npx tsx test/tools/real-portals-table.ts                       (.output/chrome-mv3)
//   RAADSLENS_EXTENSION_DIR=/tmp/before/chrome-mv3 npx tsx test/tools/real-portals-table.ts
// Prints a Markdown table; nothing passes or fails here.
import type { Worker } from 'playwright-core';
import { EXTENSION_DIR, startFixtureServer } from './fixture-server.mjs';
import { launchWithExtension } from './extension-browser.mjs';
import { realCaptures } from './real-captures.mjs';

/**
 * Documents each capture lists, counted by reading it: the links a reader sees as documents of this
 * page (not menus, not links to other meetings). Captures not named here list none.
 */
const LISTED: Record<string, { count: number; note?: string }> = {
  'ibabs/almelo-meeting_detail.html': { count: 5, note: '1 bij de vergadering, 4 bij agendapunten' },
  'ibabs/almelo-document_page.html': { count: 0, note: 'rijen komen later (GetReportData)' },
  'go/denhelder-meeting-2015-06-29.html': { count: 2, note: 'per agendapunt later via risbis' },
  'go/denhelder-meeting-item.fragment.html': { count: 0, note: 'documenten komen later' },
  'go/denhelder-meeting-item-documents.fragment.html': { count: 1 },
  'gemeenteblad/gmb-2017-100007-rheden.repository.html': { count: 0, note: 'alleen de eigen PDF-versie' },
};

declare const chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

interface Row {
  file: string;
  portal: string;
  kind: string;
  title: string;
  gemeente: string;
  date: string;
  attachments: string;
  matches: string;
}

const cell = (s: unknown) => (s === undefined || s === null || s === '' ? '–' : String(s).replace(/\|/g, '\\|'));

async function reportFor(sw: Worker, url: string): Promise<Record<string, any> | null> {
  const all = await sw.evaluate(() => chrome.storage.session.get(null));
  for (const value of Object.values(all)) {
    const r = value as { url?: string };
    if (r && typeof r === 'object' && r.url === url) return r as Record<string, any>;
  }
  return null;
}

async function main() {
  const extensionDir = process.env.RAADSLENS_EXTENSION_DIR ?? EXTENSION_DIR;
  const captures = realCaptures().filter((c) => c.file.endsWith('.html'));
  if (captures.length === 0) {
    console.log('Geen echte opnames gevonden (../shared/real ontbreekt): niets te tonen.');
    return;
  }
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ extensionDir, port: server.port });
  const rows: Row[] = [];
  try {
    const { context } = browser;
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const page = await context.newPage();
    for (const c of captures) {
      // http: the fixture server has no TLS; the host and path are the capture's own.
      const url = c.url.replace(/^https:/, 'http:');
      await page.goto(url);
      let report: Record<string, any> | null = null;
      // The first scan waits for the first rendering; a page that is never scanned says so.
      for (let i = 0; i < 40 && !report; i++) {
        await page.waitForTimeout(250);
        report = await reportFor(sw, url);
      }
      // Later scans of the same page (late content) replace the report: take the settled one.
      await page.waitForTimeout(1000);
      report = (await reportFor(sw, url)) ?? report;
      const listed = LISTED[c.file];
      const meta = report?.portal ?? {};
      rows.push({
        file: c.file,
        portal: meta.portalLabel ?? (report ? '' : 'geen scan'),
        kind: report?.page?.kind ?? '',
        title: meta.title ?? '',
        gemeente: meta.gemeente ?? '',
        date: meta.date ?? '',
        attachments: `${report?.attachments?.length ?? 0} / ${listed?.count ?? 0}${listed?.note ? ` (${listed.note})` : ''}`,
        matches: report ? String(report.matchCount) : '',
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`Build: ${extensionDir}\n`);
  console.log('| opname | portaal | soort pagina | titel | gemeente | datum | bijlagen gevonden / op de pagina | vondsten |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${[r.file, r.portal, r.kind, r.title, r.gemeente, r.date, r.attachments, r.matches].map(cell).join(' | ')} |`);
  }
}

await main();
