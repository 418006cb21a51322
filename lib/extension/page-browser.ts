// The extension API as the content script uses it: the browser's own object (`browser` in Firefox,
// `chrome` in Chrome), not webextension-polyfill, which the script would otherwise parse on every
// portal page (9.4 KB) to wrap the few calls it makes. Those calls are promise-based in both
// browsers already (runtime.sendMessage, storage.*.get in MV3 Chrome and in Firefox); the one place
// where the two differ, a runtime.onMessage listener answering with a promise, is not used: the
// page's listener answers through sendResponse and returns true (lib/extension/messages/listen.ts),
// which both browsers understand. The extension pages and the background keep the polyfill.
// The global is named only in strings here: WXT auto-imports wxt/browser (and with it the
// polyfill) into a module where the bare name appears, even in a type.
import type { WxtBrowser } from 'wxt/browser';

/** The part of the extension API the content script may use. */
export type PageBrowser = Pick<WxtBrowser, 'runtime' | 'storage'>;

type Globals = Partial<Record<'browser' | 'chrome', { runtime?: { id?: string } }>>;

/** Firefox's `browser` when this is an extension context there, else Chrome's `chrome`. */
export function nativeBrowser(g: Globals = globalThis as Globals): PageBrowser {
  const firefox = g['browser'];
  return (firefox?.runtime?.id ? firefox : g['chrome']) as PageBrowser;
}

export const pageBrowser: PageBrowser = nativeBrowser();
