import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PORTAL_MATCH_PATTERNS } from './lib/surface/page/portals/hosts';
import { PDFJS_DECODER_DIR } from './lib/surface/pdf/decoders';
import { compiledBuiltinModule } from './lib/core/rules/builtin';
import { compiledScanModule } from './lib/core/rules/builtin-scan';
import { compiledPageModule } from './lib/core/rules/builtin-page';
import { compiledGemeentenModule } from './lib/surface/page/portals/gemeenten-list';
import { compiledDocumentKindModule } from './lib/core/rules/document-kind';
import { forFirefox } from './lib/surface/page/highlight/highlight-rule';

// pdf.js' image decoders for scanned pages (JPEG 2000, JBIG2), as plain JS: its worker imports
// them when a page needs one. Without them such pages were drawn blank. (The .wasm builds would
// need 'wasm-unsafe-eval' in the extension's CSP.) With their licences.
const PDFJS_DECODERS = [
  'openjpeg_nowasm_fallback.js',
  'jbig2_nowasm_fallback.js',
  'LICENSE_OPENJPEG',
  'LICENSE_PDFJS_OPENJPEG',
  'LICENSE_JBIG2',
  'LICENSE_PDFJS_JBIG2',
];

// The shipped rule packs, list of gemeenten and document kinds validated here, once, instead of on every page the
// content script runs on (see lib/core/rules/builtin.ts, lib/surface/page/portals/gemeenten-list.ts).
// A broken file fails the build with the Dutch message.
const VALIDATED_AT_BUILD: Record<string, () => string> = {
  [resolve('lib/core/rules/builtin.ts')]: compiledBuiltinModule,
  [resolve('lib/core/rules/builtin-scan.ts')]: compiledScanModule,
  [resolve('lib/core/rules/builtin-page.ts')]: compiledPageModule,
  [resolve('lib/surface/page/portals/gemeenten-list.ts')]: compiledGemeentenModule,
  [resolve('lib/core/rules/document-kind.ts')]: compiledDocumentKindModule,
};
const builtinRules = () => ({
  name: 'raadslens-builtin-rules',
  enforce: 'pre' as const,
  load: (id: string) => VALIDATED_AT_BUILD[id.split('?')[0]!]?.() ?? null,
});

// V8 compiles a function when it is first called, unless the script asks for all of them at once
// (its explicit compile hint, this comment on the first line: Chromium 136+; other engines read
// a comment). The content script is compiled anew in every renderer process (Chromium injects it
// as an inline script: no streaming, no code cache), and on the meeting page of
// test/bench/start-breakdown.ts its first scan called 321 of its 592 functions, each compiled on
// its own: 5.7 ms at evaluation + 8.1 ms later. Compiled all at once: 11.1 ms, none later, and the
// first run of the code no slower. start.bench.ts, 5 A/B pairs of 3 loads in two runs (load 4–16):
// Raadslens busy 35.1 → 32.0 ms (medians; before 32.8–36.5, after 30.6–33.0), main-thread work
// added 47.7 → 42.3 ms. The cost: the evaluation is one
// longer task (8.9 → 14.2 ms in a fresh renderer), and bytecode for functions a page never calls.
// Within one renderer (the next page of the same portal) V8's own cache compiles nothing either way.
const COMPILE_ALL = '//# allFunctionsCalledOnLoad';
const compileContentScriptEagerly = () => ({
  name: 'raadslens-compile-content-script-eagerly',
  enforce: 'post' as const,
  // After minifying, which drops comments; the sourcemap (RAADSLENS_SOURCEMAP=1) gets the line it shifts the code by.
  generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string; source?: string | Uint8Array }>) {
    const chunk = bundle['content-scripts/content.js'];
    if (chunk?.type !== 'chunk' || chunk.code === undefined) return;
    chunk.code = `${COMPILE_ALL}\n${chunk.code}`;
    const map = bundle['content-scripts/content.js.map'];
    if (map?.type !== 'asset' || map.source === undefined) return;
    const json = JSON.parse(typeof map.source === 'string' ? map.source : new TextDecoder().decode(map.source)) as { mappings: string };
    json.mappings = `;${json.mappings}`;
    map.source = JSON.stringify(json);
  },
});

// highlights.css is written with `:root::highlight()` (Chromium inherits highlight styles from the
// root: far less style work per page); Firefox ESR 140 does not, so its build gets the bare
// `::highlight()` (lib/surface/page/highlight/highlight-rule.ts). Both of its imports (the
// manifest's CSS and the ?inline text for frames and shadow roots) pass through here.
const highlightsForFirefox = () => ({
  name: 'raadslens-highlights-for-firefox',
  enforce: 'pre' as const,
  transform: (code: string, id: string) => (/\/entrypoints\/content\/highlights\.css(\?|$)/.test(id) ? forFirefox(code) : null),
});

export default defineConfig({
  // There is no @wxt-dev/module-preact: the Vite preset is wired directly.
  modules: ['@wxt-dev/webextension-polyfill'],
  // `wxt dev` must not try to launch a browser (root, no display): load .output/*-dev by hand.
  webExt: { disabled: true },
  // Parallel builds (one per engineer or test run) must not overwrite each other's output.
  outDir: process.env.RAADSLENS_OUT_DIR ?? '.output',
  // RAADSLENS_NO_MINIFY=1: readable function names in CPU profiles (test/bench/prof-page.ts).
  vite: ({ browser }) => ({
    plugins: [preact(), builtinRules(), compileContentScriptEagerly(), ...(browser === 'firefox' ? [highlightsForFirefox()] : [])],
    // The panel's analysis worker is built apart (Vite's worker build has plugins of its own): the
    // same build-time rule set there, so it neither runs zod over every pack when it starts nor
    // carries rules/status.json's notes.
    worker: { plugins: () => [builtinRules()] },
    // RAADSLENS_MEASURE=1 (npm test, benches): the content script writes its raadslens:scan
    // measures into the page's performance timeline. Store builds write nothing the page can read.
    define: {
      __RAADSLENS_MEASURE__: JSON.stringify(process.env.RAADSLENS_MEASURE === '1'),
      __RAADSLENS_FIREFOX__: JSON.stringify(browser === 'firefox'),
    },
    // WXT's entry wrapper builds a ContentScriptContext before main(); the real one announces the
    // script to the page (postMessage and CustomEvent with the extension id) and obeys forged
    // events. The content script uses lib/surface/page/session/content-context.ts instead.
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: resolve('lib/surface/page/session/wxt-context-stub.ts') }],
    },
    // RAADSLENS_SOURCEMAP=1: maps beside the bundles, for test/bench/bundle-modules.ts.
    build: {
      ...(process.env.RAADSLENS_NO_MINIFY ? { minify: false } : {}),
      ...(process.env.RAADSLENS_SOURCEMAP ? { sourcemap: true } : {}),
    },
  }),
  // The Firefox sources zip (for AMO review) carries the code, not test output.
  zip: { excludeSources: ['test-results/**', 'playwright-report/**', 'screenshots-tmp/**'] },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of PDFJS_DECODERS) {
        files.push({ absoluteSrc: resolve('node_modules/pdfjs-dist/wasm', name), relativeDest: `${PDFJS_DECODER_DIR}/${name}` });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'nl',
    // storage: per-tab scan results (session) and settings; tabs: read the active tab's URL and
    // title for the panel; activeTab + scripting: "Scan deze pagina" on sites that are not portals.
    // contextMenus: "Notitie bij deze passage" / "Markeer als aandachtspunt" on a selection.
    permissions: ['storage', 'tabs', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: PORTAL_MATCH_PATTERNS,
    // Any other site only after the reader's click, one origin at a time.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Raadslens' },
    // What a griffie may set through Chrome/Edge policy (3rdparty.extensions.<id>); Firefox reads
    // policies.json without a schema. Values are validated again on read (lib/extension/settings/policy).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // Keyboard: open the panel (Firefox has the built-in sidebar command), next/previous match.
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandOpenPanel__' } }
        : { 'open-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandOpenPanel__' } }),
      'next-match': { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_commandNextMatch__' },
      'prev-match': { suggested_key: { default: 'Alt+Shift+Comma' }, description: '__MSG_commandPrevMatch__' },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions (WXT drops it): per-site grants are optional permissions there.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'raadslens@raadslens.nl',
              strict_min_version: '128.0',
              // Raadslens collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
