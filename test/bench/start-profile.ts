// Diagnostic (issue 17, target 3): where the same renderer's start + scan on the meeting page of
// start.bench.ts goes, by function, from V8's sampling CPU profiler (CDP Profiler, fine
// interval) over many loads of that page in one tab: each load's profile is taken from before the
// navigation to when the report is sent, and summed. The page has no script of its own, so every
// JavaScript sample is the extension's (the content script's isolated world shares the page's
// isolate). Self time by function (named through the build's sourcemap: build with
// RAADSLENS_SOURCEMAP=1), then by kind: our JS, DOM/extension API calls (Blink's bindings show
// as native functions without a script), GC, and the page's own work ((program): parse, style,
// layout, paint, also what Blink does for our calls outside a binding).
//   RAADSLENS_MEASURE=1 RAADSLENS_SOURCEMAP=1 RAADSLENS_OUT_DIR=.output-map npx wxt build &&
//   npx tsx test/bench/start-profile.ts [.output-map/chrome-mv3]   (PROFILE_RUNS loads, default 25;
//   PROFILE_US sampling interval, default 50 µs; PROFILE_FLAGS extra --js-flags, e.g. --no-maglev;
//   PROFILE_UNDER=text: also the self time below our functions whose name holds `text`)
// The profile's times are wall clock with the profiler on: on a loaded machine they are several
// times the thread time (80 loads at 1 ms, load 13: 67 ms "ours" a load against 15.6 ms busy in
// start-breakdown.ts), and a native call is inflated more than the code around it. Read them as
// shares, and check a cut in thread time (start-breakdown.ts) before believing it.
//
// What it said (ca08cae, Chromium 156, load 5–13; shares of our samples, 50–1000 µs, 20–80 loads):
//   - the walk (BlockIndex.partition: walkChildren, actionFor, the sinks' text, lineBreak,
//     enterBlock) ≈ 30 %; detection ≈ 8 % (its querySelector/matches calls, firstWithText done
//     twice: as mainContent and again in metadata); the attachments' names ≈ 7 % (textOf's walker
//     per link, groupOf); the rules unpacked at setup (unpackTerm, slugOf) ≈ 5 %; the extension
//     APIs ≈ 15 % (runtime.sendMessage — the profiler names it setUninstallURL — and the
//     storage bindings made anew in each page's world: setAccessLevel, get storage/sync); the
//     report, the settings, the slicer and the top level the rest; GC ≈ 5 %.
//   - No single function above ≈ 9 %: the 15 ms are spread over every part of the start.
//   - The DOM calls themselves are cheap when timed in the page's isolated world (Runtime.evaluate
//     in that context, after a scan): the twelve selector misses of detection 0.1 ms, 97
//     matches() with iBabs' link selector 0.05 ms. Removing the second firstWithText and the
//     per-link matches() (one querySelectorAll into a Set) did not move detection as a page
//     script (start-page-ab.ts, 30 loads, load 12: 1.50 → 1.55 ms): not kept.
// Interpreter against compiled code (start-breakdown.ts with BENCH_JS_FLAGS, one run of 5 loads
// each, load 6–13; same renderer busy): default 15.5 and 16.0, --no-maglev 15.1, --no-maglev
// --no-sparkplug (the interpreter only) 15.7, --always-sparkplug --no-maglev 15.3 ms. The tiers
// change the walk's wall time (4.3 → 2.3–2.4 ms without Maglev) but not the busy total: the
// code a page runs once is interpreted or baseline code whatever the flags, and what Maglev
// saves in the walk it spends compiling.
// Floors in the same tool (hand-made builds: main's chrome-mv3 with content.js replaced; 5
// loads, load 8–9; fresh / same renderer busy):
//   - a content script that, after a frame, walks <main> with a TreeWalker (elements and text),
//     reads nodeType, data, tagName, hasAttributes and joins the text: 3.1 / 2.2 ms;
//   - that plus the text to the background and a 20,000-character message (2 sendMessage):
//     4.3 / 3.0 ms;
//   - Raadslens itself in the same run: 37.7 / 15.4 ms.
// Tried and not kept: the settings' storage.local read once for both of the first loads (one
// get of both keys: 5 storage calls a page → 2): start-breakdown.ts, 4 alternating pairs of 5
// loads, load 7–11, same renderer 17.5/16.6/15.8/16.5 against 16.7/16.0/16.4/16.3 ms (medians
// 16.55 and 16.35), fresh 36.5–39.7 against 37.8–38.0: below the spread, for +65 B gzip.
//   So a scan that touches every node of this page and sends its text cannot cost less than
//   ≈ 3 ms in the same renderer; the other ≈ 12 ms are Raadslens' own work beyond that floor,
//   spread over detection, the walk's bookkeeping per node (blocks, chrome, skip rules), the
//   rules, the settings, the report and the messages.
// By part (cold17), printed first: each sample of V8's CPU profile (as start-profile.ts takes it, many loads
// in one tab) goes to ONE part, by the innermost frame of ours on its stack (its source file
// through the build's sourcemap, for frame-scan.ts also the function's line); "[native part]" is
// time in the DOM, extension bindings or builtins called from that part. Sampled wall clock with
// the profiler on: read the shares, and check a cut in thread time (start-breakdown.ts).
//   PROFILE_RUNS=20 PROFILE_US=50 npx tsx test/bench/start-profile.ts .output-map/chrome-mv3
//
// What it said (cold17, 980f27b, Chromium 156; 24 loads at 50 µs, load 6, and 20 at 100 µs, load
// 16–17, shares of everything not idle): the walk 24 % (its JS 18, its DOM calls 6: nextSibling,
// firstChild, hasAttributes), detection 6–18 % (the CHROME_CANDIDATES query alone 0.6–0.9 ms when
// timed in a plain page: 28 selectors, 18 of them case-insensitive substring tests, over 1,175
// elements; case-sensitive, :is() or a JS regex over [id],[class] are no cheaper), the extension
// APIs 17 % (storage 9: five storage calls and the storage bindings made in each page's world;
// sendMessage 6: three messages; listeners 3), GC 5 %, the session/slicer/after-render glue 8 %,
// matching's page side 5 %, the top level 2–3 %, the rules 1–4 %, the report 0.5 %, ranges and
// paint 1 %. No part is a third of the whole; the floor (make-floor.mjs) is 3.0 ms of ≈ 12.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { chromiumArgs } from '../tools/extension-browser.mjs';
import { startFixtureServer } from '../tools/fixture-server.mjs';
import { ROOT } from './corpus';
import { meetingPage, MEETING_HOST, MEETING_PATH } from './meeting-page';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const RUNS = Number(process.env.PROFILE_RUNS ?? 25);
const INTERVAL_US = Number(process.env.PROFILE_US ?? 50);
const dir = resolve(process.argv[2] ?? join(ROOT, '.output-map', 'chrome-mv3'));
const mapFile = join(dir, 'content-scripts', 'content.js.map');
const map = existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;

const nameOf = (f: CallFrame): string => {
  if (!f.url) return f.functionName || '(anonymous native)';
  if (!f.url.startsWith('chrome-extension://')) return `${f.functionName || '(anon)'} ${f.url.slice(0, 40)}`;
  const o = f.lineNumber >= 0 ? map?.originalPositionFor({ line: f.lineNumber + 1, column: Math.max(0, f.columnNumber) }) : null;
  const at = o?.source ? `${o.source.replace(/^(\.\.\/)+/, '').replace(/^.*?\b(lib|entrypoints|node_modules)\//, '$1/')}:${o.line}` : `content.js:${f.lineNumber + 1}:${f.columnNumber}`;
  return `${f.functionName || '(anon)'} ${at}`;
};

const kindOf = (f: CallFrame, underOurs: boolean): string => {
  if (f.functionName === '(garbage collector)') return 'GC';
  if (f.functionName === '(program)' || f.functionName === '(idle)' || f.functionName === '(root)') return f.functionName;
  if (f.url.startsWith('chrome-extension://')) return 'our JS (own code)';
  if (!f.url && underOurs) return 'native under our JS (DOM/extension API, builtins)';
  return 'other';
};

const root = mkdtempSync(join(os.tmpdir(), 'raadslens-start-profile-'));
writeFileSync(join(root, 'meeting.html'), meetingPage(36));
writeFileSync(join(root, 'routes.json'), JSON.stringify({ [MEETING_PATH]: { file: 'meeting.html', type: 'text/html; charset=utf-8' } }));
const server = await startFixtureServer({ root });
const userDataDir = mkdtempSync(join(os.tmpdir(), 'raadslens-start-profile-user-'));
const args = chromiumArgs({ extensionDir: dir, port: server.port, lang: 'nl' });
if (process.env.PROFILE_FLAGS) args.push(`--js-flags=${process.env.PROFILE_FLAGS}`);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  locale: 'nl-NL',
  args,
});
// Each sample goes to one part: by the innermost frame of ours (file, and for a few files the function's line).
const PARTS: Array<[string, RegExp]> = [
  ['settings: storage reads, policy, style (extension API)', /^lib\/extension\/settings\//],
  ['messages: sendMessage (warm, match-texts, scan-report)', /^lib\/extension\/messages\/send-background/],
  ['listeners, context (onMessage, navigation)', /^lib\/extension\/messages\/listen|^lib\/surface\/page\/session\/content-context|^lib\/extension\/page-browser/],
  ['rules unpacked (setup)', /^lib\/core\/rules\//],
  ['detection: portal, main content, links, page kind', /^lib\/surface\/page\/portals\/|^lib\/surface\/page\/scan\/main-content/],
  // scanFrame's own frames are its two chrome queries (and the step glue); its closures at 159–168 are the walk's exclude checks.
  ['detection: the two chrome queries (scanFrame itself)', /^lib\/surface\/page\/session\/frame-scan\.ts:138\b/],
  ['walk: BlockIndex, text index', /^lib\/surface\/page\/scan\/|^lib\/surface\/page\/session\/frame-scan\.ts:1(59|6\d)\b/],
  ['matching, page side: requests, replies to block data, settle', /^lib\/surface\/page\/session\/(frame-scan|remote-match)|^lib\/core\/(analyse|match)\//],
  ['ranges and paint', /^lib\/surface\/page\/highlight\/|^lib\/surface\/page\/session\/frame-paint/],
  ['report composed (found, segments, packing)', /^lib\/surface\/page\/session\/report|^lib\/core\/questions\/|^lib\/extension\/messages\/match-table/],
  ['measures (MEASURE build only)', /^lib\/surface\/page\/session\/measure/],
  ['session, scheduler, slicer, after-render, tasks', /^lib\/surface\/page\/session\/|^lib\/core\/tasks|^lib\/core\/steps|^lib\/surface\/page\/page-surface/],
  ['entry: main()', /^entrypoints\//],
  ['module init (top level of content.js)', /^content\.js:(1|2):|^\(anon\) content\.js/],
];

/** The part a sample belongs to: GC, or the part of the innermost frame of ours ("[native part]" when a native call of it). */
function partOf(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const n = byId.get(id)!;
  if (n.callFrame.functionName === '(garbage collector)') return 'garbage collection';
  let p: number | undefined = id;
  while (p !== undefined && !byId.get(p)!.callFrame.url.startsWith('chrome-extension://')) p = parent.get(p);
  if (p === undefined) return `not under our code (${n.callFrame.url ? 'script' : n.callFrame.functionName || 'native'})`;
  const at = nameOf(byId.get(p)!.callFrame).replace(/^\S+ /, '');
  const part = PARTS.find(([, re]) => re.test(at))?.[0] ?? `other of ours: ${at}`;
  return p === id ? part : `${part}  [native part]`;
}
const parts = new Map<string, number>();
const self = new Map<string, number>();
const kinds = new Map<string, number>();
const total = new Map<string, number>();
const nativeBy = new Map<string, number>();
// PROFILE_UNDER=text: self time of the samples whose stack has a function of ours named with it.
const UNDER = process.env.PROFILE_UNDER;
const under = new Map<string, number>();
try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  const url = `http://${MEETING_HOST}${MEETING_PATH}`;
  for (let i = -2; i < RUNS; i++) {
    await page.goto('about:blank');
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('raadslens:send', 'measure').length > 0, undefined, { polling: 100, timeout: 30_000 });
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    if (i < 0) continue; // warm-up: the renderer's first loads
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = new Map<number, boolean>();
    const underOurs = (id: number): boolean => {
      const known = ours.get(id);
      if (known !== undefined) return known;
      const n = byId.get(id)!;
      const p = parent.get(id);
      const v = n.callFrame.url.startsWith('chrome-extension://') || (p !== undefined && underOurs(p));
      ours.set(id, v);
      return v;
    };
    for (let s = 0; s < profile.samples.length; s++) {
      const id = profile.samples[s]!;
      const dt = (profile.timeDeltas[s + 1] ?? INTERVAL_US) / 1000 / RUNS;
      const n = byId.get(id)!;
      const k = kindOf(n.callFrame, underOurs(id));
      kinds.set(k, (kinds.get(k) ?? 0) + dt);
      if (k === '(idle)' || k === '(program)' || k === '(root)') continue;
      const part = partOf(id, byId, parent);
      parts.set(part, (parts.get(part) ?? 0) + dt);
      const name = nameOf(n.callFrame);
      self.set(name, (self.get(name) ?? 0) + dt);
      if (!n.callFrame.url) {
        // A native function: named with the nearest function of ours that called it.
        let p = parent.get(id);
        while (p !== undefined && !byId.get(p)!.callFrame.url.startsWith('chrome-extension://')) p = parent.get(p);
        const key = `${name} ← ${p === undefined ? '(none of ours)' : nameOf(byId.get(p)!.callFrame)}`;
        nativeBy.set(key, (nativeBy.get(key) ?? 0) + dt);
      }
      // Inclusive time of our functions (each function once per sample).
      const seen = new Set<string>();
      if (UNDER) {
        let p: number | undefined = id;
        while (p !== undefined && !nameOf(byId.get(p)!.callFrame).includes(UNDER)) p = parent.get(p);
        if (p !== undefined) under.set(name, (under.get(name) ?? 0) + dt);
      }
      for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
        const f = byId.get(p)!.callFrame;
        if (!f.url.startsWith('chrome-extension://')) continue;
        const key = nameOf(f);
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
    }
  }
  console.log(`${dir}: ${RUNS} loads in one tab, sampled every ${INTERVAL_US} µs, ms per load; load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}${process.env.PROFILE_FLAGS ? `; --js-flags=${process.env.PROFILE_FLAGS}` : ''}`);
  const all = [...parts.values()].reduce((a, b) => a + b, 0);
  console.log('by part (innermost frame of ours; not idle/program):');
  for (const [k, v] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(2).padStart(7)}  ${((100 * v) / all).toFixed(1).padStart(5)} %  ${k}`);
  console.log('by kind:');
  for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
  const top = Number(process.env.PROFILE_TOP ?? 45);
  console.log(`self time, top ${top} (not idle/program):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
  console.log(`native functions by our caller, top ${top}:`);
  for (const [k, v] of [...nativeBy].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
  if (UNDER) {
    console.log(`self time under ${UNDER}:`);
    for (const [k, v] of [...under].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
  }
  console.log(`inclusive time of our functions, top ${top}:`);
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
} finally {
  await context.close();
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(userDataDir, { recursive: true, force: true });
}
