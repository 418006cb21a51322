// The portals as they really are (research/real-portals.md): attachment links without .pdf,
// grouped per agendapunt; the meeting's name and date where each portal writes them; the
// gemeente by its official name; and the pages that are not a document. On fixtures written from
// the live structure, and on the live captures themselves (../shared/real/) when present.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPortal } from '@/lib/surface/page/portals';
import { classifyPage } from '@/lib/surface/page/portals/page-kind';
import { buildTextIndex } from '@/lib/surface/page/scan/text-index';
import { isPageChrome } from '@/lib/surface/page/scan/main-content';

// As test/tools/real-captures.mjs finds them (that module reads import.meta.url, which is no file URL under happy-dom).
const REAL_DIR = path.resolve(process.env.RAADSLENS_REAL_DIR ?? path.resolve(__dirname, '../../../../../../shared/real'));
const FIXTURES = path.resolve(__dirname, '../../../../fixtures/portals');

function parse(html: string) {
  // happy-dom would try to load stylesheets; the detectors never need them.
  return new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/gi, ''), 'text/html');
}

function detect(file: string, url: string, dir = FIXTURES) {
  const doc = parse(readFileSync(path.join(dir, file), 'utf8'));
  return { doc, d: detectPortal(new URL(url), doc) };
}

/** The text a scan of the detected main content reads (chrome left out). */
function scanned(d: ReturnType<typeof detectPortal>): string {
  const exclude = (el: Element) => isPageChrome(el) || !!d.detector.isChrome?.(el);
  return buildTextIndex(d.main, { exclude }).text;
}

const MEETING = 'https://hofvantwente.bestuurlijkeinformatie.nl/Agenda/Index/6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f';
const doc = (n: number, item?: number) =>
  `https://hofvantwente.bestuurlijkeinformatie.nl/Agenda/Document/6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f?documentId=a0000001-0000-4000-8000-00000000000${n}${item ? `&agendaItemId=c1000001-aaaa-4bbb-8ccc-00000000000${item}` : ''}`;

describe('iBabs', () => {
  it('lists every /Agenda/Document/ link of a meeting by its link text, per agendapunt', () => {
    const { d } = detect('ibabs-vergadering.html', MEETING);
    expect(d.attachments).toEqual([
      { name: 'Agenda gemeenteraad 14 april 2026', url: doc(1) },
      { name: 'Raadsvoorstel cameratoezicht centrum Goor', url: doc(2, 2), group: '2. Raadsvoorstel cameratoezicht centrum Goor' },
      { name: 'Raadsvoorstel cameratoezicht centrum Goor - bijlage 1 - DPIA', url: doc(3, 2), group: '2. Raadsvoorstel cameratoezicht centrum Goor' },
      { name: 'Ontwerpbesluit cameratoezicht', url: doc(4, 2), group: '2. Raadsvoorstel cameratoezicht centrum Goor' },
      { name: 'Raadsinformatiebrief slimme lantaarnpalen Delden', url: doc(5, 3), group: '3. Raadsinformatiebrief slimme lantaarnpalen' },
      { name: 'Evaluatie proef sensoren Markt', url: doc(6, 3), group: '3. Raadsinformatiebrief slimme lantaarnpalen' },
      { name: 'Motie geen gezichtsherkenning in de openbare ruimte', url: doc(7, 4), group: '4. Motie vreemd aan de orde: geen gezichtsherkenning' },
    ]);
  });

  it('names the meeting and its date from the heading and the h2 under it, the gemeente from the site', () => {
    const { d } = detect('ibabs-vergadering.html', MEETING);
    expect(d.meta).toEqual({
      portal: 'ibabs',
      portalLabel: 'iBabs',
      gemeente: 'Hof van Twente',
      title: 'Gemeenteraad',
      meeting: 'Gemeenteraad',
      date: 'dinsdag 14 april 2026',
      documentType: 'agenda',
    });
    expect(d.page).toBeUndefined();
    const text = scanned(d);
    expect(text).toContain('pilot met bodycams');
    // The webcast block and the meetings sidebar are not the document.
    expect(text).not.toContain('zenden deze vergadering live uit');
    expect(text).not.toContain('dinsdag 19 mei');
  });

  it('takes an overview’s title from its list, not from the sidebar’s "Filters"', () => {
    const { d } = detect('ibabs-overzicht.html', 'https://hofvantwente.bestuurlijkeinformatie.nl/Reports/Details/5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f');
    // An overview of raadsbrieven, not a raadsbrief (a note or letter from here must not say "de raadsinformatiebrief").
    expect(d.meta).toMatchObject({ title: 'Raadsbrieven', gemeente: 'Hof van Twente', documentType: 'documentenlijst' });
    // The rows are not in the served page (the script fills them): nothing to list yet, and not
    // "empty" but still loading — no "Geen technologie gevonden" about a list nobody has seen.
    expect(d.attachments).toEqual([]);
    expect(d.page).toEqual({ kind: 'loading' });
  });

  it('an overview once its script filled the rows is a list again, not loading', () => {
    const html = readFileSync(path.join(FIXTURES, 'ibabs-overzicht.html'), 'utf8').replace(
      /<tbody><tr><td colspan="4"><img[^>]*><\/td><\/tr><\/tbody>/,
      '<tbody><tr><td>12-05-2026</td><td>Raadsbrief parkeren</td></tr></tbody>',
    );
    const doc = parse(html);
    expect(doc.querySelector('#overzichten-data tbody tr')).not.toBeNull();
    expect(detectPortal(new URL('https://hofvantwente.bestuurlijkeinformatie.nl/Reports/Details/5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f'), doc).page).toBeUndefined();
  });

  // Other meeting pages of the same shape (written here from the captured structure): a meeting
  // without any document, and an agendapunt with sub-items that each have their documents.
  const ITEM_MEETING = 'https://voorbeeld.bestuurlijkeinformatie.nl/Agenda/Index/11111111-2222-4333-8444-555555555555';
  const item = (id: string, n: string, title: string, inner = '') =>
    `<li><div class="panel panel-default agenda-item" id="${id}"><div class="panel-heading large"><div class="d-flex"><div class="panel-id">${n}</div><h3 class="panel-title"><button><span class="panel-title-label">${title}</span></button></h3></div></div><div class="panel-collapse collapse show"><div class="panel-body">${inner}</div></div></div></li>`;
  const docLink = (id: string, name: string, itemId: string) =>
    `<ul class="list-group list-attachments"><li class="list-group-item"><a href="/Agenda/Document/11111111-2222-4333-8444-555555555555?documentId=${id}&amp;agendaItemId=${itemId}" class="unread"><span class="icon pdf" aria-label="pdf" role="img"></span> ${name} <span class="badge badge-light badge-pill">12 KB</span></a></li></ul>`;
  const meetingPage = (items: string) =>
    `<html><head><title>Agenda Voorbeeld - Raad dinsdag 2 juni 2026 - iBabs Publieksportaal</title></head><body data-site-name="Almelo"><main id="content"><aside id="sidecontent-left"><h1>Filters</h1></aside><section class="col-md-9 maincontent" id="maincontent"><div class="box-header"><h1>Raad</h1><h2>dinsdag 2 juni 2026</h2></div><div id="agendaitems"><ol>${items}</ol></div></section></main></body></html>`;

  it('a meeting without documents: a meeting (not an empty page), nothing listed, nothing to come', () => {
    const d = detectPortal(new URL(ITEM_MEETING), parse(meetingPage(item('a1', '1', 'Opening') + item('a2', '2', 'Sluiting'))));
    expect(d.page).toBeUndefined();
    expect(d.meta).toMatchObject({ meeting: 'Raad', date: 'dinsdag 2 juni 2026', documentType: 'agenda' });
    expect(d.attachments).toEqual([]);
    expect(d.detector.documentsLater).toBeUndefined();
  });

  it('an agendapunt with sub-items: each document under its own sub-item, the item’s own under the item', () => {
    const sub = `<ol>${item('c3a', '3a', 'Camerabeleid', docLink('d1', 'Raadsvoorstel camerabeleid', 'c3a'))}${item('c3b', '3b', 'Drones', docLink('d2', 'Raadsinformatiebrief drones', 'c3b'))}</ol>`;
    const d = detectPortal(new URL(ITEM_MEETING), parse(meetingPage(item('c3', '3', 'Veiligheid', sub + docLink('d3', 'Memo veiligheid', 'c3')))));
    expect(d.attachments.map((a) => [a.name, a.group])).toEqual([
      ['Raadsvoorstel camerabeleid', '3a. Camerabeleid'],
      ['Raadsinformatiebrief drones', '3b. Drones'],
      ['Memo veiligheid', '3. Veiligheid'],
    ]);
  });

  it('knows its error page, with the same chrome as a real page, and reports no document there', () => {
    const { d } = detect('ibabs-foutpagina.html', 'https://hofvantwente.bestuurlijkeinformatie.nl/Agenda/Index/0000');
    expect(d.page).toEqual({ kind: 'error' });
    expect(d.meta).toEqual({ portal: 'ibabs', portalLabel: 'iBabs', gemeente: 'Hof van Twente' });
    expect(d.attachments).toEqual([]);
  });

  it('knows an empty search, though it repeats the query', () => {
    const { d } = detect('ibabs-zoeken-leeg.html', 'https://hofvantwente.bestuurlijkeinformatie.nl/Search?query=gezichtsherkenning');
    expect(d.page).toEqual({ kind: 'empty' });
  });
});

describe('GemeenteOplossingen', () => {
  const url = 'https://raad.ridderkerk.nl/Vergaderingen/Gemeenteraad/2026/14-april/19:30/';

  it('reads the meeting, date and gemeente a GO meeting page shows', () => {
    const { d } = detect('go-vergadering-laat.html', url);
    expect(d.meta).toEqual({
      portal: 'gemeenteoplossingen',
      portalLabel: 'GemeenteOplossingen',
      gemeente: 'Ridderkerk',
      title: 'Gemeenteraad 14 april 2026 19:30 uur',
      meeting: 'Gemeenteraad',
      date: '14 april 2026',
      documentType: 'agenda',
    });
    // The meeting's own documents are in the page; the items' documents come later (frame-scanner test, e2e):
    // the three items marked "Agendapunt bevat bijlagen" are counted, the one marked bijlage_false not.
    expect(d.attachments).toEqual([{ name: 'Agenda gemeenteraad 14 april 2026', url: `${url}Agenda-gemeenteraad-14-april-2026.pdf` }]);
    expect(d.detector.documentsLater?.(d.main)).toBe(3);
    const text = scanned(d);
    expect(text).toContain('mobiel cameratoezicht');
    expect(text).not.toMatch(/Legenda|Print deze agenda|zenden deze vergadering/);
  });

  it('lists the documents risbis puts into #agendapunt_documenten_{id}, in their agendapunt, without the note links', () => {
    const { doc: page } = detect('go-vergadering-laat.html', url);
    const fragment = readFileSync(path.join(FIXTURES, 'go-risbis/41003.html'), 'utf8');
    page.getElementById('agendapunt_documenten_41003')!.append(...parse(`<body>${fragment}</body>`).body.childNodes);
    const d = detectPortal(new URL(url), page);
    // Three items are marked bijlage_true; one of them has its documents now.
    expect(d.detector.documentsLater?.(d.main)).toBe(2);
    expect(d.attachments.slice(1)).toEqual([
      { name: 'Raadsvoorstel Camerabeleid Ridderkerk 2026', url: 'https://raad.ridderkerk.nl/Documenten/Raadsvoorstel-Camerabeleid-Ridderkerk-2026.pdf', group: '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.' },
      { name: 'Camerabeleid Ridderkerk 2026', url: 'https://raad.ridderkerk.nl/Documenten/Camerabeleid-Ridderkerk-2026.pdf', group: '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.' },
      { name: 'DPIA mobiel cameratoezicht', url: 'https://raad.ridderkerk.nl/Documenten/DPIA-mobiel-cameratoezicht.pdf', group: '3. Voorstel tot het vaststellen van het Camerabeleid Ridderkerk 2026.' },
    ]);
  });

  it('takes the print view’s title after its print banner, and its "Datum:" line', () => {
    const { d } = detect('go-print.html', `${url}print`);
    expect(d.meta).toMatchObject({ title: 'Gemeenteraad', date: '14-04-2026', meeting: 'Gemeenteraad', gemeente: 'Ridderkerk' });
  });
});

describe('NotuBiz and Parlaeus', () => {
  it('names NotuBiz documents by link text or, for an icon link, by the file name in the URL (its "I_6" the motie "I.6", as the text links write it)', () => {
    const { d } = detect('notubiz-vergadering-denhaag.html', 'https://denhaag.raadsinformatie.nl/vergadering/1259752/Raad%208%20mei%202025');
    expect(d.meta).toMatchObject({ gemeente: 'Den Haag', meeting: 'Raad', date: 'donderdag 8 mei 2025' });
    expect(d.attachments).toEqual([
      { name: 'I.6 VVD motie Relschoppers mogen niet ongestraft wegkomen', url: 'https://denhaag.raadsinformatie.nl/document/15518187/1/I_6++VVD+motie+Relschoppers+mogen+niet+ongestraft+wegkomen', group: '6. Debat over de rellen op de boulevard' },
      { name: 'I.7 PvdA motie Geen gezichtsherkenning zonder DPIA', url: 'https://denhaag.raadsinformatie.nl/document/15518188/1/I_7+PvdA+motie+Geen+gezichtsherkenning+zonder+DPIA', group: '6. Debat over de rellen op de boulevard' },
      { name: 'F.8 FVD motie Onderzoek AI voor ambtelijke functies', url: 'https://api.notubiz.nl/document/15667381/3', group: '7. Onderzoek naar de inzet van AI' },
    ]);
  });

  it('lists Parlaeus /showdoc/…/type=pdf/ documents per agendapunt (div#ap{id})', () => {
    const { d } = detect('parlaeus-agenda.html', 'https://apeldoorn.parlaeus.nl/user/agenda/action=view/ag=5f3a');
    expect(d.meta).toMatchObject({ gemeente: 'Apeldoorn', title: 'Gemeenteraad 5 maart 2026', date: 'donderdag 5 maart 2026', documentType: 'agenda' });
    expect(d.attachments).toEqual([
      { name: 'Raadsvoorstel Veiligheidsplan 2026', url: 'https://apeldoorn.parlaeus.nl/user/showdoc/action=view/id=48210/type=pdf/Raadsvoorstel_Veiligheidsplan_2026.pdf', group: '6. Veiligheidsplan 2026' },
      { name: 'Motie M12 Geen slimme cameras zonder debat', url: 'https://apeldoorn.parlaeus.nl/user/showdoc/action=view/id=48211/type=pdf/Motie_M12_Geen_slimme_cameras_zonder_debat.pdf', group: '6. Veiligheidsplan 2026' },
    ]);
  });
});

describe('where a page says less', () => {
  it('NotuBiz: the meeting and its date from /vergadering/{id}/{name date} when the page has no heading for them', () => {
    const doc = parse('<div id="content"><div class="main"><ol class="agenda-items"><li class="agenda-item"><h2 class="agenda-item-title">1. Opening</h2></li></ol></div></div>');
    const d = detectPortal(new URL('https://denhaag.raadsinformatie.nl/vergadering/322288/Raad%20%283%20dagdelen%29%2006-07-2017'), doc);
    expect(d.meta).toMatchObject({ gemeente: 'Den Haag', meeting: 'Raad (3 dagdelen)', date: '06-07-2017', documentType: 'agenda' });
  });

  it('the gemeente from the logo’s alt text where the host and the site name do not say it', () => {
    const doc = parse('<header id="header"><div class="logo"><img alt="Logo Súdwest-Fryslân" src="data:,"></div></header><main id="content"><h1>Raad</h1></main>');
    const d = detectPortal(new URL('https://ris-portaal.bestuurlijkeinformatie.nl/Agenda/Index/1'), doc);
    expect(d.meta.gemeente).toBe('Súdwest-Fryslân');
  });
});

describe('in front of the portal: bot checks', () => {
  it('knows Anubis and Cloudflare by their own scripts and paths', () => {
    expect(detect('botcontrole-anubis.html', 'https://gemeenteraad.denhelder.nl/Vergaderingen/').d.page).toEqual({ kind: 'botcheck', by: 'Anubis' });
    expect(detect('botcontrole-cloudflare.html', 'https://denhaag.raadsinformatie.nl/vergadering/1').d.page).toEqual({ kind: 'botcheck', by: 'Cloudflare' });
  });

  it('knows them by their titles when the markup differs, also in Dutch', () => {
    const page = (title: string, body = '<p>Even geduld.</p>') => parse(`<title>${title}</title><body>${body}</body>`);
    for (const title of ['Just a moment...', 'Een moment geduld…', "Making sure you're not a bot!", 'Controleren of u geen bot bent', 'Checking your browser before accessing', 'DDoS-Guard']) {
      const d = page(title);
      expect(classifyPage(d, d.body)?.kind, title).toBe('botcheck');
    }
    // A long document that happens to have such a title is still read.
    const long = page('Just a moment', `<main>${'<p>Het college wil het cameratoezicht uitbreiden met slimme camera’s.</p>'.repeat(60)}</main>`);
    expect(classifyPage(long, long.body)).toBeUndefined();
  });
});

describe('documents that only look like these pages', () => {
  const page = (title: string, body: string) => parse(`<title>${title}</title><body><main>${body}</main></body>`);

  it('reads documents whose title or text starts like an error or says "geen resultaten"', () => {
    const cases = [
      page('Onderhoud wegen 2026 - Gemeente Goes', '<h1>Onderhoud wegen 2026</h1><p>Het college stelt voor de wegen te onderhouden.</p>'),
      page('Motie foutparkeren - Raadsinformatie', '<h1>Motie foutparkeren</h1><p>Handhaving met scanauto’s.</p>'),
      page('Evaluatie pilot', '<h1>Evaluatie pilot drones</h1><p>De pilot leverde geen resultaten op die inzet rechtvaardigen; de drones blijven aan de grond.</p>'),
    ];
    for (const d of cases) expect(classifyPage(d, d.querySelector('main')!), d.title).toBeUndefined();
  });
});

// ---- The live captures (../shared/real/): skipped, saying why, where they are not present. ----
const hasReal = existsSync(path.join(REAL_DIR, 'sources.json'));

describe.skipIf(!hasReal)(hasReal ? `live captures in ${REAL_DIR}` : `live captures: skipped, ${REAL_DIR} is not present (the fixtures above follow their structure)`, () => {
  const real = (file: string, url: string) => detect(file, url, REAL_DIR);

  it('iBabs Almelo meeting: all 5 documents, grouped, with the meeting’s date', () => {
    const { d } = real('ibabs/almelo-meeting_detail.html', 'https://almelo.bestuurlijkeinformatie.nl/Agenda/Index/55a2d355-2f35-4543-ae50-6d3576dd1275');
    expect(d.meta).toMatchObject({ gemeente: 'Almelo', meeting: 'Raad', date: 'woensdag 1 april 2026', documentType: 'agenda' });
    expect(d.attachments.map((a) => [a.name, a.group])).toEqual([
      ['Aangepaste agenda buitengewone raadsvergadering 1 april 2026', undefined],
      ['Toelating leden gemeenteraad 2026-2030 - Raadsvoorstel', '2. Raadsbesluit toelating gemeenteraad 2026-2030'],
      ['Toelating leden gemeenteraad 2026-2030 - bijlage 1 - Verslag uitslag en zetelverdeling - proces-verbaal model P22-2', '2. Raadsbesluit toelating gemeenteraad 2026-2030'],
      ['Verslag informatiefase collegevorming Almelo', '5. Verslag informatiefase collegevorming Almelo'],
      ['Transcript 1 april 2026', '7. Notulen'],
    ]);
    for (const a of d.attachments) expect(a.url).toMatch(/^https:\/\/almelo\.bestuurlijkeinformatie\.nl\/Agenda\/Document\/55a2d355-2f35-4543-ae50-6d3576dd1275\?documentId=/);
  });

  it('iBabs Almelo calendar: titled as the page (Vergaderingen), not by the month it shows', () => {
    const { d } = real('ibabs/almelo-meeting_list.html', 'https://almelo.bestuurlijkeinformatie.nl/Calendar');
    expect(d.meta).toMatchObject({ gemeente: 'Almelo', title: 'Vergaderingen Almelo' });
  });

  it('iBabs Almelo overview: the list’s heading, not "Filters"', () => {
    const { d } = real('ibabs/almelo-document_page.html', 'https://almelo.bestuurlijkeinformatie.nl/Reports/Details/2a3c7d48-696a-4a7b-8636-26b1a1b1199d');
    expect(d.meta).toMatchObject({ gemeente: 'Almelo', title: 'Moties', documentType: 'documentenlijst' });
    // Its rows come from /Reports/GetReportData/{id} after load: in the served page, still loading.
    expect(d.page).toEqual({ kind: 'loading' });
  });

  it('GO Den Helder meeting: "Den Helder", the meeting and its date; the risbis fragment’s document without its note link', () => {
    const { d } = real('go/denhelder-meeting-2015-06-29.html', 'https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/29-juni/17:00/');
    expect(d.meta).toMatchObject({ gemeente: 'Den Helder', meeting: 'Gemeenteraad', date: '29 juni 2015', documentType: 'agenda' });
    expect(d.attachments.map((a) => a.name)).toEqual(['Besluitenlijst raadsvergadering 29 juni 2015', 'Oproep vergadering gemeenteraad']);
    // 13 agendapunten say "Agendapunt bevat bijlagen"; their documents come only when opened.
    expect(d.detector.documentsLater?.(d.main)).toBe(13);
    expect(scanned(d)).not.toMatch(/Legenda|Kijk of luister mee/);

    const fragment = real('go/denhelder-meeting-item-documents.fragment.html', 'https://gemeenteraad.denhelder.nl/modules/risbis/risbis.php?g=get_docs_for_ag&agendapunt_object_id=19024').d;
    expect(fragment.attachments).toEqual([
      { name: 'Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad', url: 'https://gemeenteraad.denhelder.nl/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf' },
    ]);
  });

  it('GO agenda item: grouped under its agendapunt once risbis has filled it', () => {
    const { doc: item } = real('go/denhelder-meeting-item.fragment.html', 'https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/31-augustus/19:30/');
    const docs = parse(readFileSync(path.join(REAL_DIR, 'go/denhelder-meeting-item-documents.fragment.html'), 'utf8'));
    item.getElementById('agendapunt_documenten_19024')!.append(...[...docs.body.childNodes].map((n) => item.importNode(n, true)));
    const d = detectPortal(new URL('https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/31-augustus/19:30/'), item);
    expect(d.meta).toMatchObject({ gemeente: 'Den Helder', meeting: 'Gemeenteraad', date: '31 augustus 2015' });
    // Its documents have arrived: nothing left to come.
    expect(d.detector.documentsLater?.(d.main)).toBe(0);
    expect(d.attachments).toEqual([
      {
        name: 'Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad',
        url: 'https://gemeenteraad.denhelder.nl/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf',
        group: '6. Bekrachtigen van de geheimhouding op de daartoe door het college gewaarmerkte exploitatie van Zeestad per 1 januari 2015.',
      },
    ]);
  });

  it('Gemeenteblad Rheden: its metadata (a permit made known: a bekendmaking), no page kind', () => {
    const { d } = real('gemeenteblad/gmb-2017-100007-rheden.repository.html', 'https://zoek.officielebekendmakingen.nl/gmb-2017-100007.html');
    expect(d.meta).toMatchObject({ gemeente: 'Rheden', portalLabel: 'Gemeenteblad', title: 'Bekendmaking Wet op de kansspelen St. Inloophuis Velp Zuid', documentType: 'bekendmaking' });
    expect(d.page).toBeUndefined();
  });
});
