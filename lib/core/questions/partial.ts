// What the assessment knows before any sentence is read: the technologies found, the questions
// they raise and why, the signals, and what the status reading will need. Kept apart from
// ./assess.ts so that the content script, which reads no sentence (the background does, see
// ./reading.ts), carries neither the status engine nor its rules.
import type { TermMatch } from '../match/types';
import type { ScanRuleSet } from '../rules/load';
import { QUESTION_IDS, type CategoryId, type QuestionId } from '../rules/ids';
import type { ClassifiedMention } from './status';
import { snippetAround } from './snippet';
import type { Assessment, CategoryCount, FoundSignal, InstrumentRef, Passage, QuestionAssessment, QuestionTrigger } from './types';

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

/** A strong technology of the document for "geldt die DPIA ook voor …?": its count and the form to name it by. */
export interface RestCategory {
  category: CategoryId;
  count: number;
  form: string;
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

function countCategories(matches: readonly TermMatch[], rules: ScanRuleSet): CategoryCount[] {
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

export function strongCategoriesOf(assessment: Pick<Assessment, 'categories'>): Set<CategoryId> {
  return new Set(assessment.categories.filter((c) => !c.weakOnly).map((c) => c.category));
}

function isPlural(form: string): boolean {
  return /(?:['’]s|[^s]s|en)$/.test(form);
}

/**
 * Per strong technology, in the order the document first names it: how often, and its most
 * frequent term as written (a plural first: "geldt die ook voor camera’s?", not "camera").
 */
export function restCategories(matches: readonly TermMatch[], strong: ReadonlySet<CategoryId>): RestCategory[] {
  const perCategory = new Map<CategoryId, { count: number; forms: Map<string, number> }>();
  for (const m of matches) {
    if (!strong.has(m.category)) continue;
    let c = perCategory.get(m.category);
    if (!c) perCategory.set(m.category, (c = { count: 0, forms: new Map() }));
    c.count++;
    const t = m.text.replace(/\s+/g, ' ');
    const form = t === t.toUpperCase() ? t : t.toLowerCase();
    c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
  }
  return [...perCategory].map(([category, c]) => ({
    category,
    count: c.count,
    form: [...c.forms.entries()].sort((a, b) => Number(isPlural(b[0])) - Number(isPlural(a[0])) || b[1] - a[1])[0]![0],
  }));
}

/**
 * The assessment with every status-free part filled in: categories, whether a question applies
 * and why, signals, instruments. Its safeguards (found, missing) and follow-up questions are empty
 * until ./assess.ts completeAssessment reads the mentions' sentences.
 */
export function partialAssessment(matches: readonly TermMatch[], safeguardHits: readonly SafeguardHit[], text: string, rules: ScanRuleSet): Assessment {
  const categories = countCategories(matches, rules);
  const hasTechnology = categories.some((c) => !c.weakOnly);
  const hits = firstHits(safeguardHits);

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
    return {
      id,
      number: q.number,
      title: q.title,
      applies,
      triggers,
      found: [],
      missing: [],
      signals: qSignals,
      followUps: applies ? qSignals.flatMap((s) => (s.followUp ? [s.followUp] : [])) : [],
      instruments: instrumentRefs([...q.instruments, ...qSignals.flatMap((s) => signalInstruments.get(s.id) ?? [])]),
    };
  });

  return { hasTechnology, categories, questions, safeguards: { found: [], missing: [] }, signals };
}
