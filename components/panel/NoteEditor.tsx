import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { QuestionId } from '@/lib/core/rules/schema';
import { parseTags } from '@/lib/record/tags';
import { errorText } from '@/lib/extension/ui/error-text';
import { QuestionSelect, type QuestionOption } from './QuestionSelect';
import { StatusMessage, type Status } from '../common/StatusMessage';

interface DraftAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

interface NoteDraftExtras {
  question?: QuestionId;
  tags: string[];
}

interface Props {
  anchor: DraftAnchor | null;
  onClearAnchor: () => void;
  /**
   * Takes the page's selection as the note's passage. None in a PDF tab: the browser's PDF viewer
   * gives no selection to an extension (asking said "De pagina reageert niet. Herlaad…").
   */
  onPickSelection?: () => void;
  /** Resolves when stored; rejects with a Dutch message, and the text stays in the editor. */
  onSave: (text: string, extras: NoteDraftExtras) => Promise<void>;
  focusKey: number;
  /** The AP questions the reader may link the note to. */
  questions?: QuestionOption[];
  /** Preselected question (e.g. the one the match's category belongs to). */
  question?: QuestionId;
  /** Shown when the note starts from a match: its category label. */
  categoryLabel?: string;
}

export function NoteEditor({ anchor, onClearAnchor, onPickSelection, onSave, focusKey, questions = [], question, categoryLabel }: Props) {
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [linked, setLinked] = useState<QuestionId | ''>(question ?? '');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusKey > 0) area.current?.focus();
  }, [focusKey]);
  useEffect(() => setLinked(question ?? ''), [question, focusKey]);

  async function save(e: Event) {
    e.preventDefault();
    if (!text.trim()) {
      setStatus({ kind: 'error', text: t('noteEmpty') });
      return;
    }
    setBusy(true);
    try {
      await onSave(text.trim(), { question: linked || undefined, tags: parseTags(tags) });
      setText('');
      setTags('');
      setStatus({ kind: 'ok', text: t('noteSaved') });
      // The save button is disabled while saving and so loses focus: back to the editor, ready for the next note.
      area.current?.focus();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="note-form" onSubmit={save}>
      {anchor ? (
        <div class="anchor-quote">
          <span class="label">{t('noteAbout')}</span>
          <q>{anchor.exact}</q>
          {categoryLabel && <span class="small muted">{t('noteCategory', categoryLabel)}</span>}
          <button type="button" class="link-button" onClick={onClearAnchor}>
            {t('noteWholeDocument')}
          </button>
        </div>
      ) : (
        <p class="muted small">
          {t('noteOnDocument')}{' '}
          {onPickSelection ? (
            <button type="button" class="link-button" onClick={onPickSelection} data-testid="note-from-selection">
              {t('noteUseSelection')}
            </button>
          ) : (
            t('noteOnPdfPassage')
          )}
        </p>
      )}
      <label class="visually-hidden" for="note-text">
        {t('noteLabel')}
      </label>
      <textarea
        id="note-text"
        ref={area}
        data-testid="note-editor"
        rows={3}
        value={text}
        placeholder={t('notePlaceholder')}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="field-row">
        {questions.length > 0 && <QuestionSelect questions={questions} value={linked} onChange={setLinked} testid="note-question" />}
        <label class="field">
          <span>{t('noteTagsLabel')}</span>
          <input type="text" data-testid="note-tags" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <div class="row">
        <button type="submit" class="primary" data-testid="note-save" disabled={busy}>
          {t('noteSave')}
        </button>
        <StatusMessage status={status} inline />
      </div>
    </form>
  );
}
