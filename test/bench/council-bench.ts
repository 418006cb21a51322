// The setup the in-browser benchmarks on the 1 MB council page share: the page written to a
// temp directory and served on 127.0.0.1, and the Debian Chromium with the built extension, which
// reaches the page under a portal host (the extension scans it) or on 127.0.0.1 (it does not).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { launchWithExtension } from '../tools/extension-browser.mjs';
import { councilPage } from './council-page';
import { evalDocuments } from './corpus';

export interface CouncilBench {
  browser: Awaited<ReturnType<typeof launchWithExtension>>;
  /** The page on a portal host: Raadslens scans it. */
  portalUrl: string;
  /** The same page on the fixture server's own address: no portal, Raadslens does not run. */
  plainUrl: string;
  /** Characters of document text in the page. */
  documentChars: number;
  close(): Promise<void>;
}

export async function openCouncilBench(extensionDir: string, name: string): Promise<CouncilBench> {
  const dir = mkdtempSync(join(tmpdir(), `raadslens-${name}-`));
  mkdirSync(join(dir, 'bench'));
  const { html, documentChars } = councilPage(evalDocuments(), 1_050_000);
  writeFileSync(join(dir, 'bench', 'raadsvergadering.html'), html);
  const server = await startFixtureServer({ root: dir });
  const browser = await launchWithExtension({ extensionDir, port: server.port });
  return {
    browser,
    portalUrl: 'http://utrecht.raadsinformatie.nl/bench/raadsvergadering.html',
    plainUrl: server.url('bench/raadsvergadering.html'),
    documentChars,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
