import { formatCalendarDate, formatDateTime } from '@/lib/core/time';
import { t } from '@/lib/extension/i18n';
import type { CorrectionEntry } from '@/lib/record/entries';
import { STATUS_MARK, STATUS_OPTION } from './SafeguardChecklist';

export interface CorrectionActions {
  /** Opens the document the corrections belong to. */
  onOpen: (entry: CorrectionEntry) => void;
  /** Back to what Raadslens read for one safeguard of the document. */
  onUndo: (entry: CorrectionEntry, safeguard: string) => void;
  safeguardLabel: (id: string) => string;
  safeguardRank: (id: string) => number;
}

/**
 * A document whose checklist the reader corrected, as "Alles" lists it: which safeguards, what the
 * reader says the document says and what Raadslens read, each to be undone here.
 */
export function CorrectionItem({ entry, onOpen, onUndo, safeguardLabel, safeguardRank }: { entry: CorrectionEntry } & CorrectionActions) {
  const corrections = [...entry.corrections].sort((a, b) => safeguardRank(a.safeguard) - safeguardRank(b.safeguard));
  return (
    <li class="card note correction" data-testid="correction-item" data-document={entry.documentId}>
      <div class="entry-head small">
        <span class="kind kind-correction">✎ {t('correctionKind')}</span>
      </div>
      <p class="entry-doc small">
        <strong>{entry.title}</strong>
        {entry.gemeente && <span class="muted"> · {entry.gemeente}</span>}
        {entry.documentType && <span class="muted"> · {entry.documentType}</span>}
        {entry.meetingDate && <span class="muted"> · {t('meetingOn', formatCalendarDate(entry.meetingDate, 'medium'))}</span>}
      </p>
      <ul class="corrections">
        {corrections.map((c) => {
          const label = safeguardLabel(c.safeguard);
          return (
            <li key={c.safeguard} class={`status-${c.status}`} data-testid="correction-safeguard" data-safeguard={c.safeguard} data-status={c.status}>
              <span class="mark" aria-hidden="true">
                {STATUS_MARK[c.status]}
              </span>{' '}
              <span>
                <strong>{label}</strong>: {t('correctionSays', t(STATUS_OPTION[c.status]))}
                {c.detected && <span class="muted"> ({t('correctionDetected', t(STATUS_OPTION[c.detected]))})</span>}{' '}
                <button type="button" class="link-button" data-testid="correction-undo" aria-label={t('correctionUndoLabel', label)} onClick={() => onUndo(entry, c.safeguard)}>
                  {t('statusUndo')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <div class="row small muted">
        <time dateTime={new Date(entry.updatedAt).toISOString()}>{formatDateTime(entry.updatedAt, 'medium')}</time>
        <span class="spacer" />
        <button type="button" class="link-button" data-testid="correction-open" onClick={() => onOpen(entry)}>
          {t('openDocument')}
        </button>
      </div>
    </li>
  );
}
