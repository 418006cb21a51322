import { afterEach, describe, expect, it, vi } from 'vitest';
import { isReaderRequest, readerGlobal, readerLoader } from '@/lib/surface/page/session/reader-load';
import { createReader } from '@/lib/surface/page/session/reader';

const api = { runtime: { getManifest: () => ({ version: '1.2.3' }) } } as never;
const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g[readerGlobal(api)];
});

describe("loading the reader's actions (reader.js) into the page", () => {
  it('asks the background once, then takes createReader from the global reader.js left', async () => {
    const load = vi.fn(async () => {
      g[readerGlobal(api)] = createReader;
    });
    const get = readerLoader(api, load);
    expect(load).not.toHaveBeenCalled();
    expect(await get()).toBe(createReader);
    expect(await get()).toBe(createReader);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when reader.js is here already (an earlier copy of this version put it in)', async () => {
    g[readerGlobal(api)] = createReader;
    const load = vi.fn(async () => {});
    expect(await readerLoader(api, load)()).toBe(createReader);
    expect(load).not.toHaveBeenCalled();
  });

  it("never takes another version's reader, and tries again after a failed load", async () => {
    g['__raadslensReader@1.2.2'] = createReader;
    const load = vi.fn().mockRejectedValueOnce(new Error('tabblad weg')).mockResolvedValueOnce(undefined).mockImplementationOnce(async () => {
      g[readerGlobal(api)] = createReader;
    });
    const get = readerLoader(api, load);
    await expect(get()).rejects.toThrow('tabblad weg');
    // Injected, but nothing left behind: a clear message.
    await expect(get()).rejects.toThrow(/konden niet worden geladen/);
    expect(await get()).toBe(createReader);
    expect(load).toHaveBeenCalledTimes(3);
    delete g['__raadslensReader@1.2.2'];
  });

  it("tells the reader's requests from the scan's", () => {
    expect(isReaderRequest({ type: 'get-selection' })).toBe(true);
    expect(isReaderRequest({ type: 'locate-anchors', entries: [] })).toBe(true);
    expect(isReaderRequest({ type: 'next-match' })).toBe(false);
    expect(isReaderRequest({ type: 'report-details', key: 'k' })).toBe(false);
  });
});
