// Sending to the background, apart from ./send.ts (which checks replies from a tab with the
// protocol's zod schemas): the content script sends only this way and carries no zod, nor the
// polyfill (../page-browser.ts).
import { pageBrowser, type PageBrowser } from '../page-browser';
import type { BackgroundRequest, Reply } from './protocol';

export function unwrap<T>(reply: unknown, what: string): T {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as Reply<T>;
    if (r.ok) return r.value;
    throw new Error(r.error);
  }
  throw new Error(`${what}: geen antwoord`);
}

/** A sender through `api`'s runtime: the page's own here, the polyfill's in the extension pages (./send.ts). */
export function backgroundSender(api: Pick<PageBrowser, 'runtime'>) {
  return async <T = unknown>(msg: BackgroundRequest): Promise<T> => unwrap<T>(await api.runtime.sendMessage(msg), msg.type);
}

export const sendToBackground = backgroundSender(pageBrowser);
