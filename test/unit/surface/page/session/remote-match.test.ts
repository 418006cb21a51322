// Matching off the page: the content script's page scanner asks the background's matcher
// (lib/extension/background/match.ts) in messages and gets the matches back packed. What a page
// ends up with must be exactly what a matcher in the page found.
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner } from '@/lib/core/analyse';
import { packFound, unpackFound } from '@/lib/core/analyse/match-service';
import { loadScanRules } from '@/lib/core/rules/builtin-scan';
import { matchTexts } from '@/lib/extension/background/match';
import { BackgroundRequestSchema, type BackgroundRequest } from '@/lib/extension/messages/protocol';
import { MATCH_PART_CHARS } from '@/lib/extension/messages/limits';
import { FrameScanner, MATCH_WINDOW, type ScanEvent } from '@/lib/surface/page/session/frame-scanner';
import { remoteScannerFor } from '@/lib/surface/page/session/remote-match';
import type { HighlightLayer } from '@/lib/surface/page/highlight/css-highlights';

const TEXTS = [
  "De gemeente plaatst camera's met gezichtsherkenning. Er is een DPIA uitgevoerd; de FG is gehoord.",
  'Een pilot met bodycams, een smart meter en wifi-tracking in het centrum.\nNiets hier.',
  '',
];
const OWN = { ownTerms: [{ id: 'a', text: 'smart meter', category: 'sensor' as const }], disabledCategories: ['drone' as const] };

describe('the match wire', () => {
  it('gives back exactly what the matcher found, key order included, with and without own settings', () => {
    for (const options of [{}, OWN]) {
      const scanner = createScanner(loadScanRules(), options);
      const parts = TEXTS.map((t) => scanner.find(t));
      expect(parts.flatMap((p) => [...p.matches, ...p.safeguardHits]).length).toBeGreaterThan(4);
      // Through JSON, as a message goes.
      const wire = JSON.parse(JSON.stringify(packFound(parts, 1.5))) as unknown;
      const back = unpackFound(wire, TEXTS);
      expect(JSON.stringify(back?.parts)).toBe(JSON.stringify(parts));
      expect(back?.offMs).toBe(1.5);
      expect(JSON.stringify(unpackFound(matchTexts(TEXTS, options), TEXTS)?.parts)).toBe(JSON.stringify(parts));
    }
  });

  it('refuses a reply that is not one for these texts', () => {
    const wire = packFound(TEXTS.map((t) => createScanner(loadScanRules()).find(t)), 0);
    expect(unpackFound(null, TEXTS)).toBeNull();
    expect(unpackFound(wire, TEXTS.slice(1))).toBeNull();
    expect(unpackFound({ ...wire, matches: [[0, 999, 0], [], []] }, TEXTS)).toBeNull();
    expect(unpackFound({ ...wire, matches: [[0, 3, 999], [], []] }, TEXTS)).toBeNull();
    expect(unpackFound({ ...wire, entries: [1, 2] }, TEXTS)).toBeNull();
  });

  it('the protocol takes a request within MATCH_PART_CHARS and refuses a larger one', () => {
    const ok: BackgroundRequest = { type: 'match-texts', options: { ...OWN, extraPacks: [] }, texts: ['a'.repeat(MATCH_PART_CHARS / 2), 'b'.repeat(MATCH_PART_CHARS / 2)] };
    expect(BackgroundRequestSchema.safeParse(ok).success).toBe(true);
    expect(BackgroundRequestSchema.safeParse({ ...ok, texts: [...ok.texts, 'c'] }).success).toBe(false);
    expect(BackgroundRequestSchema.safeParse({ type: 'match-texts', texts: [] }).success).toBe(false);
  });
});

function quietLayer(): HighlightLayer {
  return {
    supported: true,
    wrapsText: false,
    add() {},
    remove() {},
    set() {},
    paintAll() {},
    removeWithin() {},
    setActive() {},
    setOverride() {},
    style() {},
    clear() {},
    dispose() {},
  };
}

/** Paragraphs enough for several messages' worth of batches, and one block too long for one window. */
function page(): string {
  const para = (i: number) => `<p>Agendapunt ${i}: ${i % 7 === 0 ? "een pilot met camera's en een DPIA" : i % 11 === 0 ? 'de proef met de smart meter' : 'de begroting en de pilot in de wijk'}, besproken in de commissie.</p>`;
  const huge = `<pre>${'Tekst over de begroting. '.repeat(Math.ceil((MATCH_WINDOW * 2.5) / 25))}Hier hangt een camera met kentekenherkenning.</pre>`;
  return `<main>${Array.from({ length: 300 }, (_, i) => para(i)).join('')}${huge}</main>`;
}

let scanners: FrameScanner[] = [];
afterEach(() => {
  for (const s of scanners) s.stop();
  scanners = [];
});

function scanWith(analyser: ConstructorParameters<typeof FrameScanner>[1]['analyser']): Promise<{ event: ScanEvent; scanner: FrameScanner }> {
  return new Promise((resolve) => {
    const scanner = new FrameScanner(document, { analyser, layer: quietLayer(), maxChars: 5_000_000, alive: () => true, onScanned: (_f, event) => resolve({ event, scanner }) });
    scanners.push(scanner);
    scanner.start();
  });
}

const blocksOf = (s: FrameScanner) => JSON.stringify(s.index!.blocks.map((b) => [b.data?.matches, b.data?.hits, b.data?.found.matches.length]));

describe('a frame matched in the background', () => {
  it('ends with the same blocks as one matched in the page, in several messages, none over MATCH_PART_CHARS', async () => {
    document.body.innerHTML = page(); // test fixture, not page text from the wild
    const local = await scanWith(() => createScanner(loadScanRules()));
    const sent: number[] = [];
    const send = async (msg: BackgroundRequest) => {
      if (msg.type !== 'match-texts') throw new Error(msg.type);
      const chars = msg.texts.reduce((n, t) => n + t.length, 0);
      sent.push(chars);
      await new Promise((r) => setTimeout(r, 1));
      return matchTexts(msg.texts, msg.options);
    };
    const remote = await scanWith(() => remoteScannerFor((m) => send(m))({}));
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sent)).toBeLessThanOrEqual(MATCH_PART_CHARS);
    expect(blocksOf(remote.scanner)).toBe(blocksOf(local.scanner));
    expect(remote.event.phases.matchOffMs).toBeGreaterThan(0);
  });

  it('a reply that does not come ends the scan quietly; the next scan with a working background paints', async () => {
    document.body.innerHTML = '<main><p>Een camera op het plein.</p></main>'; // test fixture
    const events: ScanEvent[] = [];
    let fail = true;
    const scanner = new FrameScanner(document, {
      analyser: (() => {
        const make = remoteScannerFor(async (msg) => {
          if (fail) throw new Error('Extension context invalidated.');
          return msg.type === 'match-texts' ? matchTexts(msg.texts) : null;
        });
        return () => make({});
      })(),
      layer: quietLayer(),
      maxChars: 1e6,
      alive: () => true,
      onScanned: (_f, e) => events.push(e),
    });
    scanners.push(scanner);
    scanner.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toHaveLength(0);
    expect(scanner.busy).toBe(false);
    fail = false;
    scanner.full();
    await new Promise<void>((r) => {
      const t = setInterval(() => events.length && (clearInterval(t), r()), 5);
    });
    expect(scanner.index!.blocks.flatMap((b) => b.data?.matches ?? []).map((m) => m.text)).toEqual(['camera']);
  });
});
