// What Raadslens' highlights cost the page afterwards: the page's own DOM changes (an element
// added and removed, 500 times, as a portal's scripts do) on the 1 MB council page with the
// extension's highlights painted, side by side in the same run with the same page where the
// extension does not run (a host that is not a portal), and with the same number of live
// Ranges made by hand (what the scanner made before it used StaticRange).
// Run: RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/ranges.bench.ts
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openCouncilBench } from './council-bench';
import { median, ROOT, summary } from './corpus';

const ROUNDS = Number(process.env.BENCH_LOADS ?? 5);
const CHANGES = 500;
const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const bench = await openCouncilBench(extensionDir, 'ranges-bench');
const { browser, portalUrl: portal, plainUrl: plain } = bench;


/** The page's own changes: a paragraph put at the top of <main> and taken out again. */
const changes = (page: Page) =>
  page.evaluate((n) => {
    const main = document.querySelector('main') ?? document.body;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const p = document.createElement('p');
      p.textContent = 'Nieuw agendapunt';
      main.prepend(p);
      p.remove();
    }
    return performance.now() - t0;
  }, CHANGES);

try {
  const page = await browser.context.newPage();
  const rows: Record<string, number[]> = { plain: [], extension: [], live: [] };
  let painted = 0;
  for (let r = 0; r < ROUNDS; r++) {
    await page.goto(plain, { waitUntil: 'load' });
    rows.plain!.push(await changes(page));

    await page.goto(portal, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('raadslens:scan', 'measure').length > 0, undefined, { timeout: 60_000 });
    painted = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    rows.extension!.push(await changes(page));

    // The same number of live Ranges over the page's text, held by the page: the old way.
    await page.goto(plain, { waitUntil: 'load' });
    await page.evaluate((count) => {
      const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length > 8) nodes.push(n as Text);
      const keep: Range[] = [];
      for (let i = 0; i < count; i++) {
        const node = nodes[i % nodes.length]!;
        const range = document.createRange();
        range.setStart(node, 1);
        range.setEnd(node, 6);
        keep.push(range);
      }
      CSS.highlights.set('bench-live', new Highlight(...keep));
    }, painted);
    rows.live!.push(await changes(page));
  }
  console.log(`Page changes with highlights — ${CHANGES} elements added and removed at the top of <main>, 1 MB page, ${painted} highlighted matches, median of ${ROUNDS}`);
  const line = (name: string, xs: number[]) => console.log(`${name.padEnd(58)} ${median(xs).toFixed(1).padStart(8)} ms  (runs: ${xs.map((x) => x.toFixed(1)).join(', ')})`);
  line('no extension (the page alone)', rows.plain!);
  line('with Raadslens (StaticRange highlights)', rows.extension!);
  line(`the same number of live Ranges (how it was)`, rows.live!);
  summary('ranges', 'page changes, no extension', median(rows.plain!), 'ms');
  summary('ranges', 'page changes, with Raadslens', median(rows.extension!), 'ms');
  summary('ranges', 'page changes, as many live Ranges', median(rows.live!), 'ms');
} finally {
  await bench.close();
}
