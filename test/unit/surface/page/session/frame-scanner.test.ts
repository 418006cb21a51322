import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalyser } from '@/lib/core/analyse';
import { FrameScanner, type ScanEvent } from '@/lib/surface/page/session/frame-scanner';
import type { SliceOptions } from '@/lib/core/steps';
import type { HighlightLayer } from '@/lib/surface/page/highlight/css-highlights';
import { loadBuiltinRules } from '@/lib/core/rules';

const analyser = createAnalyser(loadBuiltinRules());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A layer that records what is painted (happy-dom has no Highlight API). */
function recordingLayer() {
  const painted = new Map<string, Set<AbstractRange>>();
  const log: string[] = [];
  const layer: HighlightLayer = {
    supported: true,
    wrapsText: false,
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
    paintAll(groups) {
      painted.clear();
      log.push('clear');
      for (const [group, ranges] of groups) this.add(group, ranges);
    },
    removeWithin() {},
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

function setup(html: string, alive = () => true, slice?: SliceOptions, holdNodes?: number) {
  document.body.innerHTML = html; // test fixture, not page text from the wild
  const { layer, log, texts } = recordingLayer();
  const events: ScanEvent[] = [];
  const scanner = new FrameScanner(document, {
    analyser: () => analyser,
    layer,
    maxChars: 1_000_000,
    maxBlockChars: 300,
    holdNodes,
    debounceMs: 10,
    maxWaitMs: 50,
    alive,
    onScanned: (_f, e) => events.push(e),
    slice,
  });
  return { scanner, events, log, texts };
}

/** Waits until `check` holds, with the suite's patience (a busy machine may take seconds). */
async function until(check: () => boolean) {
  await vi.waitFor(() => {
    if (!check()) throw new Error('not yet');
  });
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
    // The matcher's time elsewhere and the wait for it are apart (0 here: this scanner matches in place).
    expect(Object.keys(phases).sort()).toEqual(['detectMs', 'matchMs', 'matchOffMs', 'matchWaitMs', 'paintMs', 'rangesMs', 'walkMs']);
    expect(phases.matchOffMs + phases.matchWaitMs).toBe(0);
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
    await until(() => events.length === 2);
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
    await until(() => log.includes('dispose'));
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
    await until(() => events.length >= 2);
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

describe('attachments of a long list', () => {
  it('lists each document once, in page order, at most as many as a report carries', async () => {
    const items = Array.from({ length: 700 }, (_, i) => `<li>Punt ${i} <a href="/stukken/${i}.pdf">Stuk ${i}</a> <a href="/stukken/${i}.pdf">nogmaals</a></li>`);
    const { scanner, events } = setup(`<main><ol>${items.join('')}</ol></main>`);
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    const listed = scanner.attachments();
    expect(listed).toHaveLength(500);
    expect(listed.slice(0, 2).map((a) => a.name)).toEqual(['Stuk 0', 'Stuk 1']);
    expect(listed.at(-1)?.name).toBe('Stuk 499');
    expect(scanner.attachments(3).map((a) => a.name)).toEqual(['Stuk 0', 'Stuk 1', 'Stuk 2']);
  });
});

describe('portal pages whose documents arrive later', () => {
  const FIXTURES = path.resolve(__dirname, '../../../../fixtures/portals');
  const fixture = (file: string) =>
    readFileSync(path.join(FIXTURES, file), 'utf8')
      .replace(/<link\b[^>]*>/gi, '')
      // The page's own script stays out (happy-dom would run it): the tests play its part.
      .replace(/<script>[\s\S]*?<\/script>/g, '');
  const setURL = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  afterEach(() => setURL('http://localhost:3000/'));

  it('iBabs overview: rows written into the table later are scanned and their documents listed', async () => {
    setURL('https://hofvantwente.bestuurlijkeinformatie.nl/Reports/Details/5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f');
    const html = fixture('ibabs-overzicht.html');
    const { scanner, events, texts } = setup(html.slice(html.indexOf('<div id="wrapper">'), html.lastIndexOf('</body>')));
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    expect(scanner.detection?.meta.title).toBe('Raadsbrieven');
    expect(texts()).toEqual([]);
    expect(scanner.attachments()).toEqual([]);
    // What the page's DataTables script does with /Reports/GetReportData: a new tbody with the rows.
    const rows = JSON.parse(readFileSync(path.join(FIXTURES, 'ibabs-overzicht-rijen.json'), 'utf8')) as Array<{ title: string; documenten: Array<{ naam: string; url: string }> }>;
    const tbody = document.createElement('tbody');
    for (const r of rows) {
      const tr = tbody.appendChild(document.createElement('tr'));
      tr.appendChild(document.createElement('td')).textContent = r.title;
      const docs = tr.appendChild(document.createElement('td'));
      for (const d of r.documenten) {
        const a = docs.appendChild(document.createElement('a'));
        a.href = d.url;
        a.textContent = d.naam;
      }
    }
    document.querySelector('#overzichten-data tbody')!.replaceWith(tbody);
    await until(() => events.length >= 2);
    // In the titles and in the documents' names.
    expect(texts()).toEqual(['cameratoezicht', 'cameratoezicht', 'drones', 'drones', 'drones']);
    const origin = 'https://hofvantwente.bestuurlijkeinformatie.nl';
    expect(scanner.attachments()).toEqual([
      // With the other cells of their row (here its title), where a list's status would stand.
      { name: 'Raadsbrief evaluatie cameratoezicht', url: `${origin}/Document/View/b2000001-0000-4000-8000-000000000001`, row: 'Raadsbrief evaluatie cameratoezicht centrum Goor' },
      { name: 'Raadsbrief drones evenementen', url: `${origin}/Document/View/b2000001-0000-4000-8000-000000000002`, row: 'Raadsbrief inzet drones bij evenementen' },
      { name: 'Bijlage draaiboek drones', url: `${origin}/Document/View/b2000001-0000-4000-8000-000000000003`, row: 'Raadsbrief inzet drones bij evenementen' },
    ]);
    // Rows that go take their documents along.
    tbody.replaceChildren();
    await until(() => scanner.attachments().length === 0);
  });

  it('GO meeting: documents risbis puts into an agendapunt are listed in page order, in their agendapunt', async () => {
    setURL('https://raad.ridderkerk.nl/Vergaderingen/Gemeenteraad/2026/14-april/19:30/');
    const html = fixture('go-vergadering-laat.html');
    const { scanner, events } = setup(html.slice(html.indexOf('<div id="page"'), html.lastIndexOf('</body>')));
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    expect(scanner.attachments().map((a) => a.name)).toEqual(['Agenda gemeenteraad 14 april 2026']);
    for (const id of ['41004', '41003']) {
      const fragment = new DOMParser().parseFromString(readFileSync(path.join(FIXTURES, `go-risbis/${id}.html`), 'utf8'), 'text/html');
      document.getElementById(`agendapunt_documenten_${id}`)!.append(...[...fragment.body.childNodes].map((n) => document.importNode(n, true)));
    }
    await until(() => scanner.attachments().length === 5);
    expect(scanner.attachments().map((a) => [a.name, a.group ?? ''])).toEqual([
      ['Agenda gemeenteraad 14 april 2026', ''],
      ['Raadsvoorstel Camerabeleid Ridderkerk 2026', '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.'],
      ['Camerabeleid Ridderkerk 2026', '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.'],
      ['DPIA mobiel cameratoezicht', '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.'],
      ['Raadsvoorstel proef schuldsignalering', '4. Voorstel tot deelname aan de proef met een algoritme voor schuldsignalering.'],
    ]);
  });
});

describe('pages that are not the document', () => {
  it('reports nothing on a bot check, and scans the page that replaces it in place', async () => {
    document.title = "Making sure you're not a bot!";
    const { scanner, events, texts } = setup(
      '<script id="anubis_challenge" type="application/json">{}</script><main><h1>Making sure you’re not a bot!</h1>' +
        '<p>This site is protected against AI companies scraping it; a robot pays for every page.</p></main>',
    );
    current = scanner;
    scanner.start();
    await until(() => events.length === 1);
    expect(scanner.detection?.page).toEqual({ kind: 'botcheck', by: 'Anubis' });
    expect(texts()).toEqual([]);
    expect(scanner.index?.blocks).toEqual([]);
    // The portal's page takes its place without a navigation.
    document.title = 'Raadsvoorstel cameratoezicht';
    document.body.innerHTML = '<main><h1>Raadsvoorstel cameratoezicht</h1><p>Het college wil een pilot met bodycams.</p></main>';
    await until(() => events.length >= 2);
    expect(scanner.detection?.page).toBeUndefined();
    expect(texts()).toEqual(['bodycams', 'cameratoezicht', 'pilot']);
    document.title = '';
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
      // Every step its own slice (the first three are the detection and its two queries); between the walk's first two, the page removes paragraphs.
      {
        budgetMs: 0,
        inputPending: null,
        post: (next) => {
          if (++slices === 4) {
            const ps = document.querySelectorAll('p');
            for (let i = 100; i < 350; i++) ps[i]!.remove();
          }
          setTimeout(next, 0);
        },
      },
    );
    current = scanner;
    scanner.start();
    await until(() => events.length >= 2);
    expect(events.every((e) => !e.incremental)).toBe(true);
    expect(scanner.index?.incomplete).toBe(false);
    expect(scanner.index?.blocks.map((b) => b.index.text).join(' ')).toContain('punt 399');
    expect(texts()).toEqual(['drones']);
  });
});

describe('a scan cut into slices', () => {
  const LONG = `<main><h1>Gemeenteraad</h1><ol class="agenda">${Array.from(
    { length: 700 },
    (_, i) => `<li>Agendapunt ${i + 1}: ${i % 97 === 5 ? 'pilot met bodycams' : i % 131 === 7 ? 'een DPIA voor de camera’s' : 'de begroting'} in de <b>commissie</b></li>`,
  ).join('')}</ol></main>`;

  /** Every step its own task, posted through a timer, counted. */
  function everyStep() {
    const posted = { count: 0, pause: null as null | (() => void) };
    const slice: SliceOptions = {
      budgetMs: 0,
      inputPending: null,
      post: (fn) => {
        posted.count++;
        const pause = posted.pause;
        posted.pause = null;
        pause?.();
        setTimeout(fn, 0);
      },
    };
    return { posted, slice };
  }

  it('finds and paints exactly what one unsliced scan does', async () => {
    const whole = setup(LONG, () => true, { budgetMs: 1e9, inputPending: null });
    whole.scanner.start();
    await until(() => whole.events.length === 1);
    const expected = whole.texts();
    const expectedCounts = whole.scanner.index!.blocks.map((b) => b.data?.matches.length ?? 0);
    whole.scanner.stop();

    const { posted, slice } = everyStep();
    const cut = setup(LONG, () => true, slice);
    current = cut.scanner;
    cut.scanner.start();
    await until(() => cut.events.length === 1);
    expect(posted.count).toBeGreaterThan(3);
    expect(expected.length).toBeGreaterThan(10);
    expect(cut.texts()).toEqual(expected);
    expect(cut.scanner.index!.blocks.map((b) => b.data?.matches.length ?? 0)).toEqual(expectedCounts);
  });

  // Also where the blocks hold no Text nodes: their ranges come from nodes found again.
  it.each([['held', undefined], ['found again', 0]] as const)('a change of the page between two slices is followed once the scan is done (nodes %s)', async (_, holdNodes) => {
    const { posted, slice } = everyStep();
    const cut = setup(LONG, () => true, slice, holdNodes);
    current = cut.scanner;
    // Between the first and the second slice: an item goes, one comes.
    posted.pause = () => {
      document.querySelectorAll('li')[5]!.remove();
      const li = document.createElement('li');
      li.textContent = 'Agendapunt 701: motie over gezichtsherkenning';
      document.querySelector('ol')!.append(li);
    };
    cut.scanner.start();
    await until(() => cut.events.length >= 2 && !cut.scanner.busy);
    expect(cut.events[0]).toMatchObject({ incremental: false });
    expect(cut.events.at(-1)).toMatchObject({ incremental: true });
    const afterChange = cut.texts();
    cut.scanner.stop();
    current = null;

    // The same page as it is now, scanned at once from scratch.
    const html = document.body.innerHTML;
    const fresh = setup(html, () => true, { budgetMs: 1e9, inputPending: null });
    current = fresh.scanner;
    fresh.scanner.start();
    await until(() => fresh.events.length === 1);
    expect(afterChange).toContain('gezichtsherkenning');
    expect(afterChange).toEqual(fresh.texts());
  });
});
