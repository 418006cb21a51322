import type { MessageKey } from '@/lib/extension/i18n';
import { t, tCount } from '@/lib/extension/i18n';
import type { ChecklistItem, ChecklistPassage } from '@/lib/core/questions/checklist';
import type { SafeguardStatus } from '@/lib/core/questions/types';
import { STATUS_WORDING } from '@/lib/core/questions/status-words';

interface Props {
  items: ChecklistItem[];
  /** Without technology the checklist says so instead of listing anything. */
  hasTechnology: boolean;
  onCorrect?: (item: ChecklistItem, status: SafeguardStatus) => void;
  onUndo?: (item: ChecklistItem) => void;
  error?: string | null;
}

export const STATUS_MARK: Record<SafeguardStatus, string> = Object.fromEntries(Object.entries(STATUS_WORDING).map(([s, w]) => [s, w.mark])) as Record<SafeguardStatus, string>;
/** The status in the table's words (lib/core/questions/status-words.ts), as the browser's language has them. */
export const STATUS_OPTION: Record<SafeguardStatus, MessageKey> = {
  stated: 'statusOptStated',
  negated: 'statusOptNegated',
  planned: 'statusOptPlanned',
  absent: 'statusOptAbsent',
};
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const ORDER: SafeguardStatus[] = ['negated', 'planned', 'absent', 'stated'];
/** Stated, but not with certainty: no ✓ — the reader reads the passage. */
const UNCERTAIN_MARK = '◌';

/** Read as stated, but the status model was not sure: shown without a ✓ until the reader decides. */
const isUncertain = (item: ChecklistItem): boolean => item.status === 'stated' && item.certain === false && !item.corrected;

/** The sentence, with what it is said to cover marked (text nodes only: the sentence is page text). */
export function Passage({ passage }: { passage: ChecklistPassage }) {
  const at = passage.scope ? passage.text.indexOf(passage.scope) : -1;
  return (
    <blockquote class={`passage passage-${passage.status}`}>
      {at < 0 ? (
        passage.text
      ) : (
        <>
          {passage.text.slice(0, at)}
          <mark class="scope">{passage.scope}</mark>
          {passage.text.slice(at + passage.scope!.length)}
        </>
      )}
    </blockquote>
  );
}

/**
 * Per safeguard what the document says: done (✓, only then), not done, announced, or nothing —
 * with the sentence that says it, and a one-click correction the reader's letter follows.
 */
export function SafeguardChecklist({ items, hasTechnology, onCorrect, onUndo, error }: Props) {
  if (!hasTechnology) {
    return (
      <div class="checklist" data-testid="safeguards">
        <p class="summary-line">{t('checklistEmpty')}</p>
      </div>
    );
  }
  const summary = ORDER.flatMap((status) => {
    // Counts, not names: the list right below names each safeguard.
    const count = items.filter((i) => i.status === status && !isUncertain(i)).length;
    const uncertain = status === 'stated' ? items.filter(isUncertain).length : 0;
    return [...(count ? [t('summaryCount', capitalised(t(STATUS_OPTION[status])), count)] : []), ...(uncertain ? [t('summaryMentioned', uncertain)] : [])];
  });
  return (
    <div class="checklist" data-testid="safeguards">
      <p class="summary-line">{summary.join(' · ')}</p>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <ul>
        {items.map((item) => {
          const [first, ...more] = item.passages.filter((p) => p.status === item.status).concat(item.passages.filter((p) => p.status !== item.status));
          const scope = item.status === 'stated' ? item.passages.find((p) => p.status === 'stated')?.scope : undefined;
          const uncertain = isUncertain(item);
          return (
            <li
              class={`safeguard status-${item.status}${uncertain ? ' uncertain' : ''}`}
              key={item.id}
              data-testid={item.status === 'absent' ? 'safeguard-missing' : 'safeguard-found'}
              data-safeguard={item.id}
              data-status={item.status}
              {...(uncertain ? { 'data-certain': 'false' } : {})}
              {...(item.corrected ? { 'data-detected': item.detected } : {})}
            >
              <span class="mark" aria-hidden="true">
                {uncertain ? UNCERTAIN_MARK : STATUS_MARK[item.status]}
              </span>
              <div class="safeguard-body">
                <p>
                  <strong>{item.label}</strong> <span class="says">{uncertain ? t('statusStatedUncertain') : t('statusSays', t(STATUS_OPTION[item.status]))}</span>
                  {scope && <span class="says"> {t('statusScope', scope)}</span>}
                </p>
                {first && <Passage passage={first} />}
                {more.length > 0 && (
                  <details class="more-passages">
                    <summary>{tCount(more.length, 'statusMorePassages', 'statusMorePassagesOne')}</summary>
                    {more.map((p, i) => (
                      <Passage key={i} passage={p} />
                    ))}
                  </details>
                )}
                {item.corrected && (
                  <p class="small corrected" data-testid="safeguard-corrected">
                    {t('statusCorrected', t(STATUS_OPTION[item.detected]))}{' '}
                    {onUndo && (
                      <button type="button" class="link-button" onClick={() => onUndo(item)}>
                        {t('statusUndo')}
                      </button>
                    )}
                  </p>
                )}
                {onCorrect && (
                  <p class="small correct" role="group" aria-label={t('statusCorrectGroup', item.label)}>
                    <span class="muted">{t('statusCorrectPrompt')}</span>{' '}
                    {ORDER.filter((s) => s !== item.status).map((s, i) => (
                      <span key={s}>
                        {i > 0 && <span class="muted"> · </span>}
                        <button
                          type="button"
                          class="link-button"
                          data-testid="safeguard-correct"
                          data-status={s}
                          aria-label={t('statusCorrectAria', item.label, t(STATUS_OPTION[s]))}
                          onClick={() => onCorrect(item, s)}
                        >
                          {t(STATUS_OPTION[s])}
                        </button>
                      </span>
                    ))}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
