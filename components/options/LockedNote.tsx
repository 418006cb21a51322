import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import type { LockableSetting } from '@/lib/extension/settings';
import type { PolicyWait } from './OptionsState';

/**
 * Not shown when the policy answers this soon (0.2 s once a profile has asked before): the line
 * would only flash and push the section down and back on every opening.
 */
export const PENDING_NOTE_DELAY_MS = 400;

/**
 * Above a setting the griffie's policy can lock: "Vastgezet door uw griffie" when it does; while
 * the browser has not yet said whether it does, that the griffie's settings are being loaded
 * (the setting cannot be changed until then); when it never answered, that none apply.
 */
export function LockedNote({ setting, locked, policy = 'answered' }: { setting: LockableSetting; locked: boolean; policy?: PolicyWait }) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (policy !== 'pending') return;
    const timer = setTimeout(() => setLate(true), PENDING_NOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [policy]);
  if (locked) {
    return (
      <p class="locked-note small" data-testid="setting-locked" data-setting={setting}>
        {t('griffieLocked')}
      </p>
    );
  }
  if (policy === 'pending') {
    return late ? (
      <p class="small muted" data-testid="setting-pending" data-setting={setting}>
        {t('griffiePending')}
      </p>
    ) : null;
  }
  if (policy === 'timeout') {
    return (
      <p class="small muted" data-testid="setting-no-policy" data-setting={setting}>
        {t('griffieNoPolicy')}
      </p>
    );
  }
  return null;
}

/** A lockable setting is editable once the policy is known and does not lock it. */
export function settingDisabled(locked: boolean, policy: PolicyWait): boolean {
  return locked || policy === 'pending';
}
