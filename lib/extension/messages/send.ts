// Typed senders. Replies are checked too: an extension page must not trust a reply's shape
// more than a request's.
import type { z } from 'zod';
import { browser } from 'wxt/browser';
import { ContentReplySchemas, type ContentReply, type ContentRequest } from './protocol';
import { backgroundSender, unwrap } from './send-background';

export const sendToBackground = backgroundSender(browser);

/** Sends a request to the tab's content script and checks the reply against the protocol. */
export async function sendToTab<M extends ContentRequest>(tabId: number, msg: M): Promise<ContentReply<M['type']>> {
  const value = unwrap<unknown>(await browser.tabs.sendMessage(tabId, msg), msg.type);
  const parsed = (ContentReplySchemas[msg.type] as z.ZodType).safeParse(value);
  if (!parsed.success) throw new Error(`${msg.type}: onverwacht antwoord van de pagina`);
  return parsed.data as ContentReply<M['type']>;
}
