import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyser } from '@/lib/analyse';
import { FrameScanner, type ScanEvent } from '@/lib/content/frame-scanner';
import type { SliceOptions } from '@/lib/content/slicer';
import type { HighlightLayer } from '@/lib/highlight/css-highlights';
import { loadBuiltinRules } from '@/lib/rules';

const analyser = createAnalyser(loadBuiltinRules());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A layer that records what is painted (happy-dom has no Highlight API). */
function recordingLayer() {
  const painted = new Map<string, Set<AbstractRange>>();
  const log: string[] = [];
  const layer: HighlightLayer = {
    supported: true,
    add(group, ranges) {
      const set = painted.get(group) ?? new Set();
      ranges.forEach((r) => set.add(r));
      painted.set(group, set);
      log.push(`add ${group} ${ranges.length}`);
    },
    remove(group, ranges) {
      ranges.forEach((r) => painted.get(group)?.delete(r));
      log.push(`remove ${group} ${ranges.length}`);
    },
    set() {},
    setActive() {},
    setOverride() {},
    style() {},
    clear() {
      painted.clear();
      log.push('clear');
    },
    dispose() {
      painted.clear();
      log.push('dispose');
    },
  };
  // The scanner paints StaticRanges (no toString): read their text through a live Range.
  const textOf = (r: AbstractRange) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return live.toString();
  };
  const texts = () => [...painted.values()].flatMap((s) => [...s]).map((r) => textOf(r).toLowerCase()).sort();
  return { layer, log, texts };
}

function setup(html: string, alive = () => true, slice?: SliceOptions) {
  document.body.innerHTML = html; // test fixture, not page text from the wild
  const { layer, log, texts } = recordingLayer();
  const events: ScanEvent[] = [];
  const scanner = new FrameScanner(document, {
    analyser: () => analyser,
    layer,
    maxChars: 1_000_000,
    maxBlockChars: 300,
    debounceMs: 10,
    maxWaitMs: 50,
    alive,
    onScanned: (_f, e) => events.push(e),
    slice,
  });
  return { scanner, events, log, texts };
}

async function until(check: () => boolean, ms = 2000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error('timeout');
    await sleep(5);
  }
}

const AGENDA = `<nav>tracking cookies</nav><main><h1>Gemeenteraad</h1><ol class="agenda">${Array.from(
  { length: 20 },
  (_, i) => `<li>Agendapunt ${i + 1}: ${i === 4 ? 'pilot met bodycams' : 'de begroting'} in de commissie</li>`,
).join('')}</ol></main><footer>camera's in de raadzaal</footer>`;

let current: FrameScanner | null = null;
afterEach(() => current?.stop());

describe('FrameScanner', () => {
  it('scans the main content once, paints per category, and reports a full scan', async () => {
    const { scanner, events, texts } = setup(AGENDA);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ incremental: false });
    expect(texts()).toEqual(['bodycams', 'pilot']);
    expect(scanner.detection?.main.tagName).toBe('MAIN');
    // The busy time is accounted for by phase, and the phases fit inside it.
    const { phases, busyMs, start, end } = events[0]!;
    expect(Object.keys(phases).sort()).toEqual(['detectMs', 'matchMs', 'paintMs', 'rangesMs', 'walkMs']);
    for (const ms of Object.values(phases)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(phases.walkMs + phases.matchMs).toBeGreaterThan(0);
    const sum = Object.values(phases).reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(busyMs + 0.5);
    expect(busyMs).toBeLessThanOrEqual(end - start + 0.5);
  });

  it('follows an appended agenda item incrementally: only the new block is indexed and painted', async () => {
    const { scanner, events, texts, log } = setup(AGENDA);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    log.length = 0;
    const li = document.createElement('li');
    li.textContent = 'Agendapunt 21: motie over gezichtsherkenning';
    document.querySelector('ol')!.append(li);
    await until(() => events.length === 2);
    expect(events[1]).toMatchObject({ incremental: true });
    expect(events[1]!.changedChars).toBeLessThan(60);
    expect(texts()).toEqual(['bodycams', 'gezichtsherkenning', 'pilot']);
    expect(log).toEqual(['add biometrie 1']);
  });

  it('takes the highlights of a removed item away, and ignores changes in chrome', async () => {
    const { scanner, events, texts } = setup(AGENDA);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    document.querySelector('nav')!.textContent = 'wifitracking in het menu';
    document.querySelectorAll('li')[4]!.remove();
    await until(() => events.length === 2);
    expect(texts()).toEqual([]);
  });

  it('batches a burst of changes into one scan (debounced)', async () => {
    const { scanner, events } = setup(AGENDA);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    const ol = document.querySelector('ol')!;
    for (let i = 0; i < 10; i++) {
      const li = document.createElement('li');
      li.textContent = `Nagekomen punt ${i} over drones`;
      ol.append(li);
    }
    await until(() => events.length >= 2);
    await sleep(60);
    expect(events).toHaveLength(2);
  });

  it('rebuilds when the main content is replaced, without duplicates', async () => {
    const { scanner, events, texts } = setup(AGENDA);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    document.body.innerHTML = '<main><p>Nieuwe pagina over wifitracking en wifitracking.</p></main>';
    await until(() => events.length === 2, 3000);
    expect(events[1]).toMatchObject({ incremental: false });
    expect(texts()).toEqual(['wifitracking', 'wifitracking']);
  });

  it('stops by itself once the extension is gone (orphaned after an update)', async () => {
    let alive = true;
    const { scanner, events, log } = setup(AGENDA, () => alive);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    alive = false;
    document.querySelector('ol')!.append(document.createElement('li'));
    await sleep(80);
    expect(log).toContain('dispose');
    document.querySelector('ol')!.append('drones');
    await sleep(80);
    expect(events).toHaveLength(1);
  });

  it('starts a fresh document after a client-side navigation', async () => {
    const { scanner, events, texts, log } = setup(AGENDA);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    scanner.reset(20);
    expect(log).toContain('clear');
    expect(texts()).toEqual([]);
    await until(() => events.length >= 2, 3000);
    expect(texts()).toEqual(['bodycams', 'pilot']);
  });
});

describe('attachments that arrive later', () => {
  it('lists the PDF link of an appended agenda item', async () => {
    const { scanner, events } = setup(`${AGENDA}`);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    expect(scanner.attachments()).toEqual([]);
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '/stukken/motie-drones.pdf';
    a.textContent = 'Motie drones';
    li.append('Agendapunt 21: ', a);
    document.querySelector('ol')!.append(li);
    await until(() => events.length === 2);
    expect(scanner.attachments()).toEqual([{ name: 'Motie drones', url: `${location.origin}/stukken/motie-drones.pdf` }]);
  });
});

describe('portal chrome', () => {
  it("leaves the portal's chrome out on the first scan and in later changes, also inside a shadow root", async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://utrecht.bestuurlijkeinformatie.nl/Agenda/Index/7c3e');
    try {
      const { scanner, events, texts } = setup(
        '<main><div class="video-container">livestream met camera’s in de raadzaal</div><p>Voorstel over bodycams.</p><div id="host"></div></main>',
      );
      const host = document.getElementById('host')!.attachShadow({ mode: 'open' });
      host.innerHTML = '<p>drones boven de markt</p><div class="share-buttons">deel via wifitracking</div>';
      current = scanner;
      scanner.start();
      await until(() => events.length === 1);
      expect(scanner.detection?.detector.id).toBe('ibabs');
      expect(texts()).toEqual(['bodycams', 'drones']);
      // Added later: chrome is recognised by matching, the document text is scanned.
      const bar = document.createElement('div');
      bar.className = 'agenda-filter';
      bar.textContent = 'filter op gezichtsherkenning';
      const p = document.createElement('p');
      p.textContent = 'Ook een pilot.';
      document.querySelector('main')!.append(bar, p);
      await until(() => events.length === 2);
      expect(texts()).toEqual(['bodycams', 'drones', 'pilot']);
    } finally {
      (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://localhost:3000/');
    }
  });
});

describe('pilots across blocks', () => {
  const PAGE = [
    '<main>',
    '<p id="boetes">De gemeente start een pilot met boetes voor afval.</p>',
    '<p>Verder zijn er geen plannen.</p>',
    '<p>Ook de huurcontracten blijven gelijk.</p>',
    '<p id="camera">Het college wil cameratoezicht op het plein.</p>',
    '<p>De pilot duurt een jaar.</p>',
    '</main>',
  ].join('');

  it('a pilot counts when technology stands in a neighbouring paragraph, not three sentences away', async () => {
    const { scanner, events, texts } = setup(PAGE);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    expect(texts()).toEqual(['cameratoezicht', 'pilot']);
    const counted = scanner.index!.blocks.flatMap((b) => b.data?.matches ?? []).map((m) => m.text);
    expect(counted).toEqual(['cameratoezicht', 'pilot']);
    // The matcher found both pilots; only the one next to the cameras counts.
    expect(scanner.index!.blocks.flatMap((b) => b.data?.found.matches ?? []).map((m) => m.text)).toEqual(['pilot', 'cameratoezicht', 'pilot']);
  });

  it('follows changes: the cameras removed take the pilot with them, bodycams added next to the first pilot bring both in', async () => {
    const { scanner, events, texts } = setup(PAGE);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    document.getElementById('camera')!.remove();
    await until(() => events.length === 2);
    expect(texts()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Handhavers dragen daarbij bodycams.';
    document.getElementById('boetes')!.after(p);
    await until(() => events.length === 3);
    // And "De pilot" four sentences on continues that pilot.
    expect(texts()).toEqual(['bodycams', 'pilot', 'pilot']);
    const first = scanner.index!.blocks.find((b) => b.root === document.getElementById('boetes'));
    expect(first?.data?.matches.map((m) => m.text)).toEqual(['pilot']);
  });
});

describe('a page that changes during the first scan', () => {
  it('scans again when the walk lost its place, and ends with the whole page', async () => {
    let slices = 0;
    const { scanner, events, texts } = setup(
      `<main>${Array.from({ length: 400 }, (_, i) => `<p>punt ${i}: ${i === 399 ? 'drones' : 'de begroting'}</p>`).join('')}</main>`,
      () => true,
      // Every step its own slice; between the first two, the page removes paragraphs.
      {
        budgetMs: 0,
        inputPending: null,
        post: (next) => {
          if (++slices === 1) {
            const ps = document.querySelectorAll('p');
            for (let i = 100; i < 350; i++) ps[i]!.remove();
          }
          setTimeout(next, 0);
        },
      },
    );
    current = scanner;
    scanner.start();
    await until(() => events.length >= 2, 5000);
    expect(events.every((e) => !e.incremental)).toBe(true);
    expect(scanner.index?.incomplete).toBe(false);
    expect(scanner.index?.blocks.map((b) => b.index.text).join(' ')).toContain('punt 399');
    expect(texts()).toEqual(['drones']);
  });
});
