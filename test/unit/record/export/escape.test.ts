// Page text and backup contents in the exports stay text: the Markdown is rendered by a real
// CommonMark + GFM renderer (markdown-it, raw HTML on, every link scheme allowed, as a lax viewer
// would) and may contain no structure but our own; CSV cells never start a formula.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { StoredDocument, StoredFlag, StoredNote } from '../../../../lib/record/db';
import { CSV_COLUMNS, parseCsv, toCsv, toMarkdown, type ExportSet } from '../../../../lib/record/export';
import { escapeMarkdownInline, escapeMarkdownLines, markdownLink, neutraliseFormula } from '../../../../lib/record/export/escape';
import { labels } from './fixtures';

/** A lax viewer: raw HTML on, GFM tables and strikethrough, any link scheme allowed; bare http(s) addresses become links. */
function renderer(linkify: boolean): (markdown: string) => string {
  const md = new MarkdownIt({ html: true, linkify });
  md.enable(['table', 'strikethrough']);
  md.validateLink = () => true;
  return (markdown) => md.render(markdown);
}
const render = renderer(true);

const HOSTILE_LINES = [
  '# Kop',
  '[klik](javascript:alert(1))',
  '<img src=x onerror=alert(1)>',
  '    vier spaties: code',
  '1. een lijst',
  '===',
  '- een punt',
  '> een citaat',
  '```',
  '| a | b |',
  '| - | - |',
  '![plaatje](https://evil.example/p.png)',
  '[ref]: javascript:alert(3)',
  'tekst met **vet**, _schuin_, ~~weg~~, `code`, &amp; en een \\ aan het eind\\',
];
const HOSTILE = HOSTILE_LINES.join('\n');

const URL_WITH_GT = 'https://evil.example/doc?a=1>2&b=<x>';
const SCRIPT_URL = 'javascript:alert(document.domain)//';

const documents: StoredDocument[] = [
  { id: URL_WITH_GT, url: URL_WITH_GT, title: '# Titel <img src=x onerror=alert(1)> [klik](javascript:alert(2))', gemeente: '*Gemeente* <b>', type: '`motie`', createdAt: 1, updatedAt: 1 },
  { id: SCRIPT_URL, url: SCRIPT_URL, title: 'Oud document', createdAt: 1, updatedAt: 1 },
];
const anchor = { exact: HOSTILE, prefix: '', suffix: '', start: 10, end: 10 + HOSTILE.length };
const notes: StoredNote[] = [
  { id: '11111111-1111-4111-8111-111111111111', documentId: URL_WITH_GT, anchor, text: `Notitie\r# kop na een losse CR\n${HOSTILE}`, status: 'open', tags: ['<i>tag</i>', '#kop'], createdAt: 2, updatedAt: 2, revision: 1 },
  { id: '22222222-2222-4222-8222-222222222222', documentId: SCRIPT_URL, text: 'bij een oud adres', status: 'open', tags: [], createdAt: 3, updatedAt: 3, revision: 1 },
];
const flags: StoredFlag[] = [
  { id: '33333333-3333-4333-8333-333333333333', documentId: URL_WITH_GT, kind: 'passage', anchor, reason: '## reden\n<script>alert(4)</script>', status: 'open', tags: [], createdAt: 4, updatedAt: 4, revision: 1 },
];
const set: ExportSet = { documents, notes, flags };

/** The HTML elements a rendering contains, by tag name. */
function tags(html: string): Map<string, number> {
  const count = new Map<string, number>();
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b/gi)) count.set(m[1]!.toLowerCase(), (count.get(m[1]!.toLowerCase()) ?? 0) + 1);
  return count;
}

describe('Markdown export of hostile page text', () => {
  const markdown = toMarkdown(set, labels, { exportedAt: Date.UTC(2026, 10, 28) });
  const html = render(markdown);
  const elements = tags(html);

  it('renders no structure but its own: headings, quotes, lists and links of the export only', () => {
    // Ours: one h1, an h2 per document, an h3 per note or flag; one hr before the source line.
    expect(elements.get('h1')).toBe(1);
    expect(elements.get('h2')).toBe(2);
    expect(elements.get('h3')).toBe(3);
    expect(elements.get('hr')).toBe(1);
    expect(elements.get('blockquote')).toBe(2);
    for (const tag of ['img', 'script', 'b', 'i', 'table', 'pre', 'code', 'ol', 'em', 'strong', 's', 'del']) {
      // Only our own "**Reden:**" is bold.
      expect(elements.get(tag) ?? 0, `<${tag}>`).toBe(tag === 'strong' ? 1 : 0);
    }
    // A bare web address in the page text may become a link, as in the page; nothing else does.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
  });

  it('keeps the page text word for word, as text', () => {
    const shown = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const line of HOSTILE_LINES) expect(shown).toContain(line.trim());
    expect(shown).toContain('# Titel <img src=x onerror=alert(1)> [klik](javascript:alert(2))');
    expect(shown).toContain('# kop na een losse CR');
  });

  it('links a URL with > and < intact (percent-encoded), and never links a non-http address', () => {
    const encoded = 'https://evil.example/doc?a=1%3E2&b=%3Cx%3E';
    expect(html).toContain(`href="${encoded.replace('&', '&amp;')}"`);
    expect(new URL(encoded).searchParams.get('a')).toBe('1>2');
    expect(html).not.toContain('href="javascript:');
    expect(markdown).toContain('Oud document (javascript:alert(document.domain)//)');
  });
});

describe('escaping helpers', () => {
  it('escape each line so that it renders as the same text in a paragraph', () => {
    const render = renderer(false);
    for (const line of [...HOSTILE_LINES, '2) tweede', '+ plus', '* ster', '***', '___', '- - -', '#5 is geen kop', '  ingesprongen']) {
      const out = render(escapeMarkdownLines(line).join('\n'));
      expect(out, line).toMatch(/^<p>[^<]*<\/p>\n$/);
    }
    expect(escapeMarkdownInline(' regel\neen\r\ntwee ')).toBe('regel een twee');
    // What means nothing stays as it was, so the raw file still reads well.
    expect(escapeMarkdownLines('-weg ermee, Q&A, 3.5 % en nr. #5\n2026. Een jaar')).toEqual(['-weg ermee, Q&A, 3.5 % en nr. #5', '2026\\. Een jaar']);
    expect(escapeMarkdownInline('Motie ## 5 #')).toBe('Motie \\#\\# 5 \\#');
  });

  it('make no link of what is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'chrome://settings/', 'geen url']) {
      expect(render(markdownLink('open', url))).not.toContain('<a ');
    }
    expect(render(markdownLink('open', 'https://x.nl/a b'))).toContain('href="https://x.nl/a%20b"');
  });

  it('neutralise a formula start after spaces, no-break spaces and invisible characters', () => {
    for (const cell of ['=1+1', ' =1+1', '\u00a0=HYPERLINK("https://evil.example")', '\u2003+1', '\u200b@SUM(A1)', '\ufeff-2+3', ' \t=1', '\n=1']) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['tekst', ' tekst', '1-2', 'e-mail: a@b.nl', '']) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('CSV export of hostile text', () => {
  it('starts no cell with a formula, also behind leading whitespace', () => {
    const sneaky: StoredNote = { ...notes[1]!, text: '\u00a0=HYPERLINK("https://evil.example";"klik")' };
    const title = { ...documents[1]!, title: ' =1+1' };
    const rows = parseCsv(toCsv({ documents: [title], notes: [sneaky], flags: [] }, labels));
    const row = rows[1]!;
    expect(row[CSV_COLUMNS.indexOf('tekst')]).toBe(`'\u00a0=HYPERLINK("https://evil.example";"klik")`);
    expect(row[CSV_COLUMNS.indexOf('document')]).toBe(`' =1+1`);
  });
});
