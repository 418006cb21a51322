// Throughput of lib/core/match in Node: realistic Dutch council text against the real rule packs,
// and adversarial inputs that would make a backtracking or quadratic matcher crawl.
// Prints figures; asserts nothing about time (machines differ). Run: node test/bench/matcher.bench.mjs
//
// Node 20 cannot import TypeScript, so lib/core/match is transpiled with the project's own
// TypeScript into a temporary folder first (type-only imports vanish, nothing else is needed).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function loadMatcher() {
  const src = join(root, 'lib', 'core', 'match');
  const out = mkdtempSync(join(tmpdir(), 'raadslens-match-'));
  for (const file of readdirSync(src)) {
    if (!file.endsWith('.ts')) continue;
    const js = ts.transpileModule(readFileSync(join(src, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    // ESM in Node wants explicit extensions on relative imports.
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), js.replace(/(from\s+['"]\.\/[\w-]+)(['"])/g, '$1.js$2'));
  }
  const mod = await import(pathToFileURL(join(out, 'index.js')).href);
  return { mod, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

function realPacks() {
  const dir = join(root, 'rules', 'terms');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

// Used when the rule files are not there: ~300 terms shaped like the real ones.
function syntheticPacks() {
  const words = `cameratoezicht camerabeleid camerabewaking camerabeelden bewakingscamera verkeerscamera toezichtcamera
    warmtebeeldcamera bodycam dashcam cameraregister scanauto scanvoertuig agressiedetectie beeldherkenning kentekenherkenning
    kentekencamera algoritmeregister risicoprofilering risicoprofiel risicomodel risicoscore profilering datagestuurd datagedreven
    rekenmodel taxatiemodel sensorenregister sensorregister sensordata parkeersensor geluidssensor geluidsmeter fijnstofsensor
    verkeersteller telpaal telcamera telraam wifitracking wifisensor wifimeting wifitelling bluetoothtracking druktemeting
    druktemeter druktebeeld crowdmonitoring bezoekersstromen passantenstromen bezoekerstelling telsysteem locatiegegevens
    gezichtsherkenning gelaatsafbeelding gezichtsscan stemherkenning vingerafdruk drone dronebeelden dronepiloot robot zorgrobot
    nepaccount monitoringstool webcare gegevensdeling datadeling bestandskoppeling pseudonimisering verwerkingsregister cloud
    cloudopslag leverancier verwerkersovereenkomst datasoevereiniteit pilot pilotproject proef proefperiode proefproject proeftuin`
    .split(/\s+/)
    .filter(Boolean);
  const phrases = [
    'slimme lantaarnpaal', 'slimme camera', 'slimme stad', 'smart city', 'machine learning', 'big data', 'kunstmatige intelligentie',
    'artificiële intelligentie', 'online monitoring', 'internet of things', 'digital twin', 'remote sensing', 'living lab',
  ];
  const acronyms = ['AI', 'ANPR', 'IoT', 'DPIA', 'IAMA', 'OSINT', 'SyRI', 'GEB', 'FG', 'MAC', 'LoRa', 'SaaS'];
  const terms = [];
  for (const w of words) terms.push({ id: w, text: w, match: 'word', forms: [`${w}en`, `${w}s`] });
  for (const w of words.slice(0, 80)) terms.push({ id: `${w}-stam`, text: w.slice(0, 6), match: 'stem', compound: 'both', except: [`${w.slice(0, 6)}isch`] });
  for (const p of phrases) terms.push({ id: p.replace(/\W+/g, '-'), text: p, match: 'phrase' });
  for (const a of acronyms) terms.push({ id: a.toLowerCase(), text: a, match: 'acronym' });
  return [{ id: 'camera', label: 'x', description: 'x', questions: [], instruments: [], registers: [], terms }];
}

function htmlText(path) {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&[a-z]+;/g, ' ');
}

function repeatTo(unit, size) {
  if (unit.length === 0) throw new Error('empty text');
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function measure(matcher, text) {
  matcher.match(text); // warm-up
  let best = Infinity;
  let count = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    count = matcher.match(text).length;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, mbps: text.length / 1e6 / (best / 1000), count };
}

const SIZE = 4_000_000;

const { mod, cleanup } = await loadMatcher();
try {
  const real = realPacks();
  const packs = real.length > 0 ? real : syntheticPacks();
  const termCount = packs.reduce((n, p) => n + p.terms.length, 0);
  const patternCount = packs.reduce(
    (n, p) => n + p.terms.reduce((m, t) => m + 1 + (t.forms?.length ?? 0) + (t.except?.length ?? 0), 0),
    0,
  );

  const t0 = performance.now();
  const matcher = mod.compileMatcher(packs);
  const compileMs = performance.now() - t0;

  const source = readFileSync(join(root, 'rules', 'sources', 'ap-raadslid-technologie-2022.txt'), 'utf8');
  const page = htmlText(join(root, 'test', 'fixtures', 'pages', 'raadsvoorstel-cameratoezicht.html'));
  const realistic = repeatTo(`${source}\n${page}\n`, SIZE);

  const texts = [];
  for (const p of packs) for (const t of p.terms) texts.push(t.text, ...(t.forms ?? []));
  const nearMisses = texts.map((t) => (t.length > 2 ? t.slice(0, -1) : t)).join(' ');
  const glued = texts.join('');

  const cases = [
    ['realistic Dutch (AP text + raadsvoorstel)', realistic],
    ['near-misses "camer camer …"', repeatTo('camer ', SIZE)],
    ['every rule text minus its last letter', repeatTo(`${nearMisses} `, SIZE)],
    ['one word: "cameracamera…"', repeatTo('camera', SIZE)],
    ['one word: all rule texts glued', repeatTo(glued.replace(/\s+/g, ''), SIZE)],
    ['one word: "aaaa…"', 'a'.repeat(SIZE)],
    ['"camera " (a match every 7 chars)', repeatTo('camera ', SIZE)],
    ['"AIAI…AIVD ai " acronym traps', repeatTo('AIAIAIAIVD ai Kaai e-mail ', SIZE)],
    ['soft hyphens, diacritics, ’', repeatTo('came\u00adra’s artificiële ge\u00adïn\u00adfor\u00admeerd ', SIZE)],
    ['line-end hyphens "camera-\\ntoe-\\n"', repeatTo('camera-\ntoe-\nzicht-\n', SIZE)],
    ['whitespace runs with NBSP', repeatTo('a \u00a0\u202f\t\n \u00a0', SIZE)],
  ];

  console.log(`lib/core/match benchmark — Node ${process.version}`);
  console.log(
    `rules: ${real.length > 0 ? `${packs.length} real packs from rules/terms` : 'synthetic (rules/terms not found)'}, ` +
      `${termCount} terms, ${patternCount} patterns incl. forms and exceptions; compiled in ${compileMs.toFixed(1)} ms`,
  );
  console.log(`text size: ${(SIZE / 1e6).toFixed(1)} M characters per case; best of 5 runs\n`);
  let normal = 0;
  for (const [name, text] of cases) {
    const r = measure(matcher, text);
    if (normal === 0) normal = r.mbps;
    const ratio = normal / r.mbps;
    console.log(
      `${name.padEnd(44)} ${r.mbps.toFixed(1).padStart(7)} M chars/s  ${r.ms.toFixed(1).padStart(8)} ms  ` +
        `${String(r.count).padStart(8)} matches  ${ratio <= 1 ? 'faster than' : `${ratio.toFixed(2)}× slower than`} realistic`,
    );
  }
  // What the analyser runs: the category terms and the safeguard/signal terms in one automaton.
  const safeguardsFile = join(root, 'rules', 'safeguards.json');
  if (real.length > 0 && existsSync(safeguardsFile)) {
    const sg = JSON.parse(readFileSync(safeguardsFile, 'utf8'));
    const entries = [...sg.safeguards, ...sg.signals].flatMap((s) => s.terms.map((term) => ({ term, group: s.id })));
    const combined = mod.compileCombinedMatcher(packs, {}, entries);
    const r = measure({ match: (text) => combined.match(text).matches }, realistic);
    console.log(`\nterms + safeguards in one pass (the analyser's matcher), realistic text: ${r.mbps.toFixed(1)} M chars/s, ${r.ms.toFixed(1)} ms`);
  }
  const f0 = performance.now();
  for (let k = 0; k < 5; k++) mod.foldText(realistic);
  console.log(`\nfoldText alone (incl. building the folded and cased strings) on the realistic text: ${(SIZE / 1e6 / ((performance.now() - f0) / 5 / 1000)).toFixed(1)} M chars/s`);
} finally {
  cleanup();
}
