// The files WXT builds for entrypoints/content, and how a tab gets them on request ("Scan deze
// pagina", a newly granted site). registerContentScripts takes paths relative to the root,
// executeScript and insertCSS the root-absolute form.
import { browser } from 'wxt/browser';

export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
export const CONTENT_CSS_FILE = 'content-scripts/content.css';
/** The reader's actions (entrypoints/reader.content.ts), put into a page only when it asks. */
export const READER_SCRIPT_FILE = 'content-scripts/reader.js';

/** Puts the scanner (styles first, so the first paint is styled) into one tab. */
export async function injectScanner(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [`/${CONTENT_CSS_FILE}` as const] });
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}` as const] });
}

/**
 * Puts the reader's actions into the frame of the content script that asked: a page where
 * Raadslens runs (a portal, a site the reader granted, or the tab the reader gave it with a
 * click), so the access the content script was put in with covers this file too.
 */
export async function injectReader(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [`/${READER_SCRIPT_FILE}` as const] });
}
