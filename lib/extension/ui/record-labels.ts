// Labels the record views share: AP questions as options, category names, export labels.
import { labelsFromRules, type ExportLabels } from '../../record/export/model';
import { loadBuiltinRules } from '../../core/rules';
import type { CategoryId, QuestionId } from '../../core/rules/schema';

interface RecordLabels {
  labels: ExportLabels;
  questions: Array<{ id: QuestionId; label: string }>;
  categoryLabel: (id: string) => string;
  /** The AP question a match's category first points at (a note from a match starts linked to it). */
  questionForCategory: (id: CategoryId | undefined) => QuestionId | undefined;
  /** A safeguard's name as the checklist shows it ("DPIA"), and its place in the checklist. */
  safeguardLabel: (id: string) => string;
  safeguardRank: (id: string) => number;
}

let cached: RecordLabels | null = null;

export function recordLabels(): RecordLabels {
  if (cached) return cached;
  const rules = loadBuiltinRules();
  const labels = labelsFromRules(rules);
  cached = {
    labels,
    questions: rules.questions.questions.map((q) => ({ id: q.id, label: `AP-vraag ${q.number}: ${q.title}` })),
    categoryLabel: (id) => labels.categories[id as CategoryId] ?? id,
    questionForCategory: (id) => (id ? rules.categories.find((c) => c.id === id)?.questions[0]?.question : undefined),
    safeguardLabel: (id) => rules.safeguards.safeguards.find((s) => s.id === id)?.label ?? id,
    safeguardRank: (id) => {
      const at = rules.safeguards.safeguards.findIndex((s) => s.id === id);
      return at < 0 ? Infinity : at;
    },
  };
  return cached;
}
