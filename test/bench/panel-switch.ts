// Diagnostic (not part of npm run bench): what the side panel's thread does at panel-tasks' "tab
// switch" on the 1 MB council page, a view at a time. As panel-tasks: the panel opened on a fresh
// scan, a note saved on the first match (its group opened), the page changed and scanned again,
// back on Document and settled; then each of Notities, Alles and Document shown, traced apart.
// Per view the panel's longest tasks, and inside them the rendering steps with what the trace says
// of their size (elements restyled, objects laid out). SWITCH_ALL=1: every event inside (with
// TRACE_CATEGORIES=blink,… for Blink's own, e.g. VisibleUnits::canonicalPosition).
// What it found (main 610520b, load 13-18, thread ms): the tab switch's longest task was Notities'
// first frame (26-28), then Alles' (15-18): the caret the note's field left, put where the unmounted
// view was, beside the hidden Document view, and Chromium looking for its place through every node of
// that view, twice a frame (canonicalPosition, 17-25 ms wall each). Document shown again: 14-16
// (style 2.4 of 13 elements, layout 0.6-4 of 6,266 boxes, prepaint 5-7, intersection observers
// 1.5-2, paint 1.6-2.7): the 500 attachment rows were half the boxes walked.
// Run: RAADSLENS_MEASURE=1 RAADSLENS_OUT_DIR=.output-bench npx wxt build &&
//      RAADSLENS_EXTENSION_DIR=.output-bench/chrome-mv3 npx tsx test/bench/panel-switch.ts
//      RUNS (default 3), SWITCH_SCROLL=px: the Document view scrolled there before leaving it
import os from 'node:os';
import { join, resolve } from 'node:path';
import { openCouncilBench } from './council-bench';
import { ROOT } from './corpus';
import { saveNoteOnFirstMatch, showView } from './panel-note';
import { traced, type TraceEvent } from './trace';

declare const chrome: typeof import('wxt/browser').browser;

const extensionDir = resolve(process.env.RAADSLENS_EXTENSION_DIR ?? join(ROOT, '.output-bench', 'chrome-mv3'));
const RUNS = Number(process.env.RUNS ?? 3);
const SCROLL = Number(process.env.SWITCH_SCROLL ?? 0);
const STEPS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'IntersectionObserverController::computeIntersections', 'HitTest', 'FunctionCall', 'EventDispatch', 'ParseAuthorStyleSheet', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'ScrollLayer']);

const bench = await openCouncilBench(extensionDir, 'panel-switch');
try {
  const { context } = bench.browser;
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  console.log(`The panel's thread at the tab switch, a view at a time, 1 MB page; ${extensionDir}; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const totals: Record<string, number[]> = {};
  for (let run = -1; run < RUNS; run++) {
    await page.goto(bench.portalUrl, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('raadslens:scan', 'measure').length > 0, undefined, { timeout: 120_000 });
    const tabId = (await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, bench.portalUrl)) as number;
    await page.waitForTimeout(1500);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('panel-summary').first().waitFor({ timeout: 60_000 });
    await panel.waitForTimeout(3000);
    // As panel-tasks before its tab switch: a note saved on the first match (the first group
    // opened), the page changed and scanned again, back on Document and settled.
    await saveNoteOnFirstMatch(panel, `Notitie ${run}`);
    const before = await page.evaluate(() => performance.getEntriesByName('raadslens:scan', 'measure').length);
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: "Toegevoegd: de gemeente plaatst extra camera's met gezichtsherkenning." })));
    await page.waitForFunction((n) => performance.getEntriesByName('raadslens:scan', 'measure').length > n, before, { timeout: 60_000 });
    await panel.waitForTimeout(3000);
    await showView(panel, 'document');
    if (SCROLL) await panel.evaluate((y) => (document.scrollingElement!.scrollTop = y), SCROLL);
    await panel.waitForTimeout(800);
    for (const view of ['notes', 'all', 'document'] as const) {
      const events = await traced(cdp, async () => {
        await showView(panel, view);
        await panel.waitForTimeout(800);
      });
      const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, String(e.args?.name ?? '')]));
      const workerThread = [...names].find(([, n]) => n === 'ServiceWorker thread')?.[0];
      const pid = workerThread?.split(':')[0];
      const thread = [...names].find(([k, n]) => n === 'CrRendererMain' && k.split(':')[0] === pid)?.[0];
      const on = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && typeof e.dur === 'number');
      const wrapper = on.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
      const tasks = on.filter((e) => e.name === wrapper).sort((a, b) => (b.tdur ?? b.dur!) - (a.tdur ?? a.dur!));
      const ms = (x: number | undefined) => ((x ?? 0) / 1000).toFixed(1);
      if (run >= 0) (totals[view] ??= []).push((tasks[0]?.tdur ?? 0) / 1000);
      console.log(`run ${run}, ${view}: ${tasks.length} tasks; longest ${tasks.slice(0, 4).map((t) => `${ms(t.dur)}/${ms(t.tdur)}`).join(', ')} (wall/thread ms)`);
      for (const t of tasks.slice(0, 2)) {
        const end = t.ts + t.dur!;
        const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= end && (process.env.SWITCH_ALL ? e.dur! >= 300 : (STEPS.has(e.name) || (e.tdur ?? e.dur!) >= 1000) && e.dur! >= 200));
        console.log(`  task ${ms(t.dur)} ms:`);
        for (const e of inside.sort((a, b) => a.ts - b.ts)) {
          const a = { ...(e.args?.beginData ?? {}), ...(e.args?.data ?? {}), ...((e.args as { elementCount?: number } | undefined)?.elementCount !== undefined ? { elementCount: (e.args as { elementCount: number }).elementCount } : {}) } as Record<string, unknown>;
          const endArgs = (e as unknown as { args?: { endData?: Record<string, unknown> } }).args?.endData ?? {};
          const said = ['elementCount', 'dirtyObjects', 'totalObjects', 'partialLayout', 'functionName', 'type', 'layerId']
            .map((k) => (a[k] ?? endArgs[k]) !== undefined ? `${k}=${JSON.stringify(a[k] ?? endArgs[k])}` : '')
            .filter(Boolean)
            .join(' ');
          console.log(`    +${ms(e.ts - t.ts).padStart(5)} ${e.name.padEnd(22)} ${ms(e.dur).padStart(5)} ms ${said}`);
        }
      }
    }
    await panel.close();
  }
  for (const [view, xs] of Object.entries(totals)) {
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`${view}: longest task, thread ms: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} (runs ${xs.map((x) => x.toFixed(1)).join(', ')})`);
  }
  console.log(`load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await bench.close();
}
