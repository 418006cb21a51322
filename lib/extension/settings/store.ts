// Settings in browser.storage.local: read (invalid → defaults and a notice, the stored value is
// left alone until the reader saves), write (validated first), and watch.
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, SettingsSchema, defaultSettings, type Settings } from './schema';
import type { LoadedSettings } from './effective';


/** Parses whatever is stored; absent means defaults without a notice. */
export function parseStoredSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: defaultSettings(), invalid: false };
  const parsed = SettingsSchema.safeParse(stored);
  return parsed.success ? { settings: parsed.data, invalid: false } : { settings: defaultSettings(), invalid: true };
}

export async function loadSettings(): Promise<LoadedSettings> {
  try {
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    return parseStoredSettings(stored);
  } catch {
    return { settings: defaultSettings(), invalid: true };
  }
}

/** Validates and stores; throws (with zod's issues) rather than writing something unreadable. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: valid });
  return valid;
}

/** Calls back with the new settings after every change (from any page). Returns unsubscribe. */
export function watchSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    onChange(parseStoredSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

