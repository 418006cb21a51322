// The options page's hold on the settings: load, save on every change, follow changes made in
// another window. One place, so each section stays a plain view with an `update` callback.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import { loadEffectiveSettings, saveSettings, watchEffectiveSettings, type EffectiveSettings, type GriffieState, type Settings } from '@/lib/extension/settings';
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
  const changes = useRef(0);

  useEffect(() => {
    let live = true;
    let withPolicy = false;
    const show = (l: EffectiveSettings) => {
      latest.current = l.settings;
      setSettings(l.settings);
      setGriffie(l.griffie);
      setInvalid(l.invalid);
    };
    // Chromium answers a profile's first storage.managed call only after 2–3 s (the page showed
    // its settings 3.2 s after opening, 0.2 s on later opens): what storage.local holds — the
    // reader's own and an imported griffie file — is shown at once, the browser's policy applied
    // when it answers. A load started before a change is not shown: the change's own load follows.
    const at = changes.current;
    void loadEffectiveSettings({ withManaged: false }).then((l) => {
      if (live && !withPolicy && at === changes.current) show(l);
    });
    void loadEffectiveSettings().then((l) => {
      withPolicy = true;
      if (live && at === changes.current) show(l);
    });
    const stop = watchEffectiveSettings((l) => {
      changes.current++;
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
    changes.current++;
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
