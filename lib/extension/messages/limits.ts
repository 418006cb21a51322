// Bounds of the report the content script sends (the protocol's schema enforces them on arrival;
// the content script keeps within them without carrying the schema).

/** Bounds that keep one tab's report small whatever the page holds (a 9 MB <title> happened). */
export const MAX_REPORT_TITLE = 1000;
export const MAX_REPORT_URL = 8192;
/** The other cells of an attachment's list row, as the page sends them (lib/surface/page/portals/dom.ts rowCells). */
export const MAX_ATTACHMENT_ROW = 400;

/**
 * Characters of page text in one match-texts message at most (the texts of one request together):
 * a 1 MB page is matched in five or six messages, each a task of the background's own.
 */
export const MATCH_PART_CHARS = 200_000;
