// Static server for test/fixtures/ on the loopback interface, shared by the Playwright fixtures
// (test/e2e/fixtures.ts) and `npm start` (test/tools/start.mjs). Plain node:http, no dependencies.
//
// Chromium is pointed at it with --host-resolver-rules: every portal host used in the tests maps
// to 127.0.0.1:PORT (the port in the MAP rule is honoured, so URLs need no port), and every other
// host resolves to nothing, so a test run can never reach another machine.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simplePdf } from '../fixtures/pdf/make-simple-pdf.mjs';
import { realCaptures } from './real-captures.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES_ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures');
/** The built Chrome extension; RAADSLENS_EXTENSION_DIR points the harness at another build. */
export const EXTENSION_DIR = path.resolve(
  process.env.RAADSLENS_EXTENSION_DIR ?? path.join(PROJECT_ROOT, '.output', 'chrome-mv3'),
);

/** Host patterns (Chromium host-resolver syntax) that the test browser sends to the fixture server. */
export const MAPPED_HOST_PATTERNS = [
  '*.raadsinformatie.nl',
  '*.notubiz.nl',
  '*.bestuurlijkeinformatie.nl',
  '*.parlaeus.nl',
  'zoek.officielebekendmakingen.nl',
  'lokaleregelgeving.overheid.nl',
  'algoritmes.overheid.nl',
  'onbekend.example',
  // Portal fixtures (test/e2e/portals.spec.ts, spa.spec.ts): the SPA and GemeenteOplossingen hosts.
  'openbesluitvorming.nl',
  '*.openbesluitvorming.nl',
  'raad.dordrecht.nl',
  'gemeenteraad.groningen.nl',
  'raad.ridderkerk.nl',
  // The real captures (../shared/real/), served under their original host and path.
  'gemeenteraad.denhelder.nl',
];

/**
 * The value of --host-resolver-rules: the portal hosts → the fixture server, localhost left alone,
 * everything else unresolvable (no traffic off the machine, whatever a page or the extension asks).
 * @param {number} port
 */
export function hostResolverRules(port) {
  const maps = MAPPED_HOST_PATTERNS.map((h) => `MAP ${h} 127.0.0.1:${port}`);
  return [...maps, 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1', 'MAP * ~NOTFOUND'].join(', ');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A page with `paragraphs * 5` text nodes (no whitespace between elements, so the count is exact
 * apart from the heading). Every 50th paragraph names a technology term, so a scan finds matches.
 * @param {number} textNodes
 */
export function manyNodesPage(textNodes = 100_000) {
  const paragraphs = Math.ceil(textNodes / 5);
  const parts = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Notulen (groot)</title></head><body><main><h1>Notulen van de raadsvergadering</h1>',
  ];
  for (let i = 1; i <= paragraphs; i++) {
    const topic = i % 50 === 0 ? 'het cameratoezicht' : 'de begroting';
    parts.push(
      `<p>Punt ${i}: <em>bespreking</em> van <strong>${topic}</strong> in de commissie, zie ook bijlage ${i}.</p>`,
    );
  }
  parts.push('</main></body></html>');
  return parts.join('');
}

/**
 * `handle` answers a request first (a bench's generated documents); it returns true when it did.
 * @param {{ root?: string, port?: number, host?: string, log?: boolean, handle?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean | Promise<boolean> }} [options]
 * @returns {Promise<import('./fixture-server.d.mts').FixtureServer>}
 */
export async function startFixtureServer(options = {}) {
  const root = path.resolve(options.root ?? FIXTURES_ROOT);
  const host = options.host ?? '127.0.0.1';
  /** @type {string[]} */
  const requests = [];
  let bigPage = '';
  /** @type {Buffer | null} */
  let longPdf = null;
  /** @type {Buffer | null} */
  let pagesPdf = null;
  // A real capture answers at its original host + path (+ query), before any fixture file.
  const real = new Map(realCaptures().map((c) => [`${c.host}${c.pathAndQuery}`, c]));
  // Portal addresses without a file name of their own (routes.json): path + query → a fixture
  // file, served with the content type and headers such a portal sends.
  /** @type {Record<string, { file: string, type: string, headers?: Record<string, string> }>} */
  const routes = existsSync(path.join(root, 'routes.json')) ? JSON.parse(await readFile(path.join(root, 'routes.json'), 'utf8')) : {};

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    requests.push(`${req.headers.host ?? ''}${url.pathname}`);
    if (options.log) console.log(`[fixtures] ${req.method} ${req.headers.host ?? ''}${url.pathname}`);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
      if (options.handle && (await options.handle(req, res, url))) return;
      const capture = real.get(`${(req.headers.host ?? '').replace(/:\d+$/, '')}${url.pathname}${url.search}`);
      if (capture) return send(200, capture.type, await readFile(capture.absPath));
      if (url.pathname === '/generated/100k-nodes.html') {
        bigPage ||= manyNodesPage(100_000);
        return send(200, TYPES['.html'], bigPage);
      }
      if (url.pathname === '/generated/2000-paginas.pdf') {
        // A bundle far over the PDF scanner's page limit (made on request, not committed).
        longPdf ||= Buffer.from(simplePdf(Array.from({ length: 2000 }, (_, i) => [`Pagina ${i + 1}: verslag over het cameratoezicht in de wijk.`])));
        return send(200, TYPES['.pdf'], longPdf);
      }
      if (url.pathname === '/generated/60-paginas.pdf') {
        // Long enough to scroll pages far out of the viewer's view (they are taken down).
        pagesPdf ||= Buffer.from(simplePdf(Array.from({ length: 60 }, (_, i) => [`Pagina ${i + 1}`, 'Het college wil het cameratoezicht uitbreiden.'])));
        return send(200, TYPES['.pdf'], pagesPdf);
      }
      // routes.json names some of these addresses with a fixture of their own (and its headers).
      const ibabsDocument =
        /^\/Agenda\/Document\/[\w-]+$/.test(url.pathname) && !routes[url.pathname + url.search] ? url.searchParams.get('documentId') : null;
      if (ibabsDocument) {
        // iBabs serves an agenda's documents here, without .pdf in the URL: a small PDF per documentId.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[`Document ${ibabsDocument}`, 'Het college wil het cameratoezicht uitbreiden.']])));
      }
      if (url.pathname === '/generated/pilots-2-paginas.pdf') {
        // A pilot about fines, and one whose technology is on the next page (the viewer settles both).
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([
          ['Er start een pilot met boetes voor afval.', 'De wijk is schoon.', 'Het weer is goed.', 'De zon schijnt.', 'Daarnaast start een pilot.'],
          ['Handhavers dragen daarbij bodycams.', 'De raad wordt geinformeerd.'],
        ])));
      }
      if (url.pathname === '/document/90004/1/I_4++motie+Gezichtsherkenning+in+het+uitgaansgebied') {
        // A motie as NotuBiz serves one (no .pdf in its address, its name in the path), laid out as
        // the real Den Haag motie is: dash items at the left edge, one wrapped over two lines.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[
          'Motie: Gezichtsherkenning in het uitgaansgebied',
          'De raad van de gemeente Utrecht, in vergadering bijeen op 12 maart 2026,',
          'constaterende dat:',
          '- er in het uitgaansgebied rond de Neude vaak vernielingen zijn;',
          "- de camera's daar beelden maken waarop daders niet te herkennen zijn;",
          'overwegende dat:',
          '- daders sneller opgespoord zouden kunnen worden met gezichtsherkenning;',
          'verzoekt het college:',
          "- de camera's rond de Neude en het Janskerkhof per direct uit te rusten",
          'met gezichtsherkenning om dit mogelijk te maken;',
          '- de raad voor de zomer te informeren over de kosten;',
          'en gaat over tot de orde van de dag.',
        ]])));
      }
      if (url.pathname === '/document/90005/1/document+90005') {
        // A motie whose address and name do not say so, stamped as the raad adopted it: known by its
        // opening ("De raad … in vergadering bijeen", "Verzoekt het college") and its stamp.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[
          'Stuknummer: RIS 4711 Uitslag stemming: Aangenomen',
          'Onderwerp: slimme camera’s bij het station',
          'De raad van de gemeente Utrecht, in vergadering bijeen op 20 mei 2026,',
          'constaterende dat:',
          '- bij het station elke week fietsen worden gestolen;',
          'verzoekt het college:',
          "- bij de fietsenstalling slimme camera's met gezichtsherkenning te plaatsen.",
          'en gaat over tot de orde van de dag.',
        ]])));
      }
      if (url.pathname === '/document/90007/1/Motie+camera%27s+markt') {
        // A motie stamped as the raad rejected it: its letter, from the panel or from "Alles", asks
        // nothing about carrying it out.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[
          'Stuknummer: RIS 4712 Uitslag stemming: Verworpen',
          'Motie: Camera’s op de markt',
          'De raad van de gemeente Utrecht, in vergadering bijeen op 9 april 2026,',
          'constaterende dat:',
          '- er op de markt vaak wordt gezakkenrold;',
          'verzoekt het college:',
          "- op de markt camera's met gezichtsherkenning te plaatsen;",
          'en gaat over tot de orde van de dag.',
        ]])));
      }
      if (url.pathname === '/document/90006/1/Motie+camera%27s+boulevard') {
        // A motie whose dictum asks the burgemeester (cameratoezicht is his or her matter): its
        // letter, from the panel or from "Alles", goes to the burgemeester.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[
          'Motie: Camera’s op de boulevard',
          'De raad van de gemeente Utrecht, in vergadering bijeen op 9 april 2026,',
          'constaterende dat:',
          '- er op de boulevard vaak wordt ingebroken in auto’s;',
          'verzoekt de burgemeester:',
          "- op de boulevard camera's met gezichtsherkenning te plaatsen;",
          'en gaat over tot de orde van de dag.',
        ]])));
      }
      const listed = url.pathname.match(/^\/document\/134000(\d\d)\/1\/Motie\+3\d\d$/);
      if (listed) {
        // The moties of the NotuBiz list (portals/notubiz-moties.html), as PDFs that do not say
        // what the raad did with them: the list's status column does.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[
          `Motie 3${listed[1]}`,
          'De raad van de gemeente Den Haag, in vergadering bijeen op 5 februari 2026,',
          'overwegende dat sensoren in de openbare ruimte gegevens van inwoners verzamelen;',
          'verzoekt het college:',
          "- een openbaar register van sensoren en slimme camera's bij te houden;",
          'en gaat over tot de orde van de dag.',
        ]])));
      }
      if (url.pathname === '/generated/brief-gescande-eerste-pagina.pdf') {
        // A letter whose first page is a scan (no text layer) and whose other pages have text.
        return send(200, TYPES['.pdf'], Buffer.from(simplePdf([[], ['Het college informeert de raad over de begroting van de parken.', 'De raad wordt gevraagd kennis te nemen van deze brief.']])));
      }
      if (url.pathname === '/generated/hangt.pdf') {
        // A server that starts a PDF and then stops sending (cancel and timeout in the PDF scan).
        res.writeHead(200, { 'content-type': TYPES['.pdf'], 'cache-control': 'no-store' });
        res.write('%PDF-1.7\n');
        return;
      }
      const route = routes[url.pathname + url.search];
      for (const [name, value] of Object.entries(route?.headers ?? {})) res.setHeader(name, value);
      let rel = route ? `/${route.file}` : decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(root, '.' + rel);
      if (file !== root && !file.startsWith(root + path.sep)) return send(403, TYPES['.txt'], 'forbidden');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(404, TYPES['.txt'], 'niet gevonden');
      const type = route?.type ?? TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file).toLowerCase())];
      // Validators, as portals send them (the PDF result cache checks them with a HEAD request).
      res.setHeader('etag', `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`);
      res.setHeader('last-modified', info.mtime.toUTCString());
      send(200, type ?? 'application/octet-stream', await readFile(file));
    } catch (err) {
      send(500, TYPES['.txt'], String(err));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const port = address.port;
  return {
    port,
    root,
    requests,
    url: (p) => `http://${host}:${port}/${p.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections(); // keep-alive sockets of a browser would hold close() open
      }),
  };
}

/** A Chromium/Chrome binary: $CHROMIUM_PATH, /usr/bin/chromium, or chrome/chromium on PATH. */
export function findBrowser() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) for (const n of names) candidates.push(path.join(dir, n));
  }
  if (process.platform === 'darwin') {
    candidates.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    );
  }
  return candidates.find((c) => c && existsSync(c)) ?? null;
}
