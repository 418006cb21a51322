import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { buildLetter, letterMarkdown, letterText, type LetterInput } from '@/lib/export/letter';
import { downloadText, exportFilename } from '@/lib/ui/download';

interface Props {
  input: LetterInput;
  onClose: () => void;
}

/** The draft letter, editable before copying: the reader fills in naam, fractie and plaats. */
export function ExportLetter({ input, onClose }: Props) {
  const letter = useMemo(() => buildLetter(input), [input]);
  const [text, setText] = useState(() => letterText(letter));
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus({ ok: true, message: t('letterCopied') });
    } catch {
      setStatus({ ok: false, message: t('letterCopyFailed') });
    }
  };

  return (
    <section class="card letter" aria-labelledby="h-letter" data-testid="letter">
      <h3 id="h-letter">{t('letterHeading')}</h3>
      <p class="small muted">{t('letterIntro')}</p>
      <label class="visually-hidden" for="letter-text">
        {t('letterHeading')}
      </label>
      <textarea id="letter-text" data-testid="letter-text" rows={16} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="row">
        <button type="button" class="primary" onClick={() => void copy(text)}>
          {t('letterCopyText')}
        </button>
        <button type="button" onClick={() => void copy(letterMarkdown(letter))}>
          {t('letterCopyMarkdown')}
        </button>
        <button type="button" onClick={() => downloadText(exportFilename(`schriftelijke-vragen-${input.document.title}`, 'md'), letterMarkdown(letter), 'text/markdown;charset=utf-8')}>
          {t('letterDownload')}
        </button>
        <button type="button" class="link-button" onClick={onClose}>
          {t('recordClose')}
        </button>
      </div>
      {status && (
        <p class={`small status ${status.ok ? 'ok' : 'error'}`} role={status.ok ? 'status' : 'alert'}>
          {status.message}
        </p>
      )}
    </section>
  );
}
