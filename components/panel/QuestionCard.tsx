import type { ApQuestion, ApQuestionsDoc } from '@/lib/core/rules/schema';
import type { AssessmentSummary } from '@/lib/extension/messages/protocol';
import { t } from '@/lib/extension/i18n';

type QuestionAssessment = AssessmentSummary['questions'][number];

interface Props {
  question: ApQuestion;
  assessment: QuestionAssessment | undefined;
  source: ApQuestionsDoc['source'];
}

/** One AP question: whether and why it applies, what to ask, and the AP's own text. */
export function QuestionCard({ question, assessment, source }: Props) {
  const applies = assessment?.applies ?? false;
  const triggers = assessment?.triggers ?? [];
  const signals = assessment?.signals ?? [];
  return (
    <article class={`card question ${applies ? 'applies' : 'quiet'}`} data-testid="question-card" data-question={question.id}>
      <h3>
        <span class="q-number">{t('questionNumber', question.number)}</span> {question.title}
      </h3>
      <p class="applies-line">{applies ? t('questionApplies') : t('questionNotTriggered')}</p>
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
      {applies && assessment && assessment.followUps.length > 0 && (
        <div class="followups">
          <h4>{t('questionAsk')}</h4>
          <ol>
            {assessment.followUps.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ol>
        </div>
      )}
      {assessment && assessment.instruments.length > 0 && (
        <p class="instruments small">
          {t('questionInstruments')}{' '}
          {assessment.instruments.map((i, n) => (
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
      <details class="ap-text">
        <summary>{t('questionApText')}</summary>
        <h4>{t('toelichting')}</h4>
        <p>{question.toelichting}</p>
        <h4>{t('uitgangspunt')}</h4>
        <p>{question.uitgangspunt}</p>
        <h4>{t('observatie')}</h4>
        <p>{question.observatie}</p>
      </details>
      <p class="source">
        {t('sourceLabel')}{' '}
        <a href={source.url} target="_blank" rel="noreferrer noopener">
          {source.publisher}, ‘{source.title}’, {source.version}
        </a>
      </p>
    </article>
  );
}
