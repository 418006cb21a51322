import type { ApQuestion } from '@/lib/core/rules/schema';
import type { AssessmentSummary } from '@/lib/extension/messages/protocol';
import { t } from '@/lib/extension/i18n';

type QuestionAssessment = AssessmentSummary['questions'][number];

interface Props {
  question: ApQuestion;
  assessment: QuestionAssessment | undefined;
  /** The questions go to the burgemeester: "Vraag de burgemeester:". */
  mayor?: boolean;
  /** The page's text has no technology but the attachments read do: "not applicable" is said of the page's text only. */
  pageOnly?: boolean;
}

/**
 * One AP question: whether it applies and through what, in one line; why and what to ask, and
 * the AP's own text, each one click further. The source is named once, under the three cards.
 */
export function QuestionCard({ question, assessment, mayor, pageOnly }: Props) {
  const applies = assessment?.applies ?? false;
  const triggers = assessment?.triggers ?? [];
  const signals = assessment?.signals ?? [];
  const followUps = applies ? (assessment?.followUps ?? []) : [];
  const instruments = assessment?.instruments ?? [];
  const hasMore = triggers.length + signals.length + followUps.length + instruments.length > 0;
  return (
    <article class={`card question ${applies ? 'applies' : 'quiet'}`} data-testid="question-card" data-question={question.id} id={`q-${question.id}`}>
      <h3>
        <span class="q-number">{t('questionNumber', question.number)}</span> {question.title}
      </h3>
      <p class="applies-line">
        {applies && triggers.length > 0 ? t('questionAppliesShort', triggers.map((tr) => tr.label).join(', ')) : applies ? t('questionApplies') : t(pageOnly ? 'questionNotTriggeredPage' : 'questionNotTriggered')}
      </p>
      {hasMore && (
        <details class="question-more">
          <summary>{t('questionMore')}</summary>
          {triggers.length > 0 && (
            <ul class="reasons" aria-label={t('questionWhy')}>
              {triggers.map((tr) => (
                <li key={tr.category}>
                  <strong>
                    {tr.label} ({tr.count})
                  </strong>
                  : {tr.reason}
                </li>
              ))}
            </ul>
          )}
          {signals.length > 0 && (
            <ul class="signals">
              {signals.map((s) => (
                <li key={s.id}>
                  <strong>{s.label}</strong>: {s.sharpening}
                </li>
              ))}
            </ul>
          )}
          {followUps.length > 0 && (
            <div class="followups">
              <h4>{t(mayor ? 'questionAskBurgemeester' : 'questionAsk')}</h4>
              <ol>
                {followUps.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ol>
            </div>
          )}
          {instruments.length > 0 && (
            <p class="instruments small">
              {t('questionInstruments')}{' '}
              {instruments.map((i, n) => (
                <span key={i.id}>
                  {n > 0 && ', '}
                  {i.url ? (
                    <a href={i.url} target="_blank" rel="noreferrer noopener">
                      {i.label}
                    </a>
                  ) : (
                    i.label
                  )}
                </span>
              ))}
            </p>
          )}
        </details>
      )}
      <details class="ap-text" id={`ap-text-${question.id}`}>
        <summary>{t('questionApText')}</summary>
        <h4>{t('toelichting')}</h4>
        <p>{question.toelichting}</p>
        <h4>{t('uitgangspunt')}</h4>
        <p>{question.uitgangspunt}</p>
        <h4>{t('observatie')}</h4>
        <p>{question.observatie}</p>
      </details>
    </article>
  );
}
