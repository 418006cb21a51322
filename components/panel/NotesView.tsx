import type { CategoryId } from '@/lib/core/rules/schema';
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { Anchor, ScanReport } from '@/lib/extension/messages/protocol';
import type { DocumentNotes } from '@/lib/extension/ui/use-document-notes';
import { recordLabels } from '@/lib/extension/ui/record-labels';
import { ExportLetter, type LetterChoice } from './ExportLetter';
import { ExportMenu } from './ExportMenu';
import { FlagForm, type FlagTarget } from './FlagForm';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';

interface Props {
  notes: DocumentNotes;
  /** Per anchored entry (by entryKey): found in the page now; null while unknown. */
  found: ReadonlyMap<string, boolean> | null;
  anchor: Anchor | null;
  setAnchor: (a: Anchor | null) => void;
  focusKey: number;
  onPickSelection: () => void;
  onShowAnchor: (a: Anchor) => void;
  /** The page's scan: a note on a match takes the match's category; the letter uses the assessment. */
  report?: ScanReport | null;
  /** A flag being made (from a match in the Document tab, or here). */
  flagTarget?: FlagTarget | null;
  setFlagTarget?: (target: FlagTarget | null) => void;
  /** The tab's address and title, for export names when the document is not stored yet. */
  tab?: { url: string; title: string } | null;
  /** The draft letter when open (null while it is being gathered), and how to open and close it. */
  letter?: LetterChoice[] | null;
  letterOpen?: boolean;
  onLetter?: () => void;
  onCloseLetter?: () => void;
  /** The category of the match a note was started from. */
  noteCategory?: CategoryId;
}

/** "Dit document": the editor, then the document's notes and flags in reading order. */
export function NotesView({
  notes,
  found,
  anchor,
  setAnchor,
  focusKey,
  onPickSelection,
  onShowAnchor,
  report,
  flagTarget,
  setFlagTarget,
  tab,
  letter,
  letterOpen,
  onLetter,
  onCloseLetter,
  noteCategory,
}: Props) {
  const { labels, questions, categoryLabel, questionForCategory } = recordLabels();
  const [localFlag, setLocalFlag] = useState<FlagTarget | null>(null);
  const target = flagTarget !== undefined ? flagTarget : localFlag;
  const setTarget = setFlagTarget ?? setLocalFlag;

  // A note started from a match anchors to its sentence: the first match inside that sentence
  // gives the category (and with it the question) unless the panel says which match it was.
  const category = useMemo(
    () =>
      anchor
        ? (noteCategory ?? report?.matches.find((m) => m.start >= anchor.start && m.end <= anchor.end)?.category)
        : undefined,
    [anchor, report, noteCategory],
  );

  const title = notes.document?.title || tab?.title || report?.title || '';
  const exportSet = {
    documents: notes.document ? [notes.document] : [],
    notes: notes.list,
    flags: notes.flags,
  };
  const orphans = found ? [...found.values()].filter((f) => !f).length : 0;

  return (
    <section aria-labelledby="h-notes">
      <div class="section-head">
        <h2 id="h-notes">{t('headingNotes')}</h2>
        <ExportMenu set={exportSet} labels={labels} name={title || 'raadslens'} />
      </div>
      {onLetter && !letterOpen && (
        <p class="row">
          <button type="button" class="primary" data-testid="letter-open" onClick={onLetter}>
            {t('letterOpen')}
          </button>
        </p>
      )}
      {letterOpen && <ExportLetter letters={letter ?? null} name={title || 'raadslens'} onClose={() => onCloseLetter?.()} />}
      {target ? (
        <FlagForm
          target={target}
          questions={questions}
          categoryLabel={categoryLabel}
          onCancel={() => setTarget(null)}
          onSave={async (flag) => {
            await notes.addFlag(flag);
            setTarget(null);
          }}
        />
      ) : (
        <NoteEditor
          anchor={anchor}
          focusKey={focusKey}
          onClearAnchor={() => setAnchor(null)}
          onPickSelection={onPickSelection}
          questions={questions}
          question={questionForCategory(category)}
          categoryLabel={category ? categoryLabel(category) : undefined}
          onSave={async (text, extras) => {
            await notes.add(text, anchor, { ...extras, category });
            setAnchor(null);
          }}
        />
      )}
      {!target && (
        <p class="row small">
          <button
            type="button"
            class="icon-button"
            data-testid="flag-start"
            onClick={() =>
              setTarget(anchor ? { kind: 'passage', anchor, category, question: questionForCategory(category) } : { kind: 'document' })
            }
          >
            ⚑ {anchor ? t('flagPassage') : t('flagDocument')}
          </button>
        </p>
      )}
      {notes.error && (
        <p class="notice" role="alert" data-testid="storage-error">
          {notes.error}
        </p>
      )}
      {orphans > 0 && <p class="small warning">{t('orphansSummary', orphans)}</p>}
      <NoteList
        entries={notes.entries}
        found={found}
        questions={questions}
        categoryLabel={categoryLabel}
        onUpdate={(entry, changes) => notes.update(entry, changes)}
        onResolve={(entry, input) => notes.saveInput(entry.kind, input)}
        onDelete={(entry) => void notes.removeEntry(entry)}
        onShow={(entry) => entry.anchor && onShowAnchor(entry.anchor)}
      />
    </section>
  );
}
