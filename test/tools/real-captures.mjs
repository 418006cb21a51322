// The pages and PDFs captured from the live portals (../shared/real/, outside this repository),
// as the tests see them: each file with the address it was captured from. Tests use them when the
// folder is present and say so when it is not; the repository's own fixtures are written from their
// structure, never copied from them. RAADSLENS_REAL_DIR points at another copy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const REAL_DIR = path.resolve(process.env.RAADSLENS_REAL_DIR ?? path.join(projectRoot, '..', 'shared', 'real'));

const TYPES = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf' };

/**
 * Every capture whose original address is known: file (relative to REAL_DIR), absolute path, URL,
 * host, path with query, and the content type the portal served it with. Empty when absent.
 * @returns {import('./real-captures.d.mts').RealCapture[]}
 */
export function realCaptures() {
  const index = path.join(REAL_DIR, 'sources.json');
  if (!existsSync(index)) return [];
  /** @type {Record<string, { original_url?: unknown, portal?: unknown, kind?: unknown }>} */
  const sources = JSON.parse(readFileSync(index, 'utf8'));
  const out = [];
  for (const [file, info] of Object.entries(sources)) {
    const raw = typeof info.original_url === 'string' ? info.original_url.split(/\s/)[0] : '';
    let url;
    try {
      url = new URL(raw);
    } catch {
      continue; // no address recorded (e.g. a PDF whose download URL is unknown)
    }
    out.push({
      file,
      absPath: path.join(REAL_DIR, file),
      url: url.href,
      host: url.hostname,
      pathAndQuery: url.pathname + url.search,
      portal: typeof info.portal === 'string' ? info.portal : '',
      kind: typeof info.kind === 'string' ? info.kind : '',
      type: TYPES[/** @type {'.html' | '.pdf'} */ (path.extname(file).toLowerCase())] ?? 'application/octet-stream',
    });
  }
  return out;
}

/** Every file under REAL_DIR/<sub> with the given extension (captures without an address too). */
export function realFiles(sub, ext) {
  const index = path.join(REAL_DIR, 'sources.json');
  if (!existsSync(index)) return [];
  return Object.keys(JSON.parse(readFileSync(index, 'utf8')))
    .filter((f) => f.startsWith(sub + '/') && f.endsWith(ext))
    .map((f) => path.join(REAL_DIR, f));
}
