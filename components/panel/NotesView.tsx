import { useMemo } from 'preact/hooks';
import { t, tCount } from '@/lib/extension/i18n';
import { usePanel, usePanelStore } from '@/lib/extension/ui/panel-store';
import { recordLabels } from '@/lib/extension/ui/record-labels';
import type { StoredCorrection } from '@/lib/record/db';
import { ExportLetter, type LetterChoice } from './ExportLetter';
import { ExportMenu } from './ExportMenu';
import { FlagForm } from './FlagForm';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';

/**
 * "Dit document": the editor, then the document's notes and flags in reading order. `corrections`:
 * the reader's checklist corrections of the document, which its export carries too.
 */
export function NotesView({ letter, corrections }: { letter: LetterChoice[] | null; corrections: readonly StoredCorrection[] }) {
  const panel = usePanelStore();
  const notes = usePanel((s) => s.notes);
  const error = usePanel((s) => s.notesError);
  const found = usePanel((s) => s.found);
  const anchor = usePanel((s) => s.anchor);
  const focusKey = usePanel((s) => s.focusKey);
  const noteCategory = usePanel((s) => s.noteCategory);
  const report = usePanel((s) => s.report);
  const tab = usePanel((s) => s.tab);
  const target = usePanel((s) => s.flagTarget);
  const letterOpen = usePanel((s) => s.letterOpen);
  const pdf = usePanel((s) => s.pdfFacts);
  const { labels, questions, categoryLabel, questionForCategory } = recordLabels();
  const setTarget = panel.setFlagTarget;

  // A note started from a match anchors to its sentence: the first match inside that sentence
  // gives the category (and with it the question) unless the panel says which match it was.
  const category = useMemo(() => panel.noteCategoryFor(anchor, noteCategory), [anchor, report, noteCategory]);

  const title = notes.document?.title || tab?.title || report?.title || '';
  const exportSet = {
    documents: notes.document ? [notes.document] : [],
    notes: notes.list,
    flags: notes.flags,
    corrections,
  };
  const orphans = found ? [...found.values()].filter((f) => !f).length : 0;

  return (
    <section aria-labelledby="h-notes">
      <div class="section-head">
        <h2 id="h-notes">{t('headingNotes')}</h2>
        <ExportMenu set={exportSet} labels={labels} name={title || 'raadslens'} />
      </div>
      {!letterOpen && (
        <p class="row">
          <button type="button" class="primary" data-testid="letter-open" onClick={() => panel.setLetterOpen(true)}>
            {t('letterOpen')}
          </button>
        </p>
      )}
      {letterOpen && <ExportLetter letters={letter ?? null} name={title || 'raadslens'} onClose={() => panel.setLetterOpen(false)} />}
      {target ? (
        <FlagForm
          target={target}
          questions={questions}
          categoryLabel={categoryLabel}
          onCancel={() => setTarget(null)}
          onSave={(flag) => panel.addFlag(flag)}
        />
      ) : (
        <NoteEditor
          anchor={anchor}
          focusKey={focusKey}
          onClearAnchor={panel.clearAnchor}
          onPickSelection={pdf ? undefined : () => void panel.pickSelection()}
          questions={questions}
          question={questionForCategory(category)}
          categoryLabel={category ? categoryLabel(category) : undefined}
          onSave={(text, extras) => panel.addNote(text, extras)}
        />
      )}
      {!target && (
        <p class="row small">
          <button
            type="button"
            class="icon-button long-label"
            data-testid="flag-start"
            onClick={() =>
              setTarget(anchor ? { kind: 'passage', anchor, category, question: questionForCategory(category) } : { kind: 'document' })
            }
          >
            ⚑ {anchor ? t('flagPassage') : t('flagDocument')}
          </button>
        </p>
      )}
      {error && (
        <p class="notice" role="alert" data-testid="storage-error">
          {error}
        </p>
      )}
      {orphans > 0 && <p class="small warning">{tCount(orphans, 'orphansSummary', 'orphansSummaryOne')}</p>}
      <NoteList
        entries={notes.entries}
        found={found}
        questions={questions}
        categoryLabel={categoryLabel}
        onUpdate={(entry, changes) => panel.updateEntry(entry, changes)}
        onResolve={(entry, input) => panel.saveInput(entry.kind, input)}
        onDelete={(entry) => void panel.removeEntry(entry)}
        onShow={(entry) => entry.anchor && panel.showAnchor(entry.anchor)}
      />
    </section>
  );
}
