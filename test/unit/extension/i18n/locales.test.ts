// Dutch first, English second: both catalogues must say the same things, and no component may
// show text that bypasses them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../..');
type Catalogue = Record<string, { message: string; description?: string; placeholders?: Record<string, unknown> }>;
const load = (loc: string): Catalogue => JSON.parse(readFileSync(path.join(root, 'public/_locales', loc, 'messages.json'), 'utf8'));
const nl = load('nl');
const en = load('en');

/** $1…$9 substitutions and named $name$ placeholders, sorted (as a multiset). */
const placeholders = (msg: string) => [...msg.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0]).sort();

describe('locales', () => {
  it('nl and en have exactly the same keys', () => {
    const nk = Object.keys(nl).sort();
    const ek = Object.keys(en).sort();
    expect(nk.filter((k) => !(k in en)), 'missing in en').toEqual([]);
    expect(ek.filter((k) => !(k in nl)), 'missing in nl').toEqual([]);
    expect(nk.length).toBeGreaterThan(50);
  });

  it('every message has the same $n placeholders in both languages, and none is empty', () => {
    const mismatched = Object.keys(nl).filter((k) => en[k] && placeholders(nl[k]!.message).join() !== placeholders(en[k]!.message).join());
    expect(mismatched).toEqual([]);
    const empty = [...Object.entries(nl), ...Object.entries(en)].filter(([, v]) => !v.message.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('keys are valid for chrome.i18n (letters, digits, underscore) and Dutch is the default locale', () => {
    expect(Object.keys(nl).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
    expect(readFileSync(path.join(root, 'wxt.config.ts'), 'utf8')).toMatch(/default_locale:\s*'nl'/);
  });

  it('an English message is not simply the Dutch one copied (apart from names and symbols)', () => {
    const same = Object.keys(nl).filter((k) => en[k] && nl[k]!.message === en[k]!.message && /[a-z]{4,}\s+[a-z]{3,}/i.test(nl[k]!.message));
    expect(same).toEqual([]);
  });
});

// Visible text written straight into JSX or an accessible-name attribute, instead of through t().
const ALLOWED = new Set(['Raadslens']);
function hardCodedText(source: string): string[] {
  const found: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/<\/?([a-z][a-z0-9]*)(?:\s[^<>]*)?>([^<>{}]*)</g)) {
    const text = m[2]!.trim();
    if (!/[A-Za-zÀ-ÿ]{2,}/.test(text) || /=>|[();]/.test(text) || ALLOWED.has(text)) continue;
    found.push(text);
  }
  for (const m of code.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)) {
    if (!ALLOWED.has(m[2]!)) found.push(`${m[1]}="${m[2]}"`);
  }
  return found;
}

describe('no hard-coded UI text', () => {
  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );

  it('finds text in a sample (the check itself works)', () => {
    expect(hardCodedText('<p class="x">Opslaan</p>')).toEqual(['Opslaan']);
    expect(hardCodedText('<button aria-label="Sluiten">{t("x")}</button>')).toEqual(['aria-label="Sluiten"']);
    expect(hardCodedText('<h1>Raadslens</h1><p>{t("a")}</p>')).toEqual([]);
    expect(hardCodedText('const x = f<never, A>((i) => g(i) as Promise<never>);')).toEqual([]);
  });

  it('components and entrypoints pass everything through t()', () => {
    const offenders = [...files('components'), ...files('entrypoints')].flatMap((f) =>
      hardCodedText(readFileSync(path.join(root, f), 'utf8')).map((text) => `${f}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });
});
