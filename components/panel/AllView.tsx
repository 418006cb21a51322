import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { pageMeasure } from '@/lib/surface/page/session/measure';
import { t } from '@/lib/extension/i18n';
import { NOTE_STATUSES, type NoteStatus } from '@/lib/record/db/schema';
import { selectEntries } from '@/lib/record/export/model';
import { applyFilter, type ListEntry, type RecordFilter, type SortOrder } from '@/lib/record/entries';
import type { CategoryId, QuestionId } from '@/lib/core/rules/schema';
import { openAtPassage } from '@/lib/extension/ui/open-entry';
import { recordLabels } from '@/lib/extension/ui/record-labels';
import { editInput } from '@/lib/extension/ui/document-notes';
import { defaultSort, entryFacets, sortedEntries, useRecord } from '@/lib/extension/ui/use-record';
import { errorText } from '@/lib/extension/ui/error-text';
import { removeEntry, saveEntry, undoCorrection } from '@/lib/record/writer';
import { DataTransfer } from '../common/DataTransfer';
import { ExportLetter, type LetterChoice } from './ExportLetter';
import { loadBuiltinRules } from '@/lib/core/rules';
import { selectionLetters } from '@/lib/extension/ui/letter-input';
import { ExportMenu } from './ExportMenu';
import { NoteList, statusLabel } from './NoteList';

/** Only the results of one search are rendered at once; the rest comes on request. */
const PAGE = 20;
const SORT_KEY = 'raadslens:all-sort';
const SORTS: readonly SortOrder[] = ['meeting-desc', 'meeting-asc', 'updated-desc'];
/** Per render of the view in a measuring build: from the render's start to its commit, for the benchmark. */
const RENDER_MEASURE = 'raadslens:alles-render';

/** The order the reader chose last (kept in this browser), or none yet. */
function rememberedSort(): SortOrder | null {
  try {
    const v = localStorage.getItem(SORT_KEY);
    return SORTS.find((s) => s === v) ?? null;
  } catch {
    return null;
  }
}
function rememberSort(order: SortOrder): void {
  try {
    localStorage.setItem(SORT_KEY, order);
  } catch {
    // A browser that keeps nothing: the choice holds for this view only.
  }
}

/**
 * "Alles": every note and flag across documents, and each document whose checklist the reader
 * corrected, filtered, searched, sorted by meeting date or the reader's choice.
 */
export function AllView() {
  const renderStart = performance.now();
  const record = useRecord();
  const { labels, questions, categoryLabel, safeguardLabel, safeguardRank } = recordLabels();
  const [chosenSort, setChosenSort] = useState<SortOrder | null>(rememberedSort);
  const [filter, setFilter] = useState<RecordFilter>({ sort: chosenSort ?? 'meeting-desc' });
  const [shown, setShown] = useState(PAGE);
  const [message, setMessage] = useState<string | null>(null);
  /** The letter about the selection: undefined when closed. */
  const [letters, setLetters] = useState<LetterChoice[] | undefined>(undefined);
  const openLetters = () => {
    // The record kept for "Alles" holds the corrections of the selected documents, as listed.
    const selection = selectionOf();
    setLetters(selectionLetters(selection, selection.corrections ?? [], loadBuiltinRules(), t('letterUnknownGemeente')).map((l) => ({ label: l.gemeente, input: l.input })));
  };
  const facets = entryFacets(record.entries);
  // Sorted once per list and order (the load sorts the default order ahead); a keystroke in the
  // search field only filters the sorted list.
  // While the record is read the list is the meeting-date order its first rows come in: the
  // choice shown does not change when the rest arrives (it does only for a record without dates).
  const sort: SortOrder = chosenSort ?? (record.loading ? 'meeting-desc' : defaultSort(record.entries));
  const sorted = sortedEntries(record.entries, sort);
  const results = useMemo(() => applyFilter(sorted, filter), [sorted, filter]);
  // Gathered when the reader exports or writes the letter, not on every keystroke of a search.
  const selectionOf = () => selectEntries(record.set, results);
  const show = (entry: ListEntry) => {
    setMessage(null);
    openAtPassage(entry.url, entry.anchor)
      .then((r) => r === 'not-found' && setMessage(t('allNotFound')))
      .catch((e: unknown) => setMessage(errorText(e)));
  };
  const set = (patch: Partial<RecordFilter>) => {
    setFilter({ ...filter, ...patch });
    setShown(PAGE);
  };
  const activeFilters = (['gemeente', 'category', 'question', 'status', 'tag', 'kind'] as const).filter((k) => filter[k]).length;
  const active = activeFilters > 0 || !!filter.query;
  // While the whole record is read: its first rows, when nothing is filtered or re-sorted.
  const first = record.preview && !active && filter.sort === 'meeting-desc' ? record.preview : null;

  useLayoutEffect(() => {
    pageMeasure(RENDER_MEASURE, { start: renderStart, end: performance.now(), detail: { whole: !record.loading, preview: !!first, query: filter.query ?? '' } });
  });

  const select = <K extends keyof RecordFilter>(key: K, label: string, options: Array<{ value: string; label: string }>, testid: string) => (
    <label class="field">
      <span>{label}</span>
      <select data-testid={testid} value={(filter[key] as string | undefined) ?? ''} onChange={(e) => set({ [key]: (e.currentTarget as HTMLSelectElement).value || undefined } as Partial<RecordFilter>)}>
        <option value="">{t('filterAny')}</option>
        {options.map((o) => (
          <option value={o.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="h-all">
      <div class="section-head">
        <h2 id="h-all">{t('allHeading')}</h2>
        <ExportMenu set={selectionOf} empty={results.length === 0} labels={labels} name="raadslens-selectie" />
      </div>
      {letters === undefined ? (
        (results.length > 0 || record.loading) && (
          <p class="row">
            {/* Already there (disabled) while the record is read, so neither the first rows nor the whole record move the view down. */}
            <button type="button" class="primary" data-testid="letter-selection" disabled={record.loading} onClick={openLetters}>
              {t('letterSelection')}
            </button>
          </p>
        )
      ) : (
        <ExportLetter letters={letters} name="selectie" onClose={() => setLetters(undefined)} />
      )}
      {record.error && (
        <p class="notice" role="alert" data-testid="storage-error">
          {record.error}
        </p>
      )}
      {record.unreadable > 0 && <p class="small warning">{t('allUnreadable', record.unreadable)}</p>}
      <div class="filters" role="search">
        <label class="field wide">
          <span>{t('allSearchLabel')}</span>
          <input type="search" data-testid="all-search" value={filter.query ?? ''} placeholder={t('allSearchPlaceholder')} onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })} />
        </label>
      </div>
      <details class="filter-box" data-testid="filters">
        <summary>{activeFilters > 0 ? t('filtersActive', activeFilters) : t('filtersHeading')}</summary>
        <div class="filters">
          {select('gemeente', t('filterGemeente'), facets.gemeenten.map((g) => ({ value: g, label: g })), 'filter-gemeente')}
          {select('category', t('filterCategory'), facets.categories.map((c: CategoryId) => ({ value: c, label: categoryLabel(c) })), 'filter-category')}
          {select('question', t('noteQuestionLabel'), questions.filter((q) => facets.questions.includes(q.id as QuestionId)).map((q) => ({ value: q.id, label: q.label })), 'filter-question')}
          {select('status', t('statusLabel'), NOTE_STATUSES.map((s: NoteStatus) => ({ value: s, label: statusLabel(s) })), 'filter-status')}
          {select('tag', t('filterTag'), facets.tags.map((g) => ({ value: g, label: `#${g}` })), 'filter-tag')}
          {select('kind', t('filterKind'), [{ value: 'flag', label: t('kindFlags') }, { value: 'note', label: t('kindNotes') }, { value: 'correction', label: t('kindCorrections') }], 'filter-kind')}
        </div>
      </details>
      <div class="filters">
        <label class="field">
          <span>{t('sortLabel')}</span>
          <select
            data-testid="all-sort"
            value={sort}
            onChange={(e) => {
              const order = (e.currentTarget as HTMLSelectElement).value as SortOrder;
              setChosenSort(order);
              rememberSort(order);
              set({ sort: order });
            }}
          >
            <option value="meeting-desc">{t('sortMeetingDesc')}</option>
            <option value="meeting-asc">{t('sortMeetingAsc')}</option>
            <option value="updated-desc">{t('sortUpdated')}</option>
          </select>
        </label>
      </div>
      <p class="row small muted" aria-live="polite">
        {/* Nothing stored yet: the empty list says so; "0 van 0 getoond" above it read as a fault. */}
        <span data-testid="all-count">
          {first ? t('allCount', first.total, first.total) : record.loading ? t('allCounting') : record.entries.length > 0 ? t('allCount', results.length, record.entries.length) : ''}
        </span>
        {active && (
          <button type="button" class="link-button" onClick={() => setFilter({ sort: filter.sort })}>
            {t('allClearFilters')}
          </button>
        )}
      </p>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {(!record.loading || first) && (
        <NoteList
          entries={first ? first.entries : results.slice(0, shown)}
          found={null}
          showDocument
          emptyText={record.entries.length === 0 ? t('allEmpty') : t('allNoResults')}
          questions={questions}
          categoryLabel={categoryLabel}
          onUpdate={(entry, changes) => saveEntry(entry.kind, editInput(entry, changes))}
          onResolve={(entry, input) => saveEntry(entry.kind, input)}
          onDelete={(entry) => void removeEntry(entry.kind, entry.id, entry.stored.revision).catch((e: unknown) => setMessage(errorText(e)))}
          onShow={show}
          corrections={{
            onOpen: show,
            onUndo: (entry, safeguard) => void undoCorrection(entry.documentId, safeguard).catch((e: unknown) => setMessage(errorText(e))),
            safeguardLabel,
            safeguardRank,
          }}
        />
      )}
      {results.length > shown && (
        <button type="button" class="link-button" onClick={() => setShown(shown + PAGE)}>
          {t('allMore', results.length - shown)}
        </button>
      )}
      {/* Below the list: not shown until the list is, or the rows arriving would push it down in view. */}
      {(!record.loading || first) && <DataTransfer />}
    </section>
  );
}
