import { t } from '@/lib/extension/i18n';
import type { LockableSetting } from '@/lib/extension/settings';

/** "Vastgezet door uw griffie" above a setting the policy locks. */
export function LockedNote({ setting, locked }: { setting: LockableSetting; locked: boolean }) {
  if (!locked) return null;
  return (
    <p class="locked-note small" data-testid="setting-locked" data-setting={setting}>
      {t('griffieLocked')}
    </p>
  );
}
