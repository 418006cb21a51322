// Diagnostic (not part of npm run bench): what fills the service worker's longest task when it
// completes a report on the 1 MB council page. A V8 sampling profile of the worker (attached
// through the browser's DevTools target, 100 µs) beside a trace; for the worker's longest tasks at
// the panel's first open and at a rescan, the samples inside by leaf function (with its nearest
// caller in our bundle) and by our frames on the stack (inclusive).
// Run: RAADSLENS_NO_MINIFY=1 RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-prof npx wxt build &&
//      RAADSLENS_EXTENSION_DIR=.output-prof/chrome-mv3 npx tsx test/bench/prof-worker.ts
//      PROF_RUNS=2 (runs traced), PROF_INTERVAL_US=100, PROF_TASKS=1 (tasks printed per moment),
//      PROF_THREAD=panel (the side panel's main thread instead, with a note saved as panel-tasks does it;
//      popup: and the popup's first open)
import { join, resolve } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';
import { saveNoteOnFirstMatch, showView, switchTabs } from './panel-note';
import { traced, type TraceEvent } from './trace';

declare const chrome: typeof import('wxt/browser').browser;

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-prof', 'chrome-mv3'));
const RUNS = Number(process.env.PROF_RUNS ?? 2);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** A DevTools session on the service worker's target, through the browser's session (not flattened). */
async function workerSession(browserCdp: CDPSession) {
  const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) throw new Error('geen service worker');
  const { sessionId } = (await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  const waiting = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
  browserCdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m);
  });
  return async <T>(method: string, params: object = {}): Promise<T> => {
    const id = next++;
    const reply = new Promise<{ result?: unknown; error?: unknown }>((res) => waiting.set(id, res));
    await browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const r = await reply;
    waiting.delete(id);
    if (r.error) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.result as T;
  };
}

const bench = await openCouncilBench(extensionDir, 'prof-worker');
try {
  const { context } = bench.browser;
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  const send = await workerSession(browserCdp);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const url = bench.portalUrl;
  const stored = (tabId: number) => sw.evaluate(async (k) => {
        // Only the two fields asked back: the whole report (~2 MB on the 1 MB page) serialised
        // for the bench was itself the worker's longest task (~80 ms, Playwright's jsonValue).
        const r = (await chrome.storage.session.get(k))[k] as { pending?: string; scannedAt?: number } | undefined;
        return r && { pending: r.pending, scannedAt: r.scannedAt };
      }, `tab:${tabId}`);
  const until = async (what: () => Promise<boolean>) => {
    for (const t0 = Date.now(); Date.now() - t0 < 60_000; await page.waitForTimeout(50)) if (await what()) return;
    throw new Error('niet op tijd');
  };
  const loadScanned = async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('raadslens:scan', 'measure').length > 0, undefined, { timeout: 120_000 });
    const tabId = (await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url)) as number;
    await until(async () => (await stored(tabId))?.pending !== undefined);
    await page.waitForTimeout(800);
    return tabId;
  };
  const whole = (tabId: number) => until(async () => { const r = await stored(tabId); return r !== undefined && r.pending === undefined; });

  /** PROF_THREAD=worker (default), or an extension page's main thread: panel, popup. */
  const THREAD = process.env.PROF_THREAD ?? 'worker';
  type Send = <T>(method: string, params?: object) => Promise<T>;
  const startProfile = async (profiler: Send) => {
    await profiler('Profiler.enable');
    await profiler('Profiler.setSamplingInterval', { interval: Number(process.env.PROF_INTERVAL_US ?? 100) });
    await profiler('Profiler.start');
  };
  const profiled = async (label: string, profiler: () => Send, run: () => Promise<void>) => {
    let profile: Profile | null = null;
    const events = await traced(cdp, async () => {
      if (THREAD === 'worker') await startProfile(profiler());
      await run();
      await page.waitForTimeout(800);
      profile = (await profiler()<{ profile: Profile }>('Profiler.stop')).profile;
    });
    const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, String(e.args?.name ?? '')]));
    const workerThread = [...names].find(([, n]) => n === 'ServiceWorker thread')?.[0];
    const extensionPid = workerThread?.split(':')[0];
    const thread = THREAD === 'worker' ? workerThread : [...names].find(([k, n]) => n === 'CrRendererMain' && k.split(':')[0] === extensionPid)?.[0];
    const onThread = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && typeof e.dur === 'number');
    const wrapper = onThread.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
    const tasks = onThread.filter((e: TraceEvent) => e.name === wrapper).sort((a, b) => (b.tdur ?? b.dur!) - (a.tdur ?? a.dur!));
    report(`${label} (${THREAD})`, tasks, profile!, onThread);
  };
  /**
   * An extension page opened on the extension's manifest first (same origin, same process: the
   * session and the profile carry over the navigation), its profile started there.
   */
  const extensionPage = async (what: 'sidepanel' | 'popup') => {
    const p = await context.newPage();
    await p.setViewportSize(what === 'popup' ? { width: 380, height: 600 } : { width: 400, height: 900 });
    await p.goto(`chrome-extension://${extensionId}/manifest.json`);
    const s = await context.newCDPSession(p);
    const profiler: Send = (method, params = {}) => s.send(method as 'Profiler.start', params) as never;
    if (THREAD !== 'worker') await startProfile(profiler);
    return { p, profiler };
  };

  for (let run = -1; run < RUNS; run++) {
    const tabId = await loadScanned();
    const panel = await extensionPage('sidepanel');
    const panelProfiler = () => (THREAD === 'worker' ? send : panel.profiler);
    await profiled(`run ${run}: panel first open`, panelProfiler, async () => {
      await panel.p.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      await panel.p.getByTestId('panel-summary').first().waitFor({ timeout: 60_000 });
      await whole(tabId);
    });
    if (THREAD === 'panel') {
      await startProfile(panel.profiler);
      await profiled(`run ${run}: note saved`, panelProfiler, async () => {
        await saveNoteOnFirstMatch(panel.p, `Notitie ${run}: is de FG om advies gevraagd?`);
      });
      // Back to the document, as the reader would be for the rescan below; then, profiled, the
      // reader going through Notities and Alles back to Document (panel-tasks' tab switch).
      await showView(panel.p, 'document');
      await page.waitForTimeout(800);
      await startProfile(panel.profiler);
      await profiled(`run ${run}: tab switch`, panelProfiler, () => switchTabs(panel.p));
    }
    const was = (await stored(tabId))?.scannedAt ?? 0;
    if (THREAD !== 'worker') await startProfile(panel.profiler);
    await profiled(`run ${run}: rescan`, panelProfiler, async () => {
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = `Toegevoegd om ${Date.now()}: de gemeente plaatst extra camera's met gezichtsherkenning bij het station.`;
        (document.querySelector('main') ?? document.body).append(p);
      });
      await until(async () => ((await stored(tabId))?.scannedAt ?? 0) > was);
      await whole(tabId);
    });
    await panel.p.close();
    if (THREAD !== 'popup') continue;
    const fresh = await loadScanned();
    const popup = await extensionPage('popup');
    await profiled(`run ${run}: popup first open`, () => popup.profiler, async () => {
      await popup.p.goto(`chrome-extension://${extensionId}/popup.html?tabId=${fresh}`);
      await popup.p.getByTestId('popup-count').first().waitFor({ timeout: 60_000 });
      await whole(fresh);
    });
    await popup.p.close();
  }
} finally {
  await bench.close();
}

/** The events directly inside a task (below its wrappers), largest first: what the trace names in it. */
function inside(thread: TraceEvent[], task: TraceEvent): string {
  const end = task.ts + task.dur!;
  const within = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end && e.dur! >= Number(process.env.PROF_MIN_US ?? 1000));
  return within
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, Number(process.env.PROF_EVENTS ?? 8))
    .map((e) => `${e.name}${e.args?.data?.functionName ? `(${String(e.args.data.functionName)})` : ''}${process.env.PROF_ARGS ? JSON.stringify(e.args ?? {}).slice(0, 300) : ''} ${(e.dur! / 1000).toFixed(1)}/${((e.tdur ?? 0) / 1000).toFixed(1)}`)
    .join(', ');
}

function report(label: string, tasks: TraceEvent[], p: Profile, thread: TraceEvent[]) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (n: ProfileNode) => n.callFrame.url.startsWith('chrome-extension://');
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}${ours(n) ? `@${n.callFrame.lineNumber + 1}` : ''}`;
  console.log(`${label}: worker tasks ${tasks.length}, longest (thread) ${tasks.slice(0, 4).map((t) => `${((t.tdur ?? 0) / 1000).toFixed(1)} (wall ${(t.dur! / 1000).toFixed(1)})`).join(', ')} ms`);
  for (const t of tasks.slice(0, Number(process.env.PROF_TASKS ?? 1))) {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let ts = p.startTime;
    let inTask = 0;
    for (let i = 0; i < p.samples.length; i++) {
      ts += p.timeDeltas[i]!;
      if (ts < t.ts || ts > t.ts + t.dur!) continue;
      const us = p.timeDeltas[i + 1] ?? 0;
      inTask += us;
      const leaf = byId.get(p.samples[i]!)!;
      let caller = '';
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id)!;
        if (n !== leaf && !caller && ours(n)) caller = name(n);
        const k = name(n);
        if (!seen.has(k)) {
          seen.add(k);
          inclusive.set(k, (inclusive.get(k) ?? 0) + us);
        }
      }
      const key = `${name(leaf)}  ← ${caller}`;
      self.set(key, (self.get(key) ?? 0) + us);
    }
    console.log(`  task ${((t.tdur ?? 0) / 1000).toFixed(1)} ms thread: ${(inTask / 1000).toFixed(1)} ms sampled; in the trace (wall/thread ms): ${inside(thread, t)}`);
    console.log('   self:');
    for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    ${(us / 1000).toFixed(1).padStart(6)} ms  ${k}`);
    console.log('   inclusive:');
    for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`    ${(us / 1000).toFixed(1).padStart(6)} ms  ${k}`);
  }
}
