// How far a web page's text is its opening, as the page cuts it before sending it: the content
// script sends the opening's blocks with a report's details and the background reads them
// (lib/extension/background/portal-opening.ts), so the page carries neither the rules nor their
// reader. rules/document-kind.json's pageWindow is held to this figure by its schema.

/** Characters of a web page read for its opening (each block's line break counts as one). */
export const PAGE_WINDOW = 60_000;

/**
 * The blocks as far as `limit` characters reach: the last one cut, none after it. The reading
 * (lib/core/questions/document-kind.ts blocksOpening) cuts with this, so that blocks cut here once
 * read the same as the whole page's.
 */
export function* openingBlocks(blocks: Iterable<string>, limit: number): Generator<string, void, void> {
  let read = 0;
  for (const block of blocks) {
    if (read >= limit) return;
    const part = block.length > limit - read ? block.slice(0, limit - read) : block;
    read += part.length + 1;
    yield part;
  }
}
