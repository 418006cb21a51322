// Typed senders. Replies are checked too: an extension page must not trust a reply's shape
// more than a request's.
import { browser } from 'wxt/browser';
import type { BackgroundRequest, ContentRequest, Reply } from './protocol';

function unwrap<T>(reply: unknown, what: string): T {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as Reply<T>;
    if (r.ok) return r.value;
    throw new Error(r.error);
  }
  throw new Error(`${what}: geen antwoord`);
}

export async function sendToBackground<T = unknown>(msg: BackgroundRequest): Promise<T> {
  return unwrap<T>(await browser.runtime.sendMessage(msg), msg.type);
}

export async function sendToTab<T = unknown>(tabId: number, msg: ContentRequest): Promise<T> {
  return unwrap<T>(await browser.tabs.sendMessage(tabId, msg), msg.type);
}
