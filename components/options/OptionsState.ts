// The options page's hold on the settings: load, save on every change, follow changes made in
// another window. One place, so each section stays a plain view with an `update` callback.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/extension/i18n';
import {
  loadEffectiveSettings,
  rebaseChange,
  saveSettings,
  watchEffectiveSettings,
  type EffectiveSettings,
  type GriffieState,
  type Settings,
} from '@/lib/extension/settings';
import { errorText } from '@/lib/extension/ui/error-text';

/**
 * Whether the browser's policy is known: `pending` until storage.managed answers, `answered`
 * after, `timeout` when it did not answer in time (no policy applies until it does).
 */
export type PolicyWait = 'pending' | 'answered' | 'timeout';

/**
 * How long the page waits for storage.managed before saying no policy applies. Chromium answers
 * a fresh profile's first call after 2–6 s; a browser without policies answers at once or fails.
 */
export const POLICY_WAIT_MS = 10_000;

export interface SettingsState {
  /** In effect: the reader's own with the griffie's defaults and locks. */
  settings: Settings | null;
  griffie: GriffieState | null;
  invalidStored: boolean;
  status: { kind: 'ok' | 'error'; text: string } | null;
  /** Until it is no longer `pending`, a setting the policy could lock is not editable. */
  policy: PolicyWait;
  update: (next: Settings, okText?: string) => Promise<boolean>;
}

export function useSettings({ policyWaitMs = POLICY_WAIT_MS }: { policyWaitMs?: number } = {}): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [griffie, setGriffie] = useState<GriffieState | null>(null);
  const [invalidStored, setInvalid] = useState(false);
  const [status, setStatus] = useState<SettingsState['status']>(null);
  const [policy, setPolicy] = useState<PolicyWait>('pending');
  const latest = useRef<Settings | null>(null);
  const latestGriffie = useRef<GriffieState | null>(null);
  const changes = useRef(0);
  // Settles when the policy answered or the wait ran out: a change waits for it before saving.
  const policyKnown = useRef<{ promise: Promise<void>; settle: () => void; settled: boolean; answered: boolean } | null>(null);
  if (!policyKnown.current) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const known = { promise, settled: false, answered: false, settle: () => ((known.settled = true), resolve()) };
    policyKnown.current = known;
  }

  useEffect(() => {
    let live = true;
    const known = policyKnown.current!;
    const answered = () => {
      known.answered = true;
      clearTimeout(timer);
      if (live) setPolicy('answered');
      known.settle();
    };
    const timer = setTimeout(() => {
      if (live && !known.answered) setPolicy('timeout');
      known.settle();
    }, policyWaitMs);
    const show = (l: EffectiveSettings) => {
      latest.current = l.settings;
      latestGriffie.current = l.griffie;
      setSettings(l.settings);
      setGriffie(l.griffie);
      setInvalid(l.invalid);
    };
    // Chromium answers a profile's first storage.managed call only after 2–6 s (the page showed
    // its settings 3.2 s after opening, 0.2 s on later opens): what storage.local holds — the
    // reader's own and an imported griffie file — is shown at once, the browser's policy applied
    // when it answers. A load started before a change is not shown: the change's own load follows.
    const at = changes.current;
    void loadEffectiveSettings({ withManaged: false }).then((l) => {
      if (live && !known.answered && at === changes.current) show(l);
    });
    void loadEffectiveSettings().then((l) => {
      if (!live || at !== changes.current) return;
      show(l);
      answered();
    });
    // Every load after a change asks storage.managed too: its answer is the policy's.
    const stop = watchEffectiveSettings((l) => {
      changes.current++;
      if (!live) return;
      latestGriffie.current = l.griffie;
      setGriffie(l.griffie);
      answered();
      if (l.invalid) return;
      latest.current = l.settings;
      setSettings(l.settings);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      stop();
    };
  }, []);

  const update = async (next: Settings, okText = t('optionsSaved')) => {
    const known = policyKnown.current!;
    const shown = latest.current ?? next;
    if (!known.settled) {
      setStatus({ kind: 'ok', text: t('griffiePending') });
      await known.promise;
    }
    changes.current++;
    // Only what the reader changed, onto what is in effect now, and never over a lock.
    const merged = rebaseChange(shown, next, latest.current ?? next, latestGriffie.current?.locked ?? new Set());
    try {
      const saved = await saveSettings(merged);
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

  return { settings, griffie, invalidStored, status, policy, update };
}
