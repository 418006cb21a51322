// Every unit test gets a fresh fake IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

// vi.waitFor gives up after 1 s unless told otherwise: on a machine shared by several test runs a
// wait that takes 50 ms alone can take seconds. Every wait gets the suite's own patience instead
// (a wait that is never met still fails, well inside testTimeout).
const waitFor = vi.waitFor.bind(vi);
vi.waitFor = ((callback, options) =>
  waitFor(callback, typeof options === 'number' ? { timeout: Math.max(options, 60_000), interval: 20 } : { interval: 20, ...options, timeout: Math.max(options?.timeout ?? 0, 60_000) })) as typeof vi.waitFor;
