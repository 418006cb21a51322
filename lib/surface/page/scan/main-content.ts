// Page chrome is not the document: menus, footers, cookie banners ("tracking cookies") and
// live-stream players ("camera's in de raadzaal") would otherwise fill the panel with noise.
// Portal detectors may name the exact container; this is the generic fallback.

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);
const CHROME_TAGS = new Set(['NAV', 'ASIDE']);
// Ids and classes of banners and players as portals and consent tools name them.
const CHROME_NAME = /(^|[-_\s])(cookie|cookies|consent|cookiebar|gdpr|cc-window|livestream|live-stream|videoplayer|video-player|player|skiplink|breadcrumb)s?([-_\s]|$)/i;

/**
 * Every element isPageChrome can say yes to matches this selector (it matches more): a walk
 * finds the few candidates with one query and asks isPageChrome only about them, instead of
 * reading the role, id and class of every element it meets. Keep it in step with the checks below.
 */
export const CHROME_CANDIDATES = [
  'nav', 'aside', 'header', 'footer', 'NAV', 'ASIDE', 'HEADER', 'FOOTER', '[role]', '[aria-modal]',
  ...['cookie', 'consent', 'gdpr', 'cc-window', 'livestream', 'live-stream', 'player', 'skiplink', 'breadcrumb'].flatMap((w) => [`[id*="${w}" i]`, `[class*="${w}" i]`]),
].join(', ');

/** Is this element page chrome rather than document text? */
export function isPageChrome(el: Element): boolean {
  // Called for every element: the tag name as the page spells it first, upper-cased only when
  // it could be one of ours in lower case (XHTML).
  let tag = el.tagName;
  if (tag.length <= 6 && tag.charCodeAt(0) >= 97) tag = tag.toUpperCase();
  if (CHROME_TAGS.has(tag)) return true;
  // A page-level header/footer is chrome; one inside an article is part of the document.
  if ((tag === 'HEADER' || tag === 'FOOTER') && !el.closest('article, main, [role="main"]')) return true;
  // Called for every element of the page: the rest needs attributes, which most elements lack.
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (el.getAttribute('aria-modal') === 'true') return true;
  const id = el.id;
  const cls = typeof el.className === 'string' ? el.className : '';
  return (id !== '' || cls !== '') && CHROME_NAME.test(`${id} ${cls}`);
}

/**
 * Does the element hold any non-blank text? Stops at the first such text node: `textContent`
 * would copy the whole document (a megabyte on a long agenda) only to test it for blanks.
 */
export function hasText(el: Node): boolean {
  const doc = el.ownerDocument ?? (el as Document);
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test((node as Text).data)) return true;
  }
  return false;
}

/** The element that holds the document text: <main>, role=main, a lone <article>, or body. */
export function findMainContent(doc: Document): Element {
  const main = doc.querySelector('main, [role="main"]');
  if (main && hasText(main)) return main;
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0]!;
  return doc.body ?? doc.documentElement;
}
