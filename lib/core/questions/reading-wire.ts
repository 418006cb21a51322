// The status reading (./reading-input.ts StatusReading) as the content script sends it. The
// browser serialises a message in the page's own task, and what costs is the number of values
// more than the characters: on the 1 MB council page the reading as objects (a mention with six
// keys, its text and snippet; a technology span with three) and the match table's contexts, text
// the windows hold as well, made a 2.4 MB message sent in one task of 107–142 ms. Here a mention
// is seven numbers and a span three, their strings once in a table, and a match-table context
// that lies in a window is sent as two offsets: the background cuts its text, the mention's text
// and the mention's snippet out of the windows and has exactly the StatusReading and table the
// page had. Free of zod and the status engine: the content script packs with it.
import type { CategoryId } from '../rules/ids';
import { SNIPPET_RADIUS } from './found';
import type { RestCategory } from './partial';
import type { ReadingMention, StatusReading, TechSpan, TextWindow } from './reading-input';

import { snippetAround } from './snippet';

/** Numbers per mention in SentReading.mentions. */
export const MENTION_FIELDS = 7;
/** Numbers per technology span in SentReading.tech. */
export const TECH_FIELDS = 3;

/** A StatusReading packed for the message (see the file's head). */
export interface SentReading {
  /** The text around the mentions, merged where it touches, in text order. */
  windows: TextWindow[];
  /** The mentions' safeguard ids, term ids and (rarely) texts, each once. */
  names: string[];
  /**
   * Seven whole numbers per mention, in text order: start, end, its group and term id (positions
   * in `names`), the start and end of its block in the joined text (for its snippet), and its text
   * (a position in `names`, or -1: the window's text at [start, end)).
   */
  mentions: number[];
  /** The technology categories, referred to by position in `tech`. */
  categories: CategoryId[];
  /** Three whole numbers per technology match inside the windows: start less the previous one's start, length, category. */
  tech: number[];
  rest: RestCategory[];
  /** The match table's contexts that lie inside a window, two offsets each (at, end) in text order, sent without their text. */
  held: number[];
}

/** A match table's stretch of text (lib/extension/messages/match-table.ts contexts). */
export interface HeldContext {
  at: number;
  text: string;
}

/** Builds a SentReading mention by mention and span by span, in text order. */
export class ReadingPacker {
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly mentions: number[] = [];
  private readonly categories: CategoryId[] = [];
  private readonly spans: number[] = [];
  private lastTech = 0;

  private name(s: string): number {
    let i = this.nameIndex.get(s);
    if (i === undefined) {
      i = this.names.push(s) - 1;
      this.nameIndex.set(s, i);
    }
    return i;
  }

  /** `blockText`: the text of the block it stands in, which starts at `blockStart` in the joined text. */
  addMention(m: { group: string; start: number; end: number; text: string; termId?: string }, blockText: string, blockStart: number): void {
    const own = blockText.slice(m.start - blockStart, m.end - blockStart) === m.text ? -1 : this.name(m.text);
    this.mentions.push(m.start, m.end, this.name(m.group), this.name(m.termId ?? ''), blockStart, blockStart + blockText.length, own);
  }

  addTech(t: TechSpan): void {
    let c = this.categories.indexOf(t.category);
    if (c < 0) c = this.categories.push(t.category) - 1;
    this.spans.push(t.start - this.lastTech, t.end - t.start, c);
    this.lastTech = t.start;
  }

  /**
   * The reading, with the contexts of `contexts` (in text order) that a window holds moved into
   * `held`; `kept` are those still to be sent as text.
   */
  finish(windows: TextWindow[], rest: RestCategory[], contexts: readonly HeldContext[] = []): { reading: SentReading; kept: HeldContext[] } {
    const held: number[] = [];
    const kept: HeldContext[] = [];
    let w = 0;
    for (const c of contexts) {
      const end = c.at + c.text.length;
      while (w < windows.length && windows[w]!.start + windows[w]!.text.length < end) w++;
      if (w < windows.length && windows[w]!.start <= c.at) held.push(c.at, end);
      else kept.push(c);
    }
    return { reading: { windows, names: this.names, mentions: this.mentions, categories: this.categories, tech: this.spans, rest, held }, kept };
  }
}

const whole = (x: number | undefined): x is number => x !== undefined && Number.isSafeInteger(x) && x >= 0;

/** The reading is not what a content script packs: said in Dutch, for the sender's error. */
export class ReadingError extends Error {
  constructor(what: string) {
    super(`Scanresultaat onleesbaar (tekst rond de waarborgen): ${what}`);
  }
}

/** The window holding [start, end), by binary search over windows in text order; -1 if none. */
function windowOf(windows: readonly TextWindow[], start: number, end: number): number {
  let lo = 0;
  let hi = windows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (windows[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  const w = windows[lo];
  return w && w.start <= start && end <= w.start + w.text.length ? lo : -1;
}

/**
 * The StatusReading the page packed, and the match table's contexts with the held ones put back
 * in their place. Throws a ReadingError on what no content script sends (an index out of range,
 * a mention or context outside every window, windows out of order), never anything else.
 */
/** `contexts` (in text order) with the held ones put back, cut out of the windows. Throws a ReadingError as unpackReading does. */
export function restoreContexts(sent: Pick<SentReading, 'windows' | 'held'>, contexts: readonly HeldContext[]): HeldContext[] {
  const { windows } = sent;
  if (sent.held.length % 2 !== 0) throw new ReadingError('contexten: geen paren');
  const out: HeldContext[] = [];
  let c = 0;
  for (let i = 0; i < sent.held.length; i += 2) {
    const start = sent.held[i]!;
    const end = sent.held[i + 1]!;
    const k = whole(start) && whole(end) && start <= end ? windowOf(windows, start, end) : -1;
    if (k < 0) throw new ReadingError(`context ${i / 2}: buiten de vensters`);
    while (c < contexts.length && contexts[c]!.at < start) out.push(contexts[c++]!);
    out.push({ at: start, text: windows[k]!.text.slice(start - windows[k]!.start, end - windows[k]!.start) });
  }
  while (c < contexts.length) out.push(contexts[c++]!);
  return out;
}

export function unpackReading(sent: SentReading, contexts: readonly HeldContext[] = []): { reading: StatusReading; contexts: HeldContext[] } {
  const { windows, names } = sent;
  for (let k = 0; k < windows.length; k++) {
    if (!whole(windows[k]!.start)) throw new ReadingError(`venster ${k}: geen geheel getal ≥ 0`);
    if (k > 0 && windows[k]!.start < windows[k - 1]!.start + windows[k - 1]!.text.length) throw new ReadingError(`venster ${k}: niet op volgorde`);
  }
  if (sent.mentions.length % MENTION_FIELDS !== 0) throw new ReadingError('vermeldingen: geen zeventallen');
  const mentions: ReadingMention[] = [];
  for (let i = 0; i < sent.mentions.length; i += MENTION_FIELDS) {
    const [start, end, group, term, blockStart, blockEnd, own] = sent.mentions.slice(i, i + MENTION_FIELDS) as [number, number, number, number, number, number, number];
    if (![start, end, group, term, blockStart, blockEnd].every(whole) || !Number.isSafeInteger(own)) throw new ReadingError(`vermelding ${i / MENTION_FIELDS}: geen gehele getallen`);
    if (group >= names.length || term >= names.length || own >= names.length || own < -1) throw new ReadingError(`vermelding ${i / MENTION_FIELDS}: onbekende naam`);
    if (end < start || start < blockStart || blockEnd < end) throw new ReadingError(`vermelding ${i / MENTION_FIELDS}: buiten haar blok`);
    const k = windowOf(windows, start, end);
    if (k < 0) throw new ReadingError(`vermelding ${i / MENTION_FIELDS}: buiten de vensters`);
    const w = windows[k]!;
    // The window holds at least READING_RADIUS characters either side of a mention, or reaches the
    // text's edge, which is a block's edge too: the block cut to the window gives the snippet its
    // block gives.
    const from = Math.max(0, blockStart - w.start);
    const block = w.text.slice(from, Math.min(w.text.length, blockEnd - w.start));
    mentions.push({
      group: names[group]!,
      start,
      end,
      text: own < 0 ? w.text.slice(start - w.start, end - w.start) : names[own]!,
      termId: names[term]!,
      snippet: snippetAround(block, start - w.start - from, end - w.start - from, SNIPPET_RADIUS),
    });
  }
  if (sent.tech.length % TECH_FIELDS !== 0) throw new ReadingError('techniek: geen drietallen');
  const tech: TechSpan[] = [];
  let at = 0;
  for (let i = 0; i < sent.tech.length; i += TECH_FIELDS) {
    const delta = sent.tech[i]!;
    const length = sent.tech[i + 1]!;
    const category = sent.categories[sent.tech[i + 2]!];
    at += delta;
    if (!Number.isSafeInteger(delta) || !whole(at) || !whole(length) || category === undefined) throw new ReadingError(`techniek ${i / TECH_FIELDS}: ongeldig`);
    tech.push({ start: at, end: at + length, category });
  }
  return { reading: { windows, mentions, tech, rest: sent.rest }, contexts: restoreContexts(sent, contexts) };
}
