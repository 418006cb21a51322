// What a rejected motie or amendement asks (round 21). Its title and its dictum ("Verzoekt het
// college …", "besluit het ontwerpbesluit … te wijzigen:" and the items under it) say what nobody
// will carry out once the raad has voted it down: negated, not planned (the guideline's rejected
// proposal). Its overwegingen, its toelichting, the preadvies and the stemverklaringen are not
// the ask and keep their own reading. Read by lines, not sentences: a dictum's lead starts a line,
// its items are list lines or lines ending in a colon, and what the raad did with it is a line of
// its own ("Besluit: verworpen met 12 stemmen voor", "Verworpen met 9 stemmen voor en 26 tegen",
// "Het amendement is verworpen …"). The words are rules/status.json's structure.rejectedAsk.
//
// The reading must be the same on the whole text and on the window of READING_RADIUS characters
// either side of the mention the content script sends (reading-input.ts): the walk back stops
// BACK_REACH characters before the mention, the decision must start within AHEAD_REACH after it,
// and a line's first LINE_HEAD characters are all that is read of it — together inside the window.
// Linear: each mention walks back a bounded number of lines, the forward scan runs once per ask.
//
// Round 21b: a motie or amendement that is the whole document has its vote at its end ("Stemming
// — De motie wordt met 12 stemmen voor en 17 tegen verworpen"), often beyond AHEAD_REACH. That
// outcome is read once from the whole document (its opening's reading, the portal's field:
// ../outcome.ts) and given here: an ask with no decision line within reach takes it. A decision
// line within reach still decides (a besluitenlijst's proposals have their own), so the window
// and the whole text read the same: both see the same lines within reach, and the same outcome.
import type { DocumentOutcome } from '../outcome';
import type { CompiledStatusRules } from './compile';
import { tokenize, WordTable } from './tokens';

export type RejectedAskRules = CompiledStatusRules['structure']['rejectedAsk'];

/** How far back (characters before the mention) a line may start and still be read as the ask's lead. */
const BACK_REACH = 1300;
/** How far after the mention the decision's line may start. */
const AHEAD_REACH = 1200;
/** Characters of a line read for its first words. */
const LINE_HEAD = 200;
/** Lines scanned forward for the decision, at most (the bound in characters is the caller's). */
const AHEAD_LINES = 60;

/** A list line's mark ("– ", "• ", "a. ", "2) ", "„1. "), with an opening quote before it. */
const ITEM_MARK = /^\s*[„“"'‘]?\s*(?:[-–—•●▪*·]|(?:\d{1,2}|[a-z])[.)](?=\s))/u;

interface Line {
  start: number;
  end: number;
}

function lineAt(text: string, at: number): Line {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/** A line's first words as the rules fold them, after a list mark; whether it had one; whether it ends in a colon. */
function head(text: string, line: Line, table?: WordTable): { words: string[]; item: boolean; colon: boolean } {
  let from = line.start;
  const to = Math.min(line.end, line.start + LINE_HEAD);
  const m = ITEM_MARK.exec(text.slice(from, to));
  if (m) from += m[0].length;
  const words = tokenize(text, from, to, table).filter((t) => !t.punct).map((t) => t.text);
  return { words, item: !!m, colon: line.end - line.start <= LINE_HEAD && text.slice(line.start, line.end).trimEnd().endsWith(':') };
}

/** Quotes that open a proposal's name: a straight or a single one only where no letter stands before it ("camera's" is no quote). */
const OPENING_QUOTES = '„“"\'‘«';
const CLOSING_QUOTES = '”“"\'’»';
const LETTER = /\p{L}/u;

/**
 * Whether [start, end) lies in the title of a title line: inside the first quoted stretch of the
 * line, or anywhere on a line that is a title as a whole ("Titel: Geen webcrawler zonder DPIA").
 * One pass over the line up to the mention's end.
 */
function inTitle(text: string, line: Line, start: number, end: number, wholeLine: boolean): boolean {
  if (wholeLine) return true;
  const to = Math.min(line.end, line.start + LINE_HEAD);
  for (let k = line.start; k < to && k < start; k++) {
    const c = text[k]!;
    if (!OPENING_QUOTES.includes(c) || (k > line.start && LETTER.test(text[k - 1]!))) continue;
    // The first quote opens the name; it closes at the next closing quote with no letter after it.
    for (let j = k + 1; j < to; j++) {
      const q = text[j]!;
      if (!CLOSING_QUOTES.includes(q) || (j + 1 < line.end && LETTER.test(text[j + 1]!))) continue;
      return start > k && end <= j;
    }
    return false;
  }
  return false;
}

const startsWithWords = (words: readonly string[], seq: readonly string[]): boolean => seq.length <= words.length && seq.every((w, i) => words[i] === w);

export class RejectedAsks {
  /** Per ask's lead line (its start): where the first decision after it starts and whether it rejected, or null for none. */
  private readonly decisions = new Map<number, { start: number; end: number; rejected: boolean } | null>();
  /**
   * Per line (its start): its head, read once. Mentions near each other walk back over the same
   * lines, and each walk tokenized every line again (a fifth of the structure reading's CPU over a
   * meeting's 40 PDFs, issue 17 target 5). A line's end follows from its start: the key is enough.
   */
  private readonly heads = new Map<number, ReturnType<typeof head>>();
  /** The lines' words, each string made once (as DocumentTokens does for the sentences). */
  private readonly words = new WordTable();

  constructor(
    private readonly text: string,
    private readonly r: RejectedAskRules,
    /** What became of the document itself (a whole-document motie or amendement), 'unknown' for any other. */
    private readonly documentOutcome: DocumentOutcome = 'unknown',
  ) {}

  /**
   * What rejected the ask the mention at [start, end) stands in: its decision line, or 'document'
   * when no decision line stands within reach and the document itself was rejected; null when it
   * stands in no ask, or the ask was not rejected.
   */
  at(start: number, end: number): { start: number; end: number } | 'document' | null {
    const lead = this.leadOf(start);
    if (lead < 0) return null;
    const d = this.decisionOf(lead);
    if (d && d.start <= end + AHEAD_REACH) return d.rejected ? { start: d.start, end: d.end } : null;
    return this.documentOutcome === 'rejected' ? 'document' : null;
  }

  /**
   * What the raad did with the proposal whose title the mention at [start, end) stands in (round
   * 24): its title line's quoted name ("Amendement A2 (VVD): "Bewaren meetgegevens"") or a
   * "Titel:" line. A title is the proposal's ask in a few words, whatever its grammar ("Omwonenden
   * op de hoogte", "Geen X zonder IAMA"): it takes the proposal's fate, not its own reading (the
   * guideline's proposal title). The decision is the one `at` reads; null where the mention is in
   * no title or nothing was decided within reach.
   */
  titleFate(start: number, end: number): 'rejected' | 'adopted' | null {
    const line = lineAt(this.text, start);
    if (end > line.end) return null;
    const h = this.headOf(line);
    if (!h.words.length || !this.isTitle(h.words) || !inTitle(this.text, line, start, end, this.r.titleLines.has(h.words[0]!))) return null;
    const d = this.decisionOf(line.start);
    if (d && d.start <= end + AHEAD_REACH) return d.rejected ? 'rejected' : 'adopted';
    return this.documentOutcome === 'unknown' ? null : this.documentOutcome;
  }

  private decisionOf(lead: number): { start: number; end: number; rejected: boolean } | null {
    let d = this.decisions.get(lead);
    if (d === undefined) {
      d = this.decisionAfter(lead);
      this.decisions.set(lead, d);
    }
    return d;
  }

  private headOf(line: Line): ReturnType<typeof head> {
    let h = this.heads.get(line.start);
    if (!h) this.heads.set(line.start, (h = head(this.text, line, this.words)));
    return h;
  }

  /** A proposal's title: "Motie …", "Amendement A1 …", "M2 …", "Titel: …". */
  private isTitle(words: readonly string[]): boolean {
    const w = words[0];
    if (!w) return false;
    if (this.r.titles.has(w)) return true;
    return w.length >= 2 && w.length <= 3 && this.r.codes.has(w[0]!) && /^\d+$/.test(w.slice(1));
  }

  /** Where the ask the mention's line belongs to starts (its title or dictum lead), or -1. */
  private leadOf(at: number): number {
    let line = lineAt(this.text, at);
    for (let n = 0; n < this.r.lines; n++) {
      if (line.start < at - BACK_REACH) return -1;
      const h = this.headOf(line);
      if (h.words.length) {
        if (this.r.ends.has(h.words[0]!)) return -1;
        if (this.isTitle(h.words) || this.r.asks.some((a) => startsWithWords(h.words, a))) return line.start;
        // Only list items and lead-ins ("met dien verstande dat:") stand between an item and its dictum.
        if (!h.item && !h.colon) return -1;
      }
      if (line.start === 0) return -1;
      line = lineAt(this.text, line.start - 1);
    }
    return -1;
  }

  /** What the raad did with a line's words: "Besluit: verworpen …", "Aangenomen met …", "Het amendement is verworpen …". */
  private outcome(words: readonly string[]): 'rejected' | 'adopted' | undefined {
    const i = this.r.articles.has(words[0]!) ? 1 : 0;
    const w0 = words[0]!;
    const led = this.r.decisionLeads.has(w0) || this.r.rejected.has(w0) || this.r.adopted.has(w0) || (words[i] !== undefined && this.r.titles.has(words[i]!));
    if (!led) return undefined;
    for (let k = 0; k < words.length && k < this.r.decisionWords; k++) {
      if (this.r.rejected.has(words[k]!)) return 'rejected';
      if (this.r.adopted.has(words[k]!)) return 'adopted';
    }
    return undefined;
  }

  /**
   * The first sentence inside [from, to) (not the line's own start) that is a decision: after a
   * full stop and a space, its first words read as a decision line's. One pass over the stretch.
   */
  private sentenceOutcome(from: number, to: number): { start: number; rejected: boolean } | null {
    for (let k = from + 1; k < to; k++) {
      const c = this.text.charCodeAt(k);
      // A space after ".", "!" or "?" (a closing quote between allowed) opens a sentence.
      if (c !== 32) continue;
      let p = k - 1;
      if (CLOSING_QUOTES.includes(this.text[p]!)) p--;
      const end = this.text[p];
      if (end !== '.' && end !== '!' && end !== '?') continue;
      const start = k + 1;
      if (start >= to || !/\p{Lu}/u.test(this.text[start]!)) continue;
      const words = tokenize(this.text, start, Math.min(to, start + LINE_HEAD), this.words).filter((t) => !t.punct).map((t) => t.text);
      const o = words.length ? this.outcome(words) : undefined;
      if (o) return { start, rejected: o === 'rejected' };
    }
    return null;
  }

  /** The first decision line from the ask's lead on, before another proposal's title. */
  private decisionAfter(lead: number): { start: number; end: number; rejected: boolean } | null {
    let line = lineAt(this.text, lead);
    // Round 24: the vote may close the ask's own paragraph as a sentence ("… de wethouder ontraadt
    // het amendement. Verworpen met 15 stemmen voor en 22 tegen."): sentence starts inside the lines
    // are read too, as far as a mention after the lead could still reach.
    const inLineTo = Math.min(this.text.length, lead + BACK_REACH + AHEAD_REACH);
    for (let n = 0; n < AHEAD_LINES; n++) {
      const h = this.headOf(line);
      if (h.words.length) {
        const o = this.outcome(h.words);
        if (o) return { start: line.start, end: line.end, rejected: o === 'rejected' };
        if (n > 0 && this.isTitle(h.words)) return null;
      }
      const inLine = this.sentenceOutcome(Math.max(line.start, lead), Math.min(line.end, inLineTo));
      if (inLine) return { start: inLine.start, end: line.end, rejected: inLine.rejected };
      if (line.end >= this.text.length) return null;
      line = lineAt(this.text, line.end + 1);
    }
    return null;
  }
}
