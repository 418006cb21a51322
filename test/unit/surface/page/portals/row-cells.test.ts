// A list of moties with a status column (NotuBiz's module list, an iBabs overview): each link
// takes the other cells of its own row along, where the background reads its outcome; never a
// cell of another row, and nothing outside a row.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowCells } from '@/lib/surface/page/portals/dom';
import { detectPortal } from '@/lib/surface/page/portals';

const FIXTURES = path.join(__dirname, '../../../../fixtures/portals');
const parse = (html: string) => new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');

describe('rowCells: the other cells of a link’s own row', () => {
  it('gives each link of a list its own row’s status, not its neighbour’s', () => {
    const doc = parse(`<table>
      <tr><th>Titel</th><th>Status</th></tr>
      <tr><td><a href="/document/1/1/Motie+1">Motie 1 Camera’s</a></td><td>Aangenomen</td></tr>
      <tr><td><a href="/document/2/1/Motie+2">Motie 2 Sensoren</a></td><td>Verworpen</td></tr>
      <tr><td><a href="/document/3/1/Motie+3">Motie 3 Drones</a></td><td></td></tr>
    </table>`);
    const links = [...doc.querySelectorAll('a')];
    expect(links.map(rowCells)).toEqual(['Aangenomen', 'Verworpen', undefined]);
  });

  it('leaves out the link’s own cell and long cells (a description is no status), and gives nothing outside a table row', () => {
    const long = 'Een lange toelichting over het plaatsen van camera’s in de binnenstad en wat dat kost';
    const doc = parse(`<table><tr><td><a href="/a.pdf">Motie A</a> aangenomen</td><td>${long}</td><td>12-03-2026</td><td>Ingetrokken</td></tr></table>
      <ul><li><a href="/b.pdf">Motie B</a> Aangenomen</li></ul>`);
    const [inRow, inList] = [...doc.querySelectorAll('a')];
    expect(rowCells(inRow!)).toBe('12-03-2026\nIngetrokken');
    expect(rowCells(inList!)).toBeUndefined();
  });

  it('on the NotuBiz list of moties, every attachment carries its row', () => {
    const doc = new DOMParser().parseFromString(readFileSync(path.join(FIXTURES, 'notubiz-moties.html'), 'utf8'), 'text/html');
    const location = new URL('https://denhaag.raadsinformatie.nl/modules/6/moties/view');
    expect(detectPortal(location, doc).attachments.map((a) => a.row)).toEqual(['5 februari 2026\nAangenomen', '5 februari 2026\nVerworpen', '12 februari 2026\nAangenomen', '12 februari 2026\nAangenomen']);
  });
});
