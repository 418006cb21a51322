// A whole meeting's attachments, generated (never committed): an iBabs agenda page linking 40 PDFs
// with 2,000 pages in all, as a council meeting brings them — short raadsvoorstellen and moties,
// bijlagen with tables, a few long reports (jaarverslag, evaluatie, begroting), some about
// technology that processes personal data. The PDFs are laid out as word processors write them:
// a running header, headings in bold, justified-looking paragraphs of 80–95 characters a line,
// tables as positioned cells with ruled lines, a page footer, and content streams compressed with
// FlateDecode (so the panel's unpack check and pdf.js' inflater both have work to do).
// Used by test/bench/meeting.bench.ts and test/e2e/meeting.spec.ts.
import { deflateSync } from 'node:zlib';
import { assemble } from '../fixtures/pdf/make-simple-pdf.mjs';
import { rng } from './corpus';

export const AGENDA_HOST = 'almelo.bestuurlijkeinformatie.nl';
export const AGENDA_PATH = '/Agenda/Index/6f1c2a7e-9d3b-4c55-8e21-meeting00040';
const MEETING = '6f1c2a7e-9d3b-4c55-8e21-meeting00040';

export interface MeetingDoc {
  name: string;
  /** Path + query on AGENDA_HOST, the iBabs document route. */
  path: string;
  pages: number;
  kind: 'voorstel' | 'bijlage' | 'rapport' | 'motie';
  /** Its text names technology that processes personal data. */
  tech: boolean;
}

const SENTENCES = [
  'Het college stelt de raad voor in te stemmen met de uitvoering van het programma zoals in dit voorstel beschreven.',
  'De commissie Bestuur heeft het voorstel besproken en adviseert het als bespreekstuk te agenderen.',
  'In de begroting is voor de jaren 2026 tot en met 2029 een structureel bedrag van € 250.000 opgenomen.',
  'De wijkraden en de ondernemersvereniging zijn in een bijeenkomst in het stadhuis over de plannen geïnformeerd.',
  'Na vaststelling volgt een evaluatie na twee jaar, waarvan de uitkomsten aan de raad worden voorgelegd.',
  'Het bestemmingsplan ligt zes weken ter inzage; binnen die termijn kan iedereen een zienswijze indienen.',
  'Het voorstel past binnen de kaders van de Omgevingsvisie en het coalitieakkoord 2022-2026.',
  'Met de provincie en de buurgemeenten wordt samengewerkt in de regio; de afspraken staan in een convenant.',
  'De kosten van het onderhoud van de openbare ruimte worden gedekt uit de algemene reserve.',
  'De risico’s zijn in beeld gebracht en passen binnen het weerstandsvermogen van de gemeente.',
  'Ondernemers in het centrum vragen al jaren om een betere bereikbaarheid en meer parkeerplaatsen.',
  'De uitvoering ligt bij het team Openbare Ruimte, dat hiervoor tijdelijk twee medewerkers inhuurt.',
];
const TECH = [
  'In het centrum wordt het cameratoezicht uitgebreid met vier camera’s; een DPIA is nog niet uitgevoerd.',
  'De gemeente wil een algoritme inzetten om aanvragen voor bijstand te controleren op fraude.',
  'Handhavers dragen bij evenementen bodycams; de beelden worden 28 dagen bewaard.',
  'Slimme sensoren in de lantaarnpalen tellen met wifitracking de bezoekersstromen in de binnenstad.',
  'Met ANPR-camera’s worden kentekens gescand bij de toegang tot de milieuzone.',
];
const TITLES: Record<MeetingDoc['kind'], string[]> = {
  voorstel: ['Raadsvoorstel', 'Raadsbesluit', 'Raadsinformatiebrief'],
  bijlage: ['Bijlage financiële verantwoording', 'Bijlage planning en kosten', 'Bijlage nota van beantwoording', 'Bijlage overzicht subsidies'],
  rapport: ['Jaarverslag 2025', 'Evaluatie cameratoezicht en sensoren 2021-2025', 'Programmabegroting 2027'],
  motie: ['Motie', 'Amendement'],
};
const TOPICS = ['cameratoezicht binnenstad', 'programmabegroting 2027', 'bestemmingsplan Hofkamp-Zuid', 'verordening jeugdhulp', 'inzet algoritmen sociaal domein', 'renovatie sporthal De Kolk', 'slimme lantaarnpalen', 'zienswijze veiligheidsregio'];

/** The agenda's documents: 40, 2,000 pages in all, in agenda order (short pieces first in each item, as portals list them). */
export function meetingDocs(count = 40, totalPages = 2000): MeetingDoc[] {
  const r = rng(40);
  // Three long reports, eight middle-sized bijlagen, the rest short; scaled to totalPages.
  const sizes: { kind: MeetingDoc['kind']; pages: number }[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i % 13;
    if (slot === 4 && sizes.filter((s) => s.kind === 'rapport').length < 3) sizes.push({ kind: 'rapport', pages: 280 + Math.floor(r() * 60) });
    else if (slot % 3 === 1) sizes.push({ kind: 'bijlage', pages: 20 + Math.floor(r() * 40) });
    else if (slot % 5 === 2) sizes.push({ kind: 'motie', pages: 1 + Math.floor(r() * 2) });
    else sizes.push({ kind: 'voorstel', pages: 3 + Math.floor(r() * 10) });
  }
  const sum = sizes.reduce((a, s) => a + s.pages, 0);
  let left = totalPages;
  const out: MeetingDoc[] = sizes.map((s, i) => {
    const pages = i === sizes.length - 1 ? left : Math.max(1, Math.round((s.pages * totalPages) / sum));
    left -= pages;
    const topic = TOPICS[i % TOPICS.length]!;
    const title = TITLES[s.kind][i % TITLES[s.kind].length]!;
    const docId = `d0c${String(i + 1).padStart(3, '0')}-4e2a-9b1c-${(0xa662d7bdc36e + i).toString(16)}`;
    return {
      name: `${title} ${topic}`,
      path: `/Agenda/Document/${MEETING}?documentId=${docId}&agendaItemId=${Math.floor(i / 4) + 1}`,
      pages,
      kind: s.kind,
      tech: /camera|algoritm|lantaarn/.test(topic) || s.kind === 'rapport',
    };
  });
  // A last document that got a rounding remainder below one page keeps one.
  if (out.at(-1)!.pages < 1) out.at(-1)!.pages = 1;
  return out;
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
/** WinAnsi bytes for the standard fonts: the typographic apostrophe and € are in the code page. */
const winAnsi = (s: string) => s.replace(/’/g, '\x92').replace(/€/g, '\x80');

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One page's content stream: header, heading, paragraphs or a table, footer. */
function pageContent(doc: MeetingDoc, n: number, r: () => number): string {
  const ops: string[] = [];
  const text = (font: string, size: number, x: number, y: number, s: string) => ops.push(`BT /${font} ${size} Tf ${x} ${y} Td (${esc(winAnsi(s))}) Tj ET`);
  text('F1', 8, 72, 805, `Gemeente Almelo · ${doc.name}`);
  ops.push('0.5 w 72 800 m 523 800 l S');
  let y = 770;
  if (n === 1 || r() < 0.25) {
    text('F2', n === 1 ? 15 : 12, 72, y, n === 1 ? doc.name : `${n}. ${['Aanleiding', 'Beoogd effect', 'Argumenten', 'Kanttekeningen', 'Financiën', 'Uitvoering'][n % 6]}`);
    y -= 26;
  }
  const table = (doc.kind === 'bijlage' || doc.kind === 'rapport') && n % 3 === 0;
  if (table) {
    const cols = [72, 220, 330, 430];
    text('F2', 9, cols[0]!, y, 'Onderdeel');
    text('F2', 9, cols[1]!, y, 'Begroot 2026');
    text('F2', 9, cols[2]!, y, 'Realisatie');
    text('F2', 9, cols[3]!, y, 'Verschil');
    y -= 4;
    for (let row = 0; row < 30 && y > 120; row++) {
      ops.push(`0.3 w 72 ${y} m 523 ${y} l S`);
      y -= 13;
      const a = 10_000 + Math.floor(r() * 900_000);
      const b = Math.floor(a * (0.8 + r() * 0.4));
      text('F1', 9, cols[0]!, y, `${TOPICS[row % TOPICS.length]!.slice(0, 24)} ${row + 1}`);
      text('F1', 9, cols[1]!, y, `€ ${a.toLocaleString('nl-NL')}`);
      text('F1', 9, cols[2]!, y, `€ ${b.toLocaleString('nl-NL')}`);
      text('F1', 9, cols[3]!, y, `${b - a < 0 ? '-' : ''}€ ${Math.abs(b - a).toLocaleString('nl-NL')}`);
    }
    y -= 20;
  }
  while (y > 90) {
    const sentences = Array.from({ length: 3 + Math.floor(r() * 4) }, () => (doc.tech && r() < 0.08 ? TECH[Math.floor(r() * TECH.length)]! : SENTENCES[Math.floor(r() * SENTENCES.length)]!));
    for (const line of wrap(sentences.join(' '), 80 + Math.floor(r() * 15))) {
      if (y <= 90) break;
      text('F3', 10.5, 72, y, line);
      y -= 13.5;
    }
    y -= 8;
  }
  text('F1', 8, 72, 40, `Pagina ${n} van ${doc.pages}`);
  return ops.join('\n');
}

/** The PDF of one agenda document. */
export function meetingPdf(doc: MeetingDoc, seed: number): Uint8Array {
  const r = rng(seed);
  const fonts = '/Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>',
  ];
  const kids: string[] = [];
  for (let n = 1; n <= doc.pages; n++) {
    const pageObj = objects.length + 1;
    kids.push(`${pageObj} 0 R`);
    const packed = deflateSync(Buffer.from(pageContent(doc, n, r), 'latin1')).toString('latin1');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${fonts} >> /Contents ${pageObj + 1} 0 R >>`);
    objects.push(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${doc.pages} >>`;
  return assemble(objects);
}

/** An iBabs meeting page (Almelo's structure) with the documents under their agenda items, four per item. */
export function meetingAgendaPage(docs: MeetingDoc[]): string {
  const out = [
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Raad 1 april 2026 - Gemeente Almelo</title></head><body class="ibabs" data-site-name="Almelo">',
    '<main id="content" class="d-flex"><div class="row maincontent"><section class="col-md-9 maincontent" id="maincontent">',
    '<div class="box-header"><h1>Raad</h1><h2>woensdag 1 april 2026</h2></div>',
    '<div class="box-content"><div class="box-content-collapse panel-group" id="agendaitems"><ol>',
  ];
  for (let item = 0; item * 4 < docs.length; item++) {
    const inItem = docs.slice(item * 4, item * 4 + 4);
    out.push(
      `<li><div class="panel panel-default agenda-item" id="item-${item + 1}"><div class="panel-heading"><div class="panel-id">${item + 1}</div>`,
      `<h3 class="panel-title"><span class="panel-title-label">${TOPICS[item % TOPICS.length]}</span></h3></div>`,
      `<div class="panel-body"><p>${SENTENCES[item % SENTENCES.length]}</p><h4>Bijlagen</h4><ul class="list-group list-attachments">`,
      ...inItem.map((d) => `<li class="list-group-item"><a href="${d.path.replace(/&/g, '&amp;')}"><span class="icon pdf" aria-label="pdf" role="img"></span>${d.name} <span class="badge">${d.pages} p.</span></a></li>`),
      '</ul></div></div></li>',
    );
  }
  out.push('</ol></div></div></section></div></main></body></html>');
  return out.join('\n');
}
