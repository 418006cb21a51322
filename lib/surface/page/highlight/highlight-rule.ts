// The selector our highlight styles are written with, for the manifest CSS and the generated rules.
// Chromium: `:root::highlight(name)`. Highlight styles inherit there (highlight inheritance), so
// the root's rule paints every text of the page, shadow trees included (they inherit through the
// host), while a bare `::highlight(name)` is resolved for every element of the page: 2.5–3.5 ms of
// style on each portal page, 0.3 with `:root` (test/bench/start-breakdown.ts), same pixels.
// Firefox ESR 140 does not inherit highlight styles: with `:root::highlight()` it paints nothing
// on descendant text (checked with the built extension, test/bench/highlight-pixels.ts), so
// the Firefox build keeps the bare form: wxt.config.ts rewrites highlights.css with forFirefox()
// and defines __RAADSLENS_FIREFOX__ for the generated rules.
declare const __RAADSLENS_FIREFOX__: boolean | undefined;

const FIREFOX = typeof __RAADSLENS_FIREFOX__ !== 'undefined' && __RAADSLENS_FIREFOX__ === true;

/** What stands before `::highlight(` in this build: `:root` in Chromium, nothing in Firefox. */
export const HIGHLIGHT_ORIGIN: '' | ':root' = FIREFOX ? '' : ':root';

/**
 * Whether ::highlight() draws text-decoration in this build's browser. Firefox ESR 140 draws none
 * (not even highlights.css' own 2px line; checked in pixels, test/bench/highlight-pixels.ts), so a
 * reader who chose underlining would see nothing there: their highlights get a light fill instead.
 */
export const HIGHLIGHT_DRAWS_LINES = !FIREFOX;

export function highlightSelector(name: string, origin: '' | ':root' = HIGHLIGHT_ORIGIN): string {
  return `${origin}::highlight(${name})`;
}

/** highlights.css (written for Chromium) as the Firefox build ships it. */
export function forFirefox(css: string): string {
  return css.replaceAll(':root::highlight(', '::highlight(');
}
