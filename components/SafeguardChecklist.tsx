import type { AssessmentSummary } from '@/lib/messages/protocol';
import { t } from '@/lib/i18n';

interface Props {
  safeguards: AssessmentSummary['safeguards'];
}

/** What the document mentions, with the passage, and what it is silent about. */
export function SafeguardChecklist({ safeguards }: Props) {
  return (
    <div class="checklist" data-testid="safeguards">
      <p class="summary-line">
        {t('safeguardsSummary', safeguards.found.map((f) => f.label).join(', ') || '—', safeguards.missing.map((m) => m.label).join(', ') || '—')}
      </p>
      <ul>
        {safeguards.found.map((f) => (
          <li class="found" key={f.id} data-testid="safeguard-found" data-safeguard={f.id}>
            <span class="mark" aria-hidden="true">✓</span>
            <span>
              <strong>{f.label}</strong> <q class="snippet">{f.passage.snippet}</q>
            </span>
          </li>
        ))}
        {safeguards.missing.map((m) => (
          <li class="missing" key={m.id} data-testid="safeguard-missing" data-safeguard={m.id}>
            <span class="mark" aria-hidden="true">✗</span>
            <span>
              <strong>{m.label}</strong> — {t('safeguardNotMentioned')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
