// The page names the reader's settings by key in its match requests; the background reads them
// from storage itself (issue 17). A page must still be matched with exactly its own settings: when
// the stored ones changed in between, or the background woke cold, it asks for them and the page
// sends them once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createScanner, type AnalyserOptions } from '@/lib/core/analyse';
import { unpackFound } from '@/lib/core/analyse/match-service';
import { matchOptionsKey } from '@/lib/core/analyse/options-key';
import { loadScanRules } from '@/lib/core/rules/builtin-scan';
import { BackgroundRequestSchema, type BackgroundRequest } from '@/lib/extension/messages/protocol';
import { SETTINGS_KEY } from '@/lib/extension/settings/defaults';
import { GRIFFIE_FILE_KEY, effectiveAnalyserOptions, settingsReader } from '@/lib/extension/settings/effective';
import { readContentPolicy, readStoredSettings } from '@/lib/extension/settings/content-read';
import { remoteScannerFor } from '@/lib/surface/page/session/remote-match';
import type { Settings } from '@/lib/extension/settings/schema';
import type { PageBrowser } from '@/lib/extension/page-browser';

const TEXTS = ['Er komt een slimme prullenbak en een camera bij het station.', 'Een drone boven de markt; de DPIA volgt.'];
const highlight = { mode: 'background', palette: 'standard', colours: {} } as const;
const S1: Settings = { version: 1, disabledCategories: ['drone'], ownTerms: [{ id: 'own-1', text: 'slimme prullenbak', category: 'sensor' }], highlight };
const S2: Settings = { version: 1, disabledCategories: [], ownTerms: [{ id: 'own-1', text: 'slimme prullenbak', category: 'sensor' }], highlight };
const PACK = { id: 'camera', label: 'Camera’s', description: 'Van de griffie', questions: [{ question: 'ap-1', reason: 'Beelden van mensen' }], instruments: [], registers: [], terms: [{ id: 'griffie.stadsoog', text: 'Stadsoog', match: 'word' }] };

/** The content script's reading of the settings (no zod), over the fake browser. */
const pageReader = settingsReader({ settings: readStoredSettings, policy: readContentPolicy }, fakeBrowser as unknown as PageBrowser);
const pageOptions = async (): Promise<AnalyserOptions> => effectiveAnalyserOptions(await pageReader.loadEffectiveSettings());

/** What a matcher in the page would find with these options. */
const localParts = (options: AnalyserOptions) => {
  const scanner = createScanner(loadScanRules(), options);
  return JSON.stringify(TEXTS.map((t) => scanner.find(t)));
};

/** The background as a fresh worker: its module state (the kept matcher) gone. */
async function coldBackground() {
  vi.resetModules();
  return import('@/lib/extension/background/router');
}

/** A page's sender through the protocol check and JSON, as runtime messages go; what it sent is logged. */
function sender(router: Awaited<ReturnType<typeof coldBackground>>, log: BackgroundRequest[]) {
  return async (msg: BackgroundRequest) => {
    const parsed = BackgroundRequestSchema.parse(JSON.parse(JSON.stringify(msg)));
    log.push(parsed);
    return JSON.parse(JSON.stringify(await router.handleBackgroundRequest(parsed, { tabId: 1 }))) as unknown;
  };
}

const found = async (scanner: ReturnType<ReturnType<typeof remoteScannerFor>>) => JSON.stringify((await scanner.find(TEXTS)).parts);

beforeEach(async () => {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: S1 });
});

describe('match requests name the settings by key', () => {
  it('gives the same key for the settings as the page reads them and as the background does', async () => {
    await fakeBrowser.storage.local.set({ [GRIFFIE_FILE_KEY]: { termPacks: [PACK] } });
    const { loadEffectiveSettings } = await import('@/lib/extension/settings/managed');
    const background = effectiveAnalyserOptions(await loadEffectiveSettings());
    expect(background.extraPacks).toHaveLength(1);
    expect(matchOptionsKey(await pageOptions())).toBe(matchOptionsKey(background));
    // Keys in another order are the same settings; another setting is another key.
    const [term] = S1.ownTerms;
    expect(matchOptionsKey({ ...background, ownTerms: [{ category: term!.category, text: term!.text, id: term!.id }] })).toBe(matchOptionsKey(background));
    expect(matchOptionsKey({ ...background, disabledCategories: [] })).not.toBe(matchOptionsKey(background));
    expect(matchOptionsKey({})).toBe(matchOptionsKey({ ownTerms: [], disabledCategories: [], extraPacks: [] }));
  });

  it('a background woken cold reads the settings itself: the page sends only their key', async () => {
    const options = await pageOptions();
    const log: BackgroundRequest[] = [];
    const scanner = remoteScannerFor(sender(await coldBackground(), log))(options);
    expect(await found(scanner)).toBe(localParts(options));
    expect(await found(scanner)).toBe(localParts(options));
    expect(log.map((m) => m.type === 'match-texts' && [m.optionsKey !== undefined, m.options !== undefined])).toEqual([[true, false], [true, false]]);
    expect(Object.keys(log[0]!)).toEqual(['type', 'optionsKey', 'texts']);
  });

  it('settings changed between requests: each page is matched with its own, the stale one by sending them once', async () => {
    const router = await coldBackground();
    const log: BackgroundRequest[] = [];
    const send = sender(router, log);
    const s1 = await pageOptions();
    const before = remoteScannerFor(send)(s1);
    expect(await found(before)).toBe(localParts(s1));
    // The reader changes a setting; this page has not heard yet and scans again.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: S2 });
    const s2 = await pageOptions();
    expect(localParts(s2)).not.toBe(localParts(s1));
    expect(await found(before)).toBe(localParts(s1));
    // A page with the new settings: the background reads them, no options sent.
    const after = remoteScannerFor(send)(s2);
    expect(await found(after)).toBe(localParts(s2));
    // The old page again: the background no longer has its matcher and storage says otherwise,
    // so it asks for the options, gets them once and matches with them, never with the stored ones.
    expect(await found(before)).toBe(localParts(s1));
    const sent = log.map((m) => (m.type === 'match-texts' ? (m.options ? 'options' : m.optionsKey ? 'key' : 'none') : m.type));
    expect(sent).toEqual(['key', 'key', 'key', 'key', 'options']);
  });

  it('the built-in rules send neither; the warm-up asks by key too', async () => {
    const router = await coldBackground();
    const log: BackgroundRequest[] = [];
    expect(await found(remoteScannerFor(sender(router, log))({}))).toBe(localParts({}));
    expect(log[0]).toEqual({ type: 'match-texts', texts: TEXTS });
    const { matchTextsByKey, RESEND_OPTIONS } = await import('@/lib/extension/background/match');
    expect(await matchTextsByKey([''], matchOptionsKey({ disabledCategories: ['cloud'] }))).toEqual(RESEND_OPTIONS);
    // Storage that does not answer in time: the page is asked for its options.
    const options = await pageOptions();
    expect(await matchTextsByKey([''], matchOptionsKey(options), () => new Promise(() => {}))).toEqual(RESEND_OPTIONS);
    const wire = await matchTextsByKey(TEXTS, matchOptionsKey(await pageOptions()));
    expect(JSON.stringify(unpackFound(wire, TEXTS)?.parts)).toBe(localParts(await pageOptions()));
  });

  it('the protocol takes a key of the right shape only', () => {
    const ok = { type: 'match-texts', optionsKey: matchOptionsKey({ disabledCategories: ['drone'] }), texts: ['a'] };
    expect(BackgroundRequestSchema.safeParse(ok).success).toBe(true);
    expect(BackgroundRequestSchema.safeParse({ ...ok, optionsKey: 'drone' }).success).toBe(false);
    expect(BackgroundRequestSchema.safeParse({ ...ok, optionsKey: `${'0'.repeat(16)}:${'9'.repeat(12)}` }).success).toBe(false);
  });
});
