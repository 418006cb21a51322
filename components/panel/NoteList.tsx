import { useState } from 'preact/hooks';
import { formatCalendarDate, formatDateTime } from '@/lib/core/time';
import { t } from '@/lib/extension/i18n';
import type { FlagInput, StoredFlag, NoteInput, StoredNote, NoteStatus } from '@/lib/record/db';
import { NOTE_STATUSES } from '@/lib/record/db/schema';
import type { ListEntry, RecordEntry } from '@/lib/record/entries';
import { keepMine, type SaveOutcome } from '@/lib/record/conflict';
import { formatTags, parseTags } from '@/lib/record/tags';
import type { QuestionId } from '@/lib/core/rules/schema';
import { entryKey, type EntryChanges } from '@/lib/extension/ui/document-notes';
import { errorText } from '@/lib/extension/ui/error-text';
import { QuestionSelect, type QuestionOption } from './QuestionSelect';
import { StatusMessage } from '../common/StatusMessage';
import { CorrectionItem, type CorrectionActions } from './CorrectionItem';

type Outcome = SaveOutcome<StoredNote | StoredFlag, NoteInput | FlagInput>;

interface EntryActions {
  onUpdate: (entry: RecordEntry, changes: EntryChanges) => Promise<Outcome>;
  onResolve: (entry: RecordEntry, input: NoteInput | FlagInput) => Promise<Outcome>;
  onDelete: (entry: RecordEntry) => void;
  /** "Toon in de pagina" (Dit document) or "Open bij de passage" (Alles). */
  onShow?: (entry: RecordEntry) => void;
  questions: QuestionOption[];
  categoryLabel: (id: string) => string;
}


export const statusLabel = (s: NoteStatus): string =>
  s === 'open' ? t('statusOpen') : s === 'gesteld' ? t('statusGesteld') : t('statusBeantwoord');

const textOf = (input: NoteInput | FlagInput | StoredNote | StoredFlag | undefined): string =>
  !input ? '' : 'reason' in input ? input.reason : 'text' in input ? input.text : '';

interface ItemProps extends EntryActions {
  entry: RecordEntry;
  /** false: the quote was not found in the current version of the page. */
  found?: boolean;
  /** In "Alles": show the document, and the action opens it. */
  showDocument?: boolean;
}

/** One note or flag: read, change its status at once, edit text/tags/question inline, resolve a conflict. */
export function EntryItem({ entry, found, showDocument, onUpdate, onResolve, onDelete, onShow, questions, categoryLabel }: ItemProps) {
  const [editing, setEditing] = useState(false);
  // The version the edit started from: a live update from another window must not become the
  // base of this edit, or saving would silently overwrite that other change.
  const [base, setBase] = useState<RecordEntry>(entry);
  const [draft, setDraft] = useState({ text: entry.text, tags: formatTags(entry.tags), question: entry.question ?? '' });
  const [conflict, setConflict] = useState<Extract<Outcome, { kind: 'conflict' }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isFlag = entry.kind === 'flag';

  const run = async (work: () => Promise<Outcome>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await work();
      if (outcome.kind === 'conflict') {
        setConflict(outcome);
        return false;
      }
      setConflict(null);
      return true;
    } catch (e) {
      // The draft stays in the fields: nothing the reader typed is lost on a storage error.
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const startEdit = () => {
    setDraft({ text: entry.text, tags: formatTags(entry.tags), question: entry.question ?? '' });
    setBase(entry);
    setEditing(true);
  };
  const saveEdit = async (e: Event) => {
    e.preventDefault();
    const changes: EntryChanges = { text: draft.text.trim(), tags: parseTags(draft.tags), question: (draft.question || undefined) as QuestionId | undefined };
    if (await run(() => onUpdate(base, changes))) setEditing(false);
  };

  const question = entry.question ? questions.find((q) => q.id === entry.question)?.label : undefined;
  const label = isFlag ? (entry.flagKind === 'document' ? t('flagWholeDocument') : t('flagLabel')) : t('noteLabelShort');

  return (
    <li class={`card note ${isFlag ? 'flag' : ''}`} data-testid={isFlag ? 'flag-item' : 'note-item'} data-status={entry.status}>
      <div class="entry-head small">
        <span class={`kind ${isFlag ? 'kind-flag' : 'kind-note'}`}>{isFlag ? `⚑ ${label}` : label}</span>
        <label class="status-pick">
          <span class="visually-hidden">{t('statusLabel')}</span>
          <select
            data-testid="entry-status"
            value={entry.status}
            disabled={busy}
            onChange={(e) => void run(() => onUpdate(entry, { status: (e.currentTarget as HTMLSelectElement).value as NoteStatus }))}
          >
            {NOTE_STATUSES.map((s) => (
              <option value={s} key={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {showDocument && (
        <p class="entry-doc small">
          <strong>{entry.title}</strong>
          {entry.gemeente && <span class="muted"> · {entry.gemeente}</span>}
          {entry.meetingDate && <span class="muted"> · {t('meetingOn', formatCalendarDate(entry.meetingDate, 'medium'))}</span>}
        </p>
      )}
      {entry.anchor && (
        <blockquote class="note-quote">
          {entry.anchor.exact}
          {found === false && <span class="orphan" data-testid="entry-orphan"> — {t('noteOrphan')}</span>}
        </blockquote>
      )}
      {editing ? (
        <form class="entry-edit" onSubmit={saveEdit}>
          <label class="visually-hidden" for={`edit-${entry.id}`}>
            {isFlag ? t('flagReasonLabel') : t('noteLabel')}
          </label>
          <textarea
            id={`edit-${entry.id}`}
            data-testid="entry-edit-text"
            rows={3}
            value={draft.text}
            onInput={(e) => setDraft({ ...draft, text: (e.currentTarget as HTMLTextAreaElement).value })}
          />
          <div class="field-row">
            <QuestionSelect questions={questions} value={draft.question} onChange={(question) => setDraft({ ...draft, question })} />
            <label class="field">
              <span>{t('noteTagsLabel')}</span>
              <input type="text" data-testid="entry-edit-tags" value={draft.tags} onInput={(e) => setDraft({ ...draft, tags: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </div>
          <div class="row">
            <button type="submit" class="primary" data-testid="entry-edit-save" disabled={busy}>
              {t('noteSave')}
            </button>
            <button type="button" class="link-button" onClick={() => setEditing(false)}>
              {t('recordCancel')}
            </button>
          </div>
        </form>
      ) : (
        entry.text && <p class="note-text">{isFlag ? <><span class="muted">{t('flagReasonLabel')}: </span>{entry.text}</> : entry.text}</p>
      )}
      {(question || entry.category || entry.tags.length > 0) && !editing && (
        <p class="entry-meta small">
          {question && <span class="pill">{question}</span>}
          {entry.category && <span class={`pill cat-${entry.category}`}><span class="swatch" aria-hidden="true" /> {categoryLabel(entry.category)}</span>}
          {entry.tags.map((tag) => (
            <span class="pill tag" key={tag}>
              #{tag}
            </span>
          ))}
        </p>
      )}
      {conflict && (
        <div class="conflict" role="alert" data-testid="entry-conflict">
          <p>{conflict.message}</p>
          <div class="versions">
            <div>
              <strong>{t('conflictMine')}</strong>
              <p class="note-text">{textOf(conflict.mine)}</p>
            </div>
            <div>
              <strong>{t('conflictStored')}</strong>
              <p class="note-text">{conflict.current ? textOf(conflict.current) : t('conflictDeleted')}</p>
            </div>
          </div>
          <div class="row">
            <button
              type="button"
              class="primary"
              data-testid="conflict-keep-mine"
              onClick={() => void run(() => onResolve(entry, keepMine(conflict.mine, conflict.current))).then((ok) => ok && setEditing(false))}
            >
              {t('conflictKeepMine')}
            </button>
            <button
              type="button"
              data-testid="conflict-keep-stored"
              onClick={() => {
                setConflict(null);
                setEditing(false);
              }}
            >
              {t('conflictKeepStored')}
            </button>
          </div>
        </div>
      )}
      <StatusMessage status={error ? { kind: 'error', text: error } : null} />
      <div class="row small muted">
        <time dateTime={new Date(entry.updatedAt).toISOString()}>{formatDateTime(entry.updatedAt, 'medium')}</time>
        <span class="spacer" />
        {onShow && (showDocument || (entry.anchor && found !== false)) && (
          <button type="button" class="link-button" data-testid="entry-open" onClick={() => onShow(entry)}>
            {showDocument ? (entry.anchor ? t('openAtPassage') : t('openDocument')) : t('noteShowInPage')}
          </button>
        )}
        {!editing && (
          <button type="button" class="link-button" data-testid="entry-edit" onClick={startEdit}>
            {t('recordEdit')}
          </button>
        )}
        <button type="button" class="link-button danger" onClick={() => onDelete(entry)} aria-label={isFlag ? t('flagDeleteLabel') : t('noteDeleteLabel')}>
          {t('noteDelete')}
        </button>
      </div>
    </li>
  );
}

interface Props extends EntryActions {
  /** Corrected documents only where `corrections` says how to act on them ("Alles"). */
  entries: ListEntry[];
  /** Per anchored entry (by entryKey): found in the page now; null while unknown. */
  found: ReadonlyMap<string, boolean> | null;
  showDocument?: boolean;
  emptyText?: string;
  corrections?: CorrectionActions;
}

export function NoteList({ entries, found, showDocument, emptyText, corrections, ...actions }: Props) {
  if (entries.length === 0) return <p class="muted">{emptyText ?? t('notesNone')}</p>;
  return (
    <ul class="notes">
      {entries.map((e) =>
        e.kind === 'correction' ? (
          corrections && <CorrectionItem key={e.id} entry={e} {...corrections} />
        ) : (
          <EntryItem key={`${e.kind}:${e.id}`} entry={e} found={e.anchor && found ? found.get(entryKey(e)) : undefined} showDocument={showDocument} {...actions} />
        ),
      )}
    </ul>
  );
}
