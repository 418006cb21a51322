import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { QuestionId } from '@/lib/core/rules/schema';
import type { FlagTarget, NewFlagInput } from '@/lib/extension/ui/document-notes';
import { recordLabels } from '@/lib/extension/ui/record-labels';
import { errorText } from '@/lib/extension/ui/error-text';
import { QuestionSelect, type QuestionOption } from './QuestionSelect';
import { StatusMessage } from '../common/StatusMessage';

/** What is being flagged: a match (from the Document tab), a selected passage, or the whole document. */

interface Props {
  target: FlagTarget;
  questions: QuestionOption[];
  categoryLabel: (id: string) => string;
  onSave: (flag: NewFlagInput) => Promise<void>;
  onCancel: () => void;
}

/** "Markeer als aandachtspunt": the reason, and the AP question it belongs to. */
export function FlagForm({ target, questions, categoryLabel, onSave, onCancel }: Props) {
  const [reason, setReason] = useState('');
  // A flag on a match starts linked to the AP question its category points at; the reader may change it.
  const initial = target.question ?? recordLabels().questionForCategory(target.category) ?? '';
  const [question, setQuestion] = useState<QuestionId | ''>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setQuestion(initial);
    area.current?.focus();
  }, [target]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({
        kind: target.kind,
        anchor: target.anchor,
        termId: target.termId,
        category: target.category,
        question: question || undefined,
        reason: reason.trim(),
      });
    } catch (err) {
      // The reason stays in the field.
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card flag-form" onSubmit={submit} data-testid="flag-form" aria-labelledby="h-flag">
      <h3 id="h-flag">⚑ {t('flagHeading')}</h3>
      <p class="small muted">
        {target.kind === 'document' ? t('flagTargetDocument') : target.kind === 'match' ? t('flagTargetMatch', target.term ?? '') : t('flagTargetPassage')}
        {target.category && ` · ${categoryLabel(target.category)}`}
      </p>
      {target.anchor && <blockquote class="note-quote">{target.anchor.exact}</blockquote>}
      <label class="field">
        <span>{t('flagReasonLabel')}</span>
        <textarea
          ref={area}
          rows={3}
          data-testid="flag-reason"
          value={reason}
          placeholder={t('flagReasonPlaceholder')}
          onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <QuestionSelect questions={questions} value={question} onChange={setQuestion} testid="flag-question" />
      <div class="row">
        <button type="submit" class="primary" data-testid="flag-save" disabled={busy}>
          {t('flagSave')}
        </button>
        <button type="button" class="link-button" onClick={onCancel}>
          {t('recordCancel')}
        </button>
        <StatusMessage status={error ? { kind: 'error', text: error } : null} inline />
      </div>
    </form>
  );
}
