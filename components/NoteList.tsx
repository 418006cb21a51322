import { t } from '@/lib/i18n';

export interface NoteView {
  id: string;
  text: string;
  quote?: string;
  status: string;
  updatedAt: number;
  /** false when the quote could not be found in the current version of the page. */
  found?: boolean;
}

interface Props {
  notes: NoteView[];
  onShow: (id: string) => void;
  onDelete: (id: string) => void;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

export function NoteList({ notes, onShow, onDelete }: Props) {
  if (notes.length === 0) return <p class="muted">{t('notesNone')}</p>;
  return (
    <ul class="notes">
      {notes.map((n) => (
        <li class="card note" data-testid="note-item" key={n.id}>
          {n.quote && (
            <blockquote class="note-quote">
              {n.quote}
              {n.found === false && <span class="orphan"> — {t('noteOrphan')}</span>}
            </blockquote>
          )}
          <p class="note-text">{n.text}</p>
          <div class="row small muted">
            <time dateTime={new Date(n.updatedAt).toISOString()}>{dateFormat.format(n.updatedAt)}</time>
            <span class="spacer" />
            {n.quote && n.found !== false && (
              <button type="button" class="link-button" onClick={() => onShow(n.id)}>
                {t('noteShowInPage')}
              </button>
            )}
            <button type="button" class="link-button danger" onClick={() => onDelete(n.id)} aria-label={t('noteDeleteLabel')}>
              {t('noteDelete')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
