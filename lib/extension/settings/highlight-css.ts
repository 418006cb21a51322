// The stylesheet that paints highlights the way the reader chose. Generated from validated
// #rrggbb colours only (HexColourSchema), so no text from storage can break out of a rule.
// Every declaration is !important: Firefox adds the manifest's CSS (highlights.css) to the page
// after the document's own sheets, so at equal weight its built-in colours beat this sheet, in
// the document and in an iframe alike; Chromium puts it first. Important declarations win over
// the manifest's normal ones in both (checked in pixels, test/bench/highlight-pixels.ts).
import { highlightName } from '../../surface/page/highlight/engine';
import { HIGHLIGHT_DRAWS_LINES, HIGHLIGHT_ORIGIN, highlightSelector } from '../../surface/page/highlight/highlight-rule';
import { MARK_CLASS } from '../../surface/page/highlight/mark-elements';
import { CATEGORY_IDS } from '../../core/rules/ids';
import { coloursFor, textOn } from './defaults';
import type { HighlightStyle } from './schema';

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

/** `origin`: this build's (see highlight-rule.ts); given only by tests of the other browser's rules. */
/** `prop: value; …` with each declaration made !important. */
function important(decl: string): string {
  return decl.replace(/;/g, ' !important;');
}

/** `lines`: whether ::highlight() draws underlines in this browser (see highlight-rule.ts); <mark>s always do. */
export function highlightCss(style: HighlightStyle, origin: '' | ':root' = HIGHLIGHT_ORIGIN, lines = HIGHLIGHT_DRAWS_LINES): string {
  const strong = style.palette === 'high-contrast';
  const rules: string[] = [];
  for (const category of CATEGORY_IDS) {
    const { fill, line } = coloursFor(style, category);
    const name = highlightName(category);
    const underline = `text-decoration: underline ${strong ? 4 : 3}px ${line};`;
    const decl = important(
      style.mode === 'underline'
        ? `background-color: transparent; ${underline}`
        : strong
          ? `background-color: ${fill}; color: ${textOn(fill)}; text-decoration: underline 2px ${line};`
          : `background-color: ${rgba(fill, 0.55)}; text-decoration: underline 2px ${line};`,
    );
    // Where highlights draw no line, underlining alone would leave the term unmarked: a light fill.
    const highlightDecl = style.mode === 'underline' && !lines ? important(`background-color: ${rgba(fill, 0.3)}; ${underline}`) : decl;
    rules.push(`${highlightSelector(name, origin)} { ${highlightDecl} }`);
    rules.push(`mark.${MARK_CLASS}.${name} { ${decl} }`);
  }
  // The active <mark> keeps its look over the category rules above, as it does in highlights.css.
  rules.push(`mark.${MARK_CLASS}.${MARK_CLASS}--active { ${important('background-color: #1a237e; color: #ffffff;')} }`);
  return rules.join('\n');
}
