// One name for one action, and export choices named for their use: held on the Dutch messages,
// which are what the panel, the options page and the README's screenshots say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const nl = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../public/_locales/nl/messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('action names', () => {
  it('reading the attachments has one name: the list\'s button and the coverage line\'s link', () => {
    expect(nl.pdfScanAll!.message).toBe('Lees de bijlagen');
    expect(nl.coverageActionOne!.message).toBe('Lees de bijlage');
    expect(Object.values(nl).filter((m) => /scan alle bijlagen/i.test(m.message))).toEqual([]);
  });
});

describe('one word for what Raadslens finds', () => {
  it('"vondst", as the panel\'s counts say, never "treffer"', () => {
    expect(Object.entries(nl).filter(([, m]) => /treffer/i.test(m.message)).map(([k]) => k)).toEqual([]);
  });
});

describe('export choices', () => {
  it('each says what it is for before the file format, which stays named in brackets', () => {
    const choices = ['exportMarkdown', 'exportCsv', 'exportJson', 'exportAnnotations', 'letterCopyText', 'letterCopyMarkdown', 'letterDownload', 'dataExportAll'];
    for (const key of choices) {
      const label = nl[key]!.message;
      expect(label, key).not.toMatch(/^(Markdown|CSV|JSON|W3C|Download)\b/);
    }
    expect(nl.exportMarkdown!.message).toMatch(/\(\.md\)$/);
    expect(nl.exportCsv!.message).toMatch(/\(\.csv\)$/);
    expect(nl.exportJson!.message).toMatch(/\(\.json\)$/);
    expect(nl.exportAnnotations!.message).toMatch(/\.jsonld\)$/);
  });

  it('the letter\'s primary button stays one line in a 360 px panel (its bold label broke as "e-" / "mail")', () => {
    expect(nl.letterCopyText!.message).toBe('Kopieer voor een e-mail');
  });
});
