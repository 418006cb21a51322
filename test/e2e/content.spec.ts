// The content script on a portal page: it scans, measures, and paints CSS Custom Highlights; it
// stays away from hosts that are not portals and keeps every request on the machine.
import { MAPPED_HOST_PATTERNS } from '../tools/fixture-server.mjs';
import { RAADSVOORSTEL, expect, portalUrl, test } from './fixtures';

test.describe('content script op een portaalpagina', () => {
  test('meet de scan en markeert de technologietermen', async ({ page, scanMeasure, highlightedTexts, errors }) => {
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
      const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-paint');
      return { setups: setups.length, setupEnd: setups[0]!.startTime + setups[0]!.duration, scanStart: scan.startTime, firstPaint: paint?.startTime ?? null };
    });
    expect(order.setups).toBe(1);
    expect(order.setupEnd).toBeLessThanOrEqual(order.scanStart);
    if (order.firstPaint !== null) expect(order.scanStart).toBeGreaterThanOrEqual(order.firstPaint);

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

  test('draait niet op een host die geen portaal is', async ({ page, highlightedTexts, errors }) => {
    await page.goto(portalUrl(RAADSVOORSTEL, 'onbekend.example'));
    await expect(page.locator('h1')).toContainText('cameratoezicht');
    await page.waitForTimeout(1500);
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

  test('100.000 tekstknopen: de meting komt en de pagina blijft reageren', async ({ page, scanMeasure, highlightedTexts, errors }, testInfo) => {
    const t0 = Date.now();
    await page.goto(portalUrl('generated/100k-nodes.html'), { waitUntil: 'domcontentloaded' });
    // Ping the page while the content script works: every round trip must come back quickly.
    let slowest = 0;
    let measured = 0;
    while (measured === 0 && Date.now() - t0 < 20_000) {
      const p0 = Date.now();
      measured = await page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').length);
      slowest = Math.max(slowest, Date.now() - p0);
      await page.waitForTimeout(50);
    }
    const detail = await scanMeasure(page, 20_000);
    const scanMs = await page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').at(-1)?.duration ?? -1);
    const p0 = Date.now();
    expect(await page.evaluate(() => 1)).toBe(1);
    const afterScan = Date.now() - p0;
    testInfo.annotations.push({
      type: 'perf',
      description: `scan measure ${Math.round(scanMs)} ms, present ${Date.now() - t0} ms after goto; slowest ping ${slowest} ms; ping after scan ${afterScan} ms; ${JSON.stringify(detail)}`,
    });
    expect(detail.nodes).toBeGreaterThan(1000);
    expect(detail.matches).toBeGreaterThan(0);
    expect((await highlightedTexts(page)).length).toBeGreaterThan(0);
    expect(afterScan).toBeLessThan(1000);
    expect(slowest, 'longest page.evaluate round trip during the scan (ms)').toBeLessThan(3000);
    expect(errors).toEqual([]);
  });
});
