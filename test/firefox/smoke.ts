// Firefox smoke test of the built Firefox extension (.output-ff/firefox-mv2): a real Firefox ESR,
// headless, with the add-on installed. The Playwright e2e tests only ever run the Chrome build.
// Then a second Firefox whose distribution/policies.json holds a griffie's policy for the add-on
// (3rdparty.Extensions.<gecko id>): Firefox's own policy engine delivers it via storage.managed.
//
//   RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-ff npx wxt build -b firefox && npx tsx test/firefox/smoke.ts
//
// Prints one line per check and a closing "firefox: N passed, N failed"; exits 1 on a failure.
// RAADSLENS_FIREFOX_REPORT=<file>: the counts also as JSON there (npm test reads them).
// Skips (exit 0) when /usr/bin/firefox-esr is not installed.
// RAADSLENS_FIREFOX_DIR: another build; RAADSLENS_SCREENSHOT_DIR: where the screenshots go.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { PROJECT_ROOT, startFixtureServer } from '../tools/fixture-server.mjs';
import type { FixtureServer } from '../tools/fixture-server.mjs';
import { STADSOOG_PACK } from '../tools/managed-policy.mjs';
import { probePaint, type ProbePage } from '../tools/paint-probe';
import {
  ADDON_ID,
  ADDON_UUID,
  DUTCH_LANGPACK,
  FIREFOX_PATH,
  extensionLines,
  firefoxWithPolicies,
  launchFirefox,
  openExtensionPage,
  poll,
  type LaunchedFirefox,
} from './firefox';

const EXTENSION_DIR = path.resolve(process.env.RAADSLENS_FIREFOX_DIR ?? path.join(PROJECT_ROOT, '.output-ff', 'firefox-mv2'));
const RAADSVOORSTEL = 'pages/raadsvoorstel-cameratoezicht.html';
/** Names the gemeente's camera system only by its brand, "Stadsoog": only the griffie's pack knows it. */
const STADSOOG = 'pages/raadsinformatiebrief-stadsoog.html';
const PORTAL_HOST = 'utrecht.raadsinformatie.nl';
const OTHER_HOST = 'onbekend.example';
/** A portal page whose technology word stands in an open shadow root. */
const SHADOW_HOST = 'algoritmes.overheid.nl';
const SHADOW_PAGE = 'portals/nl/algoritme/woztaxatiemodellen-gemeente-ede.html';
const IBABS_HOST = 'utrecht.bestuurlijkeinformatie.nl';
/** test/fixtures/routes.json: a NotuBiz document address, and an iBabs one whose response is a PDF. */
const NOTUBIZ_PDF = 'document/90001/1/Raadsvoorstel++Cameratoezicht+en+slimme+sensoren';
const IBABS_DOCUMENT =
  'Agenda/Document/6b0e52a1-3c4d-4e8f-9a17-2d5c8b1e0f44?documentId=0c9d7e12-5a3b-4f6c-8e21-9b4a7d3c2e15&agendaItemId=a41f3b7c-2e9d-4c58-b613-7e0d5a9c8f21';
/**
 * A guard against a hung Firefox, not a speed check: the run takes ~20 s alone, but on a shared
 * two-core machine with other test runs (load 20+) a healthy run passed every check and still
 * crossed a 60 s limit; a second Firefox (with the griffie's policy) adds ~10 s alone. Time belongs
 * in benches.
 */
const RUN_LIMIT_MS = 420_000;

interface ScanDetail {
  chars: number;
  nodes: number;
  matches: number;
}

interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

const results: CheckResult[] = [];

/** Runs one check, prints its line; a thrown error is the failure's reason. */
async function check(name: string, body: () => Promise<string>): Promise<void> {
  try {
    const detail = await body();
    results.push({ name, ok: true, detail });
    console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    results.push({ name, ok: false, detail });
    console.log(`FAIL ${name}: ${detail}`);
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function pageUrl(server: FixtureServer, host: string, pagePath: string): string {
  return `http://${host}:${server.port}/${pagePath}`;
}

/** The `raadslens:scan` measures of a page (written by lib/surface/page/session/page-session.ts). */
function scanMeasures(page: Page): Promise<ScanDetail[]> {
  return page.evaluate(() =>
    performance.getEntriesByName('raadslens:scan', 'measure').map((e) => (e as PerformanceMeasure).detail as ScanDetail),
  );
}

/**
 * Names of our highlights (or only `only`) and the texts of their ranges (StaticRanges, read
 * through a live Range).
 */
function highlights(page: Page, only?: string): Promise<{ names: string[]; texts: string[] }> {
  // No named helper inside the callback: tsx (esbuild keepNames) would wrap it in a __name() call
  // that does not exist in the page.
  return page.evaluate((only) => {
    const ours = [...CSS.highlights.entries()].filter(([name]) => (only ? name === only : name.startsWith('raadslens')));
    const texts = ours
      .flatMap(([, h]) => [...h])
      .map((r: AbstractRange) => {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        return x.toString();
      });
    return { names: ours.map(([name]) => name), texts };
  }, only);
}

/** probePaint with puppeteer's page (its evaluate is typed apart from Playwright's). */
const paintOf = (page: Page, word: string) => probePaint(page as unknown as ProbePage, word);

/** The page's <html lang> and the UI language the extension got from Firefox. */
function uiLanguage(page: Page): Promise<{ lang: string; uiLanguage: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, uiLanguage: browser.i18n.getUILanguage() }));
}

async function waitForText(page: Page, what: string, expected: string[]): Promise<string> {
  return poll(`${what} to show ${expected.join(', ')}`, async () => {
    // textContent, not innerText: the AP's texts sit in collapsed <details>.
    const text = await page.evaluate(() => document.body.textContent ?? '');
    return expected.every((e) => text.includes(e)) ? text : undefined;
  });
}

function assertDutch(ui: { lang: string; uiLanguage: string }, page: string): void {
  assert(
    ui.uiLanguage.startsWith('nl') && ui.lang === 'nl',
    `${page}: UI language ${ui.uiLanguage}, <html lang=${ui.lang}>` +
      (existsSync(DUTCH_LANGPACK) ? '' : ' (Dutch langpack missing: apt-get install firefox-esr-l10n-nl)'),
  );
}

/**
 * Saves a screenshot of what the page shows to <shots>/<name>.png (returns that path) and checks
 * that the page fits its width (nothing cut off at the right).
 */
async function shootUnclipped(page: Page, name: string, shots: string): Promise<string> {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file });
  const cut = await overflowing(page);
  assert(cut.length === 0, `${name}: wider than its ${page.viewport()?.width ?? '?'} px: ${cut.slice(0, 5).join(', ')}`);
  return file;
}

/**
 * Elements of the page that stick out to the right of the viewport (cut off in a narrow panel).
 * Text an ancestor inside the viewport clips on purpose (a one-line row ending in an ellipsis)
 * does not stick out of the page and is not counted.
 */
function overflowing(page: Page): Promise<string[]> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth + 1;
    return [...document.querySelectorAll('body *')]
      .filter((el) => {
        if (el.getBoundingClientRect().right <= width) return false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width) return false;
        }
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`);
  });
}

async function runChecks(firefox: Browser, output: string[], server: FixtureServer, shots: string): Promise<void> {
  const portalUrl = pageUrl(server, PORTAL_HOST, RAADSVOORSTEL);
  const otherUrl = pageUrl(server, OTHER_HOST, RAADSVOORSTEL);
  const pageErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${page.url()}: console.error ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${String(e)}`));
  };

  await check('manifest has no localhost patterns', async () => {
    const manifest = await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8');
    assert(!/localhost|127\.0\.0\.1/.test(manifest), 'manifest.json names localhost or 127.0.0.1');
    return path.relative(PROJECT_ROOT, EXTENSION_DIR);
  });

  // The page on a host that is no portal is opened first: by the time it is checked (last) the
  // content script would long have run there if it were injected.
  const other = await firefox.newPage();
  watch(other);
  // A failed load shows in that check (its fixture heading is missing).
  await other.goto(otherUrl).catch(() => {});

  // PDF tabs, opened early too: they load while the portal page is checked. Not awaited: pdf.js
  // keeps the tab busy; the tab's address and status are what counts.
  const pdfTabs = [
    { what: 'NotuBiz address without .pdf', shot: 'sidebar-pdf-tab-notubiz', url: pageUrl(server, PORTAL_HOST, NOTUBIZ_PDF) },
    { what: 'iBabs address whose response is a PDF', shot: 'sidebar-pdf-tab-ibabs', url: pageUrl(server, IBABS_HOST, IBABS_DOCUMENT) },
  ];
  for (const { url } of pdfTabs) void firefox.newPage().then((tab) => tab.goto(url, { timeout: 0 }).catch(() => {}));

  const portal = await firefox.newPage();
  watch(portal);
  let scan: ScanDetail | undefined;
  await check(`content script scans ${PORTAL_HOST}`, async () => {
    await portal.goto(portalUrl);
    scan = await poll('performance measure raadslens:scan', async () => (await scanMeasures(portal)).at(-1));
    assert(scan.chars > 2000 && scan.nodes > 20, `scan too small: ${JSON.stringify(scan)}`);
    assert(scan.matches >= 10, `${scan.matches} matches, expected at least 10`);
    return `${scan.matches} matches, ${scan.chars} chars, ${scan.nodes} nodes`;
  });

  await check('CSS highlights over the expected words', async () => {
    const { names, texts } = await highlights(portal);
    assert(texts.length >= 10, `${texts.length} highlighted ranges in ${names.join(', ') || 'no highlights'}`);
    const lower = texts.map((t) => t.toLowerCase());
    const missing = ['cameratoezicht', 'camerabeelden', 'bodycams', 'slimme lantaarnpalen'].filter((t) => !lower.includes(t));
    // Typographic apostrophe, hyphen compound: one whole word.
    if (!texts.includes('ANPR-camera’s')) missing.push('ANPR-camera’s');
    assert(missing.length === 0, `not highlighted: ${missing.join(', ')}`);
    return `${texts.length} ranges`;
  });

  let tabId: number | undefined;
  let extensionPage: Page | undefined;
  await check('options page in Dutch', async () => {
    const options = await openExtensionPage(firefox, 'options.html', { width: 1000, height: 800 });
    extensionPage = options;
    // The portal tab's id, for the sidebar and popup (the extension's own view of the tabs).
    tabId = await options.evaluate(async (url) => (await browser.tabs.query({})).find((t) => t.url === url)?.id, portalUrl);
    assert(tabId !== undefined, `browser.tabs.query has no tab for ${portalUrl}`);
    // The language first: its failure names the missing langpack, a text timeout would not.
    assertDutch(await uiLanguage(options), 'options');
    await waitForText(options, 'options', ['Categorieën']);
    return '';
  });

  await check('sidebar page shows the scan in Dutch', async () => {
    assert(tabId !== undefined && scan, 'needs the scanned portal tab');
    const panel = await openExtensionPage(firefox, `sidepanel.html?tabId=${tabId}`, { width: 400, height: 900 });
    assertDutch(await uiLanguage(panel), 'sidebar');
    await poll('match group "camera" in the sidebar', async () =>
      (await panel.evaluate(() => !!document.querySelector('[data-testid=match-group][data-category=camera]'))) || undefined,
    );
    await waitForText(panel, 'sidebar', ['Toelichting', 'Uitgangspunt', 'Observatie']);
    return shootUnclipped(panel, 'sidebar', shots);
  });

  await check('a note written in the sidebar is kept (IndexedDB)', async () => {
    assert(tabId !== undefined && scan, 'needs the scanned portal tab');
    const panelPath = `sidepanel.html?tabId=${tabId}`;
    const panel = await openExtensionPage(firefox, panelPath, { width: 400, height: 900 });
    watch(panel);
    const group = '[data-testid=match-group][data-category=camera]';
    await poll('match group "camera"', async () => (await panel.$(group)) ?? undefined);
    await panel.$eval(group, (el) => {
      if (el instanceof HTMLDetailsElement) el.open = true;
    });
    await panel.click(`${group} [data-testid=match-item] [data-testid=match-note]`);
    const text = 'Firefox: is de FG om advies gevraagd?';
    await poll('the note editor', async () => (await panel.$('[data-testid=note-editor]')) ?? undefined);
    await panel.type('[data-testid=note-editor]', text);
    await panel.click('[data-testid=note-save]');
    const notesWith = (page: Page) =>
      page.$$eval('[data-testid=note-item]', (items, t) => items.filter((i) => (i.textContent ?? '').includes(t)).length, text);
    await poll('the saved note in the list', async () => ((await notesWith(panel)) === 1 ? true : undefined));
    await panel.close();
    // A new sidebar page reads the record back from IndexedDB: the "Notities" tab lists it.
    const again = await openExtensionPage(firefox, panelPath, { width: 400, height: 900 });
    watch(again);
    await poll('the Notities tab', async () => (await again.$('[data-testid=tab-notes]')) ?? undefined);
    await again.click('[data-testid=tab-notes]');
    await poll('the note after reopening the sidebar', async () => ((await notesWith(again)) === 1 ? true : undefined));
    // Notes are not painted on web pages (the page's own scripts could read CSS.highlights): by now
    // the page has located the note for two sidebar pages, and its registry holds no note highlight.
    const { texts: painted } = await highlights(portal, 'raadslens-note');
    assert(painted.length === 0, `no note highlight on the page, found ${painted.join(', ')}`);
    await again.close();
    return '';
  });

  await check('popup page shows the count in Dutch', async () => {
    assert(tabId !== undefined && scan, 'needs the scanned portal tab');
    const popup = await openExtensionPage(firefox, `popup.html?tabId=${tabId}`, { width: 380, height: 600 });
    assertDutch(await uiLanguage(popup), 'popup');
    const count = await poll('popup-count', async () =>
      (await popup.evaluate(() => document.querySelector('[data-testid=popup-count]')?.textContent ?? undefined)),
    );
    assert(count.includes(String(scan.matches)), `popup-count "${count}", scan found ${scan.matches}`);
    await waitForText(popup, 'popup', ['Open zijpaneel', 'Snel opzoeken']);
    return shootUnclipped(popup, 'popup', shots);
  });

  await check('PDF viewer reads a portal PDF and highlights it', async () => {
    // A port in the URL: the viewer's permission check must not put it in the host pattern
    // (Firefox never grants a pattern with a port).
    const pdf = pageUrl(server, PORTAL_HOST, 'pdf/raadsvoorstel-3p.pdf');
    const viewer = await openExtensionPage(firefox, `pdf-viewer.html?file=${encodeURIComponent(pdf)}`, { width: 1000, height: 800 });
    watch(viewer);
    await poll('the viewer to extract the PDF', async () => {
      const state = await viewer.evaluate(() => ({
        done: document.body.dataset.extracted === 'done',
        error: document.querySelector('[data-testid=viewer-error]')?.textContent ?? null,
      }));
      if (state.error) throw new Error(`viewer: ${state.error}`);
      return state.done || undefined;
    });
    const counts = await poll('PDF highlights', async () => {
      const c = await viewer.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].map(([name, h]) => [name, h.size])));
      return (c['raadslens-camera'] ?? 0) > 0 ? c : undefined;
    });
    return Object.entries(counts).map(([name, n]) => `${name.replace('raadslens-', '')} ${n}`).join(', ');
  });

  // Firefox shows a PDF in its own pdf.js viewer, where no content script runs: the sidebar knows
  // the tab is a PDF by its address (NotuBiz /document/{id}/{n}/{name}) or, for an address of no
  // known shape (iBabs /Agenda/Document/…?documentId=), by fetching it, and reads it on its own.
  for (const { what, shot, url } of pdfTabs) {
    await check(`sidebar reads a PDF tab by itself: ${what}`, async () => {
      assert(extensionPage, 'needs an extension page');
      const page = extensionPage;
      const pdfTabId = await poll(`a loaded tab with ${url}`, () =>
        page.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u && t.status === 'complete')?.id, url),
      );
      const panel = await openExtensionPage(firefox, `sidepanel.html?tabId=${pdfTabId}`, { width: 400, height: 900 });
      watch(panel);
      const state = await poll(
        'the PDF read in the sidebar',
        async () => {
          const s = await panel.evaluate(() => ({
            state: document.querySelector('[data-testid=pdf-tab]')?.getAttribute('data-state') ?? null,
            error: document.querySelector('[data-testid=pdf-error]')?.textContent ?? null,
            pages: [...document.querySelectorAll('[data-testid=pdf-match]')].map((m) => (m as HTMLElement).dataset.page ?? ''),
            summary: document.querySelector('[data-testid=panel-summary]')?.textContent ?? '',
          }));
          if (s.error) throw new Error(`sidebar: ${s.error}`);
          return s.state === 'done' ? s : undefined;
        },
        60_000,
      );
      const pages = [...new Set(state.pages)];
      assert(pages.includes('1') && pages.includes('3'), `pages with matches: ${pages.join(', ')}`);
      assert(/3 pagina’s/.test(state.summary), `summary "${state.summary}"`);
      const file = await shootUnclipped(panel, shot, shots);
      await panel.close();
      return `${state.summary}; ${path.basename(file)}`;
    });
  }

  // Pixels, not just registered ranges: Firefox adopts no sheet into a shadow root from the
  // content script, and paints the manifest's CSS over the reader's own (highlight-pixels.ts).
  await check('a word in an open shadow root is painted', async () => {
    const page = await firefox.newPage();
    watch(page);
    await page.goto(pageUrl(server, SHADOW_HOST, SHADOW_PAGE));
    await poll('performance measure raadslens:scan', async () => (await scanMeasures(page)).at(-1));
    const probe = await paintOf(page, 'machine learning');
    await page.close();
    assert(probe, '"machine learning" not highlighted');
    assert(probe.changed > 0, '"machine learning" highlighted but not painted');
    return `${probe.changed} px painted`;
  });

  await check('the reader’s own colour is painted over the built-in one', async () => {
    assert(extensionPage, 'needs the options page');
    const options = extensionPage;
    const builtIn = await paintOf(portal, 'cameratoezicht');
    assert(builtIn && builtIn.changed > 0, 'cameratoezicht not painted with the built-in style');
    const own = { version: 1, disabledCategories: [], ownTerms: [], highlight: { mode: 'background', palette: 'standard', colours: { camera: '#2e7d32' } } };
    await options.evaluate((s) => browser.storage.local.set({ settings: s }), own as never);
    try {
      // The portal tab follows the change by itself; the box keeps its place (colours only).
      const changed = await poll('the own colour on the page', async () => {
        const p = await paintOf(portal, 'cameratoezicht');
        return p && p.changed > 0 && !p.painted.pixels.equals(builtIn.painted.pixels) ? p.changed : undefined;
      });
      return `${changed} px painted, other than the built-in ${builtIn.changed}`;
    } finally {
      await options.evaluate(() => browser.storage.local.remove('settings'), null as never);
    }
  });

  await check(`no content script on ${OTHER_HOST}`, async () => {
    const h1 = await other.evaluate(() => document.querySelector('h1')?.textContent ?? '');
    assert(h1.includes('cameratoezicht'), `fixture page not loaded (h1 "${h1}")`);
    const measures = await scanMeasures(other);
    const { names } = await highlights(other);
    assert(measures.length === 0 && names.length === 0, `${measures.length} scans, highlights ${names.join(', ')}`);
    return '';
  });

  await check('all requests went to the fixture server', async () => {
    const hosts = new Set(server.requests.map((r) => r.split('/')[0]));
    const expected = [PORTAL_HOST, OTHER_HOST, IBABS_HOST, SHADOW_HOST].map((h) => `${h}:${server.port}`);
    const unexpected = [...hosts].filter((h) => !expected.includes(h ?? ''));
    assert(unexpected.length === 0, `unexpected Host headers: ${unexpected.join(', ')}`);
    return [...hosts].join(', ');
  });

  await check('no errors from the extension', async () => {
    const lines = [...pageErrors, ...extensionLines(output)];
    assert(lines.length === 0, `\n  ${lines.join('\n  ')}`);
    return '';
  });
}

/**
 * The griffie's policy as IT writes it into policies.json (3rdparty.Extensions.<gecko id>). Every
 * key but one is good; `fetchPdfs` is a text, which Firefox (unlike Chromium, which has the
 * manifest's managed_schema) hands to the extension unchecked: Raadslens must name it in Dutch,
 * ignore that key and apply the rest.
 */
const FIREFOX_POLICY = {
  portalHosts: [OTHER_HOST],
  termPacks: [STADSOOG_PACK],
  settings: { highlight: { mode: 'underline' } },
  locked: ['highlight'],
  letter: { gemeente: 'Voorbeeldstad', reglementArtikel: '41' },
  fetchPdfs: 'nee',
};

/** The same Firefox build with a griffie's policies.json: it arrives, applies, and its mistake is named. */
async function runPolicyChecks(firefox: Browser, output: string[], server: FixtureServer, shots: string): Promise<void> {
  const pageErrors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${String(e)}`));

  let options: Page | undefined;
  await check('policies.json reaches the add-on through storage.managed', async () => {
    options = await openExtensionPage(firefox, 'options.html', { width: 1000, height: 900 });
    watch(options);
    const managed = await options.evaluate(() => browser.storage.managed.get(null));
    // A system-wide /etc/firefox/policies/policies.json would win over distribution/ and hide ours.
    assert(
      JSON.stringify(managed) === JSON.stringify(FIREFOX_POLICY),
      `storage.managed gave ${JSON.stringify(managed).slice(0, 200)}; is there a /etc/firefox*/policies/policies.json?`,
    );
    return Object.keys(managed).join(', ');
  });

  await check('the griffie’s term is highlighted on a portal page', async () => {
    const page = await firefox.newPage();
    watch(page);
    await page.goto(pageUrl(server, PORTAL_HOST, STADSOOG));
    // The first scan may come before storage.managed answers; the policy's pass follows.
    const texts = await poll('a highlight over "Stadsoog"', async () => {
      const { texts } = await highlights(page);
      return texts.includes('Stadsoog') ? texts : undefined;
    });
    await page.close();
    return `${texts.length} ranges`;
  });

  await check('options: the griffie’s settings, the highlight style locked', async () => {
    assert(options, 'needs the options page');
    const page = options;
    await waitForText(page, 'options', ['Van uw griffie', 'Ingesteld door uw griffie', 'Stadsoog', 'Vastgezet door uw griffie']);
    const state = await page.evaluate(() => ({
      locked: document.querySelector('[data-testid=setting-locked][data-setting=highlight]')?.textContent ?? null,
      categoriesLocked: !!document.querySelector('[data-testid=setting-locked][data-setting=disabledCategories]'),
      underline: (document.querySelector('[data-testid=mode-underline]') as HTMLInputElement | null)?.checked,
      // Disabled through its <fieldset disabled>: the input's own `disabled` stays false.
      backgroundDisabled: document.querySelector('[data-testid=mode-background]')?.matches(':disabled'),
      host: document.querySelector('[data-testid=griffie-host]')?.getAttribute('data-host') ?? null,
    }));
    assert(state.locked?.includes('Vastgezet door uw griffie'), `highlight lock note: ${state.locked}`);
    assert(state.underline === true && state.backgroundDisabled === true, `highlight mode ${JSON.stringify(state)}`);
    assert(!state.categoriesLocked, 'categories shown locked, the policy locks only highlight');
    assert(state.host === OTHER_HOST, `griffie host ${state.host}`);
    return '';
  });

  await check('options: the malformed key named in Dutch, the rest applied', async () => {
    assert(options, 'needs the options page');
    const problem = await options.evaluate(() => document.querySelector('[data-testid=policy-invalid]')?.textContent ?? null);
    assert(problem && problem.includes('De instellingen van uw griffie bevatten fouten'), `policy-invalid: ${problem}`);
    assert(problem.includes('fetchPdfs: verwacht true of false'), `policy-invalid: ${problem}`);
    // Only the bad key is named.
    assert(!/portalHosts|termPacks|locked|letter/.test(problem), `policy-invalid names good keys: ${problem}`);
    return shootUnclipped(options, 'options-policy', shots);
  });

  await check('sidebar offers the griffie’s host', async () => {
    const page = await firefox.newPage();
    const url = pageUrl(server, OTHER_HOST, RAADSVOORSTEL);
    await page.goto(url);
    assert(options, 'needs an extension page');
    const extension = options;
    const tabId = await poll(`a tab with ${url}`, () =>
      extension.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, url),
    );
    const panel = await openExtensionPage(firefox, `sidepanel.html?tabId=${tabId}`, { width: 400, height: 900 });
    watch(panel);
    const offer = await poll('griffie-host-offer', async () =>
      (await panel.evaluate(() => document.querySelector('[data-testid=griffie-host-offer]')?.textContent ?? undefined)),
    );
    assert(offer.includes('Ingesteld door uw griffie') && offer.includes(OTHER_HOST), `offer: ${offer}`);
    return shootUnclipped(panel, 'sidebar-policy-offer', shots);
  });

  await check('no errors from the extension with the policy', async () => {
    const lines = [...pageErrors, ...extensionLines(output)];
    assert(lines.length === 0, `\n  ${lines.join('\n  ')}`);
    return '';
  });
}

async function main(): Promise<number> {
  if (!existsSync(FIREFOX_PATH)) {
    console.log(`skipped: ${FIREFOX_PATH} not found (apt-get install -y firefox-esr firefox-esr-l10n-nl)`);
    console.log('firefox: 0 passed, 0 failed, 1 skipped');
    await report({ passed: 0, failed: 0, skipped: 1 });
    return 0;
  }
  const started = Date.now();
  const shots = process.env.RAADSLENS_SCREENSHOT_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'raadslens-firefox-')));
  await mkdir(shots, { recursive: true });
  const server = await startFixtureServer();
  let launched: LaunchedFirefox | undefined;
  let policy: Awaited<ReturnType<typeof firefoxWithPolicies>> | undefined;
  // A hung Firefox must not hang the run: past the limit, kill the one we started and fail.
  const watchdog = setTimeout(() => {
    console.log(`FAIL run took more than ${RUN_LIMIT_MS / 1000} s`);
    const pid = launched?.firefox.process()?.pid;
    // Firefox was started as a process group leader: its content processes go with it.
    if (pid) process.kill(-pid, 'SIGKILL');
    policy?.remove();
    process.exit(1);
  }, RUN_LIMIT_MS);
  /** One Firefox, its checks, then its output kept and the browser closed (also on a failure). */
  const session = async (name: string, launch: () => Promise<LaunchedFirefox>, checks: (l: LaunchedFirefox) => Promise<void>, log: string) => {
    try {
      await check(name, async () => {
        launched = await launch();
        return `${await launched.firefox.version()}, moz-extension://${ADDON_UUID}`;
      });
      if (launched) await checks(launched);
    } finally {
      // Firefox's whole output, for a failure's post-mortem (most of it is Firefox talking to itself).
      if (launched) await writeFile(path.join(shots, log), launched.output.join('\n') + '\n');
      await launched?.firefox.close().catch(() => {});
      launched = undefined;
    }
  };
  try {
    await session(
      `Firefox with ${path.basename(EXTENSION_DIR)} installed`,
      () => launchFirefox(EXTENSION_DIR),
      (l) => runChecks(l.firefox, l.output, server, shots),
      'firefox-output.log',
    );
    // The griffie's policy: a Firefox of its own, so the checks above ran without one.
    try {
      await session(
        'Firefox with distribution/policies.json (3rdparty.Extensions)',
        async () => {
          policy = await firefoxWithPolicies({ '3rdparty': { Extensions: { [ADDON_ID]: FIREFOX_POLICY } } });
          return launchFirefox(EXTENSION_DIR, { executablePath: policy.executablePath });
        },
        (l) => runPolicyChecks(l.firefox, l.output, server, shots),
        'firefox-policy-output.log',
      );
    } finally {
      policy?.remove();
    }
    await check('policies.json removed after the run', async () => {
      assert(policy, 'no policies.json was written');
      assert(!existsSync(policy.policiesFile), `${policy.policiesFile} is still there`);
      return '';
    });
  } finally {
    await server.close();
    clearTimeout(watchdog);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`screenshots and Firefox log: ${shots}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`firefox: ${results.length - failed} passed, ${failed} failed`);
  await report({ passed: results.length - failed, failed, skipped: 0 });
  return failed === 0 ? 0 : 1;
}

/** The counts as JSON for npm test (test/tools/run-all.mjs), when it names a file. */
async function report(counts: { passed: number; failed: number; skipped: number }): Promise<void> {
  const file = process.env.RAADSLENS_FIREFOX_REPORT;
  if (file) await writeFile(file, JSON.stringify(counts));
}

process.exitCode = await main();
