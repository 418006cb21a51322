// The options page's hold on the settings: load, save on every change, follow changes made in
// another window. One place, so each section stays a plain view with an `update` callback.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import { loadEffectiveSettings, saveSettings, watchEffectiveSettings, type GriffieState, type Settings } from '@/lib/extension/settings';
import { errorText } from '@/lib/extension/ui/error-text';

export interface SettingsState {
  /** In effect: the reader's own with the griffie's defaults and locks. */
  settings: Settings | null;
  griffie: GriffieState | null;
  invalidStored: boolean;
  status: { kind: 'ok' | 'error'; text: string } | null;
  update: (next: Settings, okText?: string) => Promise<boolean>;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [griffie, setGriffie] = useState<GriffieState | null>(null);
  const [invalidStored, setInvalid] = useState(false);
  const [status, setStatus] = useState<SettingsState['status']>(null);
  const latest = useRef<Settings | null>(null);

  useEffect(() => {
    let live = true;
    void loadEffectiveSettings().then((l) => {
      if (!live) return;
      latest.current = l.settings;
      setSettings(l.settings);
      setGriffie(l.griffie);
      setInvalid(l.invalid);
    });
    const stop = watchEffectiveSettings((l) => {
      if (!live) return;
      setGriffie(l.griffie);
      if (l.invalid) return;
      latest.current = l.settings;
      setSettings(l.settings);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const update = async (next: Settings, okText = t('optionsSaved')) => {
    try {
      const saved = await saveSettings(next);
      latest.current = saved;
      setSettings(saved);
      setInvalid(false);
      setStatus({ kind: 'ok', text: okText });
      return true;
    } catch (e) {
      setStatus({ kind: 'error', text: t('optionsSaveFailed', errorText(e)) });
      return false;
    }
  };

  return { settings, griffie, invalidStored, status, update };
}
