// From "which terms are in this document" to "which AP questions apply, why, and what the
// document does not say". Pure: the matches and safeguard hits come from lib/core/match, so this
// runs unchanged in the content script, the panel, tests and the command-line scanner.
import type { TermMatch } from '../match/types';
import type { RuleSet } from '../rules/load';
import { QUESTION_IDS, type CategoryId, type QuestionId } from '../rules/schema';
import { snippetAround } from './snippet';
import { aggregateStatus, classifyWithText, type ClassifiedMention } from './status';
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
  SafeguardPassage,
} from './types';

/** A safeguard or signal term found in the text; `group` is the safeguard or signal id. */
export interface SafeguardHit {
  group: string;
  start: number;
  end: number;
  text: string;
  termId?: string;
  /**
   * What its sentence says, when the caller read it already (the content script reads each block
   * with its neighbours, and passes no text here); otherwise it is read from `text`.
   */
  status?: ClassifiedMention;
}

export interface AssessInput {
  matches: TermMatch[];
  text: string;
  safeguardHits: SafeguardHit[];
  rules: RuleSet;
}

const SNIPPET_RADIUS = 40;
/** Passages kept per safeguard (the report crosses the message protocol). */
const MAX_PASSAGES = 50;
/** At most this many other technologies are named in "does it also cover …?". */
const MAX_REST = 3;

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
  const { found, missing } = hasTechnology ? readSafeguards(input, strongCategories) : { found: [], missing: [] };

  const signals: FoundSignal[] = [];
  // A document without technology raises nothing: no checklist, no signals ("kinderen" in a
  // sports report is no reason to ask about technology).
  for (const s of hasTechnology ? rules.safeguards.signals : []) {
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
    const qFound = found.filter((f) => f.question === id);
    const asked = (status: FoundSafeguard['status']) => qFound.flatMap((f) => (f.status === status && f.ask ? [f.ask] : []));
    const followUps = applies
      ? [
          ...asked('negated'),
          ...asked('planned'),
          ...qMissing.map((m) => m.followUp),
          ...asked('stated'),
          ...qSignals.flatMap((s) => (s.followUp ? [s.followUp] : [])),
        ]
      : [];
    return {
      id,
      number: q.number,
      title: q.title,
      applies,
      triggers,
      found: qFound,
      missing: qMissing,
      signals: qSignals,
      followUps,
      instruments: instrumentRefs([...q.instruments, ...qSignals.flatMap((s) => signalInstruments.get(s.id) ?? [])]),
    };
  });

  return { hasTechnology, categories, questions, safeguards: { found, missing }, signals };
}

function isPlural(form: string): boolean {
  return /(?:['’]s|[^s]s|en)$/.test(form);
}

/** "a", "a en b", "a, b en c" */
function dutchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/**
 * What else the document is about, for "geldt die DPIA ook voor …?": per technology (most
 * frequent first) its most frequent term as written, leaving out what the scope itself names.
 */
function restOf(matches: readonly TermMatch[], strong: ReadonlySet<CategoryId>, scopes: ReadonlyArray<{ start: number; end: number }>): string[] {
  const perCategory = new Map<CategoryId, { count: number; forms: Map<string, number> }>();
  const inScope = new Set<CategoryId>();
  for (const m of matches) {
    if (!strong.has(m.category)) continue;
    if (scopes.some((s) => m.start < s.end && m.end > s.start)) inScope.add(m.category);
    let c = perCategory.get(m.category);
    if (!c) perCategory.set(m.category, (c = { count: 0, forms: new Map() }));
    c.count++;
    const t = m.text.replace(/\s+/g, ' ');
    const form = t === t.toUpperCase() ? t : t.toLowerCase();
    c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
  }
  const names = [...perCategory.entries()]
    .filter(([id]) => !inScope.has(id))
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, MAX_REST)
    // A plural reads best in "geldt die ook voor …?" (camera’s, not camera), then the most frequent.
    .map(([, c]) => [...c.forms.entries()].sort((a, b) => Number(isPlural(b[0])) - Number(isPlural(a[0])) || b[1] - a[1])[0]![0]);
  return names;
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
  const { rules, text } = input;
  const ids = new Set(rules.safeguards.safeguards.map((s) => s.id));
  const mentions = input.safeguardHits.filter((h) => ids.has(h.group));
  const statuses: Array<ClassifiedMention | undefined> = mentions.map((h) => h.status);
  const todo = mentions.flatMap((h, i) => (statuses[i] ? [] : [i]));
  if (todo.length > 0 && text && hasTechnology) {
    const tech = input.matches.map((m) => ({ start: m.start, end: m.end })).sort((a, b) => a.start - b.start);
    const read = classifyWithText(
      text,
      todo.map((i) => ({ start: mentions[i]!.start, end: mentions[i]!.end, safeguard: mentions[i]!.group, termId: mentions[i]!.termId ?? '' })),
      tech,
      rules.status,
    );
    todo.forEach((i, k) => (statuses[i] = read[k]));
  }
  return mentions.map((hit, i) => ({
    hit,
    status: hasTechnology ? statuses[i] : { status: 'absent', sentence: { start: hit.start, end: hit.end }, reason: 'sense', text: hit.text },
  }));
}

/** Per safeguard: what its sentences say (stated, negated, planned), or that nothing is said. */
function readSafeguards(input: AssessInput, strongCategories: ReadonlySet<CategoryId>): { found: FoundSafeguard[]; missing: MissingSafeguard[] } {
  const { rules, text } = input;
  const perSafeguard = new Map<string, ReadMention[]>();
  for (const r of readMentions(input, true)) {
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
    const rest = status === 'stated' && stated.every((p) => p.scope) ? restOf(input.matches, strongCategories, stated.map((p) => p.scope!)) : [];
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
      passage: passageOf(text, deciding[index]!),
      passages,
      ...(ask ? { ask } : {}),
      ...(certain ? {} : { certain: false }),
    });
  }
  // In the order the document first says something about them.
  found.sort((a, b) => a.passages[0]!.start - b.passages[0]!.start || a.passage.start - b.passage.start);
  return { found, missing };
}
