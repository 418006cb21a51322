// Labels the record views share: AP questions as options, category names, export labels.
import { labelsFromRules, type ExportLabels } from '../../record/export/model';
import { loadBuiltinRules } from '../../core/rules';
import type { CategoryId, QuestionId } from '../../core/rules/schema';

export interface RecordLabels {
  labels: ExportLabels;
  questions: Array<{ id: QuestionId; label: string }>;
  categoryLabel: (id: string) => string;
  /** The AP question a match's category first points at (a note from a match starts linked to it). */
  questionForCategory: (id: CategoryId | undefined) => QuestionId | undefined;
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
  };
  return cached;
}
