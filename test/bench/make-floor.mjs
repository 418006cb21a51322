// The floor of target 3 (issue 17): a copy of a build whose content script only does what any scan
// that reads this page must do, and nothing of Raadslens' own. After one rendering update (as
// after-render.ts) it walks the main content with a TreeWalker (elements and text), reads each
// node's type and text, joins the text, sends it to the background as one match-texts request,
// and after the reply a 20,000-character report (as large as the meeting page's report); the
// manifest, its CSS and the background stay the build's. Compare it in the same run:
//   node test/bench/make-floor.mjs .output-bench/chrome-mv3 /tmp/floor &&
//   BENCH_RUNS=5 npx tsx test/bench/start-breakdown.ts .output-bench/chrome-mv3 /tmp/floor/chrome-mv3
// What it said (cold17, 980f27b, Chromium 156, 5 loads, load 12–13): floor 4.4 ms busy fresh,
// 3.0 same renderer (GC 0); Raadslens 28.3–28.5 fresh, 11.5–12.4 same in that run.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error('gebruik: node test/bench/make-floor.mjs <build>/chrome-mv3 <uitvoermap>');
const out = join(resolve(to), 'chrome-mv3');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(resolve(from), out, { recursive: true });
rmSync(join(out, 'content-scripts', 'content.js.map'), { force: true });
writeFileSync(
  join(out, 'content-scripts', 'content.js'),
  `(() => {
  const run = () => {
    const t0 = performance.now();
    const main = document.querySelector('main') || document.body;
    const walker = document.createTreeWalker(main, 5);
    const parts = [];
    let nodes = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes++;
      if (node.nodeType === 3) parts.push(node.data);
      else if (node.hasAttributes() && node.tagName === 'SCRIPT') parts.push('\\n');
    }
    const text = parts.join('');
    chrome.runtime.sendMessage({ type: 'match-texts', texts: [text] }).then(() => {
      setTimeout(() => {
        chrome.runtime.sendMessage({ type: 'scan-report', report: { url: location.href, title: document.title, pad: 'x'.repeat(20000), nodes } }).catch(() => {});
        performance.measure('raadslens:send', { start: t0, end: performance.now() });
      }, 0);
    }, () => {});
  };
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); run(); };
    channel.port2.postMessage(null);
  });
})();
`,
);
console.log(out);
