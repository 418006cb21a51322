// The page's match list as it travels from the content script to the background and lives in
// storage.session: packed, because a long page has thousands of matches, and the message is
// serialised on the page's own thread. Instead of an object with seven keys and its own
// ~130-character snippet per match, a table of the distinct terms, three numbers per match, and
// the stretches of page text around the matches (neighbouring matches share them). Unpacking
// gives exactly the MatchSummary list the panel shows: every snippet is made from its context
// with the same function and radius as from the whole block, and the text of a match is its slice.
// Its zod schemas are in ./match-table-schema.ts: the content script packs, it does not check.
import { snippetAround } from '../../core/questions/snippet';
import type { CategoryId } from '../../core/rules/ids';
import type { Steps } from '../../core/steps';

export const MAX_REPORTED_MATCHES = 5000;
/** Characters either side of a match in its snippet. */
export const MATCH_SNIPPET_RADIUS = 60;

export interface MatchSummary {
  index: number;
  start: number;
  end: number;
  termId: string;
  category: CategoryId;
  text: string;
  /** Some words either side, for the panel list. */
  snippet: string;
}

/** What MatchTableSchema (./match-table-schema.ts) describes. */
export interface MatchTable {
  /** The distinct terms, referred to by position in `spans`. */
  terms: Array<{ termId: string; category: CategoryId }>;
  /** Three whole numbers ≥ 0 per match, in text order: start, end (in the tab's joined text), term position. */
  spans: number[];
  /** Stretches of the text in order, none overlapping, each within one block. */
  contexts: Array<{ at: number; text: string }>;
}

const wholeNumber = (x: number) => Number.isSafeInteger(x) && x >= 0;

/** What is wrong with a table that has the right shape, or null: unpacking needs none of it. */
export function tableIssue(t: MatchTable): string | null {
  if (t.spans.length % 3 !== 0) return 'spans: geen drietallen';
  let c = 0;
  let lastStart = 0;
  let lastEnd = 0;
  for (let k = 0; k < t.contexts.length; k++) {
    const { at, text } = t.contexts[k]!;
    if (k > 0 && at < lastEnd) return `contexts[${k}]: overlapt de vorige`;
    lastEnd = at + text.length;
  }
  for (let i = 0; i < t.spans.length; i += 3) {
    const start = t.spans[i]!;
    const end = t.spans[i + 1]!;
    const term = t.spans[i + 2]!;
    if (!wholeNumber(start) || !wholeNumber(end) || !wholeNumber(term)) return `spans[${i}]: geen geheel getal ≥ 0`;
    if (end < start || start < lastStart) return `spans[${i}]: niet op volgorde`;
    if (term >= t.terms.length) return `spans[${i + 2}]: onbekende term`;
    while (c < t.contexts.length && t.contexts[c]!.at + t.contexts[c]!.text.length < end) c++;
    const ctx = t.contexts[c];
    if (!ctx || ctx.at > start) return `spans[${i}]: buiten de context`;
    lastStart = start;
  }
  return null;
}

/** Matches unpacked between two pauses of unpackMatchesSteps. */
const UNPACK_STEP = 250;

/**
 * The panel's list from a table that passed MatchTableSchema, in steps (lib/core/steps.ts): an
 * extension page unpacks a 5,000-match report in slices rather than in one task.
 */
export function* unpackMatchesSteps(t: MatchTable): Steps<MatchSummary[]> {
  const out: MatchSummary[] = [];
  let c = 0;
  for (let i = 0; i < t.spans.length; i += 3) {
    if (i > 0 && i % (3 * UNPACK_STEP) === 0) yield;
    const start = t.spans[i]!;
    const end = t.spans[i + 1]!;
    const term = t.terms[t.spans[i + 2]!]!;
    while (t.contexts[c]!.at + t.contexts[c]!.text.length < end) c++;
    const { at, text } = t.contexts[c]!;
    out.push({
      index: i / 3,
      start,
      end,
      termId: term.termId,
      category: term.category,
      text: text.slice(start - at, end - at),
      snippet: snippetAround(text, start - at, end - at, MATCH_SNIPPET_RADIUS),
    });
  }
  return out;
}

/**
 * Builds a table block by block, in text order, up to MAX_REPORTED_MATCHES matches. A block's
 * matches are in text order (the matcher's contract); `offset` is where its text starts in the
 * joined text.
 */
export class MatchTablePacker {
  private readonly terms: MatchTable['terms'] = [];
  private readonly termIndex = new Map<string, number>();
  private readonly spans: number[] = [];
  private readonly contexts: MatchTable['contexts'] = [];

  get full(): boolean {
    return this.spans.length >= 3 * MAX_REPORTED_MATCHES;
  }

  addBlock(text: string, offset: number, matches: ReadonlyArray<{ start: number; end: number; termId: string; category: CategoryId }>) {
    const n = text.length;
    let from = -1;
    let to = -1;
    for (const m of matches) {
      if (this.full) break;
      // One character more than the snippet shows: snippetAround looks at it to cut at a word.
      const a = Math.max(0, m.start - MATCH_SNIPPET_RADIUS - 1);
      const b = Math.min(n, m.end + MATCH_SNIPPET_RADIUS + 1);
      if (a > to) {
        if (to >= 0) this.contexts.push({ at: offset + from, text: text.slice(from, to) });
        from = a;
      }
      to = Math.max(to, b);
      const key = `${m.category}\u0000${m.termId}`;
      let term = this.termIndex.get(key);
      if (term === undefined) {
        term = this.terms.push({ termId: m.termId, category: m.category }) - 1;
        this.termIndex.set(key, term);
      }
      this.spans.push(offset + m.start, offset + m.end, term);
    }
    if (to >= 0) this.contexts.push({ at: offset + from, text: text.slice(from, to) });
  }

  table(): MatchTable {
    return { terms: this.terms, spans: this.spans, contexts: this.contexts };
  }
}
