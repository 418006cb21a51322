// iBabs Publieksportaal ("Bestuurlijke Informatie"), server-rendered HTML, no login.
// Built for (URL shapes observed in public scraper code, and pages captured from
// almelo.bestuurlijkeinformatie.nl):
//   https://almelo.bestuurlijkeinformatie.nl/Agenda/Index/{guid}                       meeting + agenda
//   https://rotterdamraad.bestuurlijkeinformatie.nl/Agenda/Document/{guid}?documentId={guid}&agendaItemId={id}
//   https://almelo.bestuurlijkeinformatie.nl/Reports/Details/{guid}                    overview (moties, raadsbrieven)
// Pages: `main#content > .row.maincontent` with the sidebar `aside#sidecontent-left` (iBabs puts the
// overviews' "Filters" h1 there) and `section#maincontent`. A meeting's heading is `.box-header h1`
// ("Raad") with the date as the h2 right under it ("woensdag 1 april 2026"); agenda items are
// `#agendaitems .agenda-item` (number `.panel-id`, title `.panel-title-label`). Documents are links
// `/Agenda/Document/{meeting}?documentId=…&agendaItemId=…` named by their text, a size badge after it.
// Overviews fill their table rows later from /Reports/GetReportData/{id} (the content script follows).
// Older download routes: /Document/LoadAgendaItemDocument/{id}, /Document/View/{id},
// https://api1.ibabs.eu/publicdownload.aspx?site=X&id={guid}.
import { defineDetector } from './define';
import { pathMatches } from './dom';
import { PORTAL_HOSTS } from './hosts';

const MEETING = '#maincontent .box-header h1, .meeting-title, .meeting-name';

export const ibabs = defineDetector({
  id: 'ibabs',
  label: 'iBabs',
  hosts: PORTAL_HOSTS.ibabs,
  main: ['#content main', 'main#content', 'main', '#content', '.body-content'],
  chrome: [
    '.video-container', '.livestream', '.share-buttons', '.agenda-filter', '.sidebar', '#sidecontent-left',
    '#backButton', '.backButton', '.font-size', '.cwc', '#react-search-header-root', '.skipcontent',
    // The calendar's month heading ("april 2026") is its navigation, not the page's title.
    '#calendar-title',
  ],
  title: ['.document-title', '.report-title', '#maincontent .box-header h1', '.meeting-title', '#maincontent h1', 'main h1', 'h1'],
  meeting: ['.meeting-name', '.meeting-title'],
  date: ['.meeting-date time', '.meeting-date', '.document-date time', '.document-date', '#maincontent .box-header h1 + h2'],
  agendaItem: ['.document-context .agenda-item-title', '.agenda-item.active .agenda-item-title'],
  typeLabel: ['.document-type', '.report-type'],
  attachmentLinks:
    'a[href*="/Agenda/Document/"], a[href*="documentId="], a[href*="/Document/LoadAgendaItemDocument/"], a[href*="/Document/LoadAgendaDocument/"], a[href*="/Document/View/"], a[href*="publicdownload.aspx"]',
  groups: {
    item: '.agenda-item',
    number: ['.panel-id', '.agenda-item-number'],
    title: ['.panel-title-label', '.agenda-item-title', '.panel-title'],
  },
  // iBabs behind a municipal host: its MVC routes and download endpoints.
  recognises: (location, doc) =>
    /^\/(Agenda\/(Index|Document)|Reports\/(Details|Item))\//.test(location.pathname) &&
    !!doc.querySelector('a[href*="/Agenda/Document/"], a[href*="/Document/LoadAgendaItemDocument/"], a[href*="/Document/View/"], a[href*="publicdownload.aspx"]'),
  // <body data-site-name="Almelo">: the portal's own name for its gemeente.
  gemeente: (_location, doc) => doc.body?.getAttribute('data-site-name') ?? undefined,
  pageType(location, doc) {
    if (pathMatches(location, /\/Agenda\/Index\//i) || doc.querySelector('.agenda-items, #agendaitems')) return 'agenda';
    // /Reports/Details/{id} is an overview (moties, raadsbrieven); a single item is named by its heading.
    if (pathMatches(location, /\/Reports\/Details\//i) || doc.querySelector('.report-list')) return 'documentenlijst';
    return undefined;
  },
  refine(meta, doc) {
    // A meeting page names its meeting in the box heading; an overview's heading is the list's name.
    if (meta.meeting || !doc.querySelector('#agendaitems, .agenda-items')) return meta;
    const meeting = doc.querySelector(MEETING)?.textContent?.replace(/\s+/g, ' ').trim();
    return meeting ? { ...meta, meeting } : meta;
  },
});
