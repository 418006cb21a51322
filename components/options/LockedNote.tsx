import { t } from '@/lib/extension/i18n';
import type { LockableSetting } from '@/lib/extension/settings';
import type { PolicyWait } from './OptionsState';

/**
 * Above a setting the griffie's policy can lock: "Vastgezet door uw griffie" when it does. While
 * the browser has not answered, or after it never did, the page's status line says so
 * (OptionsStatus.tsx): a line here would push the page down and back up.
 */
export function LockedNote({ setting, locked }: { setting: LockableSetting; locked: boolean }) {
  if (locked) {
    return (
      <p class="locked-note small" data-testid="setting-locked" data-setting={setting}>
        {t('griffieLocked')}
      </p>
    );
  }
  return null;
}

/** A lockable setting is editable once the policy is known and does not lock it. */
export function settingDisabled(locked: boolean, policy: PolicyWait): boolean {
  return locked || policy === 'pending';
}
