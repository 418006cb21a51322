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
