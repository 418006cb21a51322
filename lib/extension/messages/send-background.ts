// Sending to the background, apart from ./send.ts (which checks replies from a tab with the
// protocol's zod schemas): the content script sends only this way and carries no zod.
import { browser } from 'wxt/browser';
import type { BackgroundRequest, Reply } from './protocol';

export function unwrap<T>(reply: unknown, what: string): T {
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
