// "Match these texts", as the page session asks it: in the content script the matcher runs in the
// background (one warm automaton for every page, lib/extension/background/match.ts) and the answer
// comes back in a message, so find() may return a promise; everywhere else (unit tests, the CLI,
// the benches that scan in-process) a local scanner answers at once. The rest of what the page
// works out from the rules (weak terms in context, findings) stays with it: ScanRules.
import type { TermMatch } from '../match/types';
import type { SafeguardHit } from '../questions/found';
import type { CategoryId } from '../rules/schema';
import type { ScanRules } from './scan-rules';
import type { Scanner } from './scanner';

export interface FoundPart {
  matches: TermMatch[];
  safeguardHits: SafeguardHit[];
}

export interface FoundParts {
  /** One per text asked, in order. */
  parts: FoundPart[];
  /** The matcher's own time where it ran elsewhere (the background), ms: work moved, printed beside the page's. */
  offMs?: number;
}

interface MatchService {
  /**
   * How many characters one find() should carry at most (texts are grouped up to this, one text
   * alone may be longer); 0: one text per call, as a local scanner is best asked (each call a slice).
   */
  readonly partChars: number;
  find(texts: readonly string[]): FoundParts | Promise<FoundParts>;
}

/** What a page session scans with: the rules' side at hand, the matching possibly elsewhere. */
export interface PageScanner extends ScanRules, MatchService {}

const local = new WeakMap<Scanner, PageScanner>();

/** A scanner (compiled here) as a page scanner that answers at once; a page scanner as it is. */
export function asPageScanner(s: Scanner | PageScanner): PageScanner {
  if ('partChars' in s) return s;
  let out = local.get(s);
  if (!out) {
    const scanner = s;
    out = {
      rules: scanner.rules,
      outOfContext: scanner.outOfContext,
      isWeak: scanner.isWeak,
      findings: scanner.findings,
      partChars: 0,
      find: (texts) => ({ parts: texts.map((t) => scanner.find(t)) }),
    };
    local.set(s, out);
  }
  return out;
}

/**
 * The matches of several texts as plain numbers for a message: per text [start, end, entry] for
 * each match, then the same for each safeguard hit, the entries (term id and its category or
 * safeguard group) in one table. The page takes `text` from its own texts again.
 */
export interface MatchWire {
  /** Term id and group of each entry, alternating. */
  entries: string[];
  /** Per text: the matches' triples. */
  matches: number[][];
  /** Per text: the safeguard hits' triples. */
  hits: number[][];
  /** The matcher's time for all texts, ms. */
  ms: number;
}

export function packFound(parts: readonly FoundPart[], ms: number): MatchWire {
  const entries: string[] = [];
  const index = new Map<string, number>();
  const entry = (termId: string, group: string) => {
    const key = `${termId}\u0000${group}`;
    let i = index.get(key);
    if (i === undefined) {
      index.set(key, (i = entries.length / 2));
      entries.push(termId, group);
    }
    return i;
  };
  const triples = <T extends { start: number; end: number; termId?: string }>(items: readonly T[], group: (x: T) => string) => {
    const out: number[] = [];
    for (const x of items) out.push(x.start, x.end, entry(x.termId ?? '', group(x)));
    return out;
  };
  return {
    entries,
    matches: parts.map((p) => triples(p.matches, (m) => m.category)),
    hits: parts.map((p) => triples(p.safeguardHits, (h) => h.group)),
    ms,
  };
}

const isIntArray = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isInteger(n) && n >= 0);

/**
 * The matches back from a message (checked by hand: the content script carries no zod), with
 * their text from `texts`; null when the reply is not one for these texts.
 */
export function unpackFound(wire: unknown, texts: readonly string[]): FoundParts | null {
  if (!wire || typeof wire !== 'object') return null;
  const w = wire as Partial<MatchWire>;
  const entries = w.entries;
  if (!Array.isArray(entries) || entries.length % 2 !== 0 || !entries.every((e) => typeof e === 'string')) return null;
  if (!Array.isArray(w.matches) || !Array.isArray(w.hits) || w.matches.length !== texts.length || w.hits.length !== texts.length) return null;
  if (typeof w.ms !== 'number' || !Number.isFinite(w.ms)) return null;
  const n = entries.length / 2;
  const parts: FoundPart[] = [];
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k]!;
    const m = w.matches[k];
    const h = w.hits[k];
    if (!isIntArray(m) || !isIntArray(h) || m.length % 3 !== 0 || h.length % 3 !== 0) return null;
    const ok = (a: number[], i: number) => a[i]! < a[i + 1]! && a[i + 1]! <= text.length && a[i + 2]! < n;
    const matches: TermMatch[] = [];
    for (let i = 0; i < m.length; i += 3) {
      if (!ok(m, i)) return null;
      const [start, end, e] = [m[i]!, m[i + 1]!, m[i + 2]!];
      // Keys in the matcher's order (results are compared as JSON).
      matches.push({ start, end, termId: entries[2 * e]!, category: entries[2 * e + 1] as CategoryId, text: text.slice(start, end) });
    }
    const safeguardHits: SafeguardHit[] = [];
    for (let i = 0; i < h.length; i += 3) {
      if (!ok(h, i)) return null;
      const [start, end, e] = [h[i]!, h[i + 1]!, h[i + 2]!];
      safeguardHits.push({ start, end, termId: entries[2 * e]!, group: entries[2 * e + 1]!, text: text.slice(start, end) });
    }
    parts.push({ matches, safeguardHits });
  }
  return { parts, offMs: w.ms };
}
