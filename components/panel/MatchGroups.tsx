import type { CategoryPack } from '@/lib/core/rules/schema';
import type { MatchSummary } from '@/lib/extension/messages/protocol';
import { t } from '@/lib/extension/i18n';
import { groupByCategory } from '@/lib/extension/ui/category-groups';
import { CategoryGroup } from './CategoryGroup';

interface Props {
  matches: MatchSummary[];
  categories: CategoryPack[];
  onShow: (match: MatchSummary) => void;
  onNote: (match: MatchSummary) => void;
  /** "Markeer als aandachtspunt" for one match. */
  onFlag?: (match: MatchSummary) => void;
  /** Instead of "nothing found in this document" where the page is not all of it. */
  emptyText?: string;
}

/** The accessible view of the in-page highlights: every match, grouped per category. */
export function MatchGroups({ matches, categories, onShow, onNote, onFlag, emptyText }: Props) {
  const groups = groupByCategory(categories, matches);
  if (groups.length === 0) return <p class="muted">{emptyText ?? t('matchesNone')}</p>;
  return (
    <div class="groups">
      {groups.map(({ cat, items }) => (
        <CategoryGroup cat={cat} count={items.length} testid="match-group" key={cat.id}>
          <p class="group-desc">{cat.description}</p>
          <ul class="match-list">
            {items.map((m) => (
              <li data-testid="match-item" key={m.index} class="match-item">
                <button type="button" class="match-show" onClick={() => onShow(m)} title={t('matchShowTitle')}>
                  <strong>{m.text}</strong>
                  <span class="snippet">{m.snippet}</span>
                </button>
                <button
                  type="button"
                  class="icon-button"
                  data-testid="match-note"
                  onClick={() => onNote(m)}
                  aria-label={t('matchNoteLabel', m.text)}
                >
                  {t('noteVerb')}
                </button>
                {onFlag && (
                  <button
                    type="button"
                    class="icon-button"
                    data-testid="match-flag"
                    onClick={() => onFlag(m)}
                    aria-label={t('matchFlagLabel', m.text)}
                  >
                    ⚑ {t('flagVerb')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </CategoryGroup>
      ))}
    </div>
  );
}
