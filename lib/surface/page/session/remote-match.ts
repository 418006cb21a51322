// The content script's page scanner: the rules' side here (which terms are weak, the findings),
// the matching in the background's warm matcher (lib/extension/background/match.ts), asked in
// messages of up to MATCH_PART_CHARS characters. The page carries no automaton, no compiler and
// no patterns. The reader's settings travel as a key (options-key.ts): the background reads them
// from storage itself and sends `resendOptions` when what it reads is not what the key names (a
// setting changed in between); only then do they go with the request. A reply that does not come (the extension reloaded, the worker gone) rejects, and
// the scan that asked ends quietly (core/steps.ts awaitStep, FrameScanner's onError).
import { createScanRules, isDefault, type AnalyserOptions } from '../../../core/analyse/scan-rules';
import { unpackFound, type FoundParts, type PageScanner } from '../../../core/analyse/match-service';
import { matchOptionsKey } from '../../../core/analyse/options-key';
import { loadPageRules } from '../../../core/rules/builtin-page';
import { MATCH_PART_CHARS } from '../../../extension/messages/limits';
import type { BackgroundRequest } from '../../../extension/messages/protocol';
import { pageMeasure } from './measure';

/** The warm-up's round trip, with the background's time in it (its matcher's build, when it built one). */
const WARM_MEASURE = 'raadslens:warm';

/** A reply later than this is taken as none: a sleeping worker wakes in well under a second. */
const MATCH_REPLY_MS = 30_000;

type Send = (msg: BackgroundRequest) => Promise<unknown>;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('geen antwoord van de achtergrond')), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** The reader's options as a request carries them when the background asks for them. */
function fullOptions(options: AnalyserOptions) {
  return { options: { ownTerms: [...(options.ownTerms ?? [])], disabledCategories: [...(options.disabledCategories ?? [])], extraPacks: [...(options.extraPacks ?? [])] } };
}

/** The background's answer when it cannot tell the options from their key (lib/extension/background/match.ts). */
function asksForOptions(reply: unknown): boolean {
  return !!reply && typeof reply === 'object' && (reply as { resendOptions?: unknown }).resendOptions === true;
}

/**
 * Asks the background to match `texts` with these options: none for the built-in rules, the key
 * for the reader's, and the options themselves only when the background asks for them.
 */
function matchRequest(send: Send, options: AnalyserOptions): (texts: string[]) => Promise<unknown> {
  if (isDefault(options)) return (texts) => send({ type: 'match-texts', texts });
  const optionsKey = matchOptionsKey(options);
  return async (texts) => {
    const reply = await send({ type: 'match-texts', optionsKey, texts });
    return asksForOptions(reply) ? send({ type: 'match-texts', ...fullOptions(options), texts }) : reply;
  };
}

/**
 * Wakes the background and has it build its matcher for these options now, while the page
 * renders before the first scan (after-render.ts), not when the scan's first part is waiting:
 * a worker that slept costs its start and the matcher's build once per wake. Nothing to wait for.
 */
export function warmBackground(send: Send, options: AnalyserOptions): void {
  const t0 = performance.now();
  matchRequest(send, options)([''])
    .then((reply) => pageMeasure(WARM_MEASURE, { start: t0, end: performance.now(), detail: { offMs: unpackFound(reply, [''])?.offMs ?? null } }))
    .catch(() => {});
}

/** Page scanners for the reader's settings, matching through `send`; the last one is kept. */
export function remoteScannerFor(send: Send): (options: AnalyserOptions) => PageScanner {
  let last: { key: string; scanner: PageScanner } | null = null;
  return (options) => {
    const key = JSON.stringify(options);
    if (last?.key === key) return last.scanner;
    const rules = createScanRules(loadPageRules(), options);
    // The built-in rules need no options sent; the reader's own go as a key (the background
    // compiles them once and keeps that matcher while they stay the same).
    const request = matchRequest(send, options);
    const scanner: PageScanner = {
      ...rules,
      partChars: MATCH_PART_CHARS,
      find(texts): Promise<FoundParts> {
        return withTimeout(request([...texts]), MATCH_REPLY_MS).then((reply) => {
          const found = unpackFound(reply, texts);
          if (!found) throw new Error('onleesbaar antwoord van de achtergrond');
          return found;
        });
      },
    };
    last = { key, scanner };
    return scanner;
  };
}
