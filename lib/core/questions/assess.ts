// From "which terms are in this document" to "which AP questions apply, why, and what the
// document does not say". Pure: the matches and safeguard hits come from lib/core/match, so this
// runs unchanged in the panel, the background, tests and the command-line scanner. The parts that
// need no sentence read are in ./partial.ts (the content script's share).
import type { TermMatch } from '../match/types';
import type { RuleSet } from '../rules/load';
import type { CategoryId } from '../rules/schema';
import { partialAssessment, restCategories, SNIPPET_RADIUS, strongCategoriesOf, type RestCategory, type SafeguardHit } from './partial';
import { followUpsOf } from './follow-ups';
import { parseDocumentOutcome, type DocumentOutcome } from './outcome';
import { snippetAround } from './snippet';
import { drain, type Steps } from '../steps';
import { aggregateStatus, classifyWithTextSteps, type ClassifiedMention, type TextLayout } from './status';
import type { Assessment, FoundSafeguard, MissingSafeguard, QuestionAssessment, SafeguardPassage } from './types';


export interface AssessInput {
  matches: TermMatch[];
  text: string;
  safeguardHits: SafeguardHit[];
  rules: RuleSet;
  /**
   * What a line break in `text` means, said by the surface it comes from: 'blocks' for PDF text
   * (every line a block), 'wrapped' for hard-wrapped text and web pages (status/segment.ts).
   */
  layout: TextLayout;
  /**
   * What became of the document itself, a motie or amendement (./outcome.ts outcomeOf): 'rejected'
   * reads what it asks as negated. Checked here (parseDocumentOutcome); 'unknown' when unset.
   */
  outcome?: DocumentOutcome;
}

/** Passages kept per safeguard (the report crosses the message protocol). */
const MAX_PASSAGES = 50;
/** At most this many other technologies are named in "does it also cover …?". */
const MAX_REST = 3;

/**
 * Which AP questions a document raises and what it leaves unsaid. Weak terms (pilot, proef)
 * alone raise nothing: "proef" in an agenda is no reason to ask about technology.
 */
export function assessDocument(input: AssessInput): Assessment {
  return drain(assessDocumentSteps(input));
}

/**
 * assessDocument in steps (lib/core/steps.ts): a PDF's extraction worker reads a long document's
 * statuses in slices, so a cancel is seen between them (issue 17, target 5).
 */
export function* assessDocumentSteps(input: AssessInput): Steps<Assessment> {
  const { text, rules } = input;
  const partial = partialAssessment(input.matches, input.safeguardHits, text, rules);
  if (!partial.hasTechnology) return partial;
  const strong = strongCategoriesOf(partial);
  const mentions = yield* readMentionSteps(input, true);
  yield;
  return completeAssessment(partial, {
    mentions,
    snippetOf: (hit) => snippetAround(text, hit.start, hit.end, SNIPPET_RADIUS),
    rest: restCategories(input.matches, strong),
    tech: input.matches,
    rules,
  });
}

export interface Completion {
  /** Every safeguard mention (not the signals), with what its sentence says. */
  mentions: readonly ReadMention[];
  /** The snippet a deciding mention's passage shows. */
  snippetOf: (hit: SafeguardHit) => string;
  rest: readonly RestCategory[];
  /** Technology matches, at least all of those in the mentions' sentences. */
  tech: ReadonlyArray<{ start: number; end: number; category: CategoryId }>;
  rules: Pick<RuleSet, 'safeguards' | 'status'>;
}

/** A partial assessment (./partial.ts) with its safeguards and follow-up questions read. */
export function completeAssessment(partial: Assessment, c: Completion): Assessment {
  if (!partial.hasTechnology) return partial;
  const { found, missing } = readSafeguards(c, strongCategoriesOf(partial));
  const questions: QuestionAssessment[] = partial.questions.map((q) => {
    const qMissing = q.applies ? missing.filter((m) => m.question === q.id) : [];
    const qFound = found.filter((f) => f.question === q.id);
    const followUps = q.applies ? followUpsOf({ found: qFound, missing: qMissing, signals: q.signals }) : [];
    return {
      id: q.id,
      number: q.number,
      title: q.title,
      applies: q.applies,
      triggers: q.triggers,
      found: qFound,
      missing: qMissing,
      signals: q.signals,
      followUps,
      instruments: q.instruments,
    };
  });
  return { hasTechnology: partial.hasTechnology, categories: partial.categories, questions, safeguards: { found, missing }, signals: partial.signals };
}

/** "a", "a en b", "a, b en c" */
export function dutchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/**
 * What else the document is about, for "geldt die DPIA ook voor …?": per technology (most
 * frequent first) its most frequent term as written, leaving out what the scope itself names.
 */
function restOf(rest: readonly RestCategory[], tech: Completion['tech'], scopes: ReadonlyArray<{ start: number; end: number }>): string[] {
  const strong = new Set(rest.map((r) => r.category));
  const inScope = new Set<CategoryId>();
  for (const m of tech) {
    if (strong.has(m.category) && scopes.some((s) => m.start < s.end && m.end > s.start)) inScope.add(m.category);
  }
  return rest
    .filter((r) => !inScope.has(r.category))
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_REST)
    .map((r) => r.form);
}

function passageFrom(m: ClassifiedMention, hit: SafeguardHit): SafeguardPassage {
  return {
    start: m.sentence.start,
    end: m.sentence.end,
    text: m.text,
    status: m.status as SafeguardPassage['status'],
    term: { start: hit.start, end: hit.end },
    ...(m.scope ? { scope: m.scope } : {}),
    ...(m.certain === false ? { certain: false } : {}),
  };
}

export interface ReadMention {
  hit: SafeguardHit;
  /** Undefined only when the caller passed neither a status nor a text to read it from. */
  status: ClassifiedMention | undefined;
}

/**
 * Each safeguard mention (not the signals) with what its sentence says. Without technology in
 * the document every mention is absent: the checklist stays silent.
 */
export function readMentions(input: AssessInput, hasTechnology: boolean): ReadMention[] {
  return drain(readMentionSteps(input, hasTechnology));
}

/** readMentions in steps (lib/core/steps.ts). */
function* readMentionSteps(input: AssessInput, hasTechnology: boolean): Steps<ReadMention[]> {
  const { rules, text } = input;
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const mentions = input.safeguardHits.filter((h) => ids.has(h.group));
  const statuses: Array<ClassifiedMention | undefined> = mentions.map((h) => h.status);
  const todo = mentions.flatMap((h, i) => (statuses[i] ? [] : [i]));
  if (todo.length > 0 && text && hasTechnology) {
    const tech = input.matches.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
    const read = yield* classifyWithTextSteps(
      text,
      todo.map((i) => ({ start: mentions[i]!.start, end: mentions[i]!.end, safeguard: mentions[i]!.group, termId: mentions[i]!.termId ?? '' })),
      tech,
      rules.status,
      input.layout,
      { outcome: parseDocumentOutcome(input.outcome ?? 'unknown') },
    );
    todo.forEach((i, k) => (statuses[i] = read[k]));
  }
  return mentions.map((hit, i) => ({
    hit,
    status: hasTechnology ? statuses[i] : { status: 'absent', sentence: { start: hit.start, end: hit.end }, reason: 'sense', text: hit.text },
  }));
}

/** Per safeguard: what its sentences say (stated, negated, planned), or that nothing is said. */
function readSafeguards(c: Completion, strongCategories: ReadonlySet<CategoryId>): { found: FoundSafeguard[]; missing: MissingSafeguard[] } {
  const { rules } = c;
  const perSafeguard = new Map<string, ReadMention[]>();
  for (const r of c.mentions) {
    const list = perSafeguard.get(r.hit.group) ?? [];
    list.push(r);
    perSafeguard.set(r.hit.group, list);
  }

  const found: FoundSafeguard[] = [];
  const missing: MissingSafeguard[] = [];
  for (const s of rules.safeguards.safeguards) {
    const list = (perSafeguard.get(s.id) ?? []).sort((a, b) => a.hit.start - b.hit.start);
    const passages: SafeguardPassage[] = [];
    const deciding: SafeguardHit[] = [];
    const seen = new Set<string>();
    for (const { hit, status } of list) {
      // Without a text to read (a caller that passed none), a mention counts as said, as it always did.
      const m: ClassifiedMention = status ?? { status: 'stated', sentence: { start: hit.start, end: hit.end }, reason: 'default', text: hit.text };
      if (m.status === 'absent') continue;
      const p = passageFrom(m, hit);
      // Two mentions in one sentence that say the same are one passage.
      const key = `${p.start}:${p.status}`;
      if (seen.has(key)) continue;
      seen.add(key);
      passages.push(p);
      deciding.push(hit);
    }
    const status = aggregateStatus(passages.map((p) => p.status));
    if (passages.length > MAX_PASSAGES) {
      // A long document can say "bewaard" a hundred times: keep what decides first, then the earliest.
      const keep = new Set([...passages.filter((p) => p.status === status), ...passages].slice(0, MAX_PASSAGES));
      for (let k = passages.length - 1; k >= 0; k--) {
        if (!keep.has(passages[k]!)) {
          passages.splice(k, 1);
          deciding.splice(k, 1);
        }
      }
    }
    if (status === 'absent') {
      // "Not mentioned" only means something for some kinds of technology (IAMA, Algoritmeregister).
      const relevant = !s.categories || s.categories.some((c) => strongCategories.has(c));
      if (relevant) missing.push({ id: s.id, label: s.label, question: s.question, followUp: s.followUp });
      continue;
    }
    const stated = passages.filter((p) => p.status === 'stated');
    // Stated only for part ("voor de pilot"), while the document is about more than that part names.
    const rest = status === 'stated' && stated.every((p) => p.scope) ? restOf(c.rest, c.tech, stated.map((p) => p.scope!)) : [];
    const partOnly = rest.length > 0;
    // The passage that decides: of the item's status, one without a narrowing scope if there is one.
    const unscoped = passages.findIndex((p) => p.status === status && !p.scope);
    const index = unscoped >= 0 ? unscoped : passages.findIndex((p) => p.status === status);
    const asks = rules.status.safeguards[s.id]?.asks;
    // Said, but no sentence says it with certainty: asked as an open question, as if not mentioned.
    const certain = status !== 'stated' || stated.some((p) => p.certain !== false);
    const ask =
      status === 'negated'
        ? asks?.negated
        : status === 'planned'
          ? asks?.planned
          : !certain
            ? s.followUp
            : partOnly
              ? asks?.scoped.replace('{rest}', dutchList(rest))
              : undefined;
    found.push({
      id: s.id,
      label: s.label,
      question: s.question,
      count: list.length,
      status,
      passage: { start: deciding[index]!.start, end: deciding[index]!.end, text: deciding[index]!.text, snippet: c.snippetOf(deciding[index]!) },
      passages,
      ...(ask ? { ask } : {}),
      ...(certain ? {} : { certain: false }),
    });
  }
  // In the order the document first says something about them.
  found.sort((a, b) => a.passages[0]!.start - b.passages[0]!.start || a.passage.start - b.passage.start);
  return { found, missing };
}
