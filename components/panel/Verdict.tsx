import type { MessageKey } from '@/lib/extension/i18n';
import { t } from '@/lib/extension/i18n';
import { scopeParts, type ScanScope, type Verdict as VerdictModel } from '@/lib/core/questions/verdict';
import type { SafeguardStatus } from '@/lib/core/questions/types';
import { Passage, STATUS_MARK } from './SafeguardChecklist';

const POINT: Record<Exclude<SafeguardStatus, 'stated'>, MessageKey> = {
  negated: 'verdictPointNegated',
  planned: 'verdictPointPlanned',
  absent: 'verdictPointAbsent',
};

/** The rest are one line further down, under Vondsten. */
const SHOWN_CATEGORIES = 3;

interface Props {
  verdict: VerdictModel;
  scope: ScanScope;
  /** Opens the AP's text of a question where its card is (one click from here). */
  onQuestion: (id: string) => void;
}

/** "Gelezen: de tekst van deze pagina, 2 bijlagen; 3 bijlagen niet gelezen". */
export function scopeLine(scope: ScanScope): string {
  const p = scopeParts(scope);
  const read = [p.page ? t('verdictScopePage') : t('verdictScopeNoText'), ...(p.read > 0 ? [t('verdictScopeRead', p.read)] : [])];
  return `${t('verdictScopeLabel')} ${read.join(', ')}${p.unread > 0 ? `; ${t('verdictScopeUnread', p.unread)}` : ''}`;
}

/**
 * The top of the Document view: the kind of technology, the AP questions that apply and the
 * open points to raise first, each one line that opens to why. Without technology: one calm
 * line and what was read, so "nothing" is never taken for more than it is.
 */
export function Verdict({ verdict, scope, onQuestion }: Props) {
  if (!verdict.hasTechnology) {
    return (
      <section class="verdict calm" data-testid="verdict" data-verdict="none" aria-labelledby="h-verdict">
        <h2 id="h-verdict" class="visually-hidden">
          {t('verdictHeading')}
        </h2>
        <p class="verdict-none">{t('verdictNone')}</p>
        <p class="small muted" data-testid="verdict-scope">
          {scopeLine(scope)}
        </p>
      </section>
    );
  }
  return (
    <section class="verdict" data-testid="verdict" data-verdict="technology" aria-labelledby="h-verdict">
      <h2 id="h-verdict" class="visually-hidden">
        {t('verdictHeading')}
      </h2>
      <p class="verdict-line">
        <span class="verdict-label">{t('verdictTechnology')}</span>{' '}
        {verdict.categories.slice(0, SHOWN_CATEGORIES).map((c, i) => (
          <span key={c.category} class={`verdict-cat cat-${c.category}`} data-category={c.category}>
            {i > 0 && ', '}
            <span class="swatch" aria-hidden="true" /> {c.label}
          </span>
        ))}
        {verdict.categories.length > SHOWN_CATEGORIES && (
          <span class="muted"> {t('verdictMoreCategories', verdict.categories.length - SHOWN_CATEGORIES)}</span>
        )}
      </p>
      {verdict.questions.length > 0 && (
        <p class="verdict-line">
          <span class="verdict-label">{t('verdictQuestions')}</span>{' '}
          {verdict.questions.map((q, i) => (
            <span key={q.id}>
              {i > 0 && ' · '}
              <a
                href={`#q-${q.id}`}
                data-question={q.id}
                aria-label={t('verdictQuestionAria', q.number, q.title)}
                title={q.title}
                onClick={(e) => {
                  e.preventDefault();
                  onQuestion(q.id);
                }}
              >
                {t('verdictQuestionLink', q.number)}
              </a>
            </span>
          ))}
        </p>
      )}
      {verdict.openPoints.length === 0 ? (
        <p class="verdict-line small muted">{t('verdictNoOpen')}</p>
      ) : (
        <div class="verdict-open">
          <p class="verdict-label">{t('verdictOpen')}</p>
          <ul>
            {verdict.openPoints.map((item) => (
              <li key={item.id} class={`status-${item.status}`} data-testid="verdict-point" data-safeguard={item.id} data-status={item.status}>
                <details>
                  <summary>
                    <span class="mark" aria-hidden="true">
                      {STATUS_MARK[item.status]}
                    </span>{' '}
                    <strong>{item.label}</strong> <span class="says">{t(POINT[item.status as keyof typeof POINT])}</span>
                  </summary>
                  {item.ask && (
                    <p class="small">
                      {t('questionAsk')} {item.ask}
                    </p>
                  )}
                  {item.passages.slice(0, 2).map((p, i) => (
                    <Passage key={i} passage={p} />
                  ))}
                </details>
              </li>
            ))}
          </ul>
          {verdict.moreOpen > 0 && (
            <p class="small muted">
              <a href="#h-safeguards">{t('verdictMoreOpen', verdict.moreOpen)}</a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
