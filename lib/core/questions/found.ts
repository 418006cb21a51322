// What a scan found, in the terms of the rules' ids only: per category its count, whether only
// weak terms (pilot, proef) named it and which terms; per signal its count and first passage.
// The content script sends this (it carries no labels, reasons or questions); the background
// composes the assessment from it with the whole rule set (./partial.ts composeAssessment).
import type { TermMatch } from '../match/types';
import type { CategoryId } from '../rules/ids';
import type { MatchRuleSet } from '../rules/match-rules';
import type { ClassifiedMention } from './status';
import { snippetAround } from './snippet';
import type { Passage } from './types';

/** A safeguard or signal term found in the text; `group` is the safeguard or signal id. */
export interface SafeguardHit {
  group: string;
  start: number;
  end: number;
  text: string;
  termId?: string;
  /** What its sentence says, when the caller read it already; otherwise it is read from the text. */
  status?: ClassifiedMention;
}

interface FoundCategory {
  category: CategoryId;
  count: number;
  weakOnly: boolean;
  termIds: string[];
}

interface FoundSignalHit {
  id: string;
  count: number;
  /** The earliest hit. */
  passage: Passage;
}

export interface Found {
  /** Most found first (ties in the rules' order). */
  categories: FoundCategory[];
  /** Only when the document names a technology, in the order they stand in the text. */
  signals: FoundSignalHit[];
}

export const SNIPPET_RADIUS = 40;

export function passageOf(text: string, hit: { start: number; end: number; text: string }): Passage {
  return { start: hit.start, end: hit.end, text: hit.text, snippet: snippetAround(text, hit.start, hit.end, SNIPPET_RADIUS) };
}

/** Per group: how many hits, and the earliest (hits may arrive in any order). */
function firstHits(hits: readonly SafeguardHit[]): Map<string, { first: SafeguardHit; count: number }> {
  const byGroup = new Map<string, { first: SafeguardHit; count: number }>();
  for (const hit of hits) {
    const seen = byGroup.get(hit.group);
    if (!seen) byGroup.set(hit.group, { first: hit, count: 1 });
    else {
      seen.count++;
      if (hit.start < seen.first.start) seen.first = hit;
    }
  }
  return byGroup;
}

function countCategories(matches: readonly TermMatch[], rules: Pick<MatchRuleSet, 'categories'>): FoundCategory[] {
  const weakTerms = new Set(rules.categories.flatMap((c) => c.terms.filter((t) => t.weak).map((t) => t.id)));
  const counts = new Map<CategoryId, { count: number; strong: number; termIds: Set<string> }>();
  for (const m of matches) {
    let c = counts.get(m.category);
    if (!c) counts.set(m.category, (c = { count: 0, strong: 0, termIds: new Set() }));
    c.count++;
    // A reader's own term is not in the packs and counts as a real term.
    if (!weakTerms.has(m.termId)) c.strong++;
    c.termIds.add(m.termId);
  }
  const out: FoundCategory[] = [];
  for (const pack of rules.categories) {
    const c = counts.get(pack.id);
    if (c) out.push({ category: pack.id, count: c.count, weakOnly: c.strong === 0, termIds: [...c.termIds] });
  }
  return out.sort((a, b) => b.count - a.count);
}

/** What the matches and safeguard hits of a document amount to; `text` feeds the signals' snippets. */
export function findings(matches: readonly TermMatch[], safeguardHits: readonly SafeguardHit[], text: string, rules: MatchRuleSet): Found {
  const categories = countCategories(matches, rules);
  const hasTechnology = categories.some((c) => !c.weakOnly);
  const hits = firstHits(safeguardHits);
  const signals: FoundSignalHit[] = [];
  // A document without technology raises nothing: no checklist, no signals ("kinderen" in a
  // sports report is no reason to ask about technology).
  for (const s of hasTechnology ? rules.safeguards.signals : []) {
    const hit = hits.get(s.id);
    if (hit) signals.push({ id: s.id, count: hit.count, passage: passageOf(text, hit.first) });
  }
  signals.sort((a, b) => a.passage.start - b.passage.start);
  return { categories, signals };
}
