// The reader's actions on a web page: a note's passage found again or shown, the selection or a
// match's sentence described as an anchor, the sentence around a passage for a letter. Only the
// reader's request asks for them (the panel, a menu), never the first scan, so they are not in
// content.js: its bytes are compiled on every portal page a renderer opens. They are built as
// content-scripts/reader.js (entrypoints/reader.content.ts), which the background puts into the
// page's frame at the first such request (reader-load.ts).
import { sentenceSpan } from '../../../core/anchor/sentence';
import { describeQuote } from '../../../core/anchor/describe';
import { reanchor } from '../../../core/anchor/reanchor';
import { MAX_SENTENCE_PASSAGE, sentenceWindow } from '../../../core/questions/reading-input';
import type { ContentRequest } from '../../../extension/messages/protocol';
import { anchorStatus, showAnchor, type Painter } from '../../document-surface';
import { createPageSurface } from '../page-surface';
import type { FrameScanner } from './frame-scanner';
import type { ReaderRequest } from './reader-load';

export interface PageReader {
  /** `matchSpan`: where the session's match `index` stands in the page's text (null: no such match). */
  handle(msg: ReaderRequest, matchSpan: (index: number) => { start: number; end: number } | null): unknown;
  /** Forgets the joined text (the session stopped). */
  reset(): void;
}

/** `painter`: the session's painter over the same frames (frames-painter.ts). */
export function createReader(frames: () => readonly FrameScanner[], painter: Painter): PageReader {
  const surface = createPageSurface(frames, painter);
  return {
    reset: () => surface.reset(),
    handle(msg, matchSpan) {
      switch (msg.type) {
        case 'scroll-to-anchor':
          return showAnchor(surface, msg.anchor);
        case 'get-selection':
          return surface.selectionAnchor();
        case 'anchor-for-match': {
          const span = matchSpan(msg.index);
          if (!span) return null;
          // The sentence that match stands in: what the reader's note is about.
          const text = surface.text();
          const sentence = sentenceSpan(text, span.start, span.end);
          return describeQuote(text, sentence.start, sentence.end);
        }
        case 'locate-anchors': {
          // Found again, not painted: the page's scripts can enumerate CSS.highlights (and read
          // <mark>s), so a painted note would hand its passage to the page.
          const found = anchorStatus(surface, msg.entries);
          return msg.entries.map(({ id }) => ({ id, found: found.get(id) ?? false }));
        }
        case 'anchor-sentences': {
          // The text around each passage: the panel finds the sentence in it (the status rules that
          // know sentence ends are not loaded into pages).
          const text = surface.text();
          return msg.anchors.map((a) => {
            const hit = reanchor(text, a);
            return hit && hit.end - hit.start <= MAX_SENTENCE_PASSAGE ? sentenceWindow(text, hit.start, hit.end) : null;
          });
        }
      }
    },
  };
}

export type CreateReader = typeof createReader;
