import { useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import { readAllRecords } from '@/lib/record/db';
import { clearRecord } from '@/lib/record/writer';
import { pdfCache } from '@/lib/surface/pdf/cache';
import { backupJson, toBackup } from '@/lib/record/export/backup';
import { importBackupFile } from '@/lib/record/export/import';
import { downloadText, exportFilename } from '@/lib/extension/ui/download';
import { errorText } from '@/lib/extension/ui/error-text';
import { FileButton } from './FileButton';

type Status = { ok: boolean; message: string } | null;

/**
 * Export everything / import a backup / delete everything: for the "Alles" tab and the options
 * page. A refused import names the problem and changes nothing (lib/record/export/import).
 * `level`: its heading's, under the page's own (the options page's sections are h2).
 */
export function DataTransfer({ level = 3 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const guarded = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus({ ok: true, message: await work() });
    } catch (e) {
      setStatus({ ok: false, message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const exportAll = () =>
    guarded(async () => {
      const all = await readAllRecords();
      const name = exportFilename('raadslens-back-up', 'json');
      downloadText(name, backupJson(toBackup(all)), 'application/json');
      const skipped = all.notes.invalid.length + all.flags.invalid.length + all.documents.invalid.length + all.corrections.invalid.length;
      return skipped > 0 ? `${t('dataExported', name)} ${t('dataExportSkipped', skipped)}` : t('dataExported', name);
    });

  const importFile = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    void guarded(async () => (await importBackupFile(chosen)).message);
  };

  const deleteAll = () =>
    guarded(async () => {
      await clearRecord();
      // The PDF results hold passages of what the reader read: "Alles" includes them.
      await pdfCache.clear();
      setConfirming(false);
      return t('dataDeleted');
    });

  return (
    <section class="card data-transfer" aria-labelledby="h-data" data-testid="data-transfer">
      <Heading id="h-data">{t('dataHeading')}</Heading>
      <p class="small muted">{t('dataIntro')}</p>
      <div class="row">
        <button type="button" data-testid="data-export" disabled={busy} onClick={() => void exportAll()}>
          {t('dataExportAll')}
        </button>
        <FileButton testId="data-import" inputTestId="data-import-file" disabled={busy} onFile={importFile}>
          {t('dataImport')}
        </FileButton>
        {!confirming && (
          <button type="button" class="danger-button" data-testid="data-delete" disabled={busy} onClick={() => setConfirming(true)}>
            {t('dataDelete')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="data-confirm">
          <p id="data-confirm">{t('dataDeleteConfirm')}</p>
          <div class="row">
            <button type="button" class="danger-button" data-testid="data-delete-confirm" disabled={busy} onClick={() => void deleteAll()}>
              {t('dataDeleteYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('recordCancel')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <p class={`small status ${status.ok ? 'ok' : 'error'}`} role={status.ok ? 'status' : 'alert'} data-testid="data-status">
          {status.message}
        </p>
      )}
    </section>
  );
}
