// A QA pass's helper (not a test: nothing passes or fails): every real capture (../shared/real/, or
// RAADSLENS_REAL_DIR) opened in the built extension at its original address, the GO besluitenlijst
// at the address its meeting page links it from; per capture the side panel (before and after "Scan
// alle bijlagen", every <details> open) and the popup as a screenshot and as text, and the letter,
// for a person to read as a raadslid would. Where a page has a match (its note button), a note is added and the
// Markdown export, "Alles" and its letter are written too. Output in $QA_OUT (default /tmp/qa-real);
// QA_ONLY=<part of a name> picks captures; QA_EXTRA='{"/pad":"/bestand"}' serves and opens more files
// (pages or PDFs of your own) on QA_HOST (default gemeenteraad.denhelder.nl). Run after `RAADSLENS_MEASURE=1 npx wxt build`:
//   RAADSLENS_REAL_DIR=/work/shared/real QA_OUT=/tmp/qa npx tsx test/tools/qa-real.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { EXTENSION_DIR, startFixtureServer } from './fixture-server.mjs';
import { launchWithExtension } from './extension-browser.mjs';
import { realCaptures, REAL_DIR } from './real-captures.mjs';

const OUT = process.env.QA_OUT ?? '/tmp/qa-real';
mkdirSync(OUT, { recursive: true });
const BESLUITEN = 'http://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/Besluitenlijst-raadsvergadering-29-juni-2015.pdf';
const extra: Record<string, string> = { [new URL(BESLUITEN).pathname]: path.join(REAL_DIR, 'pdf/denhelder-besluitenlijst-raad-2015-06-29.pdf') };
for (const [p, f] of Object.entries(JSON.parse(process.env.QA_EXTRA ?? '{}'))) extra[p] = f as string;

const only = process.env.QA_ONLY;

async function dump(page: Page, name: string) {
  const text = await page.evaluate(() => document.body.innerText);
  writeFileSync(path.join(OUT, `${name}.txt`), text);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: page.viewportSize()!.width, height: Math.min(1800, await page.evaluate(() => document.documentElement.scrollHeight)) } }).catch((e) => console.log('screenshot failed', name, String(e).slice(0, 200)));
  writeFileSync(path.join(OUT, `${name}.txt`), text);
}

/** Opens every <details> but menus, twice (opening one may render more). */
async function openAll(page: Page) {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => document.querySelectorAll('details:not([open]):not(.menu)').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.waitForTimeout(300);
  }
}

async function main() {
  const server = await startFixtureServer({
    handle: async (req: any, res: any, url: URL) => {
      const f = extra[decodeURIComponent(url.pathname)];
      if (!f) return false;
      res.writeHead(200, { 'content-type': f.endsWith('.pdf') ? 'application/pdf' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(readFileSync(f));
      return true;
    },
  });
  const browser = await launchWithExtension({ extensionDir: process.env.RAADSLENS_EXTENSION_DIR ?? EXTENSION_DIR, port: server.port });
  const { context } = browser;
  const sw: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extId = new URL(sw.url()).host;
  const urls = realCaptures().map((c) => ({ name: c.file.replace(/[/.]/g, '_'), url: c.url.replace(/^https:/, 'http:'), pdf: c.file.endsWith('.pdf') }));
  urls.push({ name: 'pdf_denhelder-besluitenlijst', url: BESLUITEN, pdf: true });
  for (const [p] of Object.entries(JSON.parse(process.env.QA_EXTRA ?? '{}'))) urls.push({ name: 'extra' + p.replace(/[^\w]+/g, '_'), url: `http://${process.env.QA_HOST ?? 'gemeenteraad.denhelder.nl'}${p}`, pdf: p.endsWith('.pdf') || !p.includes('.') });
  try {
    for (const u of urls) {
      if (only && !u.name.includes(only)) continue;
      const page = await context.newPage();
      await page.goto('http://utrecht.raadsinformatie.nl/pages/lege-pagina.html');
      await page.evaluate((x) => (location.href = x), u.url).catch(() => {});
      await page.waitForTimeout(4000);
      const tabId = await sw.evaluate(async (x) => (await (globalThis as any).chrome.tabs.query({})).find((t: any) => t.url === x)?.id, u.url);
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 400, height: 900 });
      await panel.goto(`chrome-extension://${extId}/sidepanel.html?tabId=${tabId}`);
      await panel.waitForTimeout(5000);
      // Expand every collapsed group so all statements are visible.
      await openAll(panel);
      await dump(panel, `${u.name}-panel`);
      const scanAll = panel.getByTestId('pdf-scan-all');
      if (await scanAll.count()) {
        await scanAll.first().evaluate((b) => (b as HTMLButtonElement).click());
        await panel.waitForTimeout(8000);
        await openAll(panel);
        await dump(panel, `${u.name}-panel-scanned`);
      }
      const letter = panel.getByTestId('letter-open');
      if (await letter.count()) {
        await letter.first().evaluate((b) => (b as HTMLButtonElement).click());
        await panel.waitForTimeout(800);
        writeFileSync(path.join(OUT, `${u.name}-letter.txt`), await panel.getByTestId('letter-text').inputValue());
      }
      // A note on the first match (a PDF in the tab has no match buttons: a note about the whole
      // document), then the Markdown export of the document's notes.
      const note = panel.getByTestId('match-note');
      const onMatch = (await note.count()) > 0;
      if (onMatch || u.pdf) {
        const notesTab = async () => {
          for (const t of await panel.getByRole('tab').all()) {
            if (/Notities/.test((await t.textContent()) ?? '')) await t.click();
          }
        };
        if (onMatch) await note.first().evaluate((b) => (b as HTMLButtonElement).click());
        else await notesTab();
        await panel.getByTestId('note-editor').fill('QA-notitie');
        await panel.getByTestId('note-save').click({ timeout: 10000 });
        await panel.waitForTimeout(500);
        await notesTab();
        await panel.waitForTimeout(500);
        await dump(panel, `${u.name}-notes`);
        const menu = panel.getByTestId('export-menu').first();
        if (await menu.count()) {
          await menu.locator('summary').click({ timeout: 10000 });
          const dl = panel.waitForEvent('download');
          await panel.getByTestId('export-md').first().click({ timeout: 10000 });
          const file = await (await dl).path();
          if (file) writeFileSync(path.join(OUT, `${u.name}-export.md`), readFileSync(file));
        }
        for (const t of await panel.getByRole('tab').all()) {
          if (/Alles/.test((await t.textContent()) ?? '')) await t.click();
        }
        await panel.waitForTimeout(800);
        await dump(panel, `${u.name}-alles`);
        // The letter "Alles" makes for what it lists (every document noted so far in this run).
        const selection = panel.getByTestId('letter-selection');
        if (await selection.count()) {
          await selection.first().evaluate((b) => (b as HTMLButtonElement).click());
          await panel.waitForTimeout(800);
          // A selection gives one choice per gemeente (each text one letter per addressee): every one is
          // written, the choice's name above it; the first stayed the only one read before.
          const choices = panel.getByTestId('letter-gemeente');
          const labels = (await choices.count()) ? await choices.locator('option').allTextContents() : [''];
          const texts: string[] = [];
          for (const [i, label] of labels.entries()) {
            if (i > 0) {
              await choices.selectOption(String(i));
              await panel.waitForTimeout(500);
            }
            texts.push(`===== ${i + 1}/${labels.length}${label ? ` ${label}` : ''} =====\n${await panel.getByTestId('letter-text').first().inputValue()}`);
          }
          writeFileSync(path.join(OUT, `${u.name}-alles-letter.txt`), texts.join('\n\n'));
        }
      }
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(`chrome-extension://${extId}/popup.html?tabId=${tabId}`);
      await popup.waitForTimeout(2500);
      await dump(popup, `${u.name}-popup`);
      await popup.close();
      await panel.close();
      await page.close();
      console.log('done', u.name, tabId);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
await main();
