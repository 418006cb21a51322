// The griffie's settings as the browser delivers them: storage.managed (Chrome/Edge policy
// `3rdparty.extensions.<id>`, Firefox `policies.json` `3rdparty.Extensions.<id>`), plus a
// settings file the reader imported (storage.local), combined with the reader's own settings.
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, type Settings } from './schema';
import { parseStoredSettings } from './store';
import { applyPolicy, combinePolicies, hasPolicy, parsePolicy, type GriffiePolicy, type LockableSetting, type PolicyProblem } from './policy';
import type { AnalyserOptions } from '../../core/analyse';

/** storage.local: the policy part of an imported "Raadslens-instellingen voor de raad" file. */
export const GRIFFIE_FILE_KEY = 'griffieFile';

export interface GriffieState {
  /** What applies: the managed policy, key by key over an imported file. */
  policy: GriffiePolicy;
  /** The browser delivers a policy (managed by IT), rather than only an imported file. */
  managed: boolean;
  /** What was wrong in the managed policy (ignored keys), for the options page. */
  problems: PolicyProblem[];
  locked: ReadonlySet<LockableSetting>;
}

export interface EffectiveSettings {
  settings: Settings;
  /** The reader's stored settings could not be read (defaults and the griffie's are used). */
  invalid: boolean;
  griffie: GriffieState;
}

/** The managed policy; a browser without one (Firefox rejects then) gives an empty policy. */
export async function readManagedPolicy(): Promise<{ raw: unknown; parsed: ReturnType<typeof parsePolicy> }> {
  let raw: unknown;
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    raw = undefined;
  }
  return { raw, parsed: parsePolicy(raw) };
}

/**
 * `withManaged: false` skips the browser's policy: in a content script, storage.managed takes
 * seconds to answer in Chromium (measured: the first scan of a page 3 s later), so the page is
 * scanned with what storage.local says first and the policy is applied when it arrives.
 */
export async function loadGriffie({ withManaged = true }: { withManaged?: boolean } = {}): Promise<GriffieState> {
  const [{ parsed: managed }, file] = await Promise.all([
    withManaged ? readManagedPolicy() : { parsed: parsePolicy(undefined) },
    browser.storage.local
      .get(GRIFFIE_FILE_KEY)
      .then((r) => parsePolicy(r[GRIFFIE_FILE_KEY]).policy)
      .catch((): GriffiePolicy => ({})),
  ]);
  const policy = combinePolicies(managed.policy, file);
  return { policy, managed: hasPolicy(managed.policy), problems: managed.problems, locked: new Set(policy.locked ?? []) };
}

/** The settings in effect for every scan and view: the reader's, the griffie's defaults and locks. */
export async function loadEffectiveSettings(options: { withManaged?: boolean } = {}): Promise<EffectiveSettings> {
  // In parallel: the content script waits for this before its first scan with the reader's settings.
  let unreadable = false;
  const [griffie, stored] = await Promise.all([
    loadGriffie(options),
    browser.storage.local.get(SETTINGS_KEY).then(
      (r) => r[SETTINGS_KEY] as unknown,
      () => {
        unreadable = true;
        return undefined;
      },
    ),
  ]);
  const own = parseStoredSettings(stored);
  const saved = stored !== undefined && stored !== null && !own.invalid;
  return { settings: applyPolicy(own.settings, saved, griffie.policy), invalid: unreadable || own.invalid, griffie };
}

/** After every change of the reader's settings, the imported file or the managed policy. Returns unsubscribe. */
export function watchEffectiveSettings(onChange: (loaded: EffectiveSettings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    const relevant = area === 'managed' || (area === 'local' && (SETTINGS_KEY in changes || GRIFFIE_FILE_KEY in changes));
    if (!relevant) return;
    const mine = ++latest;
    // Later changes win even when an earlier read finishes last.
    void loadEffectiveSettings().then((l) => {
      if (mine === latest) onChange(l);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** What the analyser needs: the reader's settings and the griffie's term packs. */
export function effectiveAnalyserOptions({ settings, griffie }: Pick<EffectiveSettings, 'settings' | 'griffie'>): AnalyserOptions {
  return { ownTerms: settings.ownTerms, disabledCategories: settings.disabledCategories, extraPacks: griffie.policy.termPacks ?? [] };
}

/** False when the griffie turned off fetching PDFs. */
export async function pdfFetchAllowed(): Promise<boolean> {
  return (await loadGriffie()).policy.fetchPdfs !== false;
}
