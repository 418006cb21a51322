// The files WXT builds for entrypoints/content, and how a tab gets them on request ("Scan deze
// pagina", a newly granted site). registerContentScripts takes paths relative to the root,
// executeScript and insertCSS the root-absolute form.
import { browser } from 'wxt/browser';

export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
export const CONTENT_CSS_FILE = 'content-scripts/content.css';

/** Puts the scanner (styles first, so the first paint is styled) into one tab. */
export async function injectScanner(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [`/${CONTENT_CSS_FILE}` as const] });
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${CONTENT_SCRIPT_FILE}` as const] });
}
