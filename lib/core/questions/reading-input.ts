// What the content script sends for safeguard sentences to be read elsewhere (./reading.ts): the
// text around each mention, not the page. Free of the status engine: the content script imports it.
import type { CategoryId } from '../rules/schema';
import type { RestCategory } from './partial';

/** Characters of text sent either side of a safeguard mention. */
export const READING_RADIUS = 1500;

/** A longer passage is not sent for its sentence (the letter quotes the passage itself). */
export const MAX_SENTENCE_PASSAGE = 4000;

/** A passage's neighbourhood, for its sentence to be found elsewhere: offsets into `text`. */
export interface SentenceWindow {
  text: string;
  start: number;
  end: number;
}

/**
 * The text around [start, end) that sentenceAround reads (it looks READING_RADIUS characters either
 * side), with the passage's offsets in it.
 */
export function sentenceWindow(text: string, start: number, end: number): SentenceWindow {
  const from = Math.max(0, start - READING_RADIUS);
  const to = Math.min(text.length, end + READING_RADIUS);
  return { text: text.slice(from, to), start: start - from, end: end - from };
}

export interface TextWindow {
  /** Where the window starts in the document's text. */
  start: number;
  text: string;
}

/** A safeguard mention to read: its place in the document's text and the snippet its passage shows. */
export interface ReadingMention {
  group: string;
  start: number;
  end: number;
  text: string;
  termId: string;
  snippet: string;
}

export interface TechSpan {
  start: number;
  end: number;
  category: CategoryId;
}

/** What the background reads the safeguards' sentences from; the content script sends it packed (./reading-wire.ts). */
export interface StatusReading {
  windows: TextWindow[];
  /** In text order. */
  mentions: ReadingMention[];
  /** The technology matches inside the windows, in text order. */
  tech: TechSpan[];
  /** The document's strong technologies (for "geldt die ook voor …?"). */
  rest: RestCategory[];
}

/** The ranges of text to send: [start - radius, end + radius) around each mention, merged where they touch. */
export function readingRanges(mentions: ReadonlyArray<{ start: number; end: number }>, length: number, radius = READING_RADIUS): Array<{ start: number; end: number }> {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const m of sorted) {
    const start = Math.max(0, m.start - radius);
    const end = Math.min(length, m.end + radius);
    const last = out.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

