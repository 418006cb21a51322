// Launches the Debian Firefox ESR headless with the built Firefox extension installed as a
// temporary add-on, driven over WebDriver BiDi by puppeteer-core (Playwright cannot drive a stock
// Firefox: it needs its own patched build).
//
// Name resolution: every host name resolves to 127.0.0.1 (network.dns.forceResolve, DNS over
// HTTPS off), so portal host names reach the loopback fixture server on its port and nothing can
// leave the machine, while the manifest keeps its production match patterns.
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const ADDON_ID = 'raadslens@raadslens.nl';
/** Fixed moz-extension:// host, so the extension pages have known URLs (any UUID would do). */
export const ADDON_UUID = '5d0c8f3e-6a41-4b7e-9c2d-0e1f7a3b9c64';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
/** Debian's firefox-esr-l10n-nl: without it Firefox (and so the extension) speaks English. */
export const DUTCH_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-nl@firefox-esr.mozilla.org.xpi';

const PREFS: Record<string, unknown> = {
  // All names to the loopback interface; DoH (TRR) off so the system resolver path is the only one.
  'network.dns.forceResolve': '127.0.0.1',
  'network.trr.mode': 5,
  'network.proxy.type': 0,
  // The fixture server speaks plain http: no upgrade attempt to https on port 443.
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
  'dom.security.https_only_mode': false,
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // A Dutch browser, as a raadslid has (takes effect only with the Dutch langpack installed).
  'intl.locale.requested': 'nl',
  // console.* calls of pages, content scripts and extension pages are printed on stdout, uncaught
  // errors on stderr: the only way to see the background page's errors (BiDi does not expose it).
  'devtools.console.stdout.content': true,
  'devtools.console.stdout.chrome': true,
};

export interface LaunchedFirefox {
  firefox: Browser;
  /** Every line Firefox printed on stdout/stderr so far. */
  output: string[];
}

/**
 * A Firefox ESR whose `distribution/policies.json` is `policies`, as IT puts it next to the
 * program, without touching the machine's own Firefox: other test runs (other worktrees, the same
 * add-on id) may start /usr/bin/firefox-esr at the same moment, and a policy written into
 * /usr/lib/firefox-esr/distribution/ (a link into /usr/share) would reach them too. Firefox looks
 * for distribution/ next to the binary's real path, so the binary is copied (0.6 MB; a symbolic
 * link to it was measured to read /usr/lib/firefox-esr/distribution/ instead) and everything else
 * in its directory is linked. `remove()` deletes the copy with its policies.json (synchronous, so
 * a watchdog that exits at once can call it too).
 */
export async function firefoxWithPolicies(policies: unknown): Promise<{
  executablePath: string;
  policiesFile: string;
  remove: () => void;
}> {
  const binary = realpathSync(FIREFOX_PATH);
  const programDir = path.dirname(binary);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-firefox-policy-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    for (const entry of await readdir(programDir, { withFileTypes: true })) {
      const from = path.join(programDir, entry.name);
      const to = path.join(dir, entry.name);
      if (entry.name === 'distribution') continue;
      if (from === binary) await copyFile(from, to);
      // firefox-bin -> firefox-esr: a link inside the directory stays one, to the copy.
      else if (entry.isSymbolicLink() && !(await readlink(from)).includes('/')) await symlink(await readlink(from), to);
      else await symlink(realpathSync(from), to);
    }
    const distribution = path.join(dir, 'distribution');
    await mkdir(distribution);
    const shipped = path.join(programDir, 'distribution');
    if (existsSync(shipped)) {
      // Debian's search plugins stay; a policies.json of the machine's does not.
      for (const name of await readdir(shipped)) {
        if (name !== 'policies.json') await symlink(realpathSync(path.join(shipped, name)), path.join(distribution, name));
      }
    }
    const policiesFile = path.join(distribution, 'policies.json');
    await writeFile(policiesFile, JSON.stringify({ policies }, null, 2));
    return {
      executablePath: path.join(dir, path.basename(binary)),
      policiesFile,
      remove,
    };
  } catch (err) {
    remove();
    throw err;
  }
}

export async function launchFirefox(
  extensionDir: string,
  { executablePath = FIREFOX_PATH }: { executablePath?: string } = {},
): Promise<LaunchedFirefox> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `${extensionDir}/manifest.json ontbreekt: bouw eerst de Firefox-extensie (RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-ff npx wxt build -b firefox)`,
    );
  }
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets BiDi navigate a tab to moz-extension:// URLs (refused as "unsafe" without it).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: PREFS,
    // Portal pages at a desktop size (as in the Chromium e2e tests); extension pages set their own.
    defaultViewport: { width: 1280, height: 720 },
  });
  const output: string[] = [];
  const proc = firefox.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines.filter((l) => l.trim() !== ''));
    });
  }
  try {
    const id = await firefox.installExtension(extensionDir);
    if (id !== ADDON_ID) throw new Error(`add-on id ${id}, verwacht ${ADDON_ID}`);
  } catch (err) {
    await firefox.close(); // the caller gets no handle to close it with
    throw err;
  }
  return { firefox, output };
}

/** Lines of Firefox's output that come from (or are about) the extension rather than Firefox itself. */
export function extensionLines(output: readonly string[]): string[] {
  return output.filter(
    (line) =>
      line.includes(ADDON_UUID) ||
      line.includes('moz-extension://') ||
      line.includes(ADDON_ID) ||
      /raadslens/i.test(line) ||
      line.includes('Reading manifest'),
  );
}

/** Resolves when `probe` returns a value other than undefined; rejects with `what` after `timeoutMs` (a hang guard, generous for a loaded machine). */
export async function poll<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err; // a page between two documents, for instance
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The page's viewport through BiDi's browsingContext.setViewport alone. puppeteer's setViewport
 * sends emulation.setScreenOrientationOverride beside it, which Firefox ESR 140 does not know, and
 * fails the whole call. BidiFrame's `browsingContext` is puppeteer's own (not a private field).
 */
async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { setViewport(o: { viewport: { width: number; height: number } }): Promise<void> } };
  await frame.browsingContext.setViewport({ viewport });
}

/**
 * Opens an extension page (e.g. "sidepanel.html?tabId=3") in a new tab. Firefox's BiDi loses track
 * of a navigation that moves a tab into the extension process (browsingContext.navigate never
 * answers), so the navigation is not awaited: the page's own location and readyState are polled.
 */
export async function openExtensionPage(
  firefox: Browser,
  pagePath: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await firefox.newPage();
  await setViewport(page, viewport);
  const url = `${EXTENSION_ORIGIN}/${pagePath}`;
  // Rejected later (timeout, or the tab closing with the browser); the poll below decides.
  page.goto(url, { timeout: 0 }).catch(() => {});
  await poll(`${url} to load`, async () =>
    (await page.evaluate(() => `${location.href} ${document.readyState}`)) === `${url} complete` ? true : undefined,
  );
  return page;
}
