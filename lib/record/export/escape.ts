// What a portal page wrote (quotes, titles, gemeente names) and what a backup file carried ends up
// in files the reader opens elsewhere: Markdown renderers turn "# Kop" into a heading, "[klik](…)"
// into a link and "<img onerror=…>" into HTML; spreadsheets run "=…" as a formula. Every export
// writes such text through these helpers, so it arrives as the text it was. Pure.
import { webUrl } from '../db/url';

/**
 * What has a meaning anywhere in a CommonMark/GFM line: escapes, code, emphasis, links and images,
 * raw HTML and autolinks, tables, strikethrough, and an "&" that starts an entity. A backslash
 * before ASCII punctuation always means the character itself, so escaping more than strictly
 * needed never changes the text shown; what is left alone keeps the raw file readable.
 */
const INLINE = /[\\`*_[\]<>|~]|&(?=#?[a-z0-9]+;)/gi;

/** CommonMark ends a line at LF, CR or CRLF; a lone CR must not slip a line past the escaping. */
const LINE_END = /\r\n|\r|\n/;

/** A line start that opens a block: ATX heading, bullet, setext underline or thematic break, ordered list item. */
function escapeBlockStart(line: string): string {
  if (/^#|^[-+](?:[ \t]|$)|^[-=][-= \t]*$/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

function escapeLine(line: string, hashes: boolean): string {
  const inline = line.replace(/^[ \t]+/, '').replace(INLINE, '\\$&');
  return escapeBlockStart(hashes ? inline.replace(/#/g, '\\#') : inline);
}

/** One line of text as Markdown text: no leading indentation (4 spaces make code), nothing that opens a block or inline syntax. */
export function escapeMarkdownLine(line: string): string {
  return escapeLine(line, false);
}

/** Text on one line (headings, link labels, list items): whitespace runs, line ends included, become one space; a "#" anywhere could close a heading. */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim(), true);
}

/** Every line of `text` escaped, the line structure kept (LF). */
export function escapeMarkdownLines(text: string): string[] {
  return text.split(LINE_END).map(escapeMarkdownLine);
}

/**
 * `[label](<url>)` for an http(s) address; otherwise (javascript:, data:, file:) the label and the address as plain text.
 * Inside `<…>` a ">" would end the destination and a line end or "<" would void the link, so
 * those (and spaces and backslashes) are percent-encoded: the address still opens the same page.
 */
export function markdownLink(label: string, url: string): string {
  if (!webUrl(url)) return `${escapeMarkdownInline(label)} (${escapeMarkdownInline(url)})`;
  const destination = url.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c));
  return `[${escapeMarkdownInline(label)}](<${destination}>)`;
}

/**
 * A spreadsheet cell that begins (after any spaces, no-break spaces or invisible characters, which
 * Excel and LibreOffice skip) with = + - @ or a tab or line end is read as a formula: such a cell
 * gets a leading apostrophe, so it shows as the text it is.
 */
export function neutraliseFormula(cell: string): string {
  return /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell;
}
