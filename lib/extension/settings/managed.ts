// The griffie's settings as the browser delivers them: storage.managed (Chrome/Edge policy
// `3rdparty.extensions.<id>`, Firefox `policies.json` `3rdparty.Extensions.<id>`), plus a
// settings file the reader imported (storage.local), combined with the reader's own settings.
// Checked with zod here; the content script reads the same through ./content-read.ts.
import { parseStoredSettings } from './store';
import { parsePolicy } from './policy';
import { browser } from 'wxt/browser';
import { settingsReader } from './effective';

export {
  GRIFFIE_FILE_KEY,
  effectiveAnalyserOptions,
  type EffectiveSettings,
  type GriffieState,
} from './effective';

const reader = settingsReader({ settings: parseStoredSettings, policy: parsePolicy }, browser);

export const { readManagedPolicy, loadGriffie, loadEffectiveSettings, watchEffectiveSettings } = reader;

/** False when the griffie turned off fetching PDFs. */
export async function pdfFetchAllowed(): Promise<boolean> {
  return (await loadGriffie()).policy.fetchPdfs !== false;
}
