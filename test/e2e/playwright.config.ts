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
  // The axe audits of the panel take ~32 s with several engineers' runs on 2 cores (also on the
  // build before portals' changes): a limit for hung tests, not a time a test must beat.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Not test-results itself: Playwright empties outputDir at start and vitest.json lives there.
  outputDir: path.join(root, 'test-results', 'playwright-output'),
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(root, 'test-results', 'playwright.json') }],
  ],
});
