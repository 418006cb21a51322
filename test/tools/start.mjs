#!/usr/bin/env node
// `npm start`: build the Chrome extension, serve the demo raadsstuk on 127.0.0.1, and open it in a
// Chromium with Raadslens loaded (fresh temporary profile, nothing leaves this machine).
// Without a browser or a display it prints how to load the extension by hand and keeps serving.
//
//   npm start                      build, serve, open the browser
//   npm start -- --no-build        use the existing .output/chrome-mv3
//   npm start -- --no-browser      only serve and print the instructions
//   RAADSLENS_PORT=8437 npm start  a fixed port for the demo server (default: a free one)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  EXTENSION_DIR,
  PROJECT_ROOT,
  findBrowser,
  hostResolverRules,
  startFixtureServer,
} from './fixture-server.mjs';

const args = new Set(process.argv.slice(2));
const DEMO_PATH = 'pages/raadsvoorstel-cameratoezicht.html';
const DEMO_HOST = 'demo.raadsinformatie.nl';

function build() {
  return new Promise((resolve) => {
    const wxt = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt');
    const child = spawn(wxt, ['build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`wxt kon niet starten / could not start wxt: ${e.message} (npm install?)`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

if (!args.has('--no-build')) {
  console.log('Raadslens bouwen (wxt build) …');
  const code = await build();
  if (code !== 0) {
    console.error('\nDe build is mislukt; zie de fouten hierboven. / The build failed; see the errors above.');
    process.exit(code);
  }
}
if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`Geen extensie in ${EXTENSION_DIR}. Draai eerst / run first: npx wxt build`);
  process.exit(1);
}

const port = Number(process.env.RAADSLENS_PORT ?? 0);
const server = await startFixtureServer({ port });
const demoUrl = `http://${DEMO_HOST}:${server.port}/${DEMO_PATH}`;
const localUrl = server.url(DEMO_PATH);
const rules = hostResolverRules(server.port);

const browser = args.has('--no-browser') ? null : findBrowser();
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

let profileDir = '';
let child = null;

/** Stops the browser we started (and waits for it), removes its profile, stops the server. */
let stopping = false;
async function shutdown(message) {
  if (stopping) return;
  stopping = true;
  if (message) console.log(message);
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  if (profileDir) {
    try {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      console.log(`(profiel niet opgeruimd / profile left behind: ${profileDir})`);
    }
  }
  await server.close();
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('\nGestopt. / Stopped.'));
process.on('SIGTERM', () => void shutdown(''));

if (browser && hasDisplay) {
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'raadslens-demo-'));
  const flags = [
    `--user-data-dir=${profileDir}`,
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    // Branded Chrome 137+ ignores --load-extension unless this feature is switched off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch,Translate',
    `--host-resolver-rules=${rules}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--no-pings',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    demoUrl,
  ];
  child = spawn(browser, flags, { stdio: 'ignore' });
  child.on('error', (e) => console.error(`Kon ${browser} niet starten / could not start it: ${e.message}`));
  child.on('exit', (code) => {
    void shutdown(`\nDe browser is gesloten (code ${code}). / The browser was closed.`);
  });
  console.log(`
Raadslens draait in ${browser}
  (tijdelijk profiel / temporary profile: ${profileDir})

  Demo-raadsstuk / demo document: ${demoUrl}
  Extensie / extension:           ${EXTENSION_DIR}

Alleen de demo-host bereikt deze browser (127.0.0.1:${server.port}); andere sites zijn geblokkeerd.
Only the demo host is reachable in this browser (127.0.0.1:${server.port}); other sites are blocked.
Ziet u geen Raadslens-icoon? Laad de extensie dan met de hand (zie hieronder).
No Raadslens icon? Load the extension by hand (see below).
${manualSteps()}
Stoppen / stop: Ctrl-C`);
} else {
  const why = !browser
    ? 'Geen Chromium of Chrome gevonden. / No Chromium or Chrome found.'
    : 'Geen beeldscherm ($DISPLAY/$WAYLAND_DISPLAY is leeg). / No display ($DISPLAY/$WAYLAND_DISPLAY unset).';
  if (!args.has('--no-browser')) console.log(`\n${why}`);
  console.log(`
De demo-server draait. / The demo server is running.
${manualSteps()}
De server blijft draaien tot Ctrl-C. / The server keeps running until Ctrl-C.`);
}

function manualSteps() {
  return `
Nederlands:
  1. Open chrome://extensions in Chrome, Chromium of Edge.
  2. Zet rechtsboven "Ontwikkelaarsmodus" aan.
  3. Klik op "Uitgepakte extensie laden" en kies de map:
       ${EXTENSION_DIR}
  4. Open het demo-raadsstuk: ${localUrl}
  5. Klik op het Raadslens-icoon en kies "Scan deze pagina" (127.0.0.1 is geen portaal,
     dus Raadslens scant daar pas na uw klik).

English:
  1. Open chrome://extensions in Chrome, Chromium or Edge.
  2. Switch on "Developer mode" (top right).
  3. Click "Load unpacked" and choose the folder:
       ${EXTENSION_DIR}
  4. Open the demo document: ${localUrl}
  5. Click the Raadslens icon and choose "Scan this page" (127.0.0.1 is not a portal, so
     Raadslens scans it only after your click).

Or, with the demo page on a portal host (Raadslens then scans by itself):
  chromium --user-data-dir="$(mktemp -d)" --load-extension=${EXTENSION_DIR} \\
    --host-resolver-rules="${rules}" \\
    ${demoUrl}
`;
}
