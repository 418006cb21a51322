// A real-sized iBabs meeting page for the start bench (start.bench.ts): the structure of an
// Almelo "Agenda/Index" page (year widgets in the side column, the meeting's facts, agenda items
// with their texts and attachment lists), its text generated from Dutch council sentences with a
// few about technology that processes personal data. No script of its own.
import { rng } from './corpus';

/** Where the benches serve it: an iBabs host (the content script runs there) and a meeting's address. */
export const MEETING_HOST = 'almelo.bestuurlijkeinformatie.nl';
export const MEETING_PATH = '/Agenda/Index/6f1c2a7e-9d3b-4c55-8e21-bench0000017';

const SENTENCES = [
  'Het college stelt de raad voor in te stemmen met de uitvoering van het programma zoals beschreven in het raadsvoorstel.',
  'De commissie Bestuur heeft het voorstel op 12 maart besproken en adviseert het als hamerstuk te behandelen.',
  'In de begroting is voor de jaren 2026 tot en met 2029 een structureel bedrag van € 250.000 opgenomen.',
  'De wijkraden en de ondernemersvereniging zijn in een bijeenkomst in het stadhuis over de plannen geïnformeerd.',
  'Na vaststelling volgt een evaluatie na twee jaar, waarvan de uitkomsten aan de raad worden voorgelegd.',
  'De fractie van de VVD heeft schriftelijke vragen gesteld over de planning en de financiële risico’s.',
  'Het bestemmingsplan ligt zes weken ter inzage; binnen die termijn kan iedereen een zienswijze indienen.',
  'Het voorstel past binnen de kaders van de Omgevingsvisie en het coalitieakkoord 2022-2026.',
  'Met de provincie en de buurgemeenten Hengelo en Wierden wordt samengewerkt in de regio Twente.',
  'De kosten van het onderhoud van de openbare ruimte worden gedekt uit de algemene reserve.',
];
const TECH = [
  'In het centrum wordt het cameratoezicht uitgebreid met vier camera’s; een DPIA is nog niet uitgevoerd.',
  'De gemeente wil een algoritme inzetten om aanvragen voor bijstand te controleren op fraude.',
  'Handhavers dragen bij evenementen bodycams; de beelden worden 28 dagen bewaard.',
  'Slimme sensoren in de lantaarnpalen tellen de bezoekersstromen in de binnenstad.',
];
const TOPICS = [
  'Vaststelling agenda',
  'Vaststellen besluitenlijst vorige vergadering',
  'Raadsvoorstel Programmabegroting 2027',
  'Raadsvoorstel cameratoezicht binnenstad',
  'Bestemmingsplan Hofkamp-Zuid',
  'Verordening Jeugdhulp 2026',
  'Motie vreemd aan de orde: toegankelijkheid stembureaus',
  'Raadsvoorstel inzet algoritmen sociaal domein',
  'Jaarstukken 2025 Regio Twente',
  'Benoeming leden rekenkamercommissie',
  'Krediet renovatie sporthal De Kolk',
  'Zienswijze ontwerpbegroting Veiligheidsregio Twente',
];

/** An iBabs-style meeting page with `items` agenda items; no script of its own. */
export function meetingPage(items: number, seed = 17): string {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const guid = (i: number) => `${(0x1a2b3c4d + i * 7919).toString(16)}-bc6f-41fd-bc6f-${(0xa662d7bdc36e + i).toString(16)}`;
  const out: string[] = [
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Raad 1 april 2026 - Gemeente Almelo</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body class="ibabs">',
    '<header class="navbar"><a class="navbar-brand" href="/">Gemeente Almelo</a><ul class="navbar-nav"><li><a href="/Calendar">Kalender</a></li><li><a href="/Agenda">Vergaderingen</a></li><li><a href="/People">Raad</a></li></ul></header>',
    '<main id="content" class="d-flex"><div class="container d-flex align-items-stretch flex-fill"><div class="row maincontent sidecontent-left flex-fill"><aside class="col-md-3 col-lg-3" id="sidecontent-left">',
  ];
  for (let year = 2026; year >= 2010; year--) {
    out.push(`<div class="widget"><div class="widgetLabel"><h2><a href="#year${year}">${year}</a></h2></div><div class="widgetContent"><ul class="list-group"><li class="clearfix agenda-year list-group-item"><div class="details collapse" id="year${year}"><ul class="list-group">`);
    if (year === 2026) {
      for (const d of ['dinsdag 26 mei', 'woensdag 1 april', 'dinsdag 31 maart', 'dinsdag 3 maart', 'dinsdag 27 januari']) {
        out.push(`<li class="agenda-link list-group-item"><a href="/Agenda/Index/${guid(d.length)}"><div class="agenda-link-title">${d} <span class="sr-only">2026</span></div></a></li>`);
      }
    }
    out.push('</ul></div></li></ul></div></div>');
  }
  out.push(
    '</aside><section class="col-md-9 maincontent" id="maincontent"><div class="row"><div class="box col"><div class="box-inner"><div class="box-header">',
    '<a id="backButton" href="#" class="btn-sm btn-ris float-md-right">Vorige pagina</a><h1>Raad</h1><h2>woensdag 1 april 2026</h2><div class="heading3">19:30 - 23:00</div></div>',
    '<div class="box-content box-padding"><dl class="row"><dt class="col-sm-3">Locatie</dt><dd class="col-sm-9"><p>Raadzaal</p></dd><dt class="col-sm-3">Voorzitter</dt><dd class="col-sm-9">R.T.A. Korteland</dd>',
    `<dt class="col-sm-3">Agenda documenten</dt><dd class="col-sm-9"><ul class="list-group list-attachments"><li class="list-group-item"><a href="/Agenda/Document/${guid(0)}?documentId=${guid(1)}" class="unread"><span class="icon pdf" aria-label="pdf" role="img"></span>Agenda raadsvergadering 1 april 2026 <span class="badge badge-light badge-pill">91 KB</span></a></li></ul></dd></dl></div></div></div></div>`,
    '<div class="row"><div class="box col"><div class="box-inner"><div class="box-header"><h2>Agendapunten</h2></div><div class="box-content"><div class="box-content-collapse panel-group" id="agendaitems"><ol>',
  );
  for (let i = 1; i <= items; i++) {
    const id = guid(100 + i);
    const topic = TOPICS[(i - 1) % TOPICS.length]!;
    const paragraphs = Array.from({ length: 2 + Math.floor(r() * 3) }, () =>
      Array.from({ length: 2 + Math.floor(r() * 3) }, () => (r() < 0.06 ? pick(TECH) : pick(SENTENCES))).join(' '),
    );
    out.push(
      `<li><div class="panel panel-default agenda-item" id="${id}"><div class="panel-heading large" id="heading-${id}"><div class="d-flex"><div class="panel-id">${i}</div>`,
      `<h3 class="panel-title"><button class="arrow-right" type="button" aria-expanded="true" aria-controls="collapse-${id}"><span class="panel-title-label">${topic}</span></button></h3></div></div>`,
      `<div id="collapse-${id}" class="panel-collapse collapse show" aria-labelledby="heading-${id}"><div class="panel-body"><div class="row odd"><div class="col-12 text">`,
      ...paragraphs.map((p) => `<p>${p}</p>`),
      '</div></div>',
    );
    const attachments = Math.floor(r() * 4);
    if (attachments > 0) {
      out.push('<div class="row even"><div class="col-12 label"><h4>Bijlagen</h4></div><div class="col-12 text"><ul class="list-group list-attachments">');
      for (let a = 1; a <= attachments; a++) {
        out.push(
          `<li class="list-group-item"><a href="/Agenda/Document/${guid(0)}?documentId=${guid(1000 + i * 10 + a)}&amp;agendaItemId=${id}" class="unread"><span class="icon pdf" aria-label="pdf" role="img"></span>${topic} - bijlage ${a} <span class="badge badge-light badge-pill">${60 + a * 13} KB</span></a></li>`,
        );
      }
      out.push('</ul></div></div>');
    }
    out.push('</div></div></div></li>');
  }
  out.push('</ol></div></div></div></div></div></section></div></div></main><footer class="footer"><p>Gemeente Almelo · Postbus 5100 · 7600 GC Almelo</p></footer></body></html>');
  return out.join('\n');
}
