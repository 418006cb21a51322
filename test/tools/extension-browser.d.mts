// Types for extension-browser.mjs (plain Node ESM, shared by test/e2e and test/bench).
import type { BrowserContext } from 'playwright-core';

export function chromiumArgs(options: { extensionDir: string; port: number; lang: string }): string[];
export function launchWithExtension(options: { extensionDir: string; port: number; headless?: boolean }): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}>;
