// The content script's extension API is the browser's own object, chosen as WXT chooses it.
import { describe, expect, it } from 'vitest';
import { nativeBrowser } from '@/lib/extension/page-browser';

describe('nativeBrowser', () => {
  it('takes Firefox’s browser in an extension context, else Chrome’s chrome', () => {
    const firefox = { runtime: { id: 'raadslens@raadslens.nl' } };
    const chrome = { runtime: { id: 'abcdefghijklmnop' } };
    expect(nativeBrowser({ browser: firefox, chrome })).toBe(firefox);
    expect(nativeBrowser({ chrome })).toBe(chrome);
    // A page's own global named browser (no extension id) is never taken.
    expect(nativeBrowser({ browser: {}, chrome })).toBe(chrome);
    expect(nativeBrowser({ browser: { runtime: {} }, chrome })).toBe(chrome);
  });
});
