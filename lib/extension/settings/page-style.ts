// Puts the generated highlight stylesheet into the page. Choice: a constructable stylesheet in
// document.adoptedStyleSheets — no element in the page's DOM, replaced in place on every
// settings change (replaceSync), no round trip to the background and no extra permission
// (scripting.insertCSS would need the tab id and the exact previous text to remove it).
// ::highlight() rules cannot read custom properties set by us on the page safely, so real
// values are generated. Where the content-script world cannot touch adoptedStyleSheets
// (Firefox's Xray wrappers), a <style> element in <head> is the fallback: textContent only.

const STYLE_ID = 'raadslens-highlight-style';

interface PageStyle {
  set(css: string): void;
  remove(): void;
}

export function createPageStyle(doc: Document = document): PageStyle {
  let sheet: CSSStyleSheet | null = null;
  let element: HTMLStyleElement | null = null;

  function viaAdopted(css: string): boolean {
    try {
      const View = doc.defaultView as (Window & typeof globalThis) | null;
      if (!View?.CSSStyleSheet || !('adoptedStyleSheets' in doc)) return false;
      if (!sheet) {
        sheet = new View.CSSStyleSheet();
        sheet.replaceSync(css);
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      } else {
        sheet.replaceSync(css);
      }
      return true;
    } catch {
      sheet = null;
      return false;
    }
  }

  return {
    set(css) {
      if (!element && viaAdopted(css)) return;
      if (!element) {
        element = doc.createElement('style');
        element.id = STYLE_ID;
        (doc.head ?? doc.documentElement).append(element);
      }
      element.textContent = css;
    },
    remove() {
      if (sheet) {
        const mine = sheet;
        try {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== mine);
        } catch {
          // The page went away.
        }
        sheet = null;
      }
      element?.remove();
      element = null;
    },
  };
}
