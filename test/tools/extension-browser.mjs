// Launches the Debian Chromium with a built Raadslens extension and the portal hosts mapped to a
// loopback fixture server: the recipe of test/e2e/fixtures.ts as a plain function, for scripts
// outside Playwright Test (the benchmarks under test/bench/).
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { hostResolverRules } from './fixture-server.mjs';

/**
 * Chromium flags for a test or benchmark browser: the extension loaded, the portal hosts mapped
 * to the fixture server on `port` (nothing else resolves), no background traffic.
 * @param {{ extensionDir: string, port: number, lang: string }} options
 * @returns {string[]}
 */
export function chromiumArgs({ extensionDir, port, lang }) {
  return [
    `--lang=${lang}`,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-quic',
    '--disable-sync',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    `--host-resolver-rules=${hostResolverRules(port)}`,
    // V8's own flags for a diagnostic run (e.g. BENCH_JS_FLAGS=--no-maglev: what tiering up costs).
    ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : []),
  ];
}

/**
 * @param {{ extensionDir: string, port: number, headless?: boolean }} options
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchWithExtension({ extensionDir, port, headless = true }) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json ontbreekt: bouw eerst de extensie (RAADSLENS_OUT_DIR=… npx wxt build)`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'raadslens-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: { width: 1280, height: 720 },
    locale: 'nl-NL',
    env: { ...process.env, LANGUAGE: 'nl', LANG: 'nl_NL.UTF-8' },
    args: chromiumArgs({ extensionDir, port, lang: 'nl' }),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
