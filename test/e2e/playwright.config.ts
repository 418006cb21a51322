import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// Lives under test/e2e because the project's top level is fixed. Paths are anchored at the project
// root so the reports land in <root>/test-results whatever the working directory.
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: path.join(root, 'test', 'e2e'),
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  // Limits for a test that hangs, not speed checks: on a shared two-core machine with other test
  // runs (load average 20+) a scan, an axe audit or a panel render takes several times as long,
  // and a 30 s test limit failed the accessibility audit of the panel's tabs.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Not test-results itself: Playwright empties outputDir at start and vitest.json lives there.
  outputDir: path.join(root, 'test-results', 'playwright-output'),
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(root, 'test-results', 'playwright.json') }],
  ],
});
