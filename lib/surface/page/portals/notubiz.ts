// NotuBiz raadsinformatie portals (server-rendered HTML; documents are PDFs on /document/...).
// Built for (URL shapes observed in public scraper code):
//   https://amsterdam.raadsinformatie.nl/vergadering/1528626                             meeting + agenda + video
//   https://denhaag.raadsinformatie.nl/vergadering/322288/Raad%20%283%20dagdelen%29%2006-07-2017
//   https://amsterdam.raadsinformatie.nl/modules/6/moties/view                           module list
//   https://raadsinformatie.eindhoven.nl/document/12915671/2/…                         a PDF
// Attachments: /document/{id}/{version}/{filename} and api.notubiz.nl/document/{id}/{v}.
import { defineDetector } from './define';
import { findDate, pathMatches } from './dom';
import { PORTAL_HOSTS } from './hosts';

export const notubiz = defineDetector({
  id: 'notubiz',
  label: 'NotuBiz',
  hosts: PORTAL_HOSTS.notubiz,
  main: ['#content .main', 'main', '#content', '.content'],
  chrome: ['.media-player', '.video-player', '.livestream', '.agenda-share', '.filter-bar'],
  title: ['.document-title', '.module-title', '.event-title', 'main h1', 'h1'],
  meeting: ['.event-title', '.meeting-title'],
  date: ['.event-date time', '.event-date', '.document-date time', '.document-date'],
  agendaItem: ['.agenda-item.selected .agenda-item-title', '.document-context .agenda-item-title'],
  typeLabel: ['.document-type', '.module-type'],
  attachmentLinks: 'a[href*="/document/"], a[href$=".pdf" i]',
  // NotuBiz on a municipal host: /vergadering/{id} or /modules/… pages linking /document/{id}/{v}/….
  recognises: (location, doc) =>
    /^\/(vergadering\/\d+|modules\/\d+\/)/i.test(location.pathname) && !!doc.querySelector('a[href*="/document/"]'),
  // Agenda items with their documents: `.agenda-item` (`.agenda_item` on older sites).
  groups: {
    item: '.agenda-item, .agenda_item',
    number: ['.agenda-item-number', '.ai_number'],
    title: ['.agenda-item-title', '.ai_title', 'h2', 'h3'],
  },
  // The host names it (denhaag.raadsinformatie.nl, raadsinformatie.eindhoven.nl): see gemeenten.ts.
  gemeente: () => undefined,
  // /vergadering/{id}/{name date}: the meeting and its date as the URL spells them, where the page does not.
  refine(meta, _doc, location) {
    const m = location.pathname.match(/\/vergadering\/\d+\/([^/]+)/i);
    if (!m) return meta;
    let name = m[1]!.replace(/\+/g, ' ');
    try {
      name = decodeURIComponent(name);
    } catch {
      return meta;
    }
    const date = findDate(name);
    const meeting = (date ? name.replace(date, '') : name).replace(/\s+/g, ' ').trim();
    return { ...meta, meeting: meta.meeting ?? (meeting || undefined), date: meta.date ?? date };
  },
  pageType(location, doc) {
    if (pathMatches(location, /\/vergadering\//i) || doc.querySelector('.agenda-items')) return 'agenda';
    if (pathMatches(location, /\/modules\//i) || doc.querySelector('.module-list')) return 'documentenlijst';
    return undefined;
  },
});
