import { t } from '@/lib/extension/i18n';

/** The letter as a visible action under a document's checklist, not the last item of a menu. */
export function LetterAction({ onLetter }: { onLetter: () => void }) {
  return (
    <div class="letter-action">
      <button type="button" class="primary" data-testid="letter-open" onClick={onLetter}>
        {t('letterOpen')}
      </button>
      <p class="small muted">{t('letterOpenHint')}</p>
    </div>
  );
}
