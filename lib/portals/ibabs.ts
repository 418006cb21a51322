// iBabs Publieksportaal ("Bestuurlijke Informatie"), server-rendered HTML, no login.
// Built for (research notes §1.1, URL shapes observed in public ORI scraper code):
//   https://utrecht.bestuurlijkeinformatie.nl/Agenda/Index/{guid}                      meeting + agenda
//   https://rotterdamraad.bestuurlijkeinformatie.nl/Agenda/Document/{guid}?documentId={guid}&agendaItemId={id}
//   https://laarbeek.bestuurlijkeinformatie.nl/Reports/Details/{guid}                  module list (moties, RIB's)
// Attachments: /Document/LoadAgendaItemDocument/{id}?agendaItemId=…, /Document/View/{id},
// https://api1.ibabs.eu/publicdownload.aspx?site=X&id={guid}.
// The selectors are modelled on those structures (test/fixtures/portals/ibabs-*.html); the body
// text of most iBabs documents is in the PDF, so the page mostly gives titles and attachments.
import { defineDetector } from './define';
import { gemeenteFromSubdomain, pathMatches } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const ibabs = defineDetector({
  id: 'ibabs',
  label: 'iBabs',
  hosts: PORTAL_HOSTS.ibabs,
  main: ['#content main', 'main#content', 'main', '#content', '.body-content'],
  chrome: ['.video-container', '.livestream', '.share-buttons', '.agenda-filter', '.sidebar'],
  title: ['.document-title', '.report-title', '.meeting-title', 'main h1', 'h1'],
  meeting: ['.meeting-name', '.meeting-title'],
  date: ['.meeting-date time', '.meeting-date', '.document-date time', '.document-date'],
  agendaItem: ['.document-context .agenda-item-title', '.agenda-item.active .agenda-item-title'],
  typeLabel: ['.document-type', '.report-type'],
  attachmentLinks:
    'a[href*="/Document/LoadAgendaItemDocument/"], a[href*="/Document/LoadAgendaDocument/"], a[href*="/Document/View/"], a[href*="publicdownload.aspx"], a[href$=".pdf" i]',
  // iBabs behind a municipal host: its MVC routes and download endpoints.
  recognises: (location, doc) =>
    /^\/(Agenda\/(Index|Document)|Reports\/(Details|Item))\//.test(location.pathname) &&
    !!doc.querySelector('a[href*="/Document/LoadAgendaItemDocument/"], a[href*="/Document/View/"], a[href*="publicdownload.aspx"]'),
  gemeente: (location) => gemeenteFromSubdomain(location.hostname),
  pageType(location, doc) {
    if (pathMatches(location, /\/Agenda\/Index\//i) || doc.querySelector('.agenda-items')) return 'agenda';
    if (pathMatches(location, /\/Reports\//i) || doc.querySelector('.report-list')) return 'documentenlijst';
    return undefined;
  },
});
