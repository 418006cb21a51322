import { memo } from '../common/memo';
import { useCallback, useMemo, useRef } from 'preact/hooks';
import type { CategoryPack } from '@/lib/core/rules/schema';
import type { MatchSummary } from '@/lib/extension/messages/protocol';
import { t } from '@/lib/extension/i18n';
import { groupByCategory } from '@/lib/extension/ui/category-groups';
import { drawnPerGroup, PROGRESSIVE_FOLDED_STEP, useProgressive } from '@/lib/extension/ui/use-progressive';
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

/** A match's words, said once per term of a list: each t() is a call into the extension's i18n API. */
interface ItemWords {
  show: string;
  note: string;
  noteLabel: string;
  flag: string;
  flagLabel: string;
}

type Act = (index: number) => void;

/**
 * A list longer than this is laid out only in view past its first items (theme.css
 * .match-list.long). The 100,000-node page's 400 camera matches, laid out whole when their group
 * opened, were the panel's longest task after a saved note (40–45 ms thread, 28 of it layout;
 * panel-tasks bench); an 80-match group is laid out whole, as before.
 */
const LONG_LIST = 150;

/** What an item shows of its match (a rescan's report brings the same matches as new objects). */
const sameMatch = (a: MatchSummary, b: MatchSummary) => a === b || (a.index === b.index && a.text === b.text && a.snippet === b.snippet);

/**
 * One match, drawn again only when it changes: the list grows a step at a time (useProgressive),
 * and each step drew every match before it again.
 */
const MatchItem = memo(
  function MatchItem({ m, words, onShow, onNote, onFlag }: { m: MatchSummary; words: ItemWords; onShow: Act; onNote: Act; onFlag: Act | null }) {
    return (
      <li data-testid="match-item" class="match-item">
        <button type="button" class="match-show" onClick={() => onShow(m.index)} title={words.show}>
          <strong>{m.text}</strong>
          <span class="snippet">{m.snippet}</span>
        </button>
        <button type="button" class="icon-button" data-testid="match-note" onClick={() => onNote(m.index)} aria-label={words.noteLabel}>
          {words.note}
        </button>
        {onFlag && (
          <button type="button" class="icon-button" data-testid="match-flag" onClick={() => onFlag(m.index)} aria-label={words.flagLabel}>
            ⚑ {words.flag}
          </button>
        )}
      </li>
    );
  },
  (a, b) => sameMatch(a.m, b.m) && a.words === b.words && a.onShow === b.onShow && a.onNote === b.onNote && a.onFlag === b.onFlag,
);

/** A group's items `from`..`to`, drawn as one piece: a step adds a piece, the pieces before it are not drawn again. */
interface ChunkProps {
  items: readonly MatchSummary[];
  from: number;
  to: number;
  wordsOf: (text: string) => ItemWords;
  onShow: Act;
  onNote: Act;
  onFlag: Act | null;
}
const MatchChunk = memo(function MatchChunk({ items, from, to, wordsOf, onShow, onNote, onFlag }: ChunkProps) {
  return (
    <>
      {items.slice(from, to).map((m) => (
        <MatchItem key={m.index} m={m} words={wordsOf(m.text)} onShow={onShow} onNote={onNote} onFlag={onFlag} />
      ))}
    </>
  );
});

/**
 * The accessible view of the in-page highlights: every match, grouped per category. A long page's
 * thousands of matches are drawn a few dozen per task (the groups and their counts whole at
 * once): drawn in one task, the 1 MB council page's 5,000 held the panel's thread for a quarter
 * of a second at its first open; 250 per task, one such step was still 30–48 ms of the panel's
 * thread at a load of 15–20 (panel-tasks bench, prof-worker.ts PROF_THREAD=panel). Each step adds
 * one piece (MatchChunk) and leaves the pieces before it alone, so a step's work does not grow
 * with what is already drawn.
 */
export function MatchGroups({ matches, categories, onShow, onNote, onFlag, emptyText }: Props) {
  const groups = useMemo(() => groupByCategory(categories, matches), [categories, matches]);
  // The groups start folded: the first screen shows none of their items, so few come per task.
  const shown = useProgressive(matches.length, { start: PROGRESSIVE_FOLDED_STEP, step: PROGRESSIVE_FOLDED_STEP });
  const words = useMemo(() => new Map<string, ItemWords>(), []);
  // Handlers for the list's life that call the latest props and matches: new ones would draw
  // every match again (a rescan's new report too, where most matches are as they were).
  const byIndex = useMemo(() => new Map(matches.map((m) => [m.index, m])), [matches]);
  const latest = useRef({ byIndex, onShow, onNote, onFlag });
  latest.current = { byIndex, onShow, onNote, onFlag };
  const act = (pick: (p: typeof latest.current) => ((m: MatchSummary) => void) | undefined) => (index: number) => {
    const m = latest.current.byIndex.get(index);
    if (m) pick(latest.current)?.(m);
  };
  const show = useCallback(act((p) => p.onShow), []);
  const note = useCallback(act((p) => p.onNote), []);
  const flag = useCallback(act((p) => p.onFlag), []);
  const wordsOf = useCallback((text: string) => {
    let w = words.get(text);
    if (!w) {
      const [any] = words.values();
      const shared = any ?? { show: t('matchShowTitle'), note: t('noteVerb'), flag: t('flagVerb') };
      words.set(text, (w = { show: shared.show, note: shared.note, flag: shared.flag, noteLabel: t('matchNoteLabel', text), flagLabel: t('matchFlagLabel', text) }));
    }
    return w;
  }, [words]);
  if (groups.length === 0) return <p class="muted">{emptyText ?? t('matchesNone')}</p>;
  const drawn = drawnPerGroup(groups.map((g) => g.items), shown).map((d) => d.length);
  return (
    <div class="groups">
      {groups.map(({ cat, items }, i) => {
        const pieces: number[] = [];
        for (let from = 0; from < drawn[i]!; from += PROGRESSIVE_FOLDED_STEP) pieces.push(from);
        return (
          <CategoryGroup cat={cat} count={items.length} testid="match-group" key={cat.id}>
            <p class="group-desc">{cat.description}</p>
            <ul class={items.length > LONG_LIST ? 'match-list long' : 'match-list'}>
              {pieces.map((from) => (
                <MatchChunk key={from} items={items} from={from} to={Math.min(drawn[i]!, from + PROGRESSIVE_FOLDED_STEP)} wordsOf={wordsOf} onShow={show} onNote={note} onFlag={onFlag ? flag : null} />
              ))}
            </ul>
          </CategoryGroup>
        );
      })}
    </div>
  );
}
