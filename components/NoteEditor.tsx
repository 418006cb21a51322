import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface DraftAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

interface Props {
  anchor: DraftAnchor | null;
  onClearAnchor: () => void;
  onPickSelection: () => void;
  /** Resolves when stored; rejects with a Dutch message, and the text stays in the editor. */
  onSave: (text: string) => Promise<void>;
  focusKey: number;
}

export function NoteEditor({ anchor, onClearAnchor, onPickSelection, onSave, focusKey }: Props) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ kind: 'error' | 'ok'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusKey > 0) area.current?.focus();
  }, [focusKey]);

  async function save(e: Event) {
    e.preventDefault();
    if (!text.trim()) {
      setStatus({ kind: 'error', message: t('noteEmpty') });
      return;
    }
    setBusy(true);
    try {
      await onSave(text.trim());
      setText('');
      setStatus({ kind: 'ok', message: t('noteSaved') });
    } catch (err) {
      setStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
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
          <button type="button" class="link-button" onClick={onClearAnchor}>
            {t('noteWholeDocument')}
          </button>
        </div>
      ) : (
        <p class="muted small">
          {t('noteOnDocument')}{' '}
          <button type="button" class="link-button" onClick={onPickSelection} data-testid="note-from-selection">
            {t('noteUseSelection')}
          </button>
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
      <div class="row">
        <button type="submit" class="primary" data-testid="note-save" disabled={busy}>
          {t('noteSave')}
        </button>
        {status && (
          <span role={status.kind === 'error' ? 'alert' : 'status'} class={`status ${status.kind}`}>
            {status.message}
          </span>
        )}
      </div>
    </form>
  );
}
