import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../lib/cli/args';
import { kindOf } from '../../../lib/cli/kinds';

describe('parseArgs', () => {
  it('takes --json and files in any order', () => {
    expect(parseArgs(['a.txt', '--json', 'b.html'])).toEqual({ ok: true, args: { json: true, help: false, files: ['a.txt', 'b.html'] } });
  });

  it('treats everything after -- as a file, even when it looks like an option', () => {
    expect(parseArgs(['--', '--json'])).toEqual({ ok: true, args: { json: false, help: false, files: ['--json'] } });
  });

  it('refuses an unknown option and an empty file list, in Dutch', () => {
    expect(parseArgs(['--jsno', 'a.txt'])).toEqual({ ok: false, message: 'Onbekende optie: --jsno' });
    expect(parseArgs(['--json'])).toEqual({ ok: false, message: 'Geef minstens één bestand op.' });
  });

  it('asks for help without files', () => {
    expect(parseArgs(['-h'])).toMatchObject({ ok: true, args: { help: true } });
  });
});

describe('kindOf', () => {
  it.each([
    ['stuk.txt', 'txt'],
    ['map/Stuk.TXT', 'txt'],
    ['C:\\stukken\\agenda.htm', 'html'],
    ['pagina.html', 'html'],
    ['bijlage.v2.PDF', 'pdf'],
  ])('%s → %s', (path, kind) => expect(kindOf(path)).toBe(kind));

  it.each(['stuk.docx', 'README', '.txt', 'map.txt/zonder', 'x.json'])('%s is not supported', (path) => expect(kindOf(path)).toBeNull());
});
