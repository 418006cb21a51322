// The settings in effect (the reader's, the griffie's defaults and locks) read from the browser,
// with the checks handed in: zod in the extension's pages and background (./managed.ts), the
// hand-written guards in the content script (./content-read.ts), which carries no zod.
import type { PageBrowser } from '../page-browser';
import type { AnalyserOptions } from '../../core/analyse/scanner';
import { SETTINGS_KEY } from './defaults';
import { applyPolicy, combinePolicies, hasPolicy, type GriffiePolicy, type LockableSetting } from './policy-apply';
import type { Settings } from './schema';

/** storage.local: the policy part of an imported "Raadslens-instellingen voor de raad" file. */
export const GRIFFIE_FILE_KEY = 'griffieFile';

/** A key the policy got wrong (or does not know): `detail` is Dutch, naming the place. */
export interface PolicyProblem {
  key: string;
  detail: string;
}

export interface ParsedPolicy {
  policy: GriffiePolicy;
  problems: PolicyProblem[];
}

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings could not be read and the defaults are used instead. */
  invalid: boolean;
}

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

interface SettingsChecks {
  /** Whatever is stored under SETTINGS_KEY; absent means defaults without a notice. */
  settings(stored: unknown): LoadedSettings;
  /** A policy as the browser or an imported file hands it over; never throws. */
  policy(raw: unknown): ParsedPolicy;
}

/** `api`: the polyfill's in the extension pages (./managed.ts), the browser's own in the page (./content-read.ts). */
export function settingsReader(check: SettingsChecks, api: Pick<PageBrowser, 'storage'>) {
  /** The managed policy; a browser without one (Firefox rejects then) gives an empty policy. */
  async function readManagedPolicy(): Promise<{ raw: unknown; parsed: ParsedPolicy }> {
    let raw: unknown;
    try {
      raw = await api.storage.managed.get(null);
    } catch {
      raw = undefined;
    }
    return { raw, parsed: check.policy(raw) };
  }

  /**
   * `withManaged: false` skips the browser's policy: in a content script, storage.managed takes
   * seconds to answer in Chromium (measured: the first scan of a page 3 s later), so the page is
   * scanned with what storage.local says first and the policy is applied when it arrives.
   */
  async function loadGriffie({ withManaged = true }: { withManaged?: boolean } = {}): Promise<GriffieState> {
    const [{ parsed: managed }, file] = await Promise.all([
      withManaged ? readManagedPolicy() : { parsed: check.policy(undefined) },
      api.storage.local
        .get(GRIFFIE_FILE_KEY)
        .then((r) => check.policy(r[GRIFFIE_FILE_KEY]).policy)
        .catch((): GriffiePolicy => ({})),
    ]);
    const policy = combinePolicies(managed.policy, file);
    return { policy, managed: hasPolicy(managed.policy), problems: managed.problems, locked: new Set(policy.locked ?? []) };
  }

  /** The settings in effect for every scan and view: the reader's, the griffie's defaults and locks. */
  async function loadEffectiveSettings(options: { withManaged?: boolean } = {}): Promise<EffectiveSettings> {
    // In parallel: the content script waits for this before its first scan with the reader's settings.
    let unreadable = false;
    const [griffie, stored] = await Promise.all([
      loadGriffie(options),
      api.storage.local.get(SETTINGS_KEY).then(
        (r) => r[SETTINGS_KEY] as unknown,
        () => {
          unreadable = true;
          return undefined;
        },
      ),
    ]);
    const own = check.settings(stored);
    const saved = stored !== undefined && stored !== null && !own.invalid;
    return { settings: applyPolicy(own.settings, saved, griffie.policy), invalid: unreadable || own.invalid, griffie };
  }

  /** After every change of the reader's settings, the imported file or the managed policy. Returns unsubscribe. */
  function watchEffectiveSettings(onChange: (loaded: EffectiveSettings) => void): () => void {
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
    api.storage.onChanged.addListener(listener);
    return () => api.storage.onChanged.removeListener(listener);
  }

  return { readManagedPolicy, loadGriffie, loadEffectiveSettings, watchEffectiveSettings };
}

/** What the analyser needs: the reader's settings and the griffie's term packs. */
export function effectiveAnalyserOptions({ settings, griffie }: Pick<EffectiveSettings, 'settings' | 'griffie'>): AnalyserOptions {
  return { ownTerms: settings.ownTerms, disabledCategories: settings.disabledCategories, extraPacks: griffie.policy.termPacks ?? [] };
}
