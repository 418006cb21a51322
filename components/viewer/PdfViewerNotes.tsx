import { useRef, useState } from 'preact/hooks';
import type { Anchor } from '@/lib/core/anchor';
import { t } from '@/lib/extension/i18n';
import { errorText } from '@/lib/extension/ui/error-text';
import { StatusMessage, type Status } from '../common/StatusMessage';

export interface PdfPassage {
  id: string;
  kind: 'note' | 'flag';
  text: string;
  anchor: Anchor;
  updatedAt: number;
  /** false: the quote is no longer on its page in this version of the PDF (the note is kept). */
  found?: boolean;
  at?: { start: number; end: number };
}

interface Props {
  passages: PdfPassage[];
  takeSelection: () => Anchor | null;
  onSave: (kind: 'note' | 'flag', anchor: Anchor, text: string) => Promise<void>;
  onRemove: (p: PdfPassage) => Promise<void>;
  onShow: (p: PdfPassage) => void;
}

/** The viewer's side column: note or flag the selected passage, and every note and flag of this PDF. */
export function PdfViewerNotes({ passages, takeSelection, onSave, onRemove, onShow }: Props) {
  const [draft, setDraft] = useState<{ kind: 'note' | 'flag'; anchor: Anchor } | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<Status | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const start = (kind: 'note' | 'flag') => {
    const anchor = takeSelection();
    if (!anchor) {
      setMessage({ kind: 'error', text: t('viewerSelectFirst') });
      return;
    }
    setDraft({ kind, anchor });
    setMessage(null);
    queueMicrotask(() => area.current?.focus());
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    if (draft.kind === 'note' && !text.trim()) {
      setMessage({ kind: 'error', text: t('noteEmpty') });
      return;
    }
    try {
      await onSave(draft.kind, draft.anchor, text.trim());
      setDraft(null);
      setText('');
      setMessage({ kind: 'ok', text: t('noteSaved') });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const remove = async (p: PdfPassage) => {
    try {
      await onRemove(p);
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <aside class="viewer-notes" aria-labelledby="h-viewer-notes">
      <h2 id="h-viewer-notes">{t('headingNotes')}</h2>
      <div class="row">
        {/* mousedown would move focus and may drop the selection; the selection is read on click. */}
        <button type="button" class="primary" onMouseDown={(e) => e.preventDefault()} onClick={() => start('note')} data-testid="pdf-note-from-selection">
          {t('viewerNoteSelection')}
        </button>
        <button type="button" class="icon-button" onMouseDown={(e) => e.preventDefault()} onClick={() => start('flag')} data-testid="pdf-flag-from-selection">
          {t('viewerFlagSelection')}
        </button>
      </div>
      {draft && (
        <form class="note-form" onSubmit={(e) => void save(e)}>
          <div class="anchor-quote">
            <span class="label">{t('noteAbout')}</span>
            <q>{draft.anchor.exact}</q>
            <span class="small muted">{t('pdfPageShort', draft.anchor.page ?? 1)}</span>
          </div>
          <label class="small" for="pdf-note-text">
            {draft.kind === 'note' ? t('noteLabel') : t('viewerFlagReason')}
          </label>
          <textarea id="pdf-note-text" ref={area} rows={3} value={text} data-testid="pdf-note-editor" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
          <div class="row">
            <button type="submit" class="primary" data-testid="pdf-note-save">
              {draft.kind === 'note' ? t('noteSave') : t('viewerFlagSave')}
            </button>
            <button type="button" class="link-button" onClick={() => setDraft(null)}>
              {t('pdfCancel')}
            </button>
          </div>
        </form>
      )}
      <StatusMessage status={message} />
      {passages.length === 0 ? (
        <p class="muted small">{t('notesNone')}</p>
      ) : (
        <ul class="notes">
          {passages.map((p) => (
            <li class="card note" key={p.id} data-testid="pdf-note-item" data-kind={p.kind} data-page={p.anchor.page ?? 1}>
              <blockquote class="note-quote">
                <span class="page-chip">{t('pdfPageShort', p.anchor.page ?? 1)}</span> {p.anchor.exact}
                {p.found === false && <span class="orphan"> — {t('noteOrphan')}</span>}
              </blockquote>
              {p.kind === 'flag' && <strong class="small">⚑ {t('viewerFlagged')}</strong>}
              {p.text && <p class="note-text">{p.text}</p>}
              <div class="row small">
                {p.found !== false && (
                  <button type="button" class="link-button" onClick={() => onShow(p)}>
                    {t('viewerShow')}
                  </button>
                )}
                <span class="spacer" />
                <button type="button" class="link-button danger" onClick={() => void remove(p)}>
                  {t('noteDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
