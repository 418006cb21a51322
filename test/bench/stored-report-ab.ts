// Is the report the extension keeps for a tab the same from two builds? For every fixture page
// (test/fixtures/pages, test/fixtures/portals) under two portal hosts, the real captures the
// test browser reaches, and the meeting page of start.bench.ts: load it, open the side panel
// (which has a report whose panel-only parts stayed in the page completed: lib/extension/
// background/complete.ts), and take the tab's report from storage.session once it is whole.
// Compared as canonical JSON (keys sorted: storage does not keep their order) without `scannedAt`
// and `ms`; one sha256 per page and build, and the pages where the builds differ.
//   npx tsx test/bench/stored-report-ab.ts <chrome-mv3 dir A> <chrome-mv3 dir B>
// (builds made with RAADSLENS_MEASURE=1; RAADSLENS_REAL_DIR for the real captures)
// What it said (main baa5878 against the details on request): 73 pages, 65 with a report, each the
// same from both builds (the meeting page, the fixtures under a NotuBiz and an iBabs host, the
// real captures the test browser reaches); the other 8 have no report from either.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { FIXTURES_ROOT, MAPPED_HOST_PATTERNS, startFixtureServer } from '../tools/fixture-server.mjs';
import { realCaptures } from '../tools/real-captures.mjs';
import { meetingPage, MEETING_HOST, MEETING_PATH } from './meeting-page';

/** The extension's API inside the service worker (evaluate). */
declare const chrome: typeof import('wxt/browser').browser;

const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;

const mapped = (host: string) => MAPPED_HOST_PATTERNS.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));

async function main() {
  const dirs = process.argv.slice(2).map((d) => resolve(d));
  if (dirs.length !== 2) throw new Error('geef twee extensiemappen');
  const root = mkdtempSync(join(os.tmpdir(), 'raadslens-stored-ab-'));
  cpSync(FIXTURES_ROOT, root, { recursive: true });
  writeFileSync(join(root, 'meeting.html'), meetingPage(36));
  const routes = JSON.parse(JSON.stringify(await import(join(FIXTURES_ROOT, 'routes.json'), { with: { type: 'json' } }).then((m) => m.default)));
  routes[MEETING_PATH] = { file: 'meeting.html', type: 'text/html; charset=utf-8' };
  writeFileSync(join(root, 'routes.json'), JSON.stringify(routes));
  const server = await startFixtureServer({ root });
  const files = (d: string) => readdirSync(join(FIXTURES_ROOT, d)).filter((f) => f.endsWith('.html')).map((f) => `${d}/${f}`);
  const urls = [
    `http://${MEETING_HOST}${MEETING_PATH}`,
    ...['utrecht.raadsinformatie.nl', 'almelo.bestuurlijkeinformatie.nl'].flatMap((h) => [...files('pages'), ...files('portals')].map((p) => `http://${h}/${p}`)),
    ...realCaptures()
      .filter((c) => c.type.startsWith('text/html') && mapped(c.host))
      .map((c) => c.url),
  ];
  const digests: Array<Map<string, string>> = [];
  try {
    for (const dir of dirs) {
      const out = new Map<string, string>();
      digests.push(out);
      const { context, close } = await launchWithExtension({ extensionDir: dir, port: server.port });
      try {
        const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const extensionId = new URL(sw.url()).host;
        const worker = () => context.serviceWorkers()[0] ?? sw;
        const page = await context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        for (const url of urls) {
          await page.goto(url, { waitUntil: 'load' }).catch(() => {});
          const tabId = (await worker().evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url !== 'about:blank' && !t.url?.startsWith('chrome-extension:'))?.id)) as number;
          const stored = () => worker().evaluate(async (k) => (await chrome.storage.session.get(k))[k] as Record<string, unknown> | undefined, `tab:${tabId}`);
          let report: Record<string, unknown> | undefined;
          for (let t = 0; t < 60 && !(report = await stored()); t++) await page.waitForTimeout(100);
          // Let a scan that follows the first (a page that fills in late) end first.
          await page.waitForTimeout(1000);
          if (!(await stored())) {
            out.set(url, 'no report');
            continue;
          }
          const panel = await context.newPage();
          await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
          for (let t = 0; t < 100; t++) {
            report = await stored();
            if (report && !('pending' in report)) break;
            await panel.waitForTimeout(100);
          }
          await panel.close();
          const { scannedAt: _s, ms: _m, ...rest } = report ?? {};
          out.set(url, report ? createHash('sha256').update(JSON.stringify(canonical(rest))).digest('hex').slice(0, 16) + ('pending' in report ? ' (pending)' : '') : 'gone');
        }
      } finally {
        await close();
      }
    }
  } finally {
    await server.close();
  }
  let same = 0;
  for (const url of urls) {
    const [a, b] = [digests[0]!.get(url), digests[1]!.get(url)];
    if (a === b && !a?.includes('pending')) same++;
    console.log(`${a === b ? 'same' : 'DIFF'}  ${a}  ${b}  ${url}`);
  }
  console.log(`${same} of ${urls.length} pages: the same report from both builds`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
