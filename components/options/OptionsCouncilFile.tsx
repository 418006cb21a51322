// "Raadslens-instellingen voor de raad" without managed browsers: the griffie exports its set-up
// as a file, a raadslid imports it after a preview of what changes (all of it, or nothing).
import { useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { RuleSet } from '@/lib/core/rules';
import { grantedSites, siteHost } from '@/lib/extension/permissions';
import {
  buildCouncilFile,
  importCouncilFile,
  previewCouncilFile,
  type CouncilChange,
  type GriffieState,
  type Settings,
} from '@/lib/extension/settings';
import { downloadText, exportFilename } from '@/lib/extension/ui/download';
import { FileButton } from '../common/FileButton';

function changeText(c: CouncilChange, rules: RuleSet): string {
  const label = (id: string) => rules.categories.find((x) => x.id === id)?.label ?? id;
  switch (c.kind) {
    case 'categories':
      return [c.off.length ? t('councilChangeOff', c.off.map(label).join(', ')) : '', c.on.length ? t('councilChangeOn', c.on.map(label).join(', ')) : '']
        .filter(Boolean)
        .join(' ');
    case 'highlight':
      return t('councilChangeHighlight');
    case 'terms':
      return t('councilChangeTerms', c.count);
    case 'hosts':
      return t('councilChangeHosts', c.hosts.join(', '));
    case 'letter':
      return t('councilChangeLetter');
    case 'fetchPdfs':
      return c.allowed ? t('councilChangePdfsOn') : t('councilChangePdfsOff');
  }
}

export function OptionsCouncilFile({ rules, settings, griffie }: { rules: RuleSet; settings: Settings; griffie: GriffieState | null }) {
  const [pending, setPending] = useState<{ text: string; changes: CouncilChange[] } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; details?: string[] } | null>(null);
  const policy = griffie?.policy ?? {};

  const exportFile = async () => {
    const hosts = (await grantedSites().catch(() => [])).map(siteHost);
    const file = buildCouncilFile(settings, policy, hosts, rules);
    downloadText(exportFilename('raadslens-instellingen-voor-de-raad', 'json'), JSON.stringify(file, null, 2), 'application/json');
  };
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage(null);
    const text = await file.text();
    const preview = previewCouncilFile(text, { settings, policy });
    if (!preview.ok) {
      setPending(null);
      setMessage({ ok: false, text: t('councilImportRefused'), details: preview.problems });
      return;
    }
    setPending({ text, changes: preview.changes });
  };
  const apply = async () => {
    if (!pending) return;
    const result = await importCouncilFile(pending.text).catch((e: unknown) => ({ ok: false as const, problems: [String(e)] }));
    setPending(null);
    setMessage(result.ok ? { ok: true, text: t('councilImportDone') } : { ok: false, text: t('councilImportRefused'), details: result.problems });
  };

  return (
    <section class="options-section council-file" aria-labelledby="opt-council" data-testid="options-council-file">
      <h2 id="opt-council">{t('councilHeading')}</h2>
      <p class="muted small">{t('councilIntro')}</p>
      <div class="row">
        <button type="button" data-testid="council-export" onClick={() => void exportFile()}>
          {t('councilExport')}
        </button>
        {/* Like the backup's: not the browser's own file control beside a label. */}
        <FileButton testId="council-import-open" inputTestId="council-import" onFile={(input) => void choose(input)}>
          {t('councilImport')}
        </FileButton>
      </div>
      {pending && (
        <div class="card" data-testid="council-preview">
          <p>{pending.changes.length ? t('councilPreviewIntro') : t('councilPreviewNothing')}</p>
          <ul>
            {pending.changes.map((c, i) => (
              <li key={i} data-testid="council-change" data-kind={c.kind}>
                {changeText(c, rules)}
              </li>
            ))}
          </ul>
          <button type="button" class="primary" data-testid="council-apply" onClick={() => void apply()}>
            {t('councilApply')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('councilCancel')}
          </button>
        </div>
      )}
      {message && (
        <div class={message.ok ? 'status ok' : 'notice'} role={message.ok ? 'status' : 'alert'} data-testid="council-result">
          <p>{message.text}</p>
          {message.details && (
            <ul class="small">
              {message.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
