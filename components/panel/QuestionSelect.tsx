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
  return (
    <label class="field">
      <span>{t('noteQuestionLabel')}</span>
      <select data-testid={testid} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as QuestionId | '')}>
        <option value="">{t('noteQuestionNone')}</option>
        {questions.map((q) => (
          <option value={q.id} key={q.id}>
            {q.label}
          </option>
        ))}
      </select>
    </label>
  );
}
