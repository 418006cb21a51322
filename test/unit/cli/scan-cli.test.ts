// @vitest-environment node
// End to end: `tsx lib/cli/scan.ts` as `npm run scan` runs it, on files in a temporary folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan, type ScanIo } from '../../../lib/cli/run';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

const TXT = '\uFEFFRaadsvoorstel\r\nDe gemeente plaatst ANPR-camera’s\u00A0en zet\u00ADaan op artificiële intelligentie.\r\nHet beeldkwaliteitsplan en de vergaderdata.\r\n';
const HTML = `<!doctype html><html lang="nl"><body>
  <nav><a href="/">Home</a> <a href="/live">Camera's in de raadzaal</a></nav>
  <div id="cookie-consent">Wij plaatsen tracking cookies.</div>
  <main><h1>Motie wifitracking</h1><p>Verzoekt het college te stoppen met <em>wifi</em>-tracking en de sensoren te melden.</p></main>
  <footer>Gemeente Dronten</footer></body></html>`;

let dir = '';
const scan = (...args: string[]) => spawnSync(tsx, ['lib/cli/scan.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'raadslens-cli-'));
  writeFileSync(join(dir, 'voorstel.txt'), TXT);
  writeFileSync(join(dir, 'motie.html'), HTML);
  writeFileSync(join(dir, 'notulen.docx'), 'PK\u0003\u0004');
  writeFileSync(join(dir, 'kapot.txt'), Buffer.from([0x66, 0x6f, 0xff, 0x6f]));
  copyFileSync(join(root, 'test/fixtures/pdf/raadsvoorstel-3p.pdf'), join(dir, 'bijlage.pdf'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonOut {
  files: { file: string; kind: string; matches: { category: string; term: string; text: string; start: number; end: number; page?: number }[]; questions: { id: string; applies: boolean }[]; safeguards: { id: string; status: string }[]; missing: unknown[] }[];
}

describe('npm run scan (spawned)', () => {
  it('--json: scans txt, html and pdf; reports each bad file on stderr and exits 1', () => {
    const files = ['voorstel.txt', 'notulen.docx', 'motie.html', 'ontbreekt.txt', 'kapot.txt', 'bijlage.pdf'].map((f) => join(dir, f));
    const r = scan('--json', ...files);
    expect(r.status).toBe(1);
    const stderr = r.stderr.trim().split('\n');
    expect(stderr).toEqual([
      `raadslens: ${files[1]}: bestandstype niet ondersteund; gebruik .txt, .html, .htm of .pdf`,
      `raadslens: ${files[3]}: bestand niet gevonden`,
      `raadslens: ${files[4]}: het bestand is geen geldige UTF-8-tekst`,
    ]);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files.map((f) => [f.file, f.kind])).toEqual([[files[0], 'txt'], [files[2], 'html'], [files[5], 'pdf']]);

    const [txt, html, pdf] = out.files;
    // Offsets are JavaScript string indices into the file's UTF-8 content, unchanged.
    expect(txt!.matches.map((m) => [m.category, m.text])).toEqual([['camera', 'ANPR-camera’s'], ['algoritme', 'artificiële intelligentie']]);
    for (const m of txt!.matches) expect(TXT.slice(m.start, m.end)).toBe(m.text);
    expect(txt!.questions.map((q) => q.id)).toEqual(['ap-1', 'ap-2', 'ap-3']);
    expect(txt!.missing.length).toBeGreaterThan(0);
    expect(txt!.safeguards.every((s) => ['stated', 'negated', 'planned', 'absent'].includes(s.status))).toBe(true);

    // The main content only: no raadzaal camera, cookie banner or Dronten.
    expect(html!.matches.map((m) => [m.category, m.text])).toEqual([['tracking', 'wifitracking'], ['tracking', 'wifi-tracking'], ['sensor', 'sensoren']]);

    expect(pdf!.matches.length).toBeGreaterThan(0);
    expect(pdf!.matches.every((m) => typeof m.page === 'number' && m.page >= 1 && m.page <= 3)).toBe(true);
    expect(new Set(pdf!.matches.map((m) => m.category))).toContain('camera');
  }, 90_000);

  it('prints the human report in Dutch and exits 0 when every file was read', () => {
    const r = scan(join(dir, 'voorstel.txt'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Gevonden termen (2):');
    expect(r.stdout).toMatch(/camera \(ANPR-camera’s\) — 1× — regel 2/);
    expect(r.stdout).toContain('Vragen van de Autoriteit Persoonsgegevens:');
    expect(r.stdout).toContain('Waarborgen — wat het stuk erover zegt:');
  }, 60_000);

  it('explains its usage and exits 2 without files', () => {
    const r = scan('--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Geef minstens één bestand op.');
    expect(r.stderr).toContain('Gebruik: npm run scan -- [--json] BESTAND...');
    expect(r.stdout).toBe('');
  }, 60_000);
});

describe('runScan (in process)', () => {
  it('says on stderr when a document was only partly read, and still reports it', async () => {
    const err: string[] = [];
    let out = '';
    const io: ScanIo = { readFile: async () => new Uint8Array(), stdout: (t) => (out += t), stderr: (t) => err.push(t) };
    const readTxt = () => ({ pages: [{ text: 'Een drone.' }], warning: 'alleen de eerste 2 van 9 bladzijden zijn gescand' });
    expect(await runScan(['a.txt'], io, { readers: { txt: readTxt } })).toBe(0);
    expect(err).toEqual(['raadslens: a.txt: alleen de eerste 2 van 9 bladzijden zijn gescand\n']);
    expect(out).toContain('drone');
  });

  it('names the PDF pages without text before saying nothing was found (and in the JSON)', async () => {
    let out = '';
    const io: ScanIo = { readFile: async () => new Uint8Array(), stdout: (t) => (out += t), stderr: () => {} };
    const readPdf = () => ({ pages: [{ page: 1, text: '' }, { page: 2, text: 'Het college stelt voor de begroting vast te stellen.' }] });
    expect(await runScan(['brief.pdf'], io, { readers: { pdf: readPdf } })).toBe(0);
    expect(out).toMatch(/^== brief\.pdf \(pdf, 2 blz\.\) ==\nZonder tekst \(leeg of een scan\), daar is niets gelezen: blz\. 1\.\nGeen technologie gevonden\./);
    out = '';
    expect(await runScan(['--json', 'brief.pdf'], io, { readers: { pdf: readPdf } })).toBe(0);
    expect(JSON.parse(out).files[0].textlessPages).toEqual([1]);
  });

  it('refuses a directory and a scanned PDF without text with their own messages', async () => {
    const err: string[] = [];
    const io: ScanIo = {
      readFile: async (path) => {
        if (path === 'map.txt') throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
        return new TextEncoder().encode('Een drone.');
      },
      stdout: () => {},
      stderr: (t) => err.push(t),
    };
    expect(await runScan(['map.txt', 'goed.txt'], io)).toBe(1);
    expect(err).toEqual(['raadslens: map.txt: dit is een map, geen bestand\n']);
  });
});
