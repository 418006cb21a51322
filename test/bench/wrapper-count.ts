// Diagnostic (not part of npm run bench): how many DOM wrappers the content script's isolated
// world holds once a page is scanned — the entries of that world's wrapper map that no collection
// can free, which decide whether the map passes 2^16 (see wrapper-map.ts). Per build, a load of
// the page, then the protocol's queryObjects (it collects garbage first) in the content script's
// world: the live Text and Element wrappers, beside the nodes the page's main content has (the
// wrappers the walk creates: one per element and text node it meets).
// Run: RAADSLENS_EXTENSION_DIR=<A> [RAADSLENS_EXTENSION_DIR_B=<B>] npx tsx test/bench/wrapper-count.ts [url]
import { resolve } from 'node:path';
import { openCouncilBench } from './council-bench';
import { loadScanned } from './trace';

const url = process.argv[2] ?? 'http://utrecht.raadsinformatie.nl/generated/100k-nodes.html';
const dirs = [process.env.RAADSLENS_EXTENSION_DIR, process.env.RAADSLENS_EXTENSION_DIR_B].filter((d): d is string => !!d);
if (dirs.length === 0) throw new Error('RAADSLENS_EXTENSION_DIR is nodig');

for (const dir of dirs) {
  const bench = await openCouncilBench(resolve(dir), 'wrapper-count');
  try {
    const page = await bench.browser.context.newPage();
    const cdp = await bench.browser.context.newCDPSession(page);
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => void contexts.push(e.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    await loadScanned(page, url, 1000);
    const nodes = await page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    });
    const world = contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')).at(-1);
    if (!world) throw new Error('geen wereld van het content script');
    const count = async (proto: string) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `${proto}.prototype`, contextId: world.id });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId! });
      const { result: n } = await cdp.send('Runtime.callFunctionOn', { functionDeclaration: 'function () { return this.length; }', objectId: objects.objectId!, returnByValue: true });
      return n.value as number;
    };
    const text = await count('Text');
    const elements = await count('Element');
    console.log(`${dir}: ${nodes} nodes in the main content; live wrappers in the content script's world after a collection: Text ${text}, Element ${elements}, together ${text + elements}`);
  } finally {
    await bench.close();
  }
}
