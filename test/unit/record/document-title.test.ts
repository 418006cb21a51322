// The panel's header names a document as its "Titel" row, the notes and a letter do (documentTitle):
// on the real captures (../shared/real/) where a QA pass found the header showing the raw tab title.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTitle } from '@/lib/record/document-meta';
import { detectPortal } from '@/lib/surface/page/portals';
import { portalSummary } from '@/lib/surface/page/session/report';

const REAL_DIR = path.resolve(process.env.RAADSLENS_REAL_DIR ?? path.resolve(__dirname, '../../../../shared/real'));
const hasReal = existsSync(path.join(REAL_DIR, 'sources.json'));
const FIXTURES = path.resolve(__dirname, '../../fixtures/portals');


describe('documentTitle: the header’s title', () => {
  it('is the portal’s title, a body-only title with its date, and the tab title only without one', () => {
    expect(documentTitle({ title: 'Raad', meeting: 'Raad', date: 'woensdag 1 april 2026' }, 'Agenda Almelo - Raad woensdag 1 april 2026 19:30 - 21:00 - iBabs Publieksportaal')).toBe(
      'Raad woensdag 1 april 2026',
    );
    expect(documentTitle({ title: 'Moties' }, 'Moties Almelo - iBabs Publieksportaal')).toBe('Moties');
    expect(documentTitle(undefined, 'Een pagina')).toBe('Een pagina');
    expect(documentTitle({ gemeente: 'Den Helder' }, 'Een pagina')).toBe('Een pagina');
  });

  it('names a page without <title> (its tab title is its address) by its meeting; the address stays where nothing names it', () => {
    const address = 'gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/31-augustus/19:30/';
    const facts = { gemeente: 'Den Helder', meeting: 'Gemeenteraad', date: '31 augustus 2015' };
    expect(documentTitle(facts, address)).toBe('Gemeenteraad 31 augustus 2015');
    expect(documentTitle(facts, `http://${address}`)).toBe('Gemeenteraad 31 augustus 2015');
    expect(documentTitle(facts, '')).toBe('Gemeenteraad 31 augustus 2015');
    // A real tab title is kept over the meeting's name.
    expect(documentTitle(facts, 'Agendapunt 6 Zeestad')).toBe('Agendapunt 6 Zeestad');
    const risbis = 'gemeenteraad.denhelder.nl/modules/risbis/risbis.php?g=get_docs_for_ag&agendapunt_object_id=19024';
    expect(documentTitle({ gemeente: 'Den Helder' }, risbis)).toBe(risbis);
    expect(documentTitle(undefined, '')).toBe('');
  });
});

/** The header's title and the "Titel" row's value (shown unless it is only the meeting's name), as the panel draws them for a page. */
function panelOfPage(dir: string, file: string, url: string, tabTitle = '') {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(dir, file), 'utf8').replace(/<link\b[^>]*>/gi, ''), 'text/html');
  const portal = portalSummary(detectPortal(new URL(url), doc).meta);
  return { header: documentTitle(portal, doc.title || tabTitle), row: portal.title !== portal.meeting ? portal.title : undefined, tabTitle: doc.title };
}

describe('documentTitle on portal pages written from the live captures’ structure', () => {
  const panelOf = (file: string, url: string) => panelOfPage(FIXTURES, file, url);

  it('GO meeting page: "19:30 uur" as in the Titel row, not the tab’s "19:30:00"', () => {
    const p = panelOf('go-vergadering-laat.html', 'https://raad.ridderkerk.nl/Vergaderingen/Gemeenteraad/2026/14-april/19:30/');
    expect(p.tabTitle).toContain('19:30:00');
    expect(p.header).toBe(p.row);
    expect(p.header).toBe('Gemeenteraad 14 april 2026 19:30 uur');
  });

  it('iBabs pages: without the portal suffix, as in the Titel row; a meeting page by its body and date', () => {
    const list = panelOf('ibabs-overzicht.html', 'https://hofvantwente.bestuurlijkeinformatie.nl/Reports/Item/2a3c7d48-696a-4a7b-8636-26b1a1b1199d');
    expect(list.tabTitle).toMatch(/iBabs Publieksportaal/);
    expect(list.header).toBe(list.row);
    expect(list.header).toBe('Raadsbrieven');
    const meeting = panelOf('ibabs-vergadering.html', 'https://hofvantwente.bestuurlijkeinformatie.nl/Agenda/Index/55a2d355-2f35-4543-ae50-6d3576dd1275');
    expect(meeting.tabTitle).toMatch(/iBabs Publieksportaal/);
    expect(meeting.header).toBe('Gemeenteraad dinsdag 14 april 2026');
  });
});

// The captures themselves, where this machine has them; the claims above hold without them.
if (hasReal) describe(`documentTitle on the live captures in ${REAL_DIR}`, () => {
  const panelOf = (file: string, url: string, tabTitle = '') => panelOfPage(REAL_DIR, file, url, tabTitle);

  it('GO meeting page: "17:00 uur" as in the Titel row, not the tab’s "17:00:00"', () => {
    const p = panelOf('go/denhelder-meeting-2015-06-29.html', 'https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/');
    expect(p.tabTitle).toContain('17:00:00');
    expect(p.header).toBe(p.row);
    expect(p.header).toBe('Gemeenteraad 29 juni 2015 17:00 uur');
  });

  it('iBabs pages: without the portal suffix, as in the Titel row; a meeting page by its body and date', () => {
    for (const [file, url] of [
      ['ibabs/almelo-document_page.html', 'https://almelo.bestuurlijkeinformatie.nl/Reports/Details/2a3c7d48-696a-4a7b-8636-26b1a1b1199d'],
      ['ibabs/almelo-meeting_list.html', 'https://almelo.bestuurlijkeinformatie.nl/Calendar'],
    ]) {
      const p = panelOf(file!, url!);
      expect(p.tabTitle).toMatch(/iBabs Publieksportaal/);
      expect(p.header).toBe(p.row);
      expect(p.header).not.toMatch(/iBabs/);
    }
    const meeting = panelOf('ibabs/almelo-meeting_detail.html', 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Index/55a2d355-2f35-4543-ae50-6d3576dd1275');
    expect(meeting.header).toBe('Raad woensdag 1 april 2026');
  });

  it('GO fragments without <title>: the item by its meeting, the documents list by its address', () => {
    const item = 'gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/31-augustus/19:30/';
    expect(panelOf('go/denhelder-meeting-item.fragment.html', `https://${item}`, item).header).toBe('Gemeenteraad 31 augustus 2015');
    const docs = 'gemeenteraad.denhelder.nl/modules/risbis/risbis.php?g=get_docs_for_ag&agendapunt_object_id=19024';
    expect(panelOf('go/denhelder-meeting-item-documents.fragment.html', `https://${docs}`, docs).header).toBe(docs);
  });
});
