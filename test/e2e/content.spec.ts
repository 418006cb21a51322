// The content script on a portal page: it scans, measures, and paints CSS Custom Highlights; it
// stays away from hosts that are not portals and keeps every request on the machine.
import { MAPPED_HOST_PATTERNS } from '../tools/fixture-server.mjs';
import { RAADSVOORSTEL, expect, portalUrl, test } from './fixtures';
import { installTicker, ticksIn } from './page-ticker';

test.describe('content script op een portaalpagina', () => {
  test('meet de scan en markeert de technologietermen', async ({ page, scanMeasure, highlightedTexts, errors }) => {
    // The page's first animation frame, as the page sees it: the scan must start after a rendering
    // update (rAF, then a task). Paint timing's first-paint is when the frame was presented, which
    // can come after the main thread already moved on, so it is no bound for the scan's start.
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { __firstFrame: number }).__firstFrame = performance.now();
      });
    });
    await page.goto(portalUrl(RAADSVOORSTEL));
    const detail = await scanMeasure(page);
    expect(detail).toEqual(
      expect.objectContaining({
        chars: expect.any(Number),
        nodes: expect.any(Number),
        matches: expect.any(Number),
      }),
    );
    expect(detail.chars).toBeGreaterThan(2000);
    expect(detail.nodes).toBeGreaterThan(20);
    expect(detail.matches).toBeGreaterThanOrEqual(10);
    // Setup (rules + analyser) is measured on its own, once, and ends before the scan starts:
    // the first scan waits for the page's first rendering.
    const order = await page.evaluate(() => {
      const setups = performance.getEntriesByName('raadslens:setup', 'measure');
      const scan = performance.getEntriesByName('raadslens:scan', 'measure')[0]!;
      const firstFrame = (window as unknown as { __firstFrame?: number }).__firstFrame ?? null;
      return { setups: setups.length, setupEnd: setups[0]!.startTime + setups[0]!.duration, scanStart: scan.startTime, firstFrame };
    });
    expect(order.setups).toBe(1);
    expect(order.setupEnd).toBeLessThanOrEqual(order.scanStart);
    expect(order.firstFrame, 'the page had an animation frame').not.toBeNull();
    expect(order.scanStart).toBeGreaterThanOrEqual(order.firstFrame!);

    const texts = await highlightedTexts(page);
    expect(texts.length).toBeGreaterThanOrEqual(10);
    const lower = texts.map((t) => t.toLowerCase());
    for (const term of ['cameratoezicht', 'camerabeelden', 'bodycams', 'slimme lantaarnpalen']) {
      expect(lower, `highlight "${term}"`).toContain(term);
    }
    // Typographic apostrophe, hyphen compound: one whole word.
    expect(texts).toContain('ANPR-camera’s');
    expect(errors).toEqual([]);
  });

  test('draait niet op een host die geen portaal is', async ({ page, scanMeasure, highlightedTexts, errors }) => {
    await page.goto(portalUrl(RAADSVOORSTEL, 'onbekend.example'));
    await expect(page.locator('h1')).toContainText('cameratoezicht');
    // Not a fixed sleep: the same page on a portal host, opened after it, is scanned first, so
    // the extension was running and had every chance to scan the unknown host.
    const control = await page.context().newPage();
    await control.goto(portalUrl(RAADSVOORSTEL));
    await scanMeasure(control);
    await control.close();
    const measures = await page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').length);
    expect(measures).toBe(0);
    expect(await highlightedTexts(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('alle verzoeken blijven op deze machine', async ({ page, openScanned, openPanel, openPopup, requestedUrls }) => {
    const { tabId } = await openScanned();
    const panel = await openPanel(tabId);
    await expect(panel.getByTestId('match-item').first()).toBeAttached();
    await openPopup(tabId);
    await page.waitForTimeout(500);
    const allowed = (u: URL) =>
      u.protocol === 'chrome-extension:' ||
      u.protocol === 'data:' ||
      u.protocol === 'blob:' ||
      u.protocol === 'about:' ||
      MAPPED_HOST_PATTERNS.some((p) => (p.startsWith('*.') ? u.hostname.endsWith(p.slice(1)) : u.hostname === p));
    const offMachine = requestedUrls.filter((u) => !allowed(new URL(u)));
    expect(offMachine).toEqual([]);
  });
});

test.describe('lastige invoer', () => {
  test('een lege pagina: een meting met 0 treffers en geen fout', async ({ page, scanMeasure, highlightedTexts, errors }) => {
    await page.goto(portalUrl('pages/lege-pagina.html'));
    const detail = await scanMeasure(page);
    expect(detail.matches).toBe(0);
    expect(await highlightedTexts(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('100.000 tekstknopen: de meting komt, en de pagina komt tussen de stukken van de scan aan de beurt', async ({ page, scanMeasure, highlightedTexts, errors }, testInfo) => {
    // A big page on a loaded machine takes long: more time, never a time limit on the scan itself.
    test.slow();
    await installTicker(page);
    await page.goto(portalUrl('generated/100k-nodes.html'), { waitUntil: 'domcontentloaded' });
    const detail = await scanMeasure(page, 60_000);
    const scan = await page.evaluate(() => {
      const m = performance.getEntriesByName('raadslens:scan', 'measure').at(-1)!;
      return { start: m.startTime, end: m.startTime + m.duration };
    });
    const during = await ticksIn(page, scan.start, scan.end);
    testInfo.annotations.push({
      type: 'perf',
      description: `scan ${Math.round(scan.end - scan.start)} ms (busy ${Math.round(Number(detail.busyMs ?? -1))} ms); ${during.inside} page ticks inside it, longest wait ${Math.round(during.longestGap)} ms; ${JSON.stringify(detail)}`,
    });
    expect(detail.nodes).toBeGreaterThan(1000);
    expect(detail.matches).toBeGreaterThan(0);
    expect((await highlightedTexts(page)).length).toBeGreaterThan(0);
    // Time-sliced: the page's own tasks ran while the scan was under way, again and again. A scan
    // in one task leaves none inside; a slower machine only makes more slices, so more ticks.
    expect(during.inside, 'page ticks while the scan ran').toBeGreaterThanOrEqual(3);
    // And afterwards the page answers.
    expect(await page.evaluate(() => 1)).toBe(1);
    expect(errors).toEqual([]);
  });
});
