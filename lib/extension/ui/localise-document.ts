import { browser } from 'wxt/browser';

/** <html lang> follows the UI language Chrome/Firefox picked for the extension. */
export function localiseDocument(doc: Document = document) {
  try {
    doc.documentElement.lang = browser.i18n.getUILanguage().startsWith('en') ? 'en' : 'nl';
  } catch {
    doc.documentElement.lang = 'nl';
  }
}
