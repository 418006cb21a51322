import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Lives under test/ because the project's top level is fixed; root points back at the project.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  plugins: [WxtVitest({ root }), preact()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup.ts'],
    // vitest's default of 5 s per test is a time limit in disguise: on a shared two-core machine
    // with other test runs the property and 100,000-node tests took 6-14 s and failed. Tests
    // assert results; times belong in test/bench.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
