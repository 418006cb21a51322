import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import { backupJson, toBackup } from '@/lib/record/export/backup';
import { toCsv } from '@/lib/record/export/csv';
import { toMarkdown } from '@/lib/record/export/markdown';
import type { ExportLabels, ExportSet } from '@/lib/record/export/model';
import { toWebAnnotations } from '@/lib/record/export/web-annotation';
import { correctionsRepo } from '@/lib/record/db';
import { downloadText, exportFilename } from '@/lib/extension/ui/download';

/** The set with the stored corrections of its documents: read here when the set carries none (a document's notes). */
async function withCorrections(set: ExportSet): Promise<ExportSet> {
  // "Alles" hands over its kept record's corrections of the selected documents.
  if (set.corrections) return set;
  const ids = new Set(set.documents.map((d) => d.id));
  const all = await correctionsRepo.listAll().catch(() => []);
  return { ...set, corrections: all.filter((c) => ids.has(c.documentId)) };
}

interface Common {
  labels: ExportLabels;
  /** Base of the file names: the document title, or "raadslens-selectie". */
  name: string;
}

/**
 * The set, or (for "Alles") how to gather it when an export is chosen and whether it is empty:
 * gathering the selection from 10,000 notes costs a search keystroke ~20 ms it would spend for
 * nothing, since it is only needed when the reader exports.
 */
type Props = Common & ({ set: ExportSet; empty?: undefined } | { set: () => ExportSet; empty: boolean });

/** Whether a set has anything to export: a selection of documents whose only record is a correction does. */
const isEmpty = (set: ExportSet): boolean => set.notes.length === 0 && set.flags.length === 0 && !(set.shownCorrections ?? set.corrections)?.length;

type Format = 'md' | 'csv' | 'json' | 'jsonld';

/** "Exporteer": the set as Markdown, CSV, JSON backup or W3C Web Annotation, downloaded from a Blob URL. */
export function ExportMenu({ set: given, empty: lazyEmpty, labels, name }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  // A chosen action closes the menu, so it never covers what the action opened.
  const close = () => {
    if (menu.current) menu.current.open = false;
    // Focus stays on the menu's button, not on a list item that is now hidden.
    menu.current?.querySelector('summary')?.focus();
  };
  const empty = typeof given === 'function' ? lazyEmpty! : isEmpty(given);

  const run = (format: Format) => {
    const set = typeof given === 'function' ? given() : given;
    const file = exportFilename(name, format);
    // The reading exports and the backup carry the reader's checklist corrections of their documents.
    if (format === 'md') void withCorrections(set).then((full) => downloadText(file, toMarkdown(full, labels), 'text/markdown;charset=utf-8'));
    if (format === 'csv') void withCorrections(set).then((full) => downloadText(file, toCsv(full, labels), 'text/csv;charset=utf-8'));
    if (format === 'json') void withCorrections(set).then((full) => downloadText(file, backupJson(toBackup(full)), 'application/json'));
    if (format === 'jsonld') downloadText(file, `${JSON.stringify(toWebAnnotations(set, labels), null, 2)}\n`, 'application/ld+json');
    setDone(t('exportDone', file));
    close();
  };

  return (
    <div class="export">
    <details class="menu" data-testid="export-menu" ref={menu}>
      <summary>{t('exportMenu')}</summary>
      {empty ? (
        <p class="small muted">{t('exportNothing')}</p>
      ) : (
        <ul class="menu-list">
          <li>
            <button type="button" data-testid="export-md" onClick={() => run('md')}>{t('exportMarkdown')}</button>
          </li>
          <li>
            <button type="button" data-testid="export-csv" onClick={() => run('csv')}>{t('exportCsv')}</button>
          </li>
          <li>
            <button type="button" data-testid="export-json" onClick={() => run('json')}>{t('exportJson')}</button>
          </li>
          <li>
            <button type="button" data-testid="export-annotations" onClick={() => run('jsonld')}>{t('exportAnnotations')}</button>
          </li>
        </ul>
      )}
    </details>
      {done && (
        <p class="small status ok" role="status" data-testid="export-status">
          {done}
        </p>
      )}
    </div>
  );
}
