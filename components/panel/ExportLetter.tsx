import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import { buildLetters, lettersMarkdown, lettersText, type LetterInput } from '@/lib/record/export/letter';
import { downloadText, exportFilename } from '@/lib/extension/ui/download';
import { useGriffie } from '../common/GriffieHosts';

export interface LetterChoice {
  /** What the reader picks it by (a gemeente), when there are several. */
  label: string;
  input: LetterInput;
}

interface Props {
  /** One letter, or one per gemeente of a selection; null while it is being gathered. */
  letters: LetterChoice[] | null;
  /** Base of the download's file name. */
  name: string;
  onClose: () => void;
}

/** The draft letter, editable before copying: the reader fills in naam, fractie, plaats and the article. */
export function ExportLetter({ letters, name, onClose }: Props) {
  const [chosen, setChosen] = useState(0);
  const choice = letters?.[Math.min(chosen, letters.length - 1)];
  // The griffie's letter defaults (gemeente, article, fracties, its address) fill the placeholders.
  const griffieLetter = useGriffie()?.policy.letter;
  // One letter per addressee: a selection with the burgemeester's and the college's documents gives two, in one text.
  const letter = useMemo(() => (choice ? buildLetters({ ...choice.input, defaults: griffieLetter }) : null), [choice, griffieLetter]);
  const generated = letter ? lettersText(letter) : '';
  const [text, setText] = useState(generated);
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  // Focus moves to the letter when it opens, and back to what opened it when it closes.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    // After the panel has drawn what replaces the letter (its "open" button comes back then).
    return () =>
      void requestAnimationFrame(() => (opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-testid=letter-open]'))?.focus());
  }, []);
  // A new draft (a correction, another gemeente) replaces the text, unless the reader has written in it.
  useEffect(() => {
    if (!edited) setText(generated);
  }, [generated]);

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
      <h3 id="h-letter" tabIndex={-1} ref={heading}>{t('letterHeading')}</h3>
      <p class="small muted">{t('letterIntro')}</p>
      {letters && letters.length > 1 && (
        <label class="field">
          <span>{t('letterGemeente')}</span>
          <select data-testid="letter-gemeente" value={String(chosen)} onChange={(e) => {
            setChosen(Number((e.currentTarget as HTMLSelectElement).value));
            setEdited(false);
          }}>
            {letters.map((l, i) => (
              <option key={l.label} value={String(i)}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {!letter ? (
        <p class="small muted" role="status">
          {letters ? t('letterNoDocuments') : t('letterLoading')}
        </p>
      ) : (
        <>
          <label class="visually-hidden" for="letter-text">
            {t('letterHeading')}
          </label>
          <textarea
            id="letter-text"
            data-testid="letter-text"
            rows={16}
            value={text}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setEdited(true);
            }}
          />
          <div class="row">
            <button type="button" class="primary" onClick={() => void copy(text)}>
              {t('letterCopyText')}
            </button>
            <button type="button" onClick={() => void copy(lettersMarkdown(letter))}>
              {t('letterCopyMarkdown')}
            </button>
            <button type="button" onClick={() => downloadText(exportFilename(`schriftelijke-vragen-${name}`, 'md'), lettersMarkdown(letter), 'text/markdown;charset=utf-8')}>
              {t('letterDownload')}
            </button>
            <button type="button" class="link-button" onClick={onClose}>
              {t('recordClose')}
            </button>
          </div>
        </>
      )}
      {!letter && (
        <p class="row">
          <button type="button" class="link-button" onClick={onClose}>
            {t('recordClose')}
          </button>
        </p>
      )}
      {status && (
        <p class={`small status ${status.ok ? 'ok' : 'error'}`} role={status.ok ? 'status' : 'alert'}>
          {status.message}
        </p>
      )}
    </section>
  );
}
