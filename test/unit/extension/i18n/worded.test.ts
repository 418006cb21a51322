import { afterEach, describe, expect, it, vi } from 'vitest';

// A fresh module per test: the words looked up are kept by the module.
async function withApi(getMessage: (key: string, subs: string[]) => string) {
  vi.resetModules();
  vi.stubGlobal('chrome', { i18n: { getMessage: vi.fn(getMessage) } });
  const mod = await import('@/lib/extension/i18n');
  return { ...mod, getMessage: (globalThis as unknown as { chrome: { i18n: { getMessage: ReturnType<typeof vi.fn> } } }).chrome.i18n.getMessage };
}

afterEach(() => vi.unstubAllGlobals());

describe('t keeps the words it looked up', () => {
  it('asks the browser once per key and substitutions, and answers the same each time', async () => {
    const { t, getMessage } = await withApi((key, subs) => `${key}[${subs.join('|')}]`);
    expect(t('pdfPageShort', 3)).toBe('pdfPageShort[3]');
    expect(t('pdfPageShort', 3)).toBe('pdfPageShort[3]');
    expect(t('pdfPageShort', '3')).toBe('pdfPageShort[3]');
    expect(t('pdfPageShort', 4)).toBe('pdfPageShort[4]');
    expect(t('pdfScan')).toBe('pdfScan[]');
    expect(t('pdfScan')).toBe('pdfScan[]');
    expect(getMessage).toHaveBeenCalledTimes(3);
  });

  it('tells substitutions apart that a plain join would mix up', async () => {
    const { t, getMessage } = await withApi((key, subs) => `${key}:${JSON.stringify(subs)}`);
    expect(t('pdfProgress', 'a\u0001b')).toBe('pdfProgress:["a\\u0001b"]');
    expect(t('pdfProgress', 'a', 'b')).toBe('pdfProgress:["a","b"]');
    expect(t('pdfProgress', 'a\u0001b')).toBe('pdfProgress:["a\\u0001b"]');
    // The one with the separator in it is never kept.
    expect(getMessage).toHaveBeenCalledTimes(3);
  });

  it('falls back to the Dutch catalogue as before, and stays right past its limit', async () => {
    const { t, WORDED_MAX, getMessage } = await withApi(() => '');
    expect(t('pdfPageShort', 7)).toBe(t('pdfPageShort', 7));
    for (let i = 0; i < WORDED_MAX + 10; i++) t('pdfPageShort', i);
    expect(t('pdfPageShort', 1)).toContain('1');
    expect(getMessage.mock.calls.length).toBeGreaterThan(WORDED_MAX);
  });
});
