// Diagnostic (not part of npm run bench): what a single DOM step costs as the walk holds more
// nodes, in the page's own world and in an isolated world (where a content script runs). A bare
// TreeWalker walks the page of 100,000 text nodes (160,000 nodes with its <p>, <em>, <strong>)
// and keeps every node it meets; each step is timed, and the steps over SPIKE_MS are printed with
// the node count at which they came. In an isolated world each JS wrapper of a node is also an
// entry in that world's wrapper map (the page's world keeps it in the node), and the long steps
// come at the same counts in every run, 65,530 and 131,066 (2^16 and 2^17 less the wrappers the
// world had): the map rehashed whole as it grows. Wall time per step (a step is far below a
// thread-time reading's grain), so a busy machine adds spikes of its own at random counts.
// Run: npx tsx test/bench/wrapper-map.ts   (WRAPPER_RUNS=3 per world, KEEP=all|text|none)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { manyNodesPage } from '../tools/fixture-server.mjs';

const RUNS = Number(process.env.WRAPPER_RUNS ?? 3);
const SPIKE_MS = Number(process.env.SPIKE_MS ?? 5);
const KEEP = process.env.KEEP ?? 'all';
const html = manyNodesPage(100_000);
const server = createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const walk = `(() => {
  const keep = ${JSON.stringify(KEEP)};
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const kept = [];
  const spikes = [];
  let n = 0;
  const t0 = performance.now();
  for (;;) {
    const s = performance.now();
    const node = walker.nextNode();
    const d = performance.now() - s;
    if (node === null) break;
    n++;
    if (keep === 'all' || (keep === 'text' && node.nodeType === 3)) kept.push(node);
    if (d > ${SPIKE_MS}) spikes.push(n + ': ' + d.toFixed(1) + ' ms');
  }
  globalThis.__kept = kept;
  return { nodes: n, ms: performance.now() - t0, spikes };
})()`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  console.log(`Steps of a TreeWalker keeping ${KEEP} nodes, over ${SPIKE_MS} ms (wall); load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  for (let r = 0; r < RUNS; r++) {
    for (const world of ['isolated', 'page']) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const cdp = await page.context().newCDPSession(page);
      let contextId: number | undefined;
      if (world === 'isolated') {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'wrapper-map' }));
      }
      const out = await cdp.send('Runtime.evaluate', { expression: walk, returnByValue: true, ...(contextId ? { contextId } : {}) });
      const v = out.result.value as { nodes: number; ms: number; spikes: string[] };
      console.log(`${world.padEnd(8)} run ${r + 1}: ${v.nodes} nodes in ${v.ms.toFixed(0)} ms; long steps at node ${v.spikes.join(', ') || '(none)'}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
