// The matcher for every page's content script, in the background: one automaton kept warm (the
// content script ran cold on every page and built its own each time). A page sends its blocks'
// text in parts (lib/surface/page/session/remote-match.ts) and gets the matches back packed;
// nothing of the text is kept here. The reader's settings come as a key (options-key.ts), read
// here from storage: the options a page's key names are matched with, or none.
import { createScanner, type AnalyserOptions, type Scanner } from '../../core/analyse/scanner';
import { packFound, type MatchWire } from '../../core/analyse/match-service';
import { matchOptionsKey } from '../../core/analyse/options-key';
import { loadScanRules } from '../../core/rules/builtin-scan';
import { effectiveAnalyserOptions, loadEffectiveSettings } from '../settings/managed';

let last: { key: string; scanner: Scanner } | null = null;

/** The scanner for these options (of key `key`), compiled again only when they change what is matched. */
function scannerFor(options: AnalyserOptions, key = matchOptionsKey(options)): { scanner: Scanner; builtMs: number } {
  if (last?.key === key) return { scanner: last.scanner, builtMs: 0 };
  const t0 = performance.now();
  last = { key, scanner: createScanner(loadScanRules(), options) };
  return { scanner: last.scanner, builtMs: performance.now() - t0 };
}

/** The matches of each text; `ms` is the background's time for them, building the matcher included when it did. */
export function matchTexts(texts: readonly string[], options: AnalyserOptions = {}, key?: string): MatchWire {
  const { scanner, builtMs } = scannerFor(options, key);
  const t0 = performance.now();
  const parts = texts.map((t) => scanner.find(t));
  return packFound(parts, builtMs + performance.now() - t0);
}

/** Reads the stored settings' options: without the managed policy (as the page's first scan has them), then with it. */
type OptionsReader = (withManaged: boolean) => Promise<AnalyserOptions>;
const readStored: OptionsReader = async (withManaged) => effectiveAnalyserOptions(await loadEffectiveSettings({ withManaged }));

/** How long the stored settings are waited for before the page is asked for its options instead. */
const STORAGE_WAIT_MS = 250;

/** The answer to a key the stored settings do not give: the page sends its options themselves. */
export const RESEND_OPTIONS = { resendOptions: true } as const;

/**
 * The matches for a request that names the reader's settings by key: with the kept matcher when
 * it is that key's, else with the stored settings when they have that key; RESEND_OPTIONS when
 * they do not (changed since the page read them, or the policy not yet applied there).
 */
export async function matchTextsByKey(texts: readonly string[], key: string, read: OptionsReader = readStored): Promise<MatchWire | typeof RESEND_OPTIONS> {
  if (last?.key === key) return matchTexts(texts, {}, key);
  for (const withManaged of [false, true]) {
    // storage.managed can take seconds to answer (effective.ts): asking the page costs one round trip.
    const options = await Promise.race([read(withManaged).catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), STORAGE_WAIT_MS))]);
    if (options && matchOptionsKey(options) === key) return matchTexts(texts, options, key);
  }
  return RESEND_OPTIONS;
}
