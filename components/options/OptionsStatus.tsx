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
 * (the lockable settings cannot be changed until then), and after waiting in vain that none
 * apply. It always takes the room of the longest of those lines at the page's width (invisible
 * copies under it), so neither a line coming nor its going moves the settings below: they once
 * stood above each lockable setting and pushed the page down 22 px and back.
 */
export function OptionsStatus({ status, policy }: { status: SettingsState['status']; policy: PolicyWait }) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (policy !== 'pending') return;
    const timer = setTimeout(() => setLate(true), PENDING_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [policy]);
  const pending = policy === 'pending' && late && !status;
  // After waiting in vain: said once here, not above each lockable setting (that pushed them down).
  const none = policy === 'timeout' && !status;
  const line = pending ? (
    <span data-testid="setting-pending">{t('griffiePending')}</span>
  ) : none ? (
    <span data-testid="setting-no-policy">{t('griffieNoPolicy')}</span>
  ) : (
    (status?.text ?? '')
  );
  return (
    <div class="options-status">
      <span class="options-status-room" aria-hidden="true">
        {t('griffiePending')}
      </span>
      <span class="options-status-room" aria-hidden="true">
        {t('griffieNoPolicy')}
      </span>
      <p class={`status ${status?.kind ?? ''}`} role="status" aria-live="polite" data-testid="options-status">
        {line}
      </p>
    </div>
  );
}
