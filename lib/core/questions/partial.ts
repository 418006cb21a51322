// What the assessment knows before any sentence is read: the technologies found, the questions
// they raise and why, the signals, and what the status reading will need. Kept apart from
// ./assess.ts so that the content script, which reads no sentence (the background does, see
// ./reading.ts), carries neither the status engine nor its rules.
import type { TermMatch } from '../match/types';
import type { ScanRuleSet } from '../rules/load';
import { QUESTION_IDS, type CategoryId, type QuestionId } from '../rules/ids';
import { findings, type Found, type SafeguardHit } from './found';
import type { Assessment, CategoryCount, FoundSignal, InstrumentRef, QuestionAssessment, QuestionTrigger } from './types';

export { SNIPPET_RADIUS, type SafeguardHit } from './found';

/** A strong technology of the document for "geldt die DPIA ook voor …?": its count and the form to name it by. */
export interface RestCategory {
  category: CategoryId;
  count: number;
  form: string;
}

export function strongCategoriesOf(assessment: { categories: ReadonlyArray<{ category: CategoryId; weakOnly: boolean }> }): Set<CategoryId> {
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
  const rest = new RestCounter(strong);
  for (const m of matches) rest.add(m);
  return rest.result();
}

/** restCategories match by match, so a caller can spread a long page's matches over several tasks. */
export class RestCounter {
  private readonly perCategory = new Map<CategoryId, { count: number; forms: Map<string, number> }>();

  constructor(private readonly strong: ReadonlySet<CategoryId>) {}

  add(m: TermMatch): void {
    if (!this.strong.has(m.category)) return;
    let c = this.perCategory.get(m.category);
    if (!c) this.perCategory.set(m.category, (c = { count: 0, forms: new Map() }));
    c.count++;
    const t = m.text.replace(/\s+/g, ' ');
    const form = t === t.toUpperCase() ? t : t.toLowerCase();
    c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
  }

  result(): RestCategory[] {
    return [...this.perCategory].map(([category, c]) => ({
      category,
      count: c.count,
      form: [...c.forms.entries()].sort((a, b) => Number(isPlural(b[0])) - Number(isPlural(a[0])) || b[1] - a[1])[0]![0],
    }));
  }
}

/**
 * The assessment with every status-free part filled in: categories, whether a question applies
 * and why, signals, instruments. Its safeguards (found, missing) and follow-up questions are empty
 * until ./assess.ts completeAssessment reads the mentions' sentences.
 */
export function partialAssessment(matches: readonly TermMatch[], safeguardHits: readonly SafeguardHit[], text: string, rules: ScanRuleSet): Assessment {
  return composeAssessment(findings(matches, safeguardHits, text, rules), rules);
}

/**
 * The partial assessment from what a scan found (./found.ts): the rules' labels, reasons,
 * questions and instruments added. The background does this for the content script's report.
 */
export function composeAssessment(found: Found, rules: ScanRuleSet): Assessment {
  const labels = new Map(rules.categories.map((p) => [p.id, p.label]));
  const categories: CategoryCount[] = found.categories.map((c) => ({ category: c.category, label: labels.get(c.category) ?? c.category, count: c.count, weakOnly: c.weakOnly, termIds: c.termIds }));
  const hasTechnology = categories.some((c) => !c.weakOnly);
  const signalRules = new Map(rules.safeguards.signals.map((s) => [s.id, s]));
  const signals: FoundSignal[] = [];
  for (const hit of found.signals) {
    const s = signalRules.get(hit.id);
    if (!s) continue;
    signals.push({
      id: s.id,
      label: s.label,
      question: s.question,
      sharpening: s.sharpening,
      ...(s.followUp ? { followUp: s.followUp } : {}),
      count: hit.count,
      passage: hit.passage,
    });
  }

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
