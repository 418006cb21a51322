import { t } from '@/lib/extension/i18n';
import type { QuestionId } from '@/lib/core/rules/schema';

export interface QuestionOption {
  id: QuestionId;
  label: string;
}

interface Props {
  questions: QuestionOption[];
  value: string;
  onChange: (value: QuestionId | '') => void;
  testid?: string;
}

/** The "belongs to AP question" field of the note, flag and edit forms: none, or one of the questions. */
export function QuestionSelect({ questions, value, onChange, testid }: Props) {
  const chosen = questions.find((q) => q.id === value);
  // The whole row, and the chosen question in full below it: a select cuts its text at its width.
  return (
    <label class="field field-wide">
      <span>{t('noteQuestionLabel')}</span>
      <select data-testid={testid} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as QuestionId | '')}>
        <option value="">{t('noteQuestionNone')}</option>
        {questions.map((q) => (
          <option value={q.id} key={q.id}>
            {q.label}
          </option>
        ))}
      </select>
      {chosen && <span class="question-full">{chosen.label}</span>}
    </label>
  );
}
