// Weak terms (pilot, proef, experiment, hosting, bezoekers tellen) say "technology" only where
// technology is at stake in that part of the document. Council documents put many subjects side
// by side — an APV change, a handhavingsprogramma, a besluitenlijst has a pilot with fines next
// to one with cameras — and a pilot's subject stands in its own sentence or the ones around it
// ("een pilot met bodycams", "In de pilot worden twee camera's geplaatst"). Paragraphs and
// headings are little help: PDF page text marks only the block edges its layout shows, as line
// breaks, not which section they open. So "that part" is a window of sentences: a
// weak match counts when a non-weak match lies at most CONTEXT_SENTENCES sentences before or
// after it (on the eval's tune set one sentence lost "de pilot" two sentences on, three took in
// pilots about other things), or when it is "de pilot" continuing a pilot that counted.
// A document is a list of parts (the PDF's pages, the page's blocks, or one text); context runs
// across them, and a part boundary ends a sentence as a line break does, so the pages joined
// with blank lines (the command-line scanner) give what the pages apart give.
import type { TermMatch } from '../match/types';
import type { SafeguardHit } from '../questions';

/** How many sentence ends may lie between a weak match and the technology it needs. */
export const CONTEXT_SENTENCES = 2;

export interface ContextPart {
  text: string;
  /** In text order, offsets into `text`. */
  matches: readonly TermMatch[];
  /**
   * Safeguard and signal hits, in text order. One on the words of a weak match that does not
   * count goes with it: the "proefproject" signal on a pilot with fines asks nothing either.
   */
  hits?: readonly SafeguardHit[];
}

/** Beyond any window: a distance that is capped stays here. */
const FAR = 0x3fffffff;

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || isLineBreak(c);
}

/** List bullets as PDF text has them: each starts a new item, as a line break would. */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x25cf || c === 0x25aa || c === 0x25a0 || c === 0x25e6 || c === 0x2023 || c === 0x2043 || c === 0x27a2 || c === 0x25ba;
}

function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/**
 * Counts sentence ends in text[from, to), stopping once `cap` are found. A sentence ends at a
 * line break, a list bullet, a ';', or a '.', '!' or '?' followed by white space and then not by
 * a lower-case letter or a digit ("m.b.t. de", "art. 5", "d.d. 1 mei" go on). Only an end with
 * words before it counts (a blank line after a full stop is one end, not two): bit 0 of `state`
 * says whether words came before `from` since the last end. Returns the ends found times two,
 * plus that bit after `to`.
 */
function sentenceEnds(text: string, from: number, to: number, cap: number, state: number): number {
  let ends = 0;
  let words = (state & 1) === 1;
  for (let i = from; i < to && ends < cap; i++) {
    const c = text.charCodeAt(i);
    let end = false;
    if (isLineBreak(c) || isBullet(c) || c === 59) end = true;
    else if (c === 46 || c === 33 || c === 63) {
      let j = i + 1;
      if (j >= text.length) end = true;
      else if (isSpace(text.charCodeAt(j))) {
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        const next = j < text.length ? text.charCodeAt(j) : 0;
        end = j >= text.length || !(isLower(next) || isDigit(next));
      }
    } else if (isWordUnit(c)) {
      words = true;
      continue;
    }
    if (end && words) {
      ends++;
      words = false;
    }
  }
  return ends * 2 + (words ? 1 : 0);
}

/**
 * The weak matches of a document that are not near technology (and the hits on their words):
 * they are neither shown nor counted. Linear: two sweeps over the matches (from each side, the
 * distance to the nearest non-weak match, in sentences and capped just past the window), and the
 * text between two matches is read only while such a distance can still be within the window —
 * at most the window's sentences around each weak match, never a sentence twice per sweep.
 */
export function outOfContext(
  parts: readonly ContextPart[],
  isWeak: (termId: string) => boolean,
  window = CONTEXT_SENTENCES,
): Set<TermMatch | SafeguardHit> {
  const out = new Set<TermMatch | SafeguardHit>();
  let count = 0;
  for (const p of parts) count += p.matches.length;
  // The matches in document order, flat: the match, its part, whether it is weak.
  const all: TermMatch[] = new Array<TermMatch>(count);
  const partOf = new Int32Array(count);
  const weak = new Uint8Array(count);
  let n = 0;
  let anyWeak = false;
  parts.forEach((p, part) => {
    for (const m of p.matches) {
      all[n] = m;
      partOf[n] = part;
      if (isWeak(m.termId)) {
        weak[n] = 1;
        anyWeak = true;
      }
      n++;
    }
  });
  if (!anyWeak) return out;
  const cap = window + 1;

  // Sentence ends between match a and the next match, capped at `limit` (text past that cannot
  // bring anything into the window). A part boundary ends a sentence, as the blank line between
  // joined pages would.
  const gap = (a: number, limit: number): number => {
    const b = a + 1;
    let ends = 0;
    let state = 1;
    for (let p = partOf[a]!; p <= partOf[b]! && ends < limit; p++) {
      const text = parts[p]!.text;
      const from = p === partOf[a] ? all[a]!.end : 0;
      const to = p === partOf[b] ? all[b]!.start : text.length;
      const r = sentenceEnds(text, from, to, limit - ends, state);
      ends += r >> 1;
      state = r & 1;
      if (p < partOf[b]! && state === 1) {
        ends++;
        state = 0;
      }
    }
    return Math.min(ends, limit);
  };

  const nearest = new Int32Array(count).fill(FAR);
  let d = FAR;
  for (let k = 0; k < count; k++) {
    if (weak[k] === 0) d = 0;
    else {
      d = d < cap && k > 0 ? Math.min(cap, d + gap(k - 1, cap - d)) : FAR;
      nearest[k] = d;
    }
  }
  d = FAR;
  for (let k = count - 1; k >= 0; k--) {
    if (weak[k] === 0) d = 0;
    else {
      d = d < cap && k + 1 < count ? Math.min(cap, d + gap(k, cap - d)) : FAR;
      if (d < nearest[k]!) nearest[k] = d;
    }
  }

  // "De pilot", "deze proef", "het pilotproject" continue the pilot named before them: a letter
  // about a pilot with sensors says "de pilot" many sentences after the sensors. Such a mention
  // counts when the weak match before it counted and is not too far back.
  const kept = new Uint8Array(count);
  // The dropped matches in document order, for the hits on their words.
  const dropped: number[] = [];
  let previous = -1;
  for (let k = 0; k < count; k++) {
    if (weak[k] === 0) continue;
    let keep = nearest[k]! <= window;
    if (!keep && previous >= 0 && kept[previous] === 1 && definiteBefore(parts[partOf[k]!]!.text, all[k]!.start)) {
      let sentences = 0;
      for (let j = previous; j < k && sentences <= ANAPHOR_SENTENCES; j++) sentences += gap(j, ANAPHOR_SENTENCES + 1 - sentences);
      keep = sentences <= ANAPHOR_SENTENCES;
    }
    if (keep) kept[k] = 1;
    else {
      out.add(all[k]!);
      dropped.push(k);
    }
    previous = k;
  }
  // A hit overlapping a dropped match goes with it: per part, both lists in text order.
  let q = 0;
  parts.forEach((p, part) => {
    while (q < dropped.length && partOf[dropped[q]!]! < part) q++;
    for (const h of p.hits ?? []) {
      while (q < dropped.length && partOf[dropped[q]!] === part && all[dropped[q]!]!.end <= h.start) q++;
      if (q < dropped.length && partOf[dropped[q]!] === part && all[dropped[q]!]!.start < h.end) out.add(h);
    }
  });
  return out;
}

/** How far back "de pilot" may refer to a pilot that counted. */
const ANAPHOR_SENTENCES = 5;
const DEFINITE = new Set(['de', 'het', 'deze', 'dit', 'die', 'dat', 'onze', 'the']);

/** Whether the word before `at` is a definite article or demonstrative ("de pilot", "deze proef"). */
function definiteBefore(text: string, at: number): boolean {
  let i = at - 1;
  let spaces = 0;
  while (i >= 0 && isSpace(text.charCodeAt(i)) && spaces < 3) {
    i--;
    spaces++;
  }
  if (spaces === 0) return false;
  let word = '';
  while (i >= 0 && word.length <= 5 && isWordUnit(text.charCodeAt(i))) word = text[i--] + word;
  if (i >= 0 && isWordUnit(text.charCodeAt(i))) return false;
  return DEFINITE.has(word.toLowerCase());
}

/** Whether two lists hold the same matches in the same order. */
export function sameMatches(a: readonly TermMatch[], b: readonly TermMatch[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/**
 * A document read part by part and shown as it comes (a PDF in the viewer): what counts so
 * far. A weak match at the end of one page may find its technology on the next, so each new
 * part can bring earlier parts' weak matches in; `add` says which parts changed.
 */
export class PartsSoFar {
  private readonly parts: ContextPart[] = [];
  private readonly counting: (readonly TermMatch[])[] = [];
  private anyWeak = false;
  total = 0;

  constructor(private readonly settle: { outOfContext(parts: readonly ContextPart[]): Set<TermMatch | SafeguardHit>; isWeak(termId: string): boolean }) {}

  /** The matches of part `i` that count, as far as the parts read so far tell. */
  counted(i: number): readonly TermMatch[] {
    return this.counting[i] ?? [];
  }

  /** Adds the next part; returns the earlier parts whose counted matches changed. */
  add(part: ContextPart): number[] {
    this.parts.push(part);
    if (!this.anyWeak && !part.matches.some((m) => this.settle.isWeak(m.termId))) {
      this.counting.push(part.matches);
      this.total += part.matches.length;
      return [];
    }
    this.anyWeak = true;
    const dropped = this.settle.outOfContext(this.parts);
    const changed: number[] = [];
    this.total = 0;
    this.parts.forEach((p, i) => {
      const now = dropped.size ? p.matches.filter((m) => !dropped.has(m)) : p.matches;
      if (i < this.counting.length && !sameMatches(now, this.counting[i]!)) changed.push(i);
      this.counting[i] = now;
      this.total += now.length;
    });
    return changed;
  }
}
