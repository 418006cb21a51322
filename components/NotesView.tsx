import { t } from '@/lib/i18n';
import type { QuoteAnchor } from '@/lib/messages/protocol';
import type { DocumentNotes } from '@/lib/ui/use-document-notes';
import { NoteEditor } from './NoteEditor';
import { NoteList, type NoteView } from './NoteList';

interface Props {
  notes: DocumentNotes;
  /** Per anchored note (in list order): found in the page now, or null while unknown. */
  found: boolean[] | null;
  anchor: QuoteAnchor | null;
  setAnchor: (a: QuoteAnchor | null) => void;
  focusKey: number;
  onPickSelection: () => void;
  onShowAnchor: (a: QuoteAnchor) => void;
}

/** "Dit document": the editor and the document's notes in reading order. */
export function NotesView({ notes, found, anchor, setAnchor, focusKey, onPickSelection, onShowAnchor }: Props) {
  let anchored = 0;
  const views: NoteView[] = notes.list.map((n) => ({
    id: n.id,
    text: n.text,
    quote: n.anchor?.exact,
    status: n.status,
    updatedAt: n.updatedAt,
    found: n.anchor && found ? found[anchored++] : undefined,
  }));
  return (
    <section aria-labelledby="h-notes">
      <h2 id="h-notes">{t('headingNotes')}</h2>
      <NoteEditor
        anchor={anchor}
        focusKey={focusKey}
        onClearAnchor={() => setAnchor(null)}
        onPickSelection={onPickSelection}
        onSave={async (text) => {
          await notes.add(text, anchor);
          setAnchor(null);
        }}
      />
      {notes.error && (
        <p class="notice" role="alert">
          {notes.error}
        </p>
      )}
      <NoteList
        notes={views}
        onDelete={(id) => void notes.remove(id)}
        onShow={(id) => {
          const a = notes.list.find((n) => n.id === id)?.anchor;
          if (a) onShowAnchor(a);
        }}
      />
    </section>
  );
}
