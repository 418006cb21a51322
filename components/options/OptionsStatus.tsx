import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { PolicyWait, SettingsState } from './OptionsState';

/**
 * Not said when the policy answers this soon (0.2 s once a profile has asked before): the line
 * would only flash on every opening.
 */
export const PENDING_NOTE_DELAY_MS = 400;

/**
 * The page's one live status line: what a change did ("Opgeslagen"), and while the browser has
 * not yet said whether the griffie's policy locks a setting, that its settings are being loaded
 * (the lockable settings cannot be changed until then). It always takes the room of that longest
 * line at the page's width (an invisible copy under it), so neither the line coming after 0.4 s
 * nor its going when the policy answers moves the settings below: it once stood above each
 * lockable setting and pushed the page down 22 px and back.
 */
export function OptionsStatus({ status, policy }: { status: SettingsState['status']; policy: PolicyWait }) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (policy !== 'pending') return;
    const timer = setTimeout(() => setLate(true), PENDING_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [policy]);
  const pending = policy === 'pending' && late && !status;
  return (
    <div class="options-status">
      <span class="options-status-room" aria-hidden="true">
        {t('griffiePending')}
      </span>
      <p class={`status ${status?.kind ?? ''}`} role="status" aria-live="polite" data-testid="options-status">
        {pending ? <span data-testid="setting-pending">{t('griffiePending')}</span> : (status?.text ?? '')}
      </p>
    </div>
  );
}
