#!/usr/bin/env node
// THE test command (`npm test`): every check the project has, in one run, never stopping at the
// first failure. Counts come from the runners' JSON reports, not from exit codes alone:
//   tsc --noEmit                       1 check
//   vitest (unit)                      one per test   (test-results/vitest.json)
//   wxt build (chrome-mv3)             1 check
//   wxt build -b firefox               1 check
//   web-ext lint (Firefox build)       1 check
//   playwright (e2e, real Chromium)    one per test   (test-results/playwright.json)
//   Firefox smoke (real Firefox ESR)   one per check  (test-results/firefox.json; skipped, and
//                                      said so, where /usr/bin/firefox-esr is not installed)
// A runner that exits non-zero without reporting a failure counts as 1 failed (it crashed, or
// failed outside a test). The LAST line printed is exactly `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const results = path.join(root, 'test-results');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
mkdirSync(results, { recursive: true });
// The e2e tests and the Firefox smoke read the content script's raadslens:scan measures, which only
// a build made with RAADSLENS_MEASURE=1 writes (a store build leaves the page's timeline alone).
process.env.RAADSLENS_MEASURE = '1';

/** @type {{ name: string, passed: number, failed: number, seconds: number, note: string }[]} */
const steps = [];
/** Titles of failed tests, repeated just above the result line: CI shows only the end of the output. */
const failures = [];

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('error', (err) => {
      console.error(`[run-all] cannot start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function step(name, fn) {
  console.log(`\n[run-all] ── ${name} ──`);
  const t0 = Date.now();
  let outcome;
  try {
    outcome = await fn();
  } catch (err) {
    outcome = { passed: 0, failed: 1, note: `harness error: ${err instanceof Error ? err.message : String(err)}` };
  }
  const seconds = (Date.now() - t0) / 1000;
  steps.push({ name, seconds, note: '', ...outcome });
  console.log(`[run-all] ${name}: ${outcome.passed} passed, ${outcome.failed} failed (${seconds.toFixed(1)} s)${outcome.note ? ` – ${outcome.note}` : ''}`);
}

function firstLine(text) {
  // Without ANSI colours, on one line, short: enough to know which assertion it was.
  const lines = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(0, 3).join(' | ').slice(0, 400);
}

/** "file:line › title: first error line" for each test Playwright did not expect to end as it did. */
function playwrightFailures(json) {
  const out = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.at(-1);
        const error = last?.error?.message ?? last?.errors?.[0]?.message ?? last?.status;
        out.push(`${spec.file}:${spec.line} › ${[...trail, spec.title].join(' › ')}: ${firstLine(error)}`);
        // What was received and what the pages showed: a flaky failure is seen once, on CI, only here.
        const received = String(error ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => /^\s*(Received|Expected|[-+] )/.test(l)).slice(0, 12);
        for (const l of received) out.push(`        ${l.trim().slice(0, 300)}`);
        for (const a of last?.attachments ?? []) {
          if (!['pages-at-failure', 'errors'].includes(a.name) || !a.body) continue;
          const body = Buffer.from(a.body, 'base64').toString('utf8');
          out.push(`        [${a.name}] ${body.replace(/\s*\n\s*/g, ' ⏎ ').slice(0, 2500)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith('.ts') ? [...trail, suite.title] : trail);
  };
  for (const suite of json.suites ?? []) walk(suite, []);
  return out;
}

/** One check that passes when the command exits 0. */
const single = (cmd, args) => async () => {
  const code = await run(cmd, args);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, note: `exit ${code}` };
};

await step('typecheck (tsc --noEmit)', single(bin('tsc'), ['--noEmit', '-p', '.']));

await step('unit (vitest)', async () => {
  const report = path.join(results, 'vitest.json');
  rmSync(report, { force: true });
  const code = await run(bin('vitest'), [
    'run',
    '--config', 'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${path.relative(root, report)}`,
  ]);
  const json = readJson(report);
  if (!json) return { passed: 0, failed: 1, note: `no report (exit ${code})` };
  const passed = Number(json.numPassedTests ?? 0);
  let failed = Number(json.numFailedTests ?? 0);
  // A test file that fails to load has no failed test but is a failure all the same.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  failed += brokenFiles;
  for (const f of json.testResults ?? []) {
    const file = path.relative(root, f.name ?? '');
    const failedTests = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push(`unit  ${file} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    if (f.status === 'failed' && failedTests.length === 0) failures.push(`unit  ${file}: ${firstLine(f.message)}`);
  }
  if (code !== 0 && failed === 0) failed = 1;
  const note = [brokenFiles ? `${brokenFiles} file(s) failed to run` : '', code !== 0 ? `exit ${code}` : '']
    .filter(Boolean)
    .join(', ');
  return { passed, failed, note };
});

// A failed build must not leave an older extension behind for the e2e tests to pass against.
rmSync(path.join(root, '.output', 'chrome-mv3'), { recursive: true, force: true });
await step('build chrome-mv3 (wxt build)', single(bin('wxt'), ['build']));
await step('build firefox (wxt build -b firefox)', single(bin('wxt'), ['build', '-b', 'firefox']));
// The store linter (Mozilla's addons-linter) on the Firefox build: any error fails the check.
// Offline: no config discovery, and update-notifier is told not to ask npm for a newer web-ext.
process.env.NO_UPDATE_NOTIFIER = '1';
await step(
  'web-ext lint (firefox-mv2)',
  single(bin('web-ext'), ['lint', '--source-dir', path.join(process.env.RAADSLENS_OUT_DIR ?? '.output', 'firefox-mv2'), '--no-input', '--no-config-discovery']),
);

await step('e2e (playwright, Chromium)', async () => {
  const report = path.join(results, 'playwright.json');
  rmSync(report, { force: true });
  const code = await run(bin('playwright'), ['test', '--config', 'test/e2e/playwright.config.ts']);
  const json = readJson(report);
  if (!json?.stats) return { passed: 0, failed: 1, note: `no report (exit ${code})` };
  const s = json.stats;
  const passed = Number(s.expected ?? 0) + Number(s.flaky ?? 0);
  let failed = Number(s.unexpected ?? 0);
  const globalErrors = Array.isArray(json.errors) ? json.errors.length : 0;
  failed += globalErrors;
  for (const line of playwrightFailures(json)) failures.push(`e2e   ${line}`);
  for (const e of json.errors ?? []) failures.push(`e2e   (outside tests): ${firstLine(e.message)}`);
  if (code !== 0 && failed === 0) failed = 1;
  if (passed + failed === 0) failed = 1; // ran no test: that is not a pass
  const note = [
    s.skipped ? `${s.skipped} skipped` : '',
    s.flaky ? `${s.flaky} flaky` : '',
    globalErrors ? `${globalErrors} error(s) outside tests` : '',
    code !== 0 ? `exit ${code}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return { passed, failed, note };
});

await step('Firefox smoke (Firefox ESR, Firefox build)', async () => {
  const report = path.join(results, 'firefox.json');
  rmSync(report, { force: true });
  process.env.RAADSLENS_FIREFOX_DIR = path.join(root, process.env.RAADSLENS_OUT_DIR ?? '.output', 'firefox-mv2');
  process.env.RAADSLENS_FIREFOX_REPORT = report;
  process.env.RAADSLENS_SCREENSHOT_DIR = path.join(results, 'screenshots', 'firefox');
  const code = await run(bin('tsx'), ['test/firefox/smoke.ts']);
  const json = readJson(report);
  if (!json) return { passed: 0, failed: 1, note: `no report (exit ${code})` };
  const passed = Number(json.passed ?? 0);
  let failed = Number(json.failed ?? 0);
  if (code !== 0 && failed === 0) failed = 1;
  const note = [json.skipped ? 'skipped: no /usr/bin/firefox-esr' : '', code !== 0 ? `exit ${code}` : ''].filter(Boolean).join(', ');
  return { passed, failed, note };
});

const passed = steps.reduce((n, s) => n + s.passed, 0);
const failed = steps.reduce((n, s) => n + s.failed, 0);
console.log('\n[run-all] summary');
for (const s of steps) {
  console.log(
    `  ${s.failed ? 'FAIL' : 'ok  '} ${s.name.padEnd(40)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1).padStart(6)} s${s.note ? `  (${s.note})` : ''}`,
  );
}
if (!existsSync(path.join(results, 'screenshots'))) console.log('  (no screenshots written)');
else console.log(`  screenshots: ${path.join('test-results', 'screenshots')}/`);
if (failures.length) {
  console.log('\n[run-all] failed tests');
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
