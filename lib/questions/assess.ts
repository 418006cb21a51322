// From "which terms are in this document" to "which AP questions apply, why, and what the
// document does not say". Pure: the matches and safeguard hits come from lib/match, so this
// runs unchanged in the content script, the panel, tests and the command-line scanner.
import type { TermMatch } from '../match/types';
import type { RuleSet } from '../rules/load';
import { QUESTION_IDS, type CategoryId, type QuestionId } from '../rules/schema';
import { snippetAround } from './snippet';
import type {
  Assessment,
  CategoryCount,
  FoundSafeguard,
  FoundSignal,
  InstrumentRef,
  MissingSafeguard,
  Passage,
  QuestionAssessment,
  QuestionTrigger,
} from './types';

/** A safeguard or signal term found in the text; `group` is the safeguard or signal id. */
export interface SafeguardHit {
  group: string;
  start: number;
  end: number;
  text: string;
}

export interface AssessInput {
  matches: TermMatch[];
  text: string;
  safeguardHits: SafeguardHit[];
  rules: RuleSet;
}

const SNIPPET_RADIUS = 40;

function passageOf(text: string, hit: { start: number; end: number; text: string }): Passage {
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

function countCategories(matches: readonly TermMatch[], rules: RuleSet): CategoryCount[] {
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
  const out: CategoryCount[] = [];
  for (const pack of rules.categories) {
    const c = counts.get(pack.id);
    if (c) out.push({ category: pack.id, label: pack.label, count: c.count, weakOnly: c.strong === 0, termIds: [...c.termIds] });
  }
  return out.sort((a, b) => b.count - a.count);
}

/**
 * Which AP questions a document raises and what it leaves unsaid. Weak terms (pilot, proef)
 * alone raise nothing: "proef" in an agenda is no reason to ask about technology.
 */
export function assessDocument(input: AssessInput): Assessment {
  const { text, rules } = input;
  const categories = countCategories(input.matches, rules);
  const strongCategories = new Set(categories.filter((c) => !c.weakOnly).map((c) => c.category));
  const hasTechnology = strongCategories.size > 0;
  const hits = firstHits(input.safeguardHits);

  const found: FoundSafeguard[] = [];
  const missing: MissingSafeguard[] = [];
  for (const s of rules.safeguards.safeguards) {
    const hit = hits.get(s.id);
    if (hit) {
      found.push({ id: s.id, label: s.label, question: s.question, count: hit.count, passage: passageOf(text, hit.first) });
      continue;
    }
    // "Not mentioned" only means something for a document about technology, and some
    // safeguards (IAMA, Algoritmeregister) only for some kinds of technology.
    const relevant = hasTechnology && (!s.categories || s.categories.some((c) => strongCategories.has(c)));
    if (relevant) missing.push({ id: s.id, label: s.label, question: s.question, followUp: s.followUp });
  }
  found.sort((a, b) => a.passage.start - b.passage.start);

  const signals: FoundSignal[] = [];
  for (const s of rules.safeguards.signals) {
    const hit = hits.get(s.id);
    if (!hit) continue;
    signals.push({
      id: s.id,
      label: s.label,
      question: s.question,
      sharpening: s.sharpening,
      ...(s.followUp ? { followUp: s.followUp } : {}),
      count: hit.count,
      passage: passageOf(text, hit.first),
    });
  }
  signals.sort((a, b) => a.passage.start - b.passage.start);

  const instrumentsById = new Map(rules.questions.instruments.map((i) => [i.id, i]));
  const instrumentRefs = (ids: readonly string[]): InstrumentRef[] =>
    [...new Set(ids)].flatMap((id) => {
      const i = instrumentsById.get(id);
      return i ? [{ id: i.id, label: i.label, ...(i.url ? { url: i.url } : {}) }] : [];
    });
  const signalInstruments = new Map(rules.safeguards.signals.map((s) => [s.id, s.instruments ?? []]));

  const questions: QuestionAssessment[] = QUESTION_IDS.map((id: QuestionId) => {
    const q = rules.questions.questions.find((x) => x.id === id)!;
    const triggers: QuestionTrigger[] = [];
    for (const c of categories) {
      const pack = rules.categories.find((p) => p.id === c.category);
      const reason = pack?.questions.find((x) => x.question === id)?.reason;
      if (reason) triggers.push({ category: c.category, label: c.label, count: c.count, weakOnly: c.weakOnly, reason });
    }
    const applies = hasTechnology && triggers.some((t) => !t.weakOnly);
    const qSignals = signals.filter((s) => s.question === id);
    const qMissing = applies ? missing.filter((m) => m.question === id) : [];
    const followUps = applies
      ? [...qMissing.map((m) => m.followUp), ...qSignals.flatMap((s) => (s.followUp ? [s.followUp] : []))]
      : [];
    return {
      id,
      number: q.number,
      title: q.title,
      applies,
      triggers,
      found: found.filter((f) => f.question === id),
      missing: qMissing,
      signals: qSignals,
      followUps,
      instruments: instrumentRefs([...q.instruments, ...qSignals.flatMap((s) => signalInstruments.get(s.id) ?? [])]),
    };
  });

  return { hasTechnology, categories, questions, safeguards: { found, missing }, signals };
}
